"""Load on a real Triton server (`portalis serve`): what the interactive priority buys.

Closed-loop clients on loopback, each sending its next request as soon as the previous one
is answered, over one gRPC channel (`TritonGrpcBackend.translate_async`):

- interactive, idle: one client, hover-like requests (one function of a corpus module,
  rustc verification against the prebuilt runtime, as the language server sends them),
  priority 1;
- batch throughput: 1, 2, 4, 8, 16 clients sending project-style requests (one whole module,
  as `translate-project` does: no rustc on the server), priority 2; translations/s;
- interactive under load: one interactive client while 16 batch clients saturate the
  server (more requests than it can run at once, so a queue forms), its requests at
  priority 1, then the same requests sent at priority 2.

Every request is made unique (a trailing comment) so no layer can answer from a cache.
The target (issue "Triton backend route"): interactive p95 under saturating batch load
<= max(3 x idle p95, 50 ms). Percentiles are nearest-rank.

    .venv/bin/python benchmarks/triton_load.py [--seconds S] [--instances N] [--max-batch N]
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import itertools
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import serve  # noqa: E402
from backend.backends import Route, TranslationRequest, TritonGrpcBackend  # noqa: E402
from backend.transpiler import TranslateOptions  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
DEFAULT_OUT = Path(__file__).resolve().parent / "results" / "triton_load.json"
BATCH_CLIENTS = (1, 2, 4, 8, 16)
SATURATING_CLIENTS = 16  # more than the instances can hold: a real queue forms


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "p99_ms": round(percentile(values, 99), 1),
    }


# --- workload -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    interactive: list[TranslationRequest]
    batch: list[TranslationRequest]


def load_workload(corpus: Path) -> Workload:
    interactive, batch = [], []
    for path in sorted(corpus.glob("*.py")):
        source = path.read_text()
        functions = [
            n.name
            for n in ast.parse(source).body
            if isinstance(n, ast.FunctionDef) and n.name != "main"  # hovers land on helpers
        ]
        if functions:
            interactive.append(
                TranslationRequest(
                    source,
                    symbol=functions[0],
                    options=TranslateOptions(fast_verify=True),
                    route="interactive",
                )
            )
        batch.append(
            TranslationRequest(
                source,
                options=TranslateOptions(module_name=path.stem),
                route="batch",
                siblings={},
            )
        )
    return Workload(interactive, batch)


def unique(
    request: TranslationRequest, n: int, *, route: Route | None = None
) -> TranslationRequest:
    return replace(
        request, source=f"{request.source}\n# request {n}\n", route=route or request.route
    )


# --- clients --------------------------------------------------------------------------------


class Counter:
    def __init__(self) -> None:
        self._next = itertools.count()

    def __call__(self) -> int:
        return next(self._next)


async def closed_loop(
    backend: TritonGrpcBackend,
    requests: list[TranslationRequest],
    stop_at: float,
    counter: Counter,
    route: Route | None = None,
    latencies: list[float] | None = None,
) -> int:
    done = 0
    for request in itertools.cycle(requests):
        if time.monotonic() >= stop_at:
            return done
        started = time.perf_counter()
        await backend.translate_async(unique(request, counter(), route=route))
        if latencies is not None:
            latencies.append((time.perf_counter() - started) * 1000)
        done += 1
    return done


async def interactive_alone(
    backend: TritonGrpcBackend, workload: Workload, seconds: float, counter: Counter
) -> list[float]:
    latencies: list[float] = []
    stop_at = time.monotonic() + seconds
    await closed_loop(backend, workload.interactive, stop_at, counter, latencies=latencies)
    return latencies


async def batch_throughput(
    backend: TritonGrpcBackend, workload: Workload, clients: int, seconds: float, counter: Counter
) -> float:
    started = time.monotonic()
    stop_at = started + seconds
    counts = await asyncio.gather(
        *(closed_loop(backend, workload.batch, stop_at, counter) for _ in range(clients))
    )
    return sum(counts) / (time.monotonic() - started)


async def interactive_under_load(
    backend: TritonGrpcBackend,
    workload: Workload,
    seconds: float,
    counter: Counter,
    interactive_route: Route,
) -> tuple[list[float], float]:
    latencies: list[float] = []
    started = time.monotonic()
    stop_at = started + seconds
    batch = [
        closed_loop(backend, workload.batch, stop_at, counter) for _ in range(SATURATING_CLIENTS)
    ]
    await asyncio.sleep(0.5)  # let the batch clients fill the queue first
    interactive = closed_loop(
        backend, workload.interactive, stop_at, counter, interactive_route, latencies
    )
    counts = await asyncio.gather(interactive, *batch)
    return latencies, sum(counts[1:]) / (time.monotonic() - started)


# --- server ---------------------------------------------------------------------------------


def model_repository(tmp: Path, instances: int | None, max_batch: int | None) -> Path:
    """A copy of triton_models/ with the instance count / batch size under test."""
    repo = tmp / "models"
    shutil.copytree(ROOT / "triton_models", repo)
    config = repo / "rust_transpiler" / "config.pbtxt"
    text = config.read_text()
    if instances is not None:
        text = re.sub(r"count: \d+", f"count: {instances}", text)
    if max_batch is not None:
        text = re.sub(r"max_batch_size: \d+", f"max_batch_size: {max_batch}", text)
    config.write_text(text)
    return repo


def start(config: serve.ServeConfig) -> subprocess.Popen[bytes]:
    args = serve.tritonserver_args(config, serve.find_triton())
    process = subprocess.Popen(
        args, env=serve.server_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if not serve.wait_until_ready(config, process):
        process.kill()
        raise SystemExit("tritonserver did not become ready")
    return process


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- main -----------------------------------------------------------------------------------


async def measure(backend: TritonGrpcBackend, workload: Workload, seconds: float) -> dict[str, Any]:
    counter = Counter()
    await interactive_alone(backend, workload, 3, counter)  # warm every code path once
    idle = latency_summary(await interactive_alone(backend, workload, seconds, counter))
    throughput = {
        str(clients): round(await batch_throughput(backend, workload, clients, seconds, counter), 1)
        for clients in BATCH_CLIENTS
    }
    results: dict[str, Any] = {"interactive_idle": idle, "batch_per_s": throughput}
    routes: tuple[Route, ...] = ("interactive", "batch")
    for route in routes:
        latencies, batch_rate = await interactive_under_load(
            backend, workload, seconds, counter, route
        )
        results[f"under_load_sent_as_{route}"] = {
            **latency_summary(latencies),
            "batch_per_s": round(batch_rate, 1),
        }
    target = max(3 * idle["p95_ms"], 50.0)
    results["target_p95_ms"] = round(target, 1)
    results["target_met"] = results["under_load_sent_as_interactive"]["p95_ms"] <= target
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="per measurement")
    parser.add_argument("--instances", type=int, help="override the config's instance count")
    parser.add_argument("--max-batch", type=int, help="override max_batch_size")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    workload = load_workload(CORPUS)
    with tempfile.TemporaryDirectory() as tmp:
        config = serve.ServeConfig(
            http_port=free_port(),
            grpc_port=free_port(),
            metrics_port=free_port(),
            model_repository=model_repository(Path(tmp), args.instances, args.max_batch),
        )
        process = start(config)
        backend = TritonGrpcBackend(f"127.0.0.1:{config.grpc_port}", batch_timeout_s=300)
        try:
            results = backend.run_coroutine(
                measure(backend, workload, args.seconds), timeout_s=3600
            )
        finally:
            backend.close()
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    report = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "cores": len(os.sched_getaffinity(0)),
        "instances": args.instances,
        "max_batch": args.max_batch,
        "seconds_per_measurement": args.seconds,
        "corpus_modules": len(workload.batch),
        **results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
