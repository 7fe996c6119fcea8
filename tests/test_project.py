"""translate-project: discovery, crate layout, module paths, and a real `cargo build`."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from rich.console import Console

from backend.project import discover_modules, summary_table, translate_project
from backend.transpiler.module_paths import rust_module_path
from backend.transpiler.record import Diagnostic, Severity, SourceRange, Status, Translation
from backend.transpiler.verify import find_tool

pytestmark = pytest.mark.slow  # compiles and runs Rust with rustc/cargo


def write(root: Path, rel: str, text: str = "") -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with packages, keyword-named modules, and directories to skip."""
    src = tmp_path / "proj"
    write(src, "util.py", "def double(x: int) -> int:\n    return 2 * x\n")
    write(src, "lib.py")  # would collide with src/lib.rs
    write(src, "pkg/__init__.py")
    write(src, "pkg/mod.py", "from util import double\n")  # `mod` is a Rust keyword
    write(src, "pkg/sub/leaf.py")  # namespace package: no __init__.py
    write(src, "broken.py", "def (:\n")
    write(src, ".hidden/secret.py")
    write(src, "__pycache__/cached.py")
    write(src, "venv/pyvenv.cfg", "home = /usr/bin\n")
    write(src, "venv/lib/python3.11/site-packages/dep.py")
    write(src, "bad-name.py")
    write(src, "notes.txt", "not python")
    return src


