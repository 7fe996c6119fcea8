"""Verify stage: ask the real Rust toolchain about the engine's output.

Everything here runs an external tool (rustc, rustfmt) in a private temporary directory
with a wall-clock timeout and an address-space limit, so that a pathological translation
(a huge const expression, a recursive macro) can neither hang an editor hover nor eat
the machine. Nothing in this module raises when the toolchain is missing: verification is
an optional stage and the caller lowers the status to `unverified` instead.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "CompileError",
    "RustDiagnostic",
    "RustcResult",
    "check_rust",
    "clippy_check",
    "compile_program",
    "find_tool",
    "limited_argv",
    "rustc_version",
    "rustfmt",
]

# rustc reserves a lot of virtual memory for its thread stacks and LLVM; 2 GiB is plenty
# for a metadata-only check and still stops a runaway translation early.
CHECK_MEMORY_LIMIT = 2 << 30
# Full code generation (LLVM) needs more headroom than a metadata-only check.
COMPILE_MEMORY_LIMIT = 4 << 30
RUSTFMT_TIMEOUT_S = 10.0

# Diagnostics that only summarise the others ("aborting due to 2 previous errors",
# "3 warnings emitted", "For more information about this error, ...").
_SUMMARY_LEVELS = frozenset({"failure-note"})
_SUMMARY_PREFIXES = ("aborting due to",)
_SUMMARY_SUFFIXES = ("warning emitted", "warnings emitted")


@dataclass(frozen=True)
class RustDiagnostic:
    """One rustc diagnostic at its primary span.

    `line`/`col` are rustc's own coordinates: 1-based line, 1-based character column.
    They are 0 when rustc gave no span (e.g. "`main` function not found").
    """

    level: str  # "error", "warning", "note", "help", "error: internal compiler error"
    message: str
    code: str | None  # "E0308", "unused_variables", or None
    line: int
    col: int
    end_line: int
    end_col: int
    rendered: str
    file: str | None = None  # the primary span's file, as rustc names it

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "message": self.message,
            "code": self.code,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "rendered": self.rendered,
        }


@dataclass
class RustcResult:
    """What rustc said about one piece of Rust code."""

    ok: bool
    available: bool = True
    diagnostics: list[RustDiagnostic] = field(default_factory=list)
    warnings: int = 0
    elapsed_ms: float = 0.0
    rustc_version: str | None = None
    timed_out: bool = False
    # Set when rustc could not be run at all or died abnormally (not a compile error).
    failure: str | None = None

    @property
    def errors(self) -> list[RustDiagnostic]:
        return [d for d in self.diagnostics if d.level.startswith("error")]

    def to_json(self) -> dict[str, Any]:
        """The part of the result that goes into `Translation.metadata["rustc"]`."""
        return {
            "ok": self.ok,
            "available": self.available,
            "errors": len(self.errors),
            "warnings": self.warnings,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "rustc_version": self.rustc_version,
            "timed_out": self.timed_out,
            "failure": self.failure,
        }


class CompileError(Exception):
    """`compile_program` failed; `rendered` holds rustc's human-readable diagnostics."""

    def __init__(self, message: str, rendered: str = "") -> None:
        super().__init__(message if not rendered else f"{message}\n{rendered}")
        self.rendered = rendered


def find_tool(name: str) -> str | None:
    """Locate a Rust tool on PATH, falling back to rustup's default `~/.cargo/bin`.

    Editors often start the language server with a minimal PATH that lacks
    `~/.cargo/bin`, which is where rustup installs the toolchain. A rustup proxy is
    replaced by the toolchain's own binary (see `_past_rustup_proxy`).
    """
    found = shutil.which(name)
    if not found:
        candidate = Path.home() / ".cargo" / "bin" / name
        if not (candidate.is_file() and os.access(candidate, os.X_OK)):
            return None
        found = str(candidate)
    return _past_rustup_proxy(found, name)


