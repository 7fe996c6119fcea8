"""The differential check: does the Rust translation behave like the Python module?

`check_module` runs the module's `if __name__ == "__main__":` block twice -- under CPython
and as a compiled Rust binary -- and compares what they print. This EXECUTES THE USER'S
CODE (as the user, on their machine), which is why it lives behind the explicit
`portalis check` command and never runs during an editor hover.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from backend.transpiler.record import Status, Translation
from backend.transpiler.verify import CompileError, compile_program, limited_argv

__all__ = ["CheckResult", "Stage", "check_module", "has_main_block", "normalize_output"]

Stage = Literal["translate", "compile", "run"]
Translator = Callable[[str], Translation]

# Both programs get the same address-space cap, so that a runaway loop that allocates
# fails the same way on both sides instead of swapping the machine.
RUN_MEMORY_LIMIT = 4 << 30
NOTHING_TO_RUN = (
    'nothing to run: the module has no `if __name__ == "__main__":` block, '
    "so there is no program whose output could be compared"
)


@dataclass
class CheckResult:
    """Outcome of one differential check.

    `python_exit`/`rust_exit` are None when that side did not run to completion
    (timed out, or never started because an earlier stage failed).
    """

    python_stdout: str
    rust_stdout: str
    python_exit: int | None
    rust_exit: int | None
    matches: bool
    diff: str
    translation: Translation | None
    stage_failed: Stage | None
    message: str = ""
    python_stderr: str = ""
    rust_stderr: str = ""
    nothing_to_run: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "python_stdout": self.python_stdout,
            "rust_stdout": self.rust_stdout,
            "python_exit": self.python_exit,
            "rust_exit": self.rust_exit,
            "matches": self.matches,
            "diff": self.diff,
            "stage_failed": self.stage_failed,
            "message": self.message,
            "nothing_to_run": self.nothing_to_run,
            "translation": self.translation.to_json() if self.translation else None,
        }


# --- output normalisation -------------------------------------------------------------

# A bool token standing alone ("true", not "untrue" or "true_value").
_BOOL_RE = re.compile(r"(?<![\w.])(True|true|False|false)(?![\w.])")
# A float literal whose value is an integer: "1.0", "-3.00", "1.0e3" is NOT matched
# (exponent forms are left alone: they are rare and ambiguous). The look-arounds refuse
# tokens that are part of something bigger: "1.0.2", "v1.0", "1.0x", "a.1.0".
_INTEGRAL_FLOAT_RE = re.compile(r"(?<![\w.])(-?\d+)\.0+(?![\w.])")


def normalize_output(text: str) -> str:
    """Canonicalise program output per the acceptance rule.

    "True/true and 1/1.0 are treated as equal": bool tokens are capitalised the Python way,
    and a float token whose value is an integer loses its ".0". Nothing else changes --
    whitespace, other numbers, and word-internal matches are kept exactly, so that the
    check stays strict about everything the rule does not forgive.
    """
    text = _BOOL_RE.sub(lambda m: m.group(1).capitalize(), text)
    # "-0.0" becomes "-0", not "0": both languages print the sign of negative zero.
    return _INTEGRAL_FLOAT_RE.sub(r"\1", text)


# --- detection --------------------------------------------------------------------------


def has_main_block(source: str) -> bool:
    """True if the module has a top-level `if __name__ == "__main__":` block.

    A module that cannot be parsed has no block (the translator reports the syntax error).
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return any(isinstance(node, ast.If) and _is_main_test(node.test) for node in tree.body)


def _is_main_test(test: ast.expr) -> bool:
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and len(test.comparators) == 1
    ):
        return False
    sides = (test.left, test.comparators[0])
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(consts) == 1


# --- running ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    stdout: str
    stderr: str
    exit_code: int | None  # None: timed out
    error: str = ""


