"""The verify stage against the real Rust toolchain (rustc and rustfmt are required)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.transpiler import verify
from backend.transpiler.verify import (
    CompileError,
    check_rust,
    clippy_check,
    compile_program,
    limited_argv,
    parse_diagnostics,
    rustc_version,
    rustfmt,
)

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo


@pytest.fixture
def no_toolchain(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A PATH and HOME without any Rust tool, as on a machine that never installed Rust."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    rustc_version.cache_clear()
    yield
    rustc_version.cache_clear()


def test_rustc_version_names_rustc() -> None:
    version = rustc_version()
    assert version is not None
    assert version.startswith("rustc 1.")


def test_valid_code_is_accepted() -> None:
    result = check_rust("pub fn add(a: i64, b: i64) -> i64 { a + b }\n")
    assert result.ok
    assert result.available
    assert result.diagnostics == []
    assert result.warnings == 0
    assert result.elapsed_ms > 0
    assert result.rustc_version == rustc_version()


def test_type_error_is_reported_at_its_primary_span() -> None:
    code = 'pub fn f() -> i64 {\n    let s: i64 = "text";\n    s\n}\n'
    result = check_rust(code)
    assert not result.ok
    [error] = result.errors
    assert error.code == "E0308"
    assert error.level == "error"
    # `"text"` starts at character 18 (1-based) of line 2.
    assert (error.line, error.col, error.end_line, error.end_col) == (2, 18, 2, 24)
    assert "mismatched types" in error.message
    assert "E0308" in error.rendered


def test_summary_messages_are_not_diagnostics() -> None:
    result = check_rust('pub fn f() -> i64 { "a" }\npub fn g() -> i64 { "b" }\n')
    messages = [d.message for d in result.diagnostics]
    assert len(result.errors) == 2
    assert not any(m.startswith("aborting due to") for m in messages)
    assert not any("rustc --explain" in m for m in messages)


def test_warnings_are_counted_without_failing() -> None:
    result = check_rust("pub fn f() -> i64 {\n    let unused = 3;\n    1\n}\n")
    assert result.ok
    assert result.warnings == 1
    [warning] = result.diagnostics
    assert warning.level == "warning"
    assert warning.code == "unused_variables"
    assert warning.line == 2


def test_bin_crate_needs_main() -> None:
    assert check_rust("fn main() {}\n", crate_type="bin").ok
    result = check_rust("pub fn f() {}\n", crate_type="bin")
    assert not result.ok
    assert [e.code for e in result.errors] == ["E0601"]


def test_timeout_is_a_result_not_an_exception() -> None:
    result = check_rust("pub fn f() {}\n", timeout_s=0.001)
    assert not result.ok
    assert result.timed_out
    assert result.failure is not None and "timed out" in result.failure


def test_missing_rustc_is_reported_as_unavailable(no_toolchain: None) -> None:
    assert rustc_version() is None
    result = check_rust("pub fn f() {}\n")
    assert not result.ok
    assert not result.available
    with pytest.raises(CompileError, match="rustc not found"):
        compile_program("fn main() {}\n", Path("/nonexistent-portalis-dir"))


def test_missing_rustfmt_returns_input(no_toolchain: None) -> None:
    code = "fn main(){let x=1;}"
    assert rustfmt(code) == code


def test_memory_limit_reaches_the_child() -> None:
    probe = "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    argv = limited_argv([sys.executable, "-c", probe], 1 << 30)
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    assert int(out) == 1 << 30


def test_memory_limit_stops_a_runaway_program() -> None:
    hog = "x = bytearray(3 << 30)"
    argv = limited_argv([sys.executable, "-c", hog], 1 << 30)
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "MemoryError" in proc.stderr


def test_non_json_stderr_is_kept_as_an_error() -> None:
    stderr = (
        '{"$message_type":"diagnostic","message":"unused variable: `x`",'
        '"code":{"code":"unused_variables","explanation":null},"level":"warning",'
        '"spans":[{"line_start":3,"line_end":3,"column_start":9,"column_end":10,'
        '"is_primary":true}],"children":[],"rendered":"warning: unused variable"}\n'
        "thread 'rustc' panicked at compiler/foo.rs\n"
    )
    warning, ice = parse_diagnostics(stderr)
    assert (warning.level, warning.code, warning.line, warning.col) == (
        "warning",
        "unused_variables",
        3,
        9,
    )
    assert ice.level == "error"
    assert "panicked" in ice.message


def test_compile_program_builds_a_runnable_binary(tmp_path: Path) -> None:
    exe = compile_program('fn main() {\n    println!("{}", 6 * 7);\n}\n', tmp_path / "build")
    proc = subprocess.run([str(exe)], capture_output=True, text=True, check=True)
    assert proc.stdout == "42\n"


def test_compiled_programs_trap_integer_overflow(tmp_path: Path) -> None:
    # Python ints never wrap; the optimised binary must panic rather than print garbage.
    code = (
        "fn main() {\n"
        "    let x: i64 = std::hint::black_box(i64::MAX);\n"
        '    println!("{}", x + 1);\n'
        "}\n"
    )
    exe = compile_program(code, tmp_path)
    proc = subprocess.run([str(exe)], capture_output=True, text=True, check=False)
    assert proc.returncode == 101
    assert "overflow" in proc.stderr
    assert proc.stdout == ""


def test_compile_error_carries_rendered_diagnostics(tmp_path: Path) -> None:
    with pytest.raises(CompileError) as info:
        compile_program('fn main() { let x: i64 = "no"; }\n', tmp_path)
    assert "E0308" in info.value.rendered
    assert "E0308" in str(info.value)


def test_rustfmt_formats_code() -> None:
    assert rustfmt("fn main(){let x=1;}") == "fn main() {\n    let x = 1;\n}\n"


def test_rustfmt_returns_unparseable_input_unchanged() -> None:
    broken = "fn main( {"
    assert rustfmt(broken) == broken


def test_find_tool_falls_back_to_cargo_bin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cargo_bin = tmp_path / ".cargo" / "bin"
    cargo_bin.mkdir(parents=True)
    tool = cargo_bin / "rustc"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert verify.find_tool("rustc") == str(tool)
    assert verify.find_tool("no-such-tool") is None


def test_clippy_counts_idiom_warnings() -> None:
    code = (
        "pub fn total(v: &Vec<i64>) -> i64 {\n    let s: i64 = v.iter().sum();\n    return s;\n}\n"
    )
    result = clippy_check(code)
    assert result.ok
    codes = sorted(d.code or "" for d in result.diagnostics)
    assert codes == ["clippy::needless_return", "clippy::ptr_arg"]
    assert result.warnings == 2
    assert clippy_check("pub fn total(v: &[i64]) -> i64 {\n    v.iter().sum()\n}\n").warnings == 0


def test_find_tool_calls_the_toolchain_behind_a_rustup_proxy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sysroot = tmp_path / "toolchain"
    (sysroot / "bin").mkdir(parents=True)
    direct = sysroot / "bin" / "rustc"
    direct.write_text("#!/bin/sh\n")
    direct.chmod(0o755)
    proxies = tmp_path / "proxies"
    proxies.mkdir()
    (proxies / "rustup").write_text("")
    proxy = proxies / "rustc"
    proxy.write_text(f'#!/bin/sh\n[ "$1 $2" = "--print sysroot" ] && echo {sysroot}\n')
    proxy.chmod(0o755)
    monkeypatch.setenv("PATH", str(proxies))
    assert verify.find_tool("rustc") == str(direct)
    # Not behind rustup (no `rustup` beside it, as with Debian's /usr/bin/rustc): unchanged.
    (proxies / "rustup").unlink()
    monkeypatch.setenv("PATH", f"{proxies}{os.pathsep}{tmp_path}")
    verify._past_rustup_proxy.cache_clear()
    assert verify.find_tool("rustc") == str(proxy)