# The tools on the interactive path. cargo stays behind its proxy: the proxy also puts the
# toolchain on the PATH of the `rustc` that cargo starts.
_DIRECT_TOOLS = frozenset({"rustc", "rustfmt"})


@functools.lru_cache(maxsize=16)
def _past_rustup_proxy(path: str, name: str) -> str:
    """The toolchain's binary behind a rustup proxy (`~/.cargo/bin/rustc` and co.).

    The proxy picks the toolchain and then execs it: ~6 ms per call, a fifth of a small
    `rustc` check on an interactive request. We ask once where the toolchain is
    (`rustc --print sysroot`, through the proxy beside `path`) and call its binary
    directly; anything unexpected keeps `path`.
    """
    if name not in _DIRECT_TOOLS:
        return path
    rustc = Path(path).with_name("rustc")
    if not (Path(path).parent / "rustup").exists() or not rustc.exists():
        return path  # not a rustup installation (e.g. Debian's /usr/bin/rustc)
    sysroot = _tool_output([str(rustc), "--print", "sysroot"])
    direct = Path(sysroot) / "bin" / name if sysroot else None
    if direct is not None and direct.is_file() and os.access(direct, os.X_OK):
        return str(direct)
    return path


def _tool_output(argv: list[str]) -> str | None:
    """A tool's one-line answer (`--version`, `--print sysroot`), or None if it failed."""
    try:
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=True,
            timeout=10,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.strip() or None


@functools.lru_cache(maxsize=1)
def rustc_version() -> str | None:
    """`rustc --version` (e.g. "rustc 1.95.0 (59807616e 2026-04-14)"), or None if absent."""
    rustc = find_tool("rustc")
    return None if rustc is None else _tool_output([rustc, "--version"])


def limited_argv(argv: Sequence[str], memory_bytes: int) -> list[str]:
    """Wrap `argv` so that the program starts with its address space capped.

    A `preexec_fn` would be simpler but is unsafe in a threaded process (the language
    server is one): the forked child may deadlock on a lock another thread held. The
    shell's `ulimit -v` (KiB) applies the limit between fork and exec instead, for ~1 ms.
    """
    shell = "/bin/sh"
    if not os.path.exists(shell):
        return list(argv)
    script = f'ulimit -v {memory_bytes // 1024} && exec "$0" "$@"'
    return [shell, "-c", script, *argv]


