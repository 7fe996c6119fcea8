"""Runtime speed of the Rust Portalis emits, against CPython and mypyc, on one machine.

    python benchmarks/runtime_speed.py [--reps 3] [--only NAME ...] [--no-mypyc] [--out FILE]

Programs: the classic typed benchmark programs (benchmarks/real/mypyc_benchmarks/) and the
CPU micro-benchmarks (benchmarks/micro/). For each one that translates to Rust which
compiles: CPython's time, the mypyc-compiled module's time (mypyc ships with mypy), and the
Rust binary's time (`rustc -O`, as a user builds the single file), each the median of
`--reps` runs in this one process, and the three outputs checked equal (a program whose
outputs differ has no speedup: it is reported, not timed as a win). Also idiom figures per
100 non-blank lines of Rust: runtime helper calls (`py_*`) and `.clone()` calls.
Speedups are geometric means over the programs whose three outputs agree; a PNG plot of
per-program speedups is written when matplotlib is installed (`make bench` installs it).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from backend.transpiler import translate
from backend.transpiler.record import Status

ROOT = Path(__file__).resolve().parent
PROGRAM_DIRS = (ROOT / "real" / "mypyc_benchmarks", ROOT / "micro")
DEFAULT_OUT = ROOT / "results" / "runtime_speed.json"
PLOT = ROOT.parent / "docs" / "benchmarks" / "runtime_speedup.png"
RUN_TIMEOUT_S = 300.0
MAIN_BLOCK = re.compile(r'^if __name__ == "__main__":\n((?:    .*\n|\n)+)', re.MULTILINE)


@dataclass
class ProgramSpeed:
    name: str
    group: str
    status: str
    python_s: float | None = None
    mypyc_s: float | None = None
    rust_s: float | None = None
    outputs_agree: bool = False
    rust_lines: int = 0
    helper_calls: int = 0
    clones: int = 0
    note: str = ""
    speedup_vs_python: float | None = None
    speedup_vs_mypyc: float | None = None
    runs: dict[str, list[float]] = field(default_factory=dict)


def timed(argv: list[str], cwd: Path, reps: int) -> tuple[list[float], str]:
    """Wall times of `reps` runs and the stdout of the first (every run must succeed)."""
    times: list[float] = []
    first = ""
    env = dict(os.environ, PYTHONHASHSEED="0")
    for index in range(reps):
        started = time.perf_counter()
        done = subprocess.run(
            argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"{argv[0]} exited {done.returncode}: {done.stderr[-300:]}")
        if index == 0:
            first = done.stdout
    return times, first


def mypyc_module(source: str) -> str:
    """The module with its main block as a function, so the compiled module can run it."""
    match = MAIN_BLOCK.search(source)
    if match is None:
        raise ValueError("no main block")
    body = match.group(1)
    return source[: match.start()] + "def portalis_main() -> None:\n" + body


def build_mypyc(name: str, source: str, workdir: Path) -> list[str]:
    module = f"bench_{name}"
    (workdir / f"{module}.py").write_text(mypyc_module(source), encoding="utf-8")
    mypyc = Path(sys.executable).with_name("mypyc")
    done = subprocess.run(
        [str(mypyc), f"{module}.py"], cwd=workdir, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"mypyc failed: {(done.stdout + done.stderr)[-300:]}")
    (workdir / f"{module}.py").unlink()  # import the compiled extension, not the source
    return [sys.executable, "-c", f"import {module}; {module}.portalis_main()"]


def build_rust(code: str, workdir: Path) -> list[str]:
    (workdir / "main.rs").write_text(code, encoding="utf-8")
    rustc = shutil.which("rustc") or "rustc"
    done = subprocess.run(
        [rustc, "--edition", "2021", "-O", "-o", "main", "main.rs"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"rustc -O failed: {done.stderr[-300:]}")
    return [str(workdir / "main")]


def idiom_counts(code: str) -> tuple[int, int, int]:
    lines = [line for line in code.splitlines() if line.strip()]
    body = "\n".join(line for line in lines if not line.lstrip().startswith("fn py_"))
    helpers = len(re.findall(r"\bpy_\w+\(|\.py_\w+\(", body))
    return len(lines), helpers, body.count(".clone()")


def measure(path: Path, reps: int, with_mypyc: bool) -> ProgramSpeed:
    source = path.read_text(encoding="utf-8")
    translation = translate(source)
    result = ProgramSpeed(path.stem, path.parent.name, translation.status.value)
    if translation.status not in (Status.COMPILES, Status.VERIFIED):
        result.note = "does not translate to compiling Rust"
        return result
    result.rust_lines, result.helper_calls, result.clones = idiom_counts(translation.rust_code)
    with tempfile.TemporaryDirectory(prefix="portalis-speed-") as tmp:
        workdir = Path(tmp)
        (workdir / path.name).write_text(source, encoding="utf-8")
        try:
            python_times, python_out = timed([sys.executable, path.name], workdir, reps)
            rust_times, rust_out = timed(build_rust(translation.rust_code, workdir), workdir, reps)
            result.runs = {"python": python_times, "rust": rust_times}
            agree = rust_out == python_out
            if with_mypyc:
                try:
                    mypyc_command = build_mypyc(path.stem, source, workdir)
                except RuntimeError as exc:  # the Rust timing still counts against CPython
                    result.note = str(exc)[:200]
                else:
                    mypyc_times, mypyc_out = timed(mypyc_command, workdir, reps)
                    result.runs["mypyc"] = mypyc_times
                    result.mypyc_s = statistics.median(mypyc_times)
                    agree = agree and mypyc_out == python_out
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
            result.note = str(exc)[:200]
            return result
    result.python_s = statistics.median(python_times)
    result.rust_s = statistics.median(rust_times)
    result.outputs_agree = agree
    if not agree:
        result.note = "outputs differ"
        return result
    result.speedup_vs_python = result.python_s / result.rust_s
    if result.mypyc_s:
        result.speedup_vs_mypyc = result.mypyc_s / result.rust_s
    return result


def geomean(values: list[float]) -> float | None:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def summary(rows: list[ProgramSpeed]) -> dict[str, Any]:
    timed_rows = [r for r in rows if r.speedup_vs_python is not None]
    lines = sum(r.rust_lines for r in rows if r.rust_lines)
    return {
        "programs": len(rows),
        "timed": len(timed_rows),
        "geomean_speedup_vs_python": geomean([r.speedup_vs_python or 0 for r in timed_rows]),
        "geomean_speedup_vs_mypyc": geomean(
            [r.speedup_vs_mypyc for r in timed_rows if r.speedup_vs_mypyc]
        ),
        "geomean_mypyc_vs_python": geomean(
            [r.python_s / r.mypyc_s for r in timed_rows if r.mypyc_s and r.python_s]
        ),
        "slower_than_python": [r.name for r in timed_rows if (r.speedup_vs_python or 0) < 1],
        "helper_calls_per_100_lines": round(100 * sum(r.helper_calls for r in rows) / lines, 2)
        if lines
        else None,
        "clones_per_100_lines": round(100 * sum(r.clones for r in rows) / lines, 2)
        if lines
        else None,
    }


def plot(rows: list[ProgramSpeed], out: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    shown = [r for r in rows if r.speedup_vs_python]
    if not shown:
        return False
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(shown) + 1.5))
    names = [r.name for r in shown]
    ax.barh(names, [r.speedup_vs_python or 0 for r in shown], label="Rust (Portalis) / CPython")
    mypyc = [(r.python_s / r.mypyc_s) if r.mypyc_s and r.python_s else 0 for r in shown]
    ax.barh(names, mypyc, height=0.4, label="mypyc / CPython")
    ax.set_xscale("log")
    ax.set_xlabel("speedup over CPython (log scale)")
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.legend(loc="lower right")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--no-mypyc", action="store_true")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    files = sorted(p for d in PROGRAM_DIRS for p in d.glob("*.py"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    rows = []
    for path in files:
        row = measure(path, args.reps, not args.no_mypyc)
        rows.append(row)
        speed = f"{row.speedup_vs_python:.1f}x" if row.speedup_vs_python else row.note
        print(f"{row.group}/{row.name}: {row.status}, {speed}", flush=True)
    totals = summary(rows)
    report = {"summary": totals, "programs": [asdict(r) for r in rows]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    plotted = plot(rows, PLOT)
    print(json.dumps(totals, indent=2))
    print(f"results written to {args.out}" + (f"; plot {PLOT}" if plotted else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
