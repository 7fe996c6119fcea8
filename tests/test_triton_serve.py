"""The Triton route against a real Triton Inference Server started with `portalis serve`.

Nothing here is mocked: the server is the `tritonserver` binary bundled in nvidia-pytriton,
running `triton_models/rust_transpiler` (the engine inside Triton's Python backend).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import signal
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from triton_support import PORTALIS, REPO, Server, free_port, running_server, start_server
from tritonclient.utils import InferenceServerException

from backend import cli
from backend.backends import (
    BackendError,
    BackendUnavailable,
    EmbeddedBackend,
    TranslationRequest,
    TritonGrpcBackend,
    make_remote,
)
from backend.transpiler import SourceRange, Status, Translation

pytestmark = pytest.mark.slow

DEMO = (REPO / "examples" / "demo.py").read_text()
SHAPES = (REPO / "tests" / "lsp" / "workspace" / "shapes.py").read_text()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("triton")) as started:
        yield started


def comparable(translation: Translation) -> dict[str, object]:
    """Everything but the metadata that differs by who answered (backend, timings)."""
    record = translation.to_json()
    meta = record.pop("metadata")
    record["rustc_ok"] = (meta.get("rustc") or {}).get("ok")
    record["placeholders"] = meta.get("placeholders")
    return record


@pytest.mark.parametrize("scheme", ["grpc", "http"])
@pytest.mark.parametrize(
    "request_",
    [
        TranslationRequest(DEMO),
        TranslationRequest(DEMO, route="batch"),
        TranslationRequest(SHAPES, symbol="Circle"),
        TranslationRequest(SHAPES, range=SourceRange(1, 0, 12, 0)),
        TranslationRequest("def broken(:\n    pass\n"),
        TranslationRequest("def g(xs):\n    yield from xs\n"),
    ],
    ids=["module", "batch-route", "symbol", "range", "syntax-error", "partial"],
)
def test_remote_results_equal_the_embedded_backend(
    server: Server, scheme: str, request_: TranslationRequest
) -> None:
    remote = make_remote(server.grpc_url if scheme == "grpc" else server.http_url)
    try:
        answered = remote.translate(request_)
    finally:
        remote.close()
    assert answered.metadata["backend"].startswith(f"triton-{scheme}")
    assert comparable(answered) == comparable(EmbeddedBackend().translate(request_))


@pytest.mark.parametrize("scheme", ["grpc", "http"])
def test_cli_translate_over_the_backend_prints_what_the_embedded_cli_prints(
    server: Server, scheme: str
) -> None:
    demo = str(REPO / "examples" / "demo.py")
    url = server.grpc_url if scheme == "grpc" else server.http_url
    embedded = subprocess.run([*PORTALIS, "translate", demo], capture_output=True, text=True)
    remote = subprocess.run(
        [*PORTALIS, "translate", demo, "--backend", url, "--priority", "batch"],
        capture_output=True,
        text=True,
    )
    assert embedded.returncode == remote.returncode == 0, remote.stderr
    assert remote.stdout == embedded.stdout and "fn main" in remote.stdout


def test_translate_project_over_grpc_writes_the_crate_the_embedded_engine_writes(
    server: Server, tmp_path: Path
) -> None:
    src = tmp_path / "app"
    (src / "geometry").mkdir(parents=True)
    (src / "geometry" / "__init__.py").write_text("")
    (src / "geometry" / "shapes.py").write_text(
        "def area(w: int, h: int) -> int:\n    return w * h\n"
    )
    (src / "report.py").write_text(
        "from geometry.shapes import area\n\n\n"
        "def total_area(sizes: list[tuple[int, int]]) -> int:\n"
        "    return sum(area(w, h) for w, h in sizes)\n"
    )
    (src / "broken.py").write_text("def (:\n")
    crates = {}
    for backend in ("embedded", server.grpc_url):
        crate = tmp_path / f"crate-{len(crates)}"
        result = subprocess.run(
            [
                *PORTALIS,
                "translate-project",
                str(src),
                "--out",
                str(crate),
                "--json",
                "--backend",
                backend,
                "--concurrency",
                "3",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 1, result.stderr  # broken.py: incomplete, not an error
        report = json.loads(result.stdout)
        crates[backend] = {
            p.relative_to(crate).as_posix(): p.read_text()
            for p in sorted((crate / "src").rglob("*.rs"))
        }
        statuses = {m["module"]: m["status"] for m in report["modules"]}
        assert statuses == {
            "broken": "failed",
            "geometry": "compiles",
            "geometry.shapes": "compiles",
            "report": "compiles",
        }
    assert crates["embedded"] == crates[server.grpc_url]
    assert "crate::geometry::shapes" in crates["embedded"]["src/report.rs"]


def test_translate_project_exports_client_metrics(server: Server, tmp_path: Path) -> None:
    src = tmp_path / "app"
    src.mkdir()
    (src / "util.py").write_text("def double(x: int) -> int:\n    return 2 * x\n")
    port = free_port()
    args = ["translate-project", str(src), "--out", str(tmp_path / "crate"), "--no-progress"]
    args += ["--backend", server.grpc_url, "--metrics-port", str(port)]
    assert cli.main(args) == 0
    # The metrics endpoint lives as long as the process: this one, here.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
        scraped = response.read().decode()
    assert re.search(
        r'^portalis_client_request_duration_seconds_count\{backend="triton-grpc",'
        r'route="batch"\} [1-9]',
        scraped,
        re.M,
    )


def test_a_batch_of_32_mixed_requests_gets_32_separate_answers(server: Server) -> None:
    sources = [DEMO, SHAPES, "def broken(:\n", "def g(xs):\n    yield from xs\n"] * 8
    backend = TritonGrpcBackend(f"127.0.0.1:{server.grpc_port}")

    async def all_at_once() -> list[Translation]:
        requests = [TranslationRequest(s, route="batch") for s in sources]
        return list(await asyncio.gather(*(backend.translate_async(r) for r in requests)))

    try:
        results = backend.run_coroutine(all_at_once(), timeout_s=300)
    finally:
        backend.close()
    expected = {
        s: comparable(EmbeddedBackend().translate(TranslationRequest(s))) for s in set(sources)
    }
    assert [comparable(r) for r in results] == [expected[s] for s in sources]
    assert [r.status for r in results[2::4]] == [Status.FAILED] * 8
    assert all("fn g" in r.rust_code for r in results[3::4])


@pytest.fixture(scope="module")
def batching_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The default config runs one request per execution (measured: lowest interactive
    latency); a cluster may batch more. This variant forces real batches: one instance,
    batches of up to 8 gathered for 200 ms."""
    yield from _batching_variant(tmp_path_factory, "batching", batch=8, delay_us=200_000)


