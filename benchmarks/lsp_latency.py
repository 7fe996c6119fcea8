"""Hover and code-action latency of the language server, measured by a stdio client.

For every top-level function of every module in the corpus:

- cold: the first hover on the function in this server process (the item was never
  translated; the server's engine may be warm from earlier items);
- warm: the function is edited (a trailing comment on its last line, so the cache
  cannot answer) and hovered again, `--reps` times;
- cached: the same hover repeated without an edit, `--reps` times;
- resolve: after an edit, "Translate `name` to Rust" is listed and resolved (a fresh
  translation, not a cache hit).

Times are client round trips over stdio (JSON-RPC included), in milliseconds, with rustc
verification on (the default). Whole-file diagnostics are switched off so that they do not
compete for the CPU with the measured requests. Percentiles are nearest-rank.

    .venv/bin/python benchmarks/lsp_latency.py [--corpus DIR] [--modules N] [--reps N]
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.transpiler import ENGINE_VERSION  # noqa: E402
from lsp_server.items import index_document  # noqa: E402
from lsp_server.stdio_client import StdioClient  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 2),
        "p95": round(percentile(values, 95), 2),
        "p99": round(percentile(values, 99), 2),
        "max": round(max(values), 2),
    }


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - started) * 1000, result


def edited(text: str, last_line: int, rev: int) -> str:
    lines = text.split("\n")
    lines[last_line - 1] = lines[last_line - 1].split("  # bench")[0] + f"  # bench {rev}"
    return "\n".join(lines)


def run(corpus: Path, modules: int, reps: int) -> dict[str, Any]:
    samples: dict[str, list[float]] = {"cold": [], "warm": [], "cached": [], "resolve": []}
    statuses: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="portalis-lsp-bench-") as tmp:
        workdir = Path(tmp)
        files = sorted(corpus.glob("*.py"))[:modules]
        client = StdioClient(workdir, settings={"diagnostics": False})
        client.initialize()
        try:
            for source_file in files:
                path = workdir / source_file.name
                shutil.copy(source_file, path)
                text = path.read_text()
                uri = client.open(path, text)
                version = 1
                doc = index_document(text)
                for item in [i for i in doc.items if i.kind == "function"]:
                    line = item.header_start - 1
                    ms, shown = timed(client.hover, uri, line, 5)
                    samples["cold"].append(ms)
                    status = (shown or "").rsplit("\n", 1)[-1][:1]
                    statuses[status] = statuses.get(status, 0) + 1
                    for _ in range(reps):
                        version += 1
                        text = edited(text, item.end_line, version)
                        client.change(uri, text, version)
                        samples["warm"].append(timed(client.hover, uri, line, 5)[0])
                    for _ in range(reps):
                        samples["cached"].append(timed(client.hover, uri, line, 5)[0])
                    version += 1
                    text = edited(text, item.end_line, version)
                    client.change(uri, text, version)
                    started = time.perf_counter()
                    action = client.code_actions(uri, line)[0]
                    client.request("codeAction/resolve", action)
                    samples["resolve"].append((time.perf_counter() - started) * 1000)
        finally:
            client.close()
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "engine_version": ENGINE_VERSION,
        "python": platform.python_version(),
        "rustc": rustc,
        "machine": f"{platform.machine()}, {platform.processor() or ''}".strip(", "),
        "modules": len(files),
        "reps": reps,
        "hover_status_marks": statuses,
        "latency_ms": {kind: summary(values) for kind, values in samples.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "corpus")
    parser.add_argument("--modules", type=int, default=12)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results" / "lsp_latency.json"
    )
    args = parser.parse_args()
    results = run(args.corpus, args.modules, args.reps)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"{'ms':>8} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8}")
    for kind, row in results["latency_ms"].items():
        if row:
            print(f"{kind:>8} {row['n']:>5} {row['p50']:>8} {row['p95']:>8} {row['p99']:>8}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
