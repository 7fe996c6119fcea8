"""The `portalis` command.

The first group calls `main()` in-process with a stand-in engine to pin down exit codes,
output streams and file handling; the second runs the installed console script as a real
subprocess against the real engine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from backend import cli
from backend.transpiler.check import CheckResult
from backend.transpiler.record import (
    Diagnostic,
    Severity,
    SourceRange,
    Status,
    TranslateOptions,
    Translation,
)

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo

REPO = Path(__file__).resolve().parent.parent

# --- in-process, stand-in engine --------------------------------------------------------

RUST_OK = "pub fn f() -> i64 {\n    1\n}\n"


def stub_engine(
    monkeypatch: pytest.MonkeyPatch, translation: Translation
) -> list[tuple[str, str | None, TranslateOptions]]:
    calls: list[tuple[str, str | None, TranslateOptions]] = []

    def fake(source: str, symbol: str | None, options: TranslateOptions) -> Translation:
        calls.append((source, symbol, options))
        return translation

    monkeypatch.setattr(cli, "_engine_translate", fake)
    return calls


def diag(severity: Severity, message: str, code: str, line: int, col: int) -> Diagnostic:
    return Diagnostic(severity, message, code, SourceRange(line, col, line, col + 1))


def test_translate_prints_rust_and_exits_0(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    calls = stub_engine(monkeypatch, Translation(RUST_OK, Status.COMPILES, 0.95))
    src = tmp_path / "m.py"
    src.write_text("def f() -> int:\n    return 1\n")
    assert cli.main(["translate", str(src), "--symbol", "f"]) == 0
    out, err = capsys.readouterr()
    assert out == RUST_OK
    assert "status compiles" in err
    assert calls == [(src.read_text(), "f", TranslateOptions(verify=True))]


def test_no_verify_is_passed_to_the_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = stub_engine(monkeypatch, Translation(RUST_OK, Status.UNVERIFIED, 0.7))
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    assert cli.main(["translate", str(src), "--no-verify"]) == 0
    assert calls[0][2] == TranslateOptions(verify=False)


def test_placeholders_exit_1_with_located_diagnostics(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    warning = diag(Severity.WARNING, "`eval` is not supported", "PRT201", 3, 8)
    stub_engine(monkeypatch, Translation(RUST_OK, Status.PARTIAL, 0.4, diagnostics=[warning]))
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    assert cli.main(["translate", str(src)]) == 1
    out, err = capsys.readouterr()
    assert out == RUST_OK
    # Columns are printed 1-based (the record's are 0-based like `ast`).
    assert f"{src}:3:9: warning: `eval` is not supported [PRT201]" in err.splitlines()


def test_failed_translation_exits_2_and_keeps_existing_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    error = diag(Severity.ERROR, "invalid syntax", "PRT001", 2, 4)
    stub_engine(monkeypatch, Translation("", Status.FAILED, 0.0, diagnostics=[error]))
    src = tmp_path / "m.py"
    src.write_text("x = 1\ndef (:\n")
    out_rs = tmp_path / "m.rs"
    out_rs.write_text("// previous good translation\n")
    assert cli.main(["translate", str(src), "-o", str(out_rs)]) == 2
    _, err = capsys.readouterr()
    assert f"{src}:2:5: error: invalid syntax [PRT001]" in err
    assert out_rs.read_text() == "// previous good translation\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.py", "m.rs"]


def test_output_file_is_replaced_atomically(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stub_engine(monkeypatch, Translation(RUST_OK, Status.VERIFIED, 1.0))
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    out_rs = tmp_path / "m.rs"
    out_rs.write_text("old\n")
    assert cli.main(["translate", str(src), "-o", str(out_rs)]) == 0
    assert out_rs.read_text() == RUST_OK
    assert capsys.readouterr().out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.py", "m.rs"]


def test_unwritable_output_is_bad_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stub_engine(monkeypatch, Translation(RUST_OK, Status.COMPILES, 1.0))
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    target = tmp_path / "missing-dir" / "m.rs"
    assert cli.main(["translate", str(src), "-o", str(target)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_json_prints_the_translation_record(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    translation = Translation(RUST_OK, Status.COMPILES, 0.9, suggestions=["take &[i64]"])
    stub_engine(monkeypatch, translation)
    src = tmp_path / "m.py"
    src.write_text("x = 1\n")
    assert cli.main(["translate", str(src), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert Translation.from_json(data) == translation


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("latin1", "not UTF-8"),
    ],
)
def test_unreadable_input_exits_2_naming_the_file(
    setup: str, needle: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "input.py"
    if setup == "directory":
        path.mkdir()
    elif setup == "latin1":
        path.write_bytes(b"s = '\xe9'\n")
    assert cli.main(["translate", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert needle in err


def check_result(matches: bool, **overrides: object) -> CheckResult:
    values: dict[str, object] = {
        "python_stdout": "1\n",
        "rust_stdout": "1\n" if matches else "2\n",
        "python_exit": 0,
        "rust_exit": 0,
        "matches": matches,
        "diff": "" if matches else "--- a\n+++ b\n@@ -1 +1 @@\n-1\n+2\n",
        "translation": Translation("fn main() {}\n", Status.COMPILES, 0.9),
        "stage_failed": None,
        "message": "outputs match" if matches else "stdout differs",
    }
    values.update(overrides)
    return CheckResult(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("result", "code", "stream", "needle"),
    [
        (check_result(True), 0, "out", "match: python and rust printed the same 1 line(s)"),
        (check_result(False), 1, "out", "-1\n+2\n"),
        (check_result(False, stage_failed="compile", message="E0308"), 1, "err", "E0308"),
        (check_result(False, stage_failed="translate", message="syntax"), 2, "err", "syntax"),
        (check_result(False, nothing_to_run=True, message="nothing to run"), 2, "err", "nothing"),
    ],
)
def test_check_exit_codes(
    result: CheckResult,
    code: int,
    stream: str,
    needle: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setattr("backend.transpiler.check.check_module", lambda *a, **k: result)
    src = tmp_path / "prog.py"
    src.write_text("print(1)\n")
    assert cli.main(["check", str(src)]) == code
    out, err = capsys.readouterr()
    assert needle in (out if stream == "out" else err)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        cli.main(["translate-project", "src"])  # --out is required
    assert info.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_translate_project_rejects_a_crate_inside_the_sources(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli.main(["translate-project", str(tmp_path), "--out", str(tmp_path / "rs")]) == 2
    assert "outside the source directory" in capsys.readouterr().err
    assert cli.main(["translate-project", str(tmp_path / "nope"), "--out", "x"]) == 2


# --- real subprocesses of the console script --------------------------------------------


def portalis_exe() -> str:
    exe = Path(sys.executable).parent / "portalis"
    found = str(exe) if exe.exists() else shutil.which("portalis")
    assert found, "the `portalis` console script is not installed (pip install -e .)"
    return found


def run_portalis(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [portalis_exe(), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=240,
        check=False,
        env=dict(os.environ, COLUMNS="120"),
    )


PROGRAM = textwrap.dedent(
    """
    def mean(values: list[float]) -> float:
        return sum(values) / len(values)


    if __name__ == "__main__":
        data = [1.0, 2.0, 4.5]
        print(mean(data))
        print(len(data) == 3)
    """
)


def test_help_lists_commands_and_warns_that_check_runs_code() -> None:
    proc = run_portalis("--help")
    assert proc.returncode == 0
    for command in ("translate", "check", "translate-project"):
        assert command in proc.stdout
    check_help = run_portalis("check", "--help")
    assert check_help.returncode == 0
    assert "EXECUTES" in check_help.stdout


def test_module_entry_point_works() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "backend.cli", "--version"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("portalis ")


def test_console_script_translates_a_module(tmp_path: Path) -> None:
    src = tmp_path / "stats.py"
    src.write_text(PROGRAM)
    proc = run_portalis("translate", str(src))
    assert proc.returncode == 0, proc.stderr
    assert "fn mean(" in proc.stdout
    assert "fn main()" in proc.stdout
    as_json = run_portalis("translate", str(src), "--json")
    assert json.loads(as_json.stdout)["status"] in {"compiles", "verified"}


def test_console_script_reports_a_syntax_error_location(tmp_path: Path) -> None:
    src = tmp_path / "broken.py"
    src.write_text("x = 1\ndef f(:\n    pass\n")
    proc = run_portalis("translate", str(src))
    assert proc.returncode == 2
    assert proc.stdout == ""
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"{src}:2:")
    assert ": error: " in first


def test_console_script_check_matches(tmp_path: Path) -> None:
    src = tmp_path / "stats.py"
    src.write_text(PROGRAM)
    proc = run_portalis("check", str(src))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "match" in proc.stdout


def test_console_script_check_without_main_block(tmp_path: Path) -> None:
    src = tmp_path / "lib_only.py"
    src.write_text("def f(x: int) -> int:\n    return x + 1\n")
    proc = run_portalis("check", str(src))
    assert proc.returncode == 2
    assert "nothing to run" in proc.stderr


def test_console_script_translates_a_project(tmp_path: Path) -> None:
    src = tmp_path / "proj"
    src.mkdir()
    (src / "stats.py").write_text(PROGRAM)
    (src / "shapes.py").write_text("def area(w: int, h: int) -> int:\n    return w * h\n")
    crate = tmp_path / "crate"
    proc = run_portalis("translate-project", str(src), "--out", str(crate))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "shapes" in proc.stdout and "stats" in proc.stdout
    assert (crate / "src" / "lib.rs").read_text() == "pub mod shapes;\npub mod stats;\n"
    assert (crate / "Cargo.toml").is_file()
