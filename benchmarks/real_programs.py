"""Real programs benchmark: typed Python written by others, translated and run.

    python benchmarks/real_programs.py [--root DIR] [--only NAME ...] [--out FILE]

Every `*.py` under `benchmarks/real/<source>/` is third-party code shipped under its
licence (see benchmarks/real/README.md), held out from tuning. Per module it reports:
translated (status not `failed`), compiles (rustc accepts the output, checked here
independently of the status the engine claims), behaves (the Rust binary prints exactly
what CPython prints, byte for byte, and both succeed or both fail), placeholders
(`todo!()`), and **silently wrong**: the engine said `compiles`/`verified` but the
program behaves differently. That last column must stay 0.

This runs every module under CPython: the corpus is shipped with the project, not user code.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quality import placeholders  # benchmarks/ is the script's folder
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from backend.transpiler import ENGINE_VERSION, translate
from backend.transpiler.check import check_module, has_main_block
from backend.transpiler.record import Status, Translation
from backend.transpiler.verify import check_rust, rustc_version

ROOT = Path(__file__).resolve().parent
DEFAULT_ROOT = ROOT / "real"
DEFAULT_OUT = ROOT / "results" / "real_programs.json"
CLAIMS_TO_WORK = {Status.COMPILES, Status.VERIFIED}


@dataclass
class ProgramResult:
    source: str
    name: str
    status: str
    translated: bool
    compiles: bool
    behaves: bool
    silently_wrong: bool
    placeholders: int
    translate_ms: float
    note: str = ""


def first_problem(translation: Translation) -> str:
    for severity in ("error", "warning"):
        for diagnostic in translation.diagnostics:
            if diagnostic.severity.value == severity:
                return f"{diagnostic.range.line}: {diagnostic.message} [{diagnostic.code}]"
    return ""


def evaluate(path: Path, timeout_s: float) -> ProgramResult:
    source = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    translation = translate(source)
    translate_ms = (time.perf_counter() - started) * 1000.0
    runnable = has_main_block(source)
    translated = translation.status is not Status.FAILED
    crate_type = "bin" if runnable else "lib"
    compiles = translated and check_rust(translation.rust_code, crate_type=crate_type).ok
    behaves, note = False, first_problem(translation)
    if compiles and runnable:
        result = check_module(
            source, filename=path.name, timeout_s=timeout_s, translator=lambda _src: translation
        )
        same_exit = (result.python_exit == 0) == (result.rust_exit == 0)
        behaves = result.stage_failed is None and same_exit
        behaves = behaves and result.python_stdout == result.rust_stdout
        if not behaves:
            note = result.message or "stdout differs"
    silently_wrong = translation.status in CLAIMS_TO_WORK and runnable and not behaves
    return ProgramResult(
        source=path.parent.name,
        name=path.stem,
        status=translation.status.value,
        translated=translated,
        compiles=compiles,
        behaves=behaves,
        silently_wrong=silently_wrong,
        placeholders=placeholders(translation),
        translate_ms=round(translate_ms, 1),
        note=note[:160],
    )


def summarise(rows: list[ProgramResult]) -> dict[str, Any]:
    return {
        "modules": len(rows),
        "translated": sum(r.translated for r in rows),
        "compiles": sum(r.compiles for r in rows),
        "behaves": sum(r.behaves for r in rows),
        "silently_wrong": sum(r.silently_wrong for r in rows),
        "placeholders": sum(r.placeholders for r in rows),
    }


def render(rows: list[ProgramResult]) -> Table:
    table = Table(title="Portalis on real programs", caption="behaves: exact stdout and exit")
    for column in ("source", "module", "status", "compiles", "behaves", "todo!()", "note"):
        table.add_column(column, overflow="fold")
    for r in rows:
        behaves = "SILENTLY WRONG" if r.silently_wrong else ("yes" if r.behaves else "no")
        table.add_row(
            r.source,
            r.name,
            r.status,
            "yes" if r.compiles else "no",
            behaves,
            str(r.placeholders),
            r.note[:70],
        )
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--only", nargs="*", default=[], help="module names (file stems)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per program run")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    files = sorted(args.root.glob("*/*.py"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    if not files:
        print(f"no programs under {args.root}", file=sys.stderr)
        return 2
    console = Console(width=max(Console().width, 140))
    rows: list[ProgramResult] = []
    with Progress(console=console, transient=True) as progress:
        for path in progress.track(files, description="translating and running"):
            rows.append(evaluate(path, args.timeout))
    console.print(render(rows))
    sources = sorted({r.source for r in rows})
    per_source = {s: summarise([r for r in rows if r.source == s]) for s in sources}
    totals = summarise(rows)
    for name, stats in [*per_source.items(), ("total", totals)]:
        console.print(
            f"{name}: {stats['behaves']}/{stats['modules']} behave, "
            f"{stats['compiles']} compile, {stats['silently_wrong']} silently wrong"
        )
    report = {
        "engine_version": ENGINE_VERSION,
        "rustc_version": rustc_version(),
        "python": platform.python_version(),
        "root": str(args.root),
        "sources": per_source,
        "totals": totals,
        "modules": [asdict(r) for r in rows],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
