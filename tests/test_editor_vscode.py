"""The VS Code extension (editors/vscode).

- Its unit tests: node's test runner, with the `vscode` module stubbed (VS Code cannot be
  loaded outside VS Code); the interpreter probing runs real processes.
- Its settings against the server's own settings table.
- End to end in a real VS Code: code-server 4.100.3 (VS Code 1.100) in headless Chromium,
  driven by playwright-core, with the packaged .vsix installed and the real language server:
  open a Python file, hover a function (Rust shown), run Translate to Rust (the .rs file
  appears on disk), run Translate Workspace (the crate appears). Screenshots of each step
  are kept under editors/vscode/test-artifacts/e2e/.

`scripts/ensure-vscode-e2e.sh` installs what these need (Chromium, npm packages) and is fast
when everything is there; `make test` runs it too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from backend.backends import validate_backend_spec
from lsp_server.configuration import DEFAULTS, LOG_LEVELS, SETTINGS, parse_settings

pytestmark = pytest.mark.slow  # starts real processes (code-server, Chromium)

REPO = Path(__file__).resolve().parent.parent
EXTENSION = REPO / "editors" / "vscode"
E2E = EXTENSION / "e2e"
ENSURE = REPO / "scripts" / "ensure-vscode-e2e.sh"
ARTIFACTS = EXTENSION / "test-artifacts" / "e2e"
WORKSPACE = REPO / "tests" / "lsp" / "workspace"
CODE_SERVER = E2E / "node_modules" / ".bin" / "code-server"
# Settings of the extension itself (how it starts the server), not the server's.
CLIENT_SETTINGS = {"server.path", "server.args", "trace.server"}


def _manifest() -> dict[str, Any]:
    return json.loads((EXTENSION / "package.json").read_text())  # type: ignore[no-any-return]


def _contributed_settings() -> dict[str, dict[str, Any]]:
    properties = _manifest()["contributes"]["configuration"]["properties"]
    return {key.removeprefix("portalis."): schema for key, schema in properties.items()}


@pytest.fixture(scope="module")
def installed() -> None:
    """Chromium and the pinned npm packages (a no-op when they are there already)."""
    subprocess.run([str(ENSURE)], check=True, timeout=1800)


def test_package_json_contributes_exactly_the_server_settings() -> None:
    contributed = _contributed_settings()
    assert set(contributed) - CLIENT_SETTINGS == set(SETTINGS)
    server_defaults = {
        key: schema["default"] for key, schema in contributed.items() if key in SETTINGS
    }
    # The server's own parser accepts every default the extension declares, and they are
    # its defaults (logLevel: the level `portalis-lsp` starts with).
    parsed, problems = parse_settings(server_defaults)
    assert problems == []
    assert parsed == replace(DEFAULTS, log_level="info")
    assert contributed["logLevel"]["enum"] == list(LOG_LEVELS)
    timeout = contributed["interactiveTimeoutMs"]
    for accepted in (timeout["minimum"], timeout["maximum"]):
        assert parse_settings({"interactiveTimeoutMs": accepted})[1] == []
    for rejected in (timeout["minimum"] - 1, timeout["maximum"] + 1):
        assert parse_settings({"interactiveTimeoutMs": rejected})[1] != []


VALID_BACKENDS = ["embedded", "http://triton:8000", "https://t.example/", "grpcs://t:443"]
INVALID_BACKENDS = ["http:///", "grpc://", "ftp://t", "Embedded", "triton:8000", ""]


@pytest.mark.parametrize("spec", VALID_BACKENDS + INVALID_BACKENDS)
def test_backend_pattern_agrees_with_the_server(spec: str) -> None:
    """VS Code's settings editor flags exactly the `backend` values the server rejects."""
    pattern = _contributed_settings()["backend"]["pattern"]
    assert (re.match(pattern, spec) is not None) == (validate_backend_spec(spec) is None)
    assert (spec in VALID_BACKENDS) == (validate_backend_spec(spec) is None)