def _run_program(argv: Sequence[str], cwd: Path, timeout_s: float) -> _Run:
    """Run a program with stdin closed, a timeout and a memory cap; never raises."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", RUST_BACKTRACE="0")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.Popen(
            limited_argv(argv, RUN_MEMORY_LIMIT),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        return _Run("", "", -1, f"cannot start {argv[0]}: {exc}")
    with proc:
        try:
            out, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            out, err = proc.communicate()
            return _Run(_decode(out), _decode(err), None, f"timed out after {timeout_s:g} s")
    return _Run(_decode(out), _decode(err), proc.returncode)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, 9)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _default_translator(source: str) -> Translation:
    # Imported lazily: the engine package imports this package's siblings at import time.
    from backend.transpiler import translate

    return translate(source)


# --- the check --------------------------------------------------------------------------


def check_module(
    source: str,
    *,
    filename: str = "main.py",
    timeout_s: float = 20.0,
    translator: Translator | None = None,
) -> CheckResult:
    """Run `source` under CPython and as translated Rust; compare their stdout.

    The two runs match when their normalised stdout is identical and both exit with
    status 0, or both exit non-zero (an uncaught exception must stay a failure; the exact
    status differs by design: Python exits 1, a Rust panic 101).
    `translator` defaults to the embedded engine; tests pass their own.
    """
    if not has_main_block(source):
        return _nothing_to_run(source, translator)
    with tempfile.TemporaryDirectory(prefix="portalis-check-") as tmp:
        workdir = Path(tmp)
        script = workdir / Path(filename).name
        script.write_text(source, encoding="utf-8")
        python = _run_program([sys.executable, script.name], workdir, timeout_s)
        translation = (translator or _default_translator)(source)
        if translation.status is Status.FAILED:
            return _failed("translate", python, translation, _first_error(translation))
        try:
            exe = compile_program(translation.rust_code, workdir / "rust", timeout_s=60.0)
        except CompileError as exc:
            return _failed("compile", python, translation, str(exc))
        rust = _run_program([str(exe)], workdir, timeout_s)
    return _compare(python, rust, translation, filename)


def _nothing_to_run(source: str, translator: Translator | None) -> CheckResult:
    del source, translator  # nothing is translated: there is nothing to compare against
    return CheckResult(
        python_stdout="",
        rust_stdout="",
        python_exit=None,
        rust_exit=None,
        matches=False,
        diff="",
        translation=None,
        stage_failed=None,
        message=NOTHING_TO_RUN,
        nothing_to_run=True,
    )


def _first_error(translation: Translation) -> str:
    for diag in translation.diagnostics:
        line = diag.range.line
        return f"translation failed: {line}:{diag.range.col}: {diag.message} [{diag.code}]"
    return "translation failed"


def _failed(stage: Stage, python: _Run, translation: Translation, message: str) -> CheckResult:
    return CheckResult(
        python_stdout=python.stdout,
        rust_stdout="",
        python_exit=python.exit_code,
        rust_exit=None,
        matches=False,
        diff="",
        translation=translation,
        stage_failed=stage,
        message=message,
        python_stderr=python.stderr,
    )


def _compare(python: _Run, rust: _Run, translation: Translation, filename: str) -> CheckResult:
    py_norm = normalize_output(python.stdout)
    rs_norm = normalize_output(rust.stdout)
    timed_out = python.exit_code is None or rust.exit_code is None
    same_outcome = not timed_out and (python.exit_code == 0) == (rust.exit_code == 0)
    matches = same_outcome and py_norm == rs_norm
    if matches and translation.status is Status.COMPILES:
        translation = dataclasses.replace(translation, status=Status.VERIFIED)
    return CheckResult(
        python_stdout=python.stdout,
        rust_stdout=rust.stdout,
        python_exit=python.exit_code,
        rust_exit=rust.exit_code,
        matches=matches,
        diff=_unified_diff(py_norm, rs_norm, filename),
        translation=translation,
        stage_failed="run" if timed_out else None,
        message=_describe(python, rust, matches),
        python_stderr=python.stderr,
        rust_stderr=rust.stderr,
    )


def _describe(python: _Run, rust: _Run, matches: bool) -> str:
    if python.exit_code is None:
        return f"python {python.error}"
    if rust.exit_code is None:
        return f"rust {rust.error}"
    if matches:
        return "outputs match"
    if (python.exit_code == 0) != (rust.exit_code == 0):
        return f"exit status differs: python {python.exit_code}, rust {rust.exit_code}"
    return "stdout differs"


def _unified_diff(python_out: str, rust_out: str, filename: str) -> str:
    """Diff of the normalised outputs (what was actually compared); empty when equal."""
    lines = difflib.unified_diff(
        python_out.splitlines(keepends=True),
        rust_out.splitlines(keepends=True),
        fromfile=f"{filename} (python stdout)",
        tofile=f"{filename} (rust stdout)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
