"""Speed benchmark: warm translation latency per module, with and without verification.

    python benchmarks/speed.py [--corpus DIR] [--reps N] [--out FILE]

Every module is translated once to warm the engine (mypy's in-process build, imports),
then N times with `verify=False` and N times with `verify=True`. Each repetition gets a
fresh `TranslateOptions` and a source that differs by a trailing comment, so that no
cache anywhere (the engine keeps none by design; mypy's incremental state might) can
answer from a previous result. Reports p50/p95 per module and over all samples, peak RSS,
and a synthetic 100-line module separately against the interactive targets
(p95 <= 20 ms without verification, <= 100 ms with).
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from backend.transpiler import ENGINE_VERSION, translate
from backend.transpiler.record import TranslateOptions
from backend.transpiler.verify import rustc_version

ROOT = Path(__file__).resolve().parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_OUT = ROOT / "results" / "speed.json"
TARGET_P95_MS = {"engine_only": 20.0, "no_verify": 20.0, "verify": 100.0}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: with 20 samples p95 is the 19th)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


def synthetic_module(lines: int = 100) -> str:
    """A typed module of about `lines` lines: loops, arithmetic, lists, dicts, strings."""
    chunk = [
        "def f{i}(values: list[int], k: int) -> int:",
        "    total = 0",
        "    for v in values:",
        "        if v % {m} == 0:",
        "            total += v * k",
        "        else:",
        "            total -= v // {m}",
        "    counts: dict[str, int] = {{}}",
        '    counts["n{i}"] = len(values)',
        '    return total + counts["n{i}"]',
        "",
    ]
    out: list[str] = ['"""Synthetic benchmark module."""']
    i = 0
    while len(out) + len(chunk) <= lines:
        out.extend(line.format(i=i, m=i % 7 + 2) for line in chunk)
        i += 1
    return "\n".join(out) + "\n"


@dataclass
class Timing:
    name: str
    lines: int
    no_verify_ms: list[float]
    verify_ms: list[float]
    engine_ms: list[float]  # no rustc, no rustfmt: the engine's own work

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lines": self.lines,
            "engine_only": {
                "p50_ms": _r(percentile(self.engine_ms, 50)),
                "p95_ms": _r(percentile(self.engine_ms, 95)),
            },
            "no_verify": {
                "p50_ms": _r(percentile(self.no_verify_ms, 50)),
                "p95_ms": _r(percentile(self.no_verify_ms, 95)),
            },
            "verify": {
                "p50_ms": _r(percentile(self.verify_ms, 50)),
                "p95_ms": _r(percentile(self.verify_ms, 95)),
            },
        }


def _r(value: float) -> float:
    return round(value, 2)


def _time_translate(source: str, rep: int, verify: bool, rustfmt: bool = True) -> float:
    busted = f"{source}\n# portalis-bench {rep} {verify} {rustfmt}\n"
    options = TranslateOptions(verify=verify, rustfmt=rustfmt)  # a fresh value every time
    started = time.perf_counter()
    translate(busted, options=options)
    return (time.perf_counter() - started) * 1000.0


def measure(name: str, source: str, reps: int) -> Timing:
    translate(source)  # warm-up, not timed
    no_verify = [_time_translate(source, i, verify=False) for i in range(reps)]
    with_verify = [_time_translate(source, i, verify=True) for i in range(reps)]
    engine = [_time_translate(source, i, verify=False, rustfmt=False) for i in range(reps)]
    return Timing(name, len(source.splitlines()), no_verify, with_verify, engine)


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def render(timings: list[Timing], synthetic: Timing) -> Table:
    table = Table(title="Portalis translate latency (warm, ms)")
    columns = (
        "module",
        "lines",
        "engine p50",
        "engine p95",
        "p50",
        "p95",
        "p50 +rustc",
        "p95 +rustc",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "module" else "right")
    for t in [*timings, synthetic]:
        s = t.summary()
        if t is synthetic:
            table.add_section()
        table.add_row(
            t.name,
            str(t.lines),
            f"{s['engine_only']['p50_ms']:.1f}",
            f"{s['engine_only']['p95_ms']:.1f}",
            f"{s['no_verify']['p50_ms']:.1f}",
            f"{s['no_verify']['p95_ms']:.1f}",
            f"{s['verify']['p50_ms']:.1f}",
            f"{s['verify']['p95_ms']:.1f}",
        )
    return table


def overall(timings: list[Timing]) -> dict[str, Any]:
    no_verify = [ms for t in timings for ms in t.no_verify_ms]
    with_verify = [ms for t in timings for ms in t.verify_ms]
    engine = [ms for t in timings for ms in t.engine_ms]
    if not no_verify:
        return {}
    return {
        "engine_only": {
            "p50_ms": _r(percentile(engine, 50)),
            "p95_ms": _r(percentile(engine, 95)),
        },
        "no_verify": {
            "p50_ms": _r(percentile(no_verify, 50)),
            "p95_ms": _r(percentile(no_verify, 95)),
        },
        "verify": {
            "p50_ms": _r(percentile(with_verify, 50)),
            "p95_ms": _r(percentile(with_verify, 95)),
        },
        "samples": len(no_verify),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    console = Console()
    files = sorted(args.corpus.glob("*.py"))
    timings = []
    for path in files:
        console.print(f"timing {path.name}", style="dim")
        timings.append(measure(path.stem, path.read_text(encoding="utf-8"), args.reps))
    synthetic = measure("synthetic-100-lines", synthetic_module(), args.reps)
    console.print(render(timings, synthetic))
    s = synthetic.summary()
    targets = {
        mode: {
            "target_p95_ms": target,
            "p95_ms": s[mode]["p95_ms"],
            "met": s[mode]["p95_ms"] <= target,
        }
        for mode, target in TARGET_P95_MS.items()
    }
    for mode, t in targets.items():
        verdict = "[green]met[/]" if t["met"] else "[red]missed[/]"
        console.print(
            f"synthetic 100 lines, {mode}: p95 {t['p95_ms']:.1f} ms "
            f"(target {t['target_p95_ms']:.0f} ms) {verdict}"
        )
    report = {
        "engine_version": ENGINE_VERSION,
        "rustc_version": rustc_version(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "reps": args.reps,
        "corpus": str(args.corpus),
        "modules": [t.summary() for t in timings],
        "overall": overall(timings),
        "synthetic_100_lines": {**s, "targets": targets},
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"peak RSS {report['peak_rss_mib']} MiB; results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