def test_a_malformed_request_fails_alone_inside_its_batch(batching_server: Server) -> None:
    results = _six_requests_one_malformed(batching_server)
    counts = _metric_values(batching_server.metrics())
    # Triton formed real batches (more inferences than model executions).
    assert counts["nv_inference_count"] > counts["nv_inference_exec_count"]
    bad = results[3]
    assert isinstance(bad, InferenceServerException)
    assert "translation_options is not JSON" in str(bad.message())
    for index in (0, 1, 2, 4, 5):
        answer = results[index]
        assert isinstance(answer, grpcclient.InferResult), answer
        assert b"pub fn f() -> i64" in answer.as_numpy("rust_code").reshape(-1)[0]


@pytest.fixture(scope="module")
def batch_of_three_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One instance that executes a batch as soon as three requests have arrived (it would
    wait up to 5 s for them): the batch does not depend on how fast the client sends."""
    yield from _batching_variant(tmp_path_factory, "batch3", batch=3, delay_us=5_000_000)


def _batching_variant(
    tmp_path_factory: pytest.TempPathFactory, name: str, *, batch: int, delay_us: int
) -> Iterator[Server]:
    """A server whose one model instance gathers batches of up to `batch` requests for up
    to `delay_us` microseconds."""
    tmp_path = tmp_path_factory.mktemp(name)
    repository = tmp_path / "models"
    shutil.copytree(REPO / "triton_models", repository)
    config = repository / "rust_transpiler" / "config.pbtxt"
    text = re.sub(r"max_batch_size: \d+", f"max_batch_size: {batch}", config.read_text())
    text = re.sub(
        r"max_queue_delay_microseconds: \d+", f"max_queue_delay_microseconds: {delay_us}", text
    )
    config.write_text(re.sub(r"count: \d+", "count: 1", text))
    with running_server(tmp_path, f"--model-repository={repository}") as started:
        yield started


def test_a_request_cancelled_while_its_batch_runs_is_not_translated(
    batch_of_three_server: Server,
) -> None:
    # Timing decides whether the cancellation lands while the batch runs (a request still
    # in the queue is dropped by Triton instead, never reaching the model): up to three
    # attempts, each a fresh batch; the model must skip the cancelled request in one.
    for attempt in range(3):
        if _cancel_the_third_of_a_batch(batch_of_three_server, attempt):
            return
    pytest.fail("no cancelled request reached the model's is_cancelled() check")


def _cancel_the_third_of_a_batch(server: Server, attempt: int) -> bool:
    big = "\n\n".join(
        f"def f{i}(xs: list[int]) -> int:\n    return sum(x * {i} for x in xs if x % 3)"
        for i in range(1200)
    )
    before = _cancelled_count(server)
    finished = threading.Semaphore(0)
    client = grpcclient.InferenceServerClient(f"127.0.0.1:{server.grpc_port}")
    handles = [
        client.async_infer(
            "rust_transpiler",
            _raw_inputs(f"{big}\n# {attempt}.{i}\n", b"{}"),
            callback=lambda result, error: finished.release(),
        )
        for i in range(3)
    ]
    # The three run as one batch as soon as the third arrives; each big module takes over
    # two seconds, so 1.5 s after sending (time for a loaded machine to deliver them) the
    # third still waits inside the model's execute() when it is cancelled.
    time.sleep(1.5)
    handles[2].cancel()
    for _ in range(2):  # the two others are answered (a cancelled call may not call back)
        finished.acquire(timeout=60)
    deadline = time.monotonic() + 10
    while _cancelled_count(server) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    client.close()
    return _cancelled_count(server) == before + 1


def _cancelled_count(server: Server) -> float:
    found = re.search(
        r'^portalis_model_translations_total\{status="cancelled"\} (\S+)$', server.metrics(), re.M
    )
    return float(found.group(1)) if found else 0.0


def _six_requests_one_malformed(server: Server) -> list[object]:
    client = grpcclient.InferenceServerClient(f"127.0.0.1:{server.grpc_port}")
    results: list[object] = [None] * 6

    def done(index: int):  # type: ignore[no-untyped-def]
        def callback(result: object, error: object) -> None:
            results[index] = error if error is not None else result

        return callback

    for index in range(6):
        options = b"{not json" if index == 3 else b'{"route": "batch"}'
        inputs = _raw_inputs("def f() -> int:\n    return 1\n", options)
        client.async_infer("rust_transpiler", inputs, callback=done(index), priority=2)
    deadline = time.monotonic() + 120
    while any(r is None for r in results) and time.monotonic() < deadline:
        time.sleep(0.05)
    client.close()
    return results


def test_per_request_timeouts_are_honoured(server: Server) -> None:
    big = "\n\n".join(
        f"def f{i}(xs: list[int]) -> int:\n    return sum(x * {i} for x in xs if x % 3)"
        for i in range(150)
    )
    backend = make_remote(server.grpc_url)
    try:
        # The client's deadline: a request that cannot finish in 50 ms is abandoned.
        started = time.monotonic()
        with pytest.raises(BackendUnavailable, match="timed out"):
            backend.translate(TranslationRequest(big, timeout_s=0.05))
        assert time.monotonic() - started < 5
        # Triton's queue timeout: with both instances busy, a request allowed to wait
        # 1 ms in the queue is rejected by the server itself.
        client = grpcclient.InferenceServerClient(f"127.0.0.1:{server.grpc_port}")
        busy: list[object] = []
        for _ in range(6):
            client.async_infer(
                "rust_transpiler",
                _raw_inputs(big, b"{}"),
                callback=lambda result, error: busy.append(error or result),
            )
        time.sleep(0.3)
        with pytest.raises(InferenceServerException, match="timeout"):
            client.infer("rust_transpiler", _raw_inputs(big, b"{}"), timeout=1000)
        deadline = time.monotonic() + 120
        while len(busy) < 6 and time.monotonic() < deadline:
            time.sleep(0.1)
        client.close()
        assert len(busy) == 6
    finally:
        backend.close()


def test_the_model_was_warmed_up_and_reports_its_config(server: Server) -> None:
    assert server.get("/v2/health/live")[0] == 200
    status, _ = server.get("/v2/models/rust_transpiler/ready")
    assert status == 200
    config = json.loads(server.get("/v2/models/rust_transpiler/config")[1])
    batching = config["dynamic_batching"]
    assert batching["priority_levels"] == "2" or batching["priority_levels"] == 2
    assert batching["default_queue_policy"]["allow_timeout_override"] is True
    assert int(batching["max_queue_delay_microseconds"]) <= 500
    warmup = config["model_warmup"]
    assert warmup and warmup[0]["inputs"]["python_code"]["input_data_file"]
    # Warmup ran the real sample through the engine on every instance before "ready".
    instances = sum(int(group["count"]) for group in config["instance_group"])
    text = server.metrics()
    translated = sum(
        float(v)
        for v in re.findall(
            r'^portalis_model_translations_total\{status="[a-z]+"\} (\S+)$', text, re.M
        )
    )
    assert translated >= instances
    assert "portalis_model_engine_seconds_total" in text


def test_the_warmup_sample_is_a_well_formed_string_tensor() -> None:
    raw = (REPO / "triton_models/rust_transpiler/warmup/sample_python_code").read_bytes()
    length = int.from_bytes(raw[:4], "little")
    assert length == len(raw) - 4
    compile(raw[4:].decode(), "sample", "exec")


def test_api_key_is_enforced(tmp_path: Path) -> None:
    key_file = tmp_path / "api-key"
    key_file.write_text("s3cret-key\n")
    with running_server(tmp_path, f"--api-key-file={key_file}") as guarded:
        request = TranslationRequest("def f() -> int:\n    return 1\n")
        for url in (guarded.grpc_url, guarded.http_url):
            anonymous = make_remote(url)
            wrong = make_remote(url, api_key="nope")
            right = make_remote(url, api_key="s3cret-key")
            try:
                for client in (anonymous, wrong):
                    with pytest.raises(BackendError) as refused:
                        client.translate(request)
                    assert not isinstance(refused.value, BackendUnavailable)
                assert right.translate(request).status is Status.COMPILES
            finally:
                for client in (anonymous, wrong, right):
                    client.close()
        # Health stays open for probes and load balancers.
        assert guarded.get("/v2/health/ready")[0] == 200


def test_sigterm_stops_the_server_within_seconds(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    deadline = time.monotonic() + 30
    while "portalis serve: ready" not in server.log_text():  # announced once it polled
        assert time.monotonic() < deadline, server.log_text()
        time.sleep(0.1)
    children = _children(server.process.pid)
    assert children, "tritonserver should run as a child of portalis serve"
    started = time.monotonic()
    assert server.stop(signal.SIGTERM, timeout_s=30) == 0
    assert time.monotonic() - started < 15
    assert not any(_alive(pid) for pid in children)


def test_serve_refuses_an_unreadable_key_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [*PORTALIS, "serve", f"--api-key-file={tmp_path / 'missing'}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "cannot read the API key" in result.stderr


# --- helpers ------------------------------------------------------------------------------


def _raw_inputs(source: str, options: bytes) -> list[grpcclient.InferInput]:
    inputs = []
    for name, value in (("python_code", source.encode()), ("translation_options", options)):
        tensor = grpcclient.InferInput(name, [1, 1], "BYTES")
        tensor.set_data_from_numpy(np.array([[value]], dtype=np.object_))
        inputs.append(tensor)
    return inputs


def _metric_values(text: str) -> dict[str, float]:
    values: dict[str, float] = {}
    for name, value in re.findall(r'^(nv_\w+)\{model="rust_transpiler"[^}]*\} (\S+)$', text, re.M):
        values[name] = values.get(name, 0.0) + float(value)
    return values


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"
