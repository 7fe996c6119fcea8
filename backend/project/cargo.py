"""One `cargo check` of the written crate, mapped back to each module's status."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from backend.project.report import ProjectReport
from backend.transpiler.record import Status
from backend.transpiler.verify import find_tool


def check_crate(out_dir: Path, report: ProjectReport) -> None:
    """`cargo check` the whole crate once (modules refer to each other, so they can only be
    verified together) and settle each module's status from what rustc said about its file."""
    cargo = find_tool("cargo")
    if cargo is None:
        return  # statuses stay `unverified`
    lock = out_dir / "Cargo.lock"
    had_lock = lock.exists()
    try:
        with tempfile.TemporaryDirectory(prefix="portalis-cargo-") as target:
            proc = subprocess.run(
                [cargo, "check", "--offline", "--quiet", "--message-format=json"],
                cwd=out_dir,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env={**os.environ, "CARGO_TARGET_DIR": target},
            )
    except (OSError, subprocess.TimeoutExpired):
        return
    finally:
        if not had_lock:
            lock.unlink(missing_ok=True)  # the crate is the user's: leave only what we wrote
    errors = _errors_per_file(proc.stdout, out_dir)
    for module in report.modules:
        if module.status is not Status.UNVERIFIED:
            continue
        failed = errors.get(str(Path(module.rust_path).resolve()), 0)
        module.status = (
            Status.PARTIAL if failed or (proc.returncode != 0 and not errors) else (Status.COMPILES)
        )
        module.diagnostics += failed


def _errors_per_file(stdout: str, out_dir: Path) -> dict[str, int]:
    """rustc's errors in cargo's JSON messages, counted per (resolved) primary-span file."""
    errors: dict[str, int] = {}
    for line in stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        inner = message.get("message") or {}
        if message.get("reason") != "compiler-message" or inner.get("level") != "error":
            continue
        for span in inner.get("spans", []):
            if span.get("is_primary"):
                path = str((out_dir / span["file_name"]).resolve())
                errors[path] = errors.get(path, 0) + 1
    return errors
