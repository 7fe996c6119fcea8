"""`re` on the regex crate: a crate build runs like CPython, a single file says it needs the
crate, and pattern features without an exact equivalent are reported (lower/regex.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backend.project import translate_project
from backend.project.crate import DEBIAN_REGISTRY, _write_cargo_source
from backend.transpiler import Severity, Status, translate
from backend.transpiler.lower.regex_syntax import (
    RegexFeature,
    translate_pattern,
    translate_replacement,
)
from backend.transpiler.record import TranslateOptions, Translation
from backend.transpiler.verify import find_tool

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

PROGRAM = Path(__file__).parent / "known_gaps" / "stdlib_re_tokens.py"


def in_crate(source: str, module: str = "texts") -> Translation:
    """Translate as translate-project does (siblings given: a crate module)."""
    return translate(source, options=TranslateOptions(module_name=module), siblings={})


def problems(result: Translation) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in result.diagnostics if d.severity is Severity.WARNING]


# --- crate build ------------------------------------------------------------------------


def test_crate_build_prints_what_cpython_prints(tmp_path: Path) -> None:
    cargo = find_tool("cargo")
    assert cargo is not None, "cargo is required for this test"
    assert any(DEBIAN_REGISTRY.glob("regex-[0-9]*")), (
        "Debian's librust-regex-dev is required (scripts/ensure-system-deps.sh installs it)"
    )
    src = tmp_path / "logs"
    src.mkdir()
    shutil.copy(PROGRAM, src / "scanner.py")
    crate = tmp_path / "logs_rs"
    report = translate_project(src, crate)
    assert report.complete, [(m.module, m.status.value, m.placeholders) for m in report.modules]
    toml = (crate / "Cargo.toml").read_text()
    assert 'regex = "1"' in toml.split("[dependencies]\n", 1)[1].split("[", 1)[0]
    assert 'directory = "/usr/share/cargo/registry"' in (crate / ".cargo/config.toml").read_text()
    # The crate is a library: a small binary calls the module's main block.
    (crate / "src/bin").mkdir()
    (crate / "src/bin/run.rs").write_text("fn main() { logs_rs::scanner::main() }\n")
    with (crate / "Cargo.toml").open("a") as toml_file:
        toml_file.write('\n[[bin]]\nname = "run"\npath = "src/bin/run.rs"\n')
    env = dict(os.environ, CARGO_TARGET_DIR=str(crate / "target"), CARGO_TERM_COLOR="never")
    built = subprocess.run(
        [cargo, "build", "--offline", "--quiet"],
        cwd=crate,
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    rust = subprocess.run(
        [str(crate / "target/debug/run")], capture_output=True, text=True, timeout=30, check=True
    )
    python = subprocess.run(
        [sys.executable, str(PROGRAM)], capture_output=True, text=True, timeout=30, check=True
    )
    assert rust.stdout == python.stdout


def test_regex_dependency_only_for_modules_that_use_re(tmp_path: Path) -> None:
    src = tmp_path / "plain"
    src.mkdir()
    (src / "util.py").write_text("def double(x: int) -> int:\n    return 2 * x\n")
    crate = tmp_path / "plain_rs"
    translate_project(src, crate)
    deps = (crate / "Cargo.toml").read_text().split("[dependencies]\n", 1)[1].split("[", 1)[0]
    assert deps.strip() == ""
    assert not (crate / ".cargo").exists()


def test_cargo_source_is_debians_only_where_it_has_the_crates(tmp_path: Path) -> None:
    empty = tmp_path / "registry"
    empty.mkdir()
    _write_cargo_source(tmp_path / "a", ["regex"], empty)
    assert not (tmp_path / "a/.cargo/config.toml").exists()  # crates.io, as cargo defaults
    (empty / "regex-1.7.1").mkdir()
    (empty / "regex-1.7.1/Cargo.toml").write_text("")
    _write_cargo_source(tmp_path / "b", ["regex"], empty)
    assert f'directory = "{empty}"' in (tmp_path / "b/.cargo/config.toml").read_text()


# --- single file ------------------------------------------------------------------------


def test_single_file_is_partial_and_names_the_crate() -> None:
    result = translate(PROGRAM.read_text())
    assert result.status is Status.PARTIAL
    codes = {code for code, _ in problems(result)}
    assert "PRT760" in codes
    message = next(m for code, m in problems(result) if code == "PRT760")
    assert "`regex` crate" in message and "portalis translate-project" in message
    assert "regex::" not in result.rust_code  # std-only
    assert result.metadata.get("crates") is None


def test_single_file_function_using_re_compiles_as_a_placeholder() -> None:
    source = textwrap.dedent(
        """
        import re

        def words(s: str) -> list[str]:
            found: list[str] = re.findall(r"\\w+", s)
            return found
        """
    )
    result = translate(source)
    assert result.status is Status.PARTIAL
    assert result.metadata["rustc"]["ok"], result.diagnostics  # the placeholder compiles
    assert [code for code, _ in problems(result) if code.startswith("PRT")] == ["PRT760"]


# --- what is refused ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "feature"),
    [
        (r"(\w)\1", "backreference"),
        (r"(?P<x>a)(?P=x)", "backreference"),
        (r"foo(?=bar)", "lookahead"),
        (r"foo(?!bar)", "lookahead"),
        (r"(?<=a)b", "lookbehind"),
        (r"(?<!a)b", "lookbehind"),
        (r"a*+", "possessive"),
        (r"(?>a+)", "atomic"),
        (r"(?i)abc", "inline flags"),
        (r"\bword\b", "word boundary"),
        (r"end$", "final newline"),
        (r"(a*)*", "empty string"),
        (r"\q", "escape"),
    ],
)
def test_pattern_features_without_an_exact_translation(pattern: str, feature: str) -> None:
    with pytest.raises(RegexFeature, match=feature):
        translate_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "rust"),
    [
        (r"\w+", r"[\p{L}\p{N}_]+"),
        (r"[\w-]", r"[\p{L}\p{N}_\-]"),
        (r"\s", r"[\s\x1C-\x1F]"),
        (r"[^\S]", r"[^[^\s\x1C-\x1F]]"),
        (r"a{,3}b{2}", r"a{0,3}b{2}"),
        (r"x{y}", r"x\{y\}"),
        (r"\Aa\Z", r"\Aa\z"),
        (r"[&~]", r"[\&\~]"),
        ("(?P<k>a)(?:b)(?#note)", "(?P<k>a)(?:b)"),
    ],
)
def test_patterns_spelled_as_python_means_them(pattern: str, rust: str) -> None:
    assert translate_pattern(pattern).rust == rust


def test_groups_that_may_not_take_part() -> None:
    pattern = translate_pattern(r"(a)(b)?(c|(d))(?:e(f))*")
    assert pattern.groups == 5
    assert pattern.optional_groups == {2, 4, 5}
    assert translate_pattern(r"|a").empty_preferred
    assert translate_pattern(r"a*?").empty_preferred
    assert translate_pattern(r"x*|a").empty_preferred  # an empty x* wins over "a" at "a"
    assert not translate_pattern(r"a|x*").empty_preferred


def test_replacement_template() -> None:
    pattern = translate_pattern(r"(?P<a>x)(y)")
    parts = translate_replacement(r"\g<a>-\2\n\.\\", pattern).parts
    assert parts == (1, "-", 2, "\n\\.\\")
    with pytest.raises(RegexFeature, match="group 3"):
        translate_replacement(r"\3", pattern)


def test_crate_module_reports_each_refused_use() -> None:
    source = textwrap.dedent(
        """
        import re

        def main() -> None:
            print(re.findall(r"(\\w)\\1", "aabb"))
            print(re.sub(r"a*?", "-", "baaa"))
            m = re.search(r"(a)(b)?", "ac")
            if m:
                print(m.group(2))
            print(re.split(r"x", "axb", 1))

        if __name__ == "__main__":
            main()
        """
    )
    result = in_crate(source)
    assert result.status is Status.PARTIAL
    found = [(code, m) for code, m in problems(result) if code.startswith("PRT")]
    assert [code for code, _ in found] == ["PRT761", "PRT761", "PRT762", "PRT762"], found
    lines = [d.range.line for d in result.diagnostics if d.code.startswith("PRT76")]
    assert lines == [5, 6, 9, 10]
    assert "backreference" in found[0][1]
    assert "may not take part" in found[2][1]
