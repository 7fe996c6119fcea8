"""Quality benchmark: how much of a corpus translates, compiles, and behaves like CPython.

    python benchmarks/quality.py [--corpus DIR] [--out FILE]

Per category (the corpus file name's prefix before the first `_`) it reports: modules;
translated (status not `failed`); compiled (rustc accepts the output, checked here
independently of the status the engine claims); behaves (differential check against
CPython matches; only modules with a `__main__` block are runnable); placeholders; and
clippy warnings (`clippy::all`) per 100 non-blank Rust lines of the compiled outputs.

This runs every runnable corpus module under CPython: the corpus is ours, not user code.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from backend.transpiler import ENGINE_VERSION, translate
from backend.transpiler.check import check_module, has_main_block
from backend.transpiler.record import Status, Translation
from backend.transpiler.verify import check_rust, clippy_check, rustc_version

ROOT = Path(__file__).resolve().parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_OUT = ROOT / "results" / "quality.json"


@dataclass
class ModuleResult:
    name: str
    category: str
    status: str
    translated: bool
    compiled: bool
    runnable: bool
    behaves: bool
    placeholders: int
    rust_lines: int
    clippy_warnings: int
    translate_ms: float
    note: str = ""


def category_of(path: Path) -> str:
    return path.stem.split("_", 1)[0]


def placeholders(translation: Translation) -> int:
    counted = translation.metadata.get("placeholders")
    return counted if isinstance(counted, int) else translation.rust_code.count("todo!(")


def evaluate(path: Path) -> ModuleResult:
    source = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    translation = translate(source)
    translate_ms = (time.perf_counter() - started) * 1000.0
    runnable = has_main_block(source)
    crate_type = "bin" if runnable else "lib"
    translated = translation.status is not Status.FAILED
    compiled = translated and check_rust(translation.rust_code, crate_type=crate_type).ok
    behaves, note = False, ""
    if compiled and runnable:
        result = check_module(source, filename=path.name, translator=lambda _src: translation)
        behaves, note = result.matches, ("" if result.matches else result.message)
    lines, warnings = 0, 0
    if compiled:
        lines = sum(1 for line in translation.rust_code.splitlines() if line.strip())
        warnings = clippy_check(translation.rust_code, crate_type=crate_type).warnings
    return ModuleResult(
        name=path.stem,
        category=category_of(path),
        status=translation.status.value,
        translated=translated,
        compiled=compiled,
        runnable=runnable,
        behaves=behaves,
        placeholders=placeholders(translation),
        rust_lines=lines,
        clippy_warnings=warnings,
        translate_ms=round(translate_ms, 2),
        note=note,
    )


def summarise(results: Iterable[ModuleResult]) -> dict[str, Any]:
    rows = list(results)
    lines = sum(r.rust_lines for r in rows)
    warnings = sum(r.clippy_warnings for r in rows)
    return {
        "modules": len(rows),
        "translated": sum(r.translated for r in rows),
        "compiled": sum(r.compiled for r in rows),
        "runnable": sum(r.runnable for r in rows),
        "behaves": sum(r.behaves for r in rows),
        "placeholders": sum(r.placeholders for r in rows),
        "rust_lines": lines,
        "clippy_warnings": warnings,
        "clippy_per_100_lines": round(100.0 * warnings / lines, 2) if lines else 0.0,
    }


def by_category(results: list[ModuleResult]) -> dict[str, dict[str, Any]]:
    categories = sorted({r.category for r in results})
    return {c: summarise(r for r in results if r.category == c) for c in categories}


def render(categories: dict[str, dict[str, Any]], totals: dict[str, Any]) -> Table:
    table = Table(
        title="Portalis translation quality",
        caption="behaves: matches CPython / runnable; clippy/100L: warnings per 100 lines",
    )
    # Short headers: the table fits an 80-column terminal.
    for column in ("category", "modules", "translated", "compiled", "behaves", "todo!()"):
        table.add_column(column, justify="left" if column == "category" else "right")
    table.add_column("clippy/100L", justify="right")

    def row(name: str, s: dict[str, Any]) -> None:
        table.add_row(
            name,
            str(s["modules"]),
            str(s["translated"]),
            str(s["compiled"]),
            f"{s['behaves']}/{s['runnable']}",
            str(s["placeholders"]),
            f"{s['clippy_per_100_lines']:.2f}",
        )

    for name, stats in categories.items():
        row(name, stats)
    table.add_section()
    row("total", totals)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    files = sorted(args.corpus.glob("*.py"))
    if not files:
        print(f"no .py files in {args.corpus}", file=sys.stderr)
        return 2
    console = Console()
    results: list[ModuleResult] = []
    with Progress(console=console, transient=True) as progress:
        for path in progress.track(files, description="evaluating"):
            results.append(evaluate(path))
    categories = by_category(results)
    totals = summarise(results)
    console.print(render(categories, totals))
    report = {
        "engine_version": ENGINE_VERSION,
        "rustc_version": rustc_version(),
        "python": platform.python_version(),
        "corpus": str(args.corpus),
        "categories": categories,
        "totals": totals,
        "modules": [asdict(r) for r in results],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