def cargo_build(crate: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    cargo = find_tool("cargo")
    assert cargo is not None, "cargo is required for these tests"
    env = dict(os.environ, CARGO_TARGET_DIR=str(crate / "target"), CARGO_TERM_COLOR="never")
    return subprocess.run(
        [cargo, "build", "--offline", "--quiet", *flags],
        cwd=crate,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def fake_backend(source: str, module: str) -> Translation:
    """Stand-in engine: one function per module, calling across modules like real output."""
    if "def (" in source:
        diag = Diagnostic(Severity.ERROR, "invalid syntax", "PRT001", SourceRange(1, 4, 1, 5))
        return Translation("", Status.FAILED, 0.0, diagnostics=[diag])
    body = "1"
    if "from util import double" in source:
        body = f"{rust_module_path('util')}::double(21)"
    name = module.replace(".", "_") or "root"
    code = f"pub fn from_{name}() -> i64 {{\n    {body}\n}}\n"
    if module == "util":
        code += "pub fn double(x: i64) -> i64 {\n    2 * x\n}\n"
        return Translation(code, Status.COMPILES, 0.9)
    if module == "lib":
        code += 'pub fn later() -> i64 {\n    todo!("unsupported construct")\n}\n'
        return Translation(code, Status.PARTIAL, 0.4)
    return Translation(code, Status.COMPILES, 0.9)


# --- module paths -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dotted", "path"),
    [
        ("util", "crate::util"),
        ("pkg.mod", "crate::pkg::mod_"),
        ("type", "crate::type_"),
        ("lib", "crate::lib_"),
        ("main", "crate::main_"),
        ("bin", "crate::bin_"),
        ("pkg.lib", "crate::pkg::lib"),  # only the crate root gives `lib` a meaning
        ("a.b.c", "crate::a::b::c"),
        ("", "crate"),
    ],
)
def test_rust_module_path(dotted: str, path: str) -> None:
    assert rust_module_path(dotted) == path


def test_discovery_skips_environments_hidden_dirs_and_caches(project: Path) -> None:
    names = [m.dotted for m in discover_modules(project)]
    assert names == ["broken", "lib", "pkg", "pkg.mod", "pkg.sub.leaf", "util"]


# --- layout -----------------------------------------------------------------------------


def test_crate_layout_mirrors_packages(project: Path, tmp_path: Path) -> None:
    crate = tmp_path / "out-crate"
    report = translate_project(project, crate, backend=fake_backend)
    files = sorted(p.relative_to(crate).as_posix() for p in crate.rglob("*") if p.is_file())
    assert files == [
        ".gitignore",
        "Cargo.toml",
        "src/broken.rs",
        "src/lib.rs",
        "src/lib_.rs",
        "src/pkg/mod.rs",
        "src/pkg/mod_.rs",
        "src/pkg/sub/leaf.rs",
        "src/pkg/sub/mod.rs",
        "src/util.rs",
    ]
    lib_rs = (crate / "src/lib.rs").read_text()
    assert lib_rs.splitlines() == [
        "pub mod broken;",
        "pub mod lib_;",
        "pub mod pkg;",
        "pub mod util;",
    ]
    pkg_mod = (crate / "src/pkg/mod.rs").read_text()
    assert "pub fn from_pkg()" in pkg_mod
    assert pkg_mod.endswith("pub mod mod_;\npub mod sub;\n")
    assert "Namespace package" in (crate / "src/pkg/sub/mod.rs").read_text()
    assert report.crate_name == "out_crate"


def test_cargo_toml_is_a_std_only_library_with_overflow_checks(
    project: Path, tmp_path: Path
) -> None:
    crate = tmp_path / "9lives"
    translate_project(project, crate, backend=fake_backend)
    toml = (crate / "Cargo.toml").read_text()
    assert 'name = "crate_9lives"' in toml
    assert 'edition = "2021"' in toml
    assert "autobins = false" in toml
    assert "[profile.release]\n# " in toml
    assert "overflow-checks = true" in toml
    release = toml.split("[profile.release]\n", 1)[1]
    settings = [line for line in release.splitlines() if line and not line.startswith("#")]
    assert settings == [
        "overflow-checks = true",
        "opt-level = 3",
        'lto = "thin"',
        "codegen-units = 1",
    ]
    deps = toml.split("[dependencies]\n", 1)[1].split("[", 1)[0]
    assert deps.strip() == ""


def test_report_counts_statuses_and_placeholders(project: Path, tmp_path: Path) -> None:
    report = translate_project(project, tmp_path / "crate", backend=fake_backend)
    by_name = {m.module: m for m in report.modules}
    assert by_name["lib"].status is Status.PARTIAL
    assert by_name["lib"].placeholders == 1
    assert by_name["broken"].status is Status.FAILED
    assert by_name["broken"].diagnostics == 1
    assert by_name["util"].placeholders == 0
    assert by_name["util"].rust_path.endswith("src/util.rs")
    assert [m.module for m in report.failed] == ["broken"]
    assert not report.complete
    assert report.to_json()["modules"][0]["status"] == "failed"


def test_failed_module_keeps_its_diagnostics_as_comments(project: Path, tmp_path: Path) -> None:
    crate = tmp_path / "crate"
    translate_project(project, crate, backend=fake_backend)
    text = (crate / "src/broken.rs").read_text()
    assert "Translation failed" in text
    assert "// broken.py:1:4: invalid syntax [PRT001]" in text
    assert all(line.startswith("//") for line in text.splitlines())


def test_summary_table_lists_every_module(project: Path, tmp_path: Path) -> None:
    report = translate_project(project, tmp_path / "crate", backend=fake_backend)
    console = Console(record=True, width=120)
    console.print(summary_table(report))
    text = console.export_text()
    for name in ("pkg.mod", "pkg.sub.leaf", "util", "broken", "total"):
        assert name in text
    assert "1 failed" in text


def test_no_progress_output_when_not_a_terminal(project: Path, tmp_path: Path) -> None:
    console = Console(record=True, force_terminal=False)
    translate_project(
        project, tmp_path / "crate", backend=fake_backend, progress=True, console=console
    )
    assert console.export_text() == ""


# --- cargo build ------------------------------------------------------------------------


def test_generated_crate_builds_offline(project: Path, tmp_path: Path) -> None:
    crate = tmp_path / "crate"
    translate_project(project, crate, backend=fake_backend)
    proc = cargo_build(crate)
    assert proc.returncode == 0, proc.stderr


def test_generated_crate_builds_with_the_release_profile(project: Path, tmp_path: Path) -> None:
    crate = tmp_path / "crate"
    translate_project(project, crate, backend=fake_backend)
    proc = cargo_build(crate, "--release")
    assert proc.returncode == 0, proc.stderr
    assert list((crate / "target" / "release").glob("*.rlib"))


def test_engine_project_builds_offline(tmp_path: Path) -> None:
    src = tmp_path / "app"
    write(
        src,
        "geometry/shapes.py",
        textwrap.dedent(
            """
            def area(w: int, h: int) -> int:
                return w * h
            """
        ),
    )
    write(src, "geometry/__init__.py")
    write(
        src,
        "report.py",
        textwrap.dedent(
            """
            from geometry.shapes import area

            def total_area(sizes: list[tuple[int, int]]) -> int:
                total = 0
                for w, h in sizes:
                    total += area(w, h)
                return total
            """
        ),
    )
    crate = tmp_path / "app_rs"
    report = translate_project(src, crate)
    assert report.complete, [(m.module, m.status.value, m.placeholders) for m in report.modules]
    assert "crate::geometry::shapes" in (crate / "src/report.rs").read_text()
    proc = cargo_build(crate)
    assert proc.returncode == 0, proc.stderr