def _run_limited(
    argv: Sequence[str],
    *,
    cwd: Path,
    timeout_s: float,
    memory_bytes: int,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run a tool with a timeout and memory limit; kills the whole process group on timeout."""
    with subprocess.Popen(
        limited_argv(argv, memory_bytes),
        cwd=cwd,
        stdin=subprocess.PIPE if input_text is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(input_text, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            proc.communicate()
            raise
        return subprocess.CompletedProcess(list(argv), proc.returncode, out, err)


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, 9)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def _primary_span(spans: list[dict[str, Any]]) -> dict[str, Any] | None:
    for span in spans:
        if span.get("is_primary"):
            return span
    return spans[0] if spans else None


def _is_summary(raw: dict[str, Any]) -> bool:
    message = str(raw.get("message", ""))
    return (
        raw.get("level") in _SUMMARY_LEVELS
        or message.startswith(_SUMMARY_PREFIXES)
        or message.endswith(_SUMMARY_SUFFIXES)
    )


def parse_diagnostics(stderr: str) -> list[RustDiagnostic]:
    """Parse rustc's `--error-format=json` output (one JSON object per line).

    Lines that are not JSON (a panic message from an internal compiler error, say) are
    kept as one error diagnostic so that they are not silently lost.
    """
    diagnostics: list[RustDiagnostic] = []
    stray: list[str] = []
    for line in stderr.splitlines():
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError:
            stray.append(line)
            continue
        if not isinstance(raw, dict) or raw.get("$message_type", "diagnostic") != "diagnostic":
            continue
        if _is_summary(raw):
            continue
        diagnostics.append(_to_diagnostic(raw))
    if stray:
        text = "\n".join(stray)
        diagnostics.append(RustDiagnostic("error", text.splitlines()[0], None, 0, 0, 0, 0, text))
    return diagnostics


def _to_diagnostic(raw: dict[str, Any]) -> RustDiagnostic:
    span = _primary_span(list(raw.get("spans") or []))
    code_obj = raw.get("code")
    code = str(code_obj["code"]) if isinstance(code_obj, dict) and code_obj.get("code") else None
    return RustDiagnostic(
        level=str(raw.get("level", "error")),
        message=str(raw.get("message", "")),
        code=code,
        line=int(span["line_start"]) if span else 0,
        col=int(span["column_start"]) if span else 0,
        end_line=int(span["line_end"]) if span else 0,
        end_col=int(span["column_end"]) if span else 0,
        rendered=str(raw.get("rendered") or raw.get("message", "")),
        file=str(span["file_name"]) if span and span.get("file_name") else None,
    )


def check_rust(
    code: str,
    *,
    crate_type: Literal["lib", "bin"] = "lib",
    timeout_s: float = 10.0,
    incremental: bool = False,
) -> RustcResult:
    """Type-check `code` with rustc (`--emit=metadata`: no code generation, ~30 ms).

    With `incremental`, rustc keeps its query cache in a per-thread directory. Measured on
    translations that change between checks it is about 25% slower than a plain check, so
    the engine does not use it; it pays off only when the same code is re-checked.
    Never raises: a missing rustc gives `available=False`, a timeout gives `timed_out=True`.
    """
    extra = ["-C", f"incremental={_incremental_dir(crate_type)}"] if incremental else []
    return _check_with("rustc", extra, code, crate_type, timeout_s)


def check_rust_with(
    code: str,
    *,
    crate_type: Literal["lib", "bin"] = "lib",
    extra_args: list[str],
    timeout_s: float = 10.0,
) -> RustcResult:
    """`check_rust` with extra rustc arguments (e.g. `--extern` for a prebuilt library)."""
    return _check_with("rustc", extra_args, code, crate_type, timeout_s)


def _incremental_dir(crate_type: str) -> Path:
    """One cache per thread and crate type: concurrent rustc runs must not share one."""
    base = os.environ.get("PORTALIS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "portalis"
    )
    version = (rustc_version() or "rustc").split(" ")[1] if rustc_version() else "unknown"
    return Path(base) / f"rustc-{version}" / f"{crate_type}-{os.getpid()}-{threading.get_ident()}"


def clippy_check(
    code: str,
    *,
    crate_type: Literal["lib", "bin"] = "lib",
    timeout_s: float = 20.0,
) -> RustcResult:
    """Like `check_rust`, through `clippy-driver -W clippy::all` (idiom warnings counted).

    Used by the quality benchmark to measure how idiomatic the output is.
    """
    return _check_with("clippy-driver", ["-W", "clippy::all"], code, crate_type, timeout_s)


def _check_with(
    tool_name: str,
    extra_args: list[str],
    code: str,
    crate_type: Literal["lib", "bin"],
    timeout_s: float,
) -> RustcResult:
    started = time.perf_counter()
    tool = find_tool(tool_name)
    version = rustc_version()
    if tool is None or version is None:
        return RustcResult(ok=False, available=False, failure=f"{tool_name} not found")
    with tempfile.TemporaryDirectory(prefix="portalis-rustc-") as tmp:
        workdir = Path(tmp)
        (workdir / "main.rs").write_text(code, encoding="utf-8")
        argv = [
            tool,
            "--edition",
            "2021",
            "--crate-type",
            crate_type,
            "--crate-name",
            "portalis_check",
            "--emit=metadata",
            "--error-format=json",
            *extra_args,
            "-o",
            str(workdir / "out.rmeta"),
            "main.rs",
        ]
        try:
            proc = _run_limited(
                argv, cwd=workdir, timeout_s=timeout_s, memory_bytes=CHECK_MEMORY_LIMIT
            )
        except subprocess.TimeoutExpired:
            return RustcResult(
                ok=False,
                elapsed_ms=_ms_since(started),
                rustc_version=version,
                timed_out=True,
                failure=f"{tool_name} timed out after {timeout_s:g} s",
            )
        except OSError as exc:
            return RustcResult(ok=False, available=False, failure=f"cannot run {tool_name}: {exc}")
    return _result_from(proc, version, started)


def _result_from(
    proc: subprocess.CompletedProcess[str], version: str, started: float
) -> RustcResult:
    diagnostics = parse_diagnostics(proc.stderr)
    errors = sum(1 for d in diagnostics if d.level.startswith("error"))
    failure = None
    if proc.returncode != 0 and errors == 0:
        # Killed by a signal (memory limit) or an exit without a diagnostic.
        failure = f"rustc exited with status {proc.returncode}"
    return RustcResult(
        ok=proc.returncode == 0 and errors == 0,
        diagnostics=diagnostics,
        warnings=sum(1 for d in diagnostics if d.level == "warning"),
        elapsed_ms=_ms_since(started),
        rustc_version=version,
        failure=failure,
    )


def _ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def compile_program(code: str, out_dir: Path, *, timeout_s: float = 60.0) -> Path:
    """Compile `code` as a binary into `out_dir`; returns the executable's path.

    The translation checks its int arithmetic itself (lower/int_ops.py), in any build;
    overflow checks stay on here as a second line for Rust arithmetic outside that path
    (a wrapped number must never be printed).
    Raises `CompileError` (with rustc's rendered diagnostics) on any failure.
    """
    rustc = find_tool("rustc")
    if rustc is None:
        raise CompileError("rustc not found (install Rust: https://rustup.rs)")
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / "main.rs"
    source.write_text(code, encoding="utf-8")
    exe = out_dir / "main"
    argv = [
        rustc,
        "--edition",
        "2021",
        "--crate-type",
        "bin",
        "--crate-name",
        "portalis_program",
        "-C",
        "overflow-checks=on",
        "-C",
        "opt-level=1",
        "--cap-lints",
        "allow",
        "-o",
        str(exe),
        str(source),
    ]
    try:
        proc = _run_limited(
            argv, cwd=out_dir, timeout_s=timeout_s, memory_bytes=COMPILE_MEMORY_LIMIT
        )
    except subprocess.TimeoutExpired as exc:
        raise CompileError(f"rustc timed out after {timeout_s:g} s") from exc
    except OSError as exc:
        raise CompileError(f"cannot run rustc: {exc}") from exc
    if proc.returncode != 0 or not exe.is_file():
        raise CompileError(f"rustc failed with status {proc.returncode}", proc.stderr.strip())
    return exe


def rustfmt(code: str, *, timeout_s: float = RUSTFMT_TIMEOUT_S) -> str:
    """Format Rust code with rustfmt; returns `code` unchanged if rustfmt is absent or fails.

    Formatting is cosmetic, so every failure (missing tool, a syntax error that rustc will
    report anyway, a timeout) falls back to the unformatted text.
    """
    tool = find_tool("rustfmt")
    if tool is None:
        return code
    with tempfile.TemporaryDirectory(prefix="portalis-rustfmt-") as tmp:
        try:
            proc = _run_limited(
                [tool, "--edition", "2021", "--emit", "stdout", "--quiet"],
                cwd=Path(tmp),
                timeout_s=timeout_s,
                memory_bytes=CHECK_MEMORY_LIMIT,
                input_text=code,
            )
        except (subprocess.TimeoutExpired, OSError):
            return code
    if proc.returncode != 0 or not proc.stdout.strip():
        return code
    return proc.stdout