@pytest.mark.timeout(900)
def test_unit_tests(installed: None) -> None:
    """`npm test`: type check (tsc), then node's test runner on the compiled tests."""
    result = subprocess.run(
        ["npm", "test"],
        cwd=EXTENSION,
        env={**os.environ, "PORTALIS_PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    summary = {
        line.split()[1]: int(line.split()[2])
        for line in output.splitlines()
        if line.startswith("# ") and len(line.split()) == 3 and line.split()[2].isdigit()
    }
    assert summary["fail"] == 0 and summary["skipped"] == 0, output[-3000:]
    assert summary["pass"] >= 30, output[-3000:]


# --- end to end in code-server -------------------------------------------------------------


def _package_extension() -> Path:
    subprocess.run(
        ["npm", "run", "package"],
        cwd=EXTENSION,
        check=True,
        capture_output=True,
        timeout=600,
    )
    vsix = EXTENSION / "portalis.vsix"
    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
    assert {"extension/package.json", "extension/dist/extension.js"} <= names
    assert not any(name.startswith("extension/node_modules/") for name in names)
    return vsix


def _settings_file(scratch: Path) -> Path:
    return scratch / "user-data" / "User" / "settings.json"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _user_settings(artifacts: Path) -> dict[str, Any]:
    return {
        # The extension finds the server through the workspace's interpreter (this venv).
        "python.defaultInterpreterPath": sys.executable,
        "portalis.server.args": ["--log-file", str(artifacts / "portalis-lsp.log")],
        "files.refactoring.autoSave": True,
        "remote.autoForwardPorts": False,
        "security.workspace.trust.enabled": False,
        "extensions.ignoreRecommendations": True,
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": False,
        "telemetry.telemetryLevel": "off",
        "update.mode": "none",
        "editor.hover.delay": 200,
    }


def _code_server_env(scratch: Path, marker: str) -> dict[str, str]:
    """Home-like folders inside `scratch`; rustc (rustup's or Debian's) on PATH; `marker`
    lets the clean-up find every process the session started."""
    for name in ("tmp", "config", "data"):
        (scratch / name).mkdir(exist_ok=True)
    path = os.pathsep.join(
        [sysconfig.get_path("scripts"), str(Path.home() / ".cargo" / "bin"), os.environ["PATH"]]
    )
    return {
        **os.environ,
        "PATH": path,
        "TMPDIR": str(scratch / "tmp"),
        "XDG_CONFIG_HOME": str(scratch / "config"),
        "XDG_DATA_HOME": str(scratch / "data"),
        "PORTALIS_VSCODE_E2E": marker,
    }


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"code-server exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"code-server did not answer at {url}:\n{log.read_text()[-3000:]}")


@contextmanager
def _code_server(scratch: Path, vsix: Path, artifacts: Path) -> Iterator[str]:
    """A running code-server with the extension installed; its URL. Every process it
    started (extension host, language server) is ended afterwards."""
    marker = uuid.uuid4().hex
    env = _code_server_env(scratch, marker)
    dirs = ["--extensions-dir", str(scratch / "extensions")]
    dirs += ["--user-data-dir", str(scratch / "user-data")]
    installed = subprocess.run(
        [str(CODE_SERVER), *dirs, "--install-extension", str(vsix)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "was successfully installed" in installed.stdout, installed.stdout + installed.stderr
    settings = _settings_file(scratch)
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps(_user_settings(artifacts), indent=2))
    port = _free_port()
    config = scratch / "code-server.yaml"
    config.write_text(f"bind-addr: 127.0.0.1:{port}\nauth: none\ncert: false\n")
    log = artifacts / "code-server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                str(CODE_SERVER),
                *dirs,
                "--config",
                str(config),
                "--disable-telemetry",
                "--disable-update-check",
                "--disable-workspace-trust",
                "--disable-getting-started-override",
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, ended as a whole below
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, server, log)
        yield url
    finally:
        _end_session(server, marker)


def _end_session(server: subprocess.Popen[bytes], marker: str) -> None:
    with suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=20)
    # Anything that left the process group (a language server the extension host started
    # in a session of its own) still carries the marker in its environment.
    for pid in _processes_with(marker):
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _processes_with(marker: str) -> list[int]:
    needle = f"PORTALIS_VSCODE_E2E={marker}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _drive(url: str, workspace: Path, scratch: Path, artifacts: Path) -> dict[str, Any]:
    """Runs the playwright-core script; its results (and screenshots) are in `artifacts`."""
    dead_backend = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    args = [url, str(workspace), str(artifacts), str(_settings_file(scratch)), dead_backend]
    driver = subprocess.run(
        ["node", str(E2E / "drive.mjs"), *args],
        cwd=E2E,
        capture_output=True,
        text=True,
        timeout=900,
    )
    results_file = artifacts / "results.json"
    assert results_file.is_file(), driver.stdout + driver.stderr
    results: dict[str, Any] = json.loads(results_file.read_text())
    assert driver.returncode == 0, json.dumps(results, indent=2) + driver.stderr
    return results


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_end_to_end_in_code_server(installed: None, tmp_path: Path) -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    print(f"\nscreenshots and logs: {ARTIFACTS}")
    vsix = _package_extension()
    workspace = tmp_path / "ws"
    shutil.copytree(WORKSPACE, workspace)

    with _code_server(tmp_path, vsix, ARTIFACTS) as url:
        results = _drive(url, workspace, tmp_path, ARTIFACTS)

    steps = results["steps"]
    report = json.dumps(results, indent=2)
    steps_in_order = ["open-python-file", "hover", "code-action", "show-translation"]
    steps_in_order += ["check-file", "translate-workspace", "backend-down"]
    for name in steps_in_order:
        assert steps[name]["ok"], f"step {name} failed:\n{report}"
        assert Path(steps[name]["screenshot"]).stat().st_size > 10_000, name

    # the status bar item: the backend and its health
    assert "Portalis: embedded" in steps["open-python-file"]["statusBar"], report
    # hover: the Rust translation, checked by rustc
    hover = steps["hover"]["hover"]
    assert "pub fn area(width: i64, height: i64) -> i64" in hover, report
    assert "compiles" in hover, report
    # Translate to Rust (the server's code action): shapes.rs written next to shapes.py
    rust = (workspace / "shapes.rs").read_text()
    assert "// portalis:begin area" in rust and "pub fn area(" in rust
    assert "fn perimeter" not in rust  # only the function at the cursor
    # Show Translation and Check File from the palette: the server got the active file
    shown = steps["show-translation"]
    assert "shapes.rs" in shown["tab"] and "portalis-preview" in shown["path"], report
    assert "Portalis:" in steps["check-file"]["notification"], report
    # Translate Workspace: a Cargo crate with both modules
    crate = workspace / "target" / "portalis"
    assert (crate / "Cargo.toml").is_file()
    lib = (crate / "src" / "lib.rs").read_text()
    assert "pub mod shapes;" in lib and "pub mod inventory;" in lib
    assert "pub fn area" in (crate / "src" / "shapes.rs").read_text()
    assert "translated 2 modules" in steps["translate-workspace"]["notification"], report
    # A remote backend that is down: the built-in translator answers, the status bar says so
    down = steps["backend-down"]
    assert "fn perimeter" in down["hover"], report
    assert "Portalis: embedded (127.0.0.1:" in down["statusBar"] and "down)" in down["statusBar"]
    assert "is unavailable" in down["tooltip"], report
