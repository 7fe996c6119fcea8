"""The differential check: normalisation rules, detection, and the run/compare pipeline.

Most tests use a hand-written "translator" (Python source -> fixed Rust) so that they test
the check itself; the last ones run the real engine end to end.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from backend.transpiler.check import check_module, has_main_block, normalize_output
from backend.transpiler.record import Diagnostic, Severity, SourceRange, Status, Translation

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

# --- normalize_output -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true\n", "True\n"),
        ("false\n", "False\n"),
        ("True False\n", "True False\n"),
        ("[true, false]", "[True, False]"),
        ("1.0\n", "1\n"),
        ("-3.0", "-3"),
        ("10.000", "10"),
        ("-0.0", "-0"),
        ("[1.0, 2.0]", "[1, 2]"),
        ("x = 2.0;", "x = 2;"),
        ("(1.0, 'a')", "(1, 'a')"),
    ],
)
def test_forgiven_differences_are_canonicalised(raw: str, expected: str) -> None:
    assert normalize_output(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3.14",
        "1.05",
        "0.5",
        "1e16",
        "1.0e16",
        "1.0.2",  # a version number, not a float
        "v1.0",
        "x1.0",
        "1.0x",
        "a.1.0",
        "untrue",
        "True_value",
        "is_false",
        "TRUE",
        "None",
        "  spaced  \t out ",
        "",
    ],
)
def test_everything_else_is_kept_exactly(text: str) -> None:
    assert normalize_output(text) == text


def test_real_differences_survive_normalisation() -> None:
    assert normalize_output("1.5") != normalize_output("1")
    assert normalize_output("True") != normalize_output("1")
    assert normalize_output("a b") != normalize_output("a  b")
    assert normalize_output("x\n") != normalize_output("x")


# --- has_main_block ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('if __name__ == "__main__":\n    pass\n', True),
        ("if '__main__' == __name__:\n    pass\n", True),
        ("def f():\n    if __name__ == '__main__':\n        pass\n", False),
        ("if __name__ != '__main__':\n    pass\n", False),
        ("if __name__ == 'main':\n    pass\n", False),
        ("x = 1\n", False),
        ("def (:\n", False),
    ],
)
def test_main_block_detection(source: str, expected: bool) -> None:
    assert has_main_block(source) is expected


# --- check_module with hand-written translations ----------------------------------------


def fixed(rust: str, status: Status = Status.COMPILES) -> Callable[[str], Translation]:
    """A translator that ignores its input and returns `rust`."""

    def translate(source: str) -> Translation:
        return Translation(rust_code=rust, status=status, confidence=0.9)

    return translate


PY_HELLO = textwrap.dedent(
    """
    def greet(n: int) -> str:
        return "hello " * n

    if __name__ == "__main__":
        print(greet(2).strip())
        print(3 > 2, 4 / 2)
    """
)
RS_HELLO = 'fn main() {\n    println!("hello hello");\n    println!("true 2");\n}\n'


def test_matching_outputs_verify_the_translation() -> None:
    result = check_module(PY_HELLO, translator=fixed(RS_HELLO))
    assert result.matches
    assert result.stage_failed is None
    assert result.python_stdout == "hello hello\nTrue 2.0\n"
    assert result.rust_stdout == "hello hello\ntrue 2\n"
    assert (result.python_exit, result.rust_exit) == (0, 0)
    assert result.diff == ""
    assert result.translation is not None
    assert result.translation.status is Status.VERIFIED


def test_partial_translation_is_not_promoted_to_verified() -> None:
    result = check_module(PY_HELLO, translator=fixed(RS_HELLO, Status.PARTIAL))
    assert result.matches
    assert result.translation is not None
    assert result.translation.status is Status.PARTIAL


def test_mismatch_produces_a_unified_diff() -> None:
    rust = 'fn main() {\n    println!("hello hello");\n    println!("true 2.5");\n}\n'
    result = check_module(PY_HELLO, filename="hello.py", translator=fixed(rust))
    assert not result.matches
    assert result.stage_failed is None
    assert result.message == "stdout differs"
    assert "--- hello.py (python stdout)" in result.diff
    assert "+++ hello.py (rust stdout)" in result.diff
    assert "-True 2\n" in result.diff
    assert "+True 2.5\n" in result.diff
    assert result.translation is not None
    assert result.translation.status is Status.COMPILES


def test_an_uncaught_exception_must_stay_a_failure() -> None:
    source = 'if __name__ == "__main__":\n    print("a")\n    raise ValueError("boom")\n'
    result = check_module(source, translator=fixed('fn main() { println!("a"); }\n'))
    assert not result.matches
    assert result.python_exit == 1
    assert result.rust_exit == 0
    assert "exit status differs" in result.message
    assert "ValueError: boom" in result.python_stderr


def test_both_failing_with_the_same_output_match() -> None:
    source = 'if __name__ == "__main__":\n    print("a")\n    raise ValueError("boom")\n'
    rust = 'fn main() {\n    println!("a");\n    panic!("ValueError: boom");\n}\n'
    result = check_module(source, translator=fixed(rust))
    assert result.matches
    assert (result.python_exit, result.rust_exit) == (1, 101)


def test_python_runs_with_a_fixed_hash_seed_and_closed_stdin() -> None:
    source = textwrap.dedent(
        """
        import os, sys
        if __name__ == "__main__":
            print(os.environ["PYTHONHASHSEED"])
            print(repr(sys.stdin.read()) if sys.stdin else "closed")
        """
    )
    result = check_module(source, translator=fixed("fn main() { println!(\"0\\n''\"); }\n"))
    assert result.python_stdout == "0\n''\n"
    assert result.matches


def test_failed_translation_stops_before_compiling() -> None:
    def failing(source: str) -> Translation:
        diag = Diagnostic(Severity.ERROR, "invalid syntax", "PRT001", SourceRange(2, 4, 2, 5))
        return Translation("", Status.FAILED, 0.0, diagnostics=[diag])

    result = check_module(PY_HELLO, translator=failing)
    assert result.stage_failed == "translate"
    assert not result.matches
    assert "2:4: invalid syntax [PRT001]" in result.message
    assert result.python_stdout == "hello hello\nTrue 2.0\n"


def test_rust_that_does_not_compile_fails_the_compile_stage() -> None:
    result = check_module(PY_HELLO, translator=fixed('fn main() { let x: i64 = "s"; }\n'))
    assert result.stage_failed == "compile"
    assert not result.matches
    assert "E0308" in result.message
    assert result.rust_exit is None


def test_a_program_that_hangs_is_stopped() -> None:
    source = 'if __name__ == "__main__":\n    while True:\n        pass\n'
    result = check_module(source, timeout_s=1.0, translator=fixed("fn main() {}\n"))
    assert result.stage_failed == "run"
    assert not result.matches
    assert result.python_exit is None
    assert "timed out" in result.message


def test_rust_that_hangs_is_stopped() -> None:
    source = 'if __name__ == "__main__":\n    print(1)\n'
    rust = "fn main() {\n    loop {\n        std::hint::spin_loop();\n    }\n}\n"
    # Generous enough for CPython to start on a loaded machine; Rust always uses all of it.
    result = check_module(source, timeout_s=3.0, translator=fixed(rust))
    assert result.stage_failed == "run"
    assert result.python_exit == 0
    assert result.rust_exit is None
    assert result.message.startswith("rust timed out")


def test_a_library_module_has_nothing_to_run() -> None:
    called: list[str] = []

    def spy(source: str) -> Translation:
        called.append(source)
        return Translation("", Status.COMPILES, 1.0)

    result = check_module("def f(x: int) -> int:\n    return x\n", translator=spy)
    assert result.nothing_to_run
    assert not result.matches
    assert "__main__" in result.message
    assert called == []


# --- with the real engine ---------------------------------------------------------------


ENGINE_PROGRAM = textwrap.dedent(
    """
    def collatz_steps(n: int) -> int:
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        return steps

    if __name__ == "__main__":
        for n in [1, 6, 27]:
            print(n, collatz_steps(n))
        print(collatz_steps(27) > 100)
    """
)


def test_engine_translation_behaves_like_cpython() -> None:
    result = check_module(ENGINE_PROGRAM, filename="collatz.py")
    assert result.stage_failed is None, result.message
    assert result.python_stdout == "1 0\n6 8\n27 111\nTrue\n"
    assert result.matches, result.diff
    assert result.translation is not None
    assert result.translation.status is Status.VERIFIED
