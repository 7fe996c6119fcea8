"""`portalis serve`: a real Triton Inference Server with `triton_models/`, in the foreground.

The server binary is `tritonserver` from PATH (as in NVIDIA's container) or the one bundled
in the `nvidia-pytriton` wheel (`pip install 'portalis[serve]'`). The model runs the engine
inside Triton's Python-backend stub, which finds this package through the `python3` on PATH
and needs the libpython of this interpreter: both are set up here.

Loopback by default. SIGINT/SIGTERM are passed on to tritonserver, which gets
`EXIT_TIMEOUT_S` to finish in-flight requests before it is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

EXIT_TIMEOUT_S = 5
# Triton checks this header on inference calls when an API key is configured.
API_KEY_HEADER = "x-api-key"
MODEL_NAME = "rust_transpiler"


class ServeError(Exception):
    """`portalis serve` cannot start (no server binary, bad model repository, bad key file)."""


@dataclass(frozen=True)
class ServeConfig:
    host: str = "127.0.0.1"
    http_port: int = 8000
    grpc_port: int = 8001
    metrics_port: int = 8002
    model_repository: Path | None = None
    model_config_name: str | None = None
    api_key: str | None = None


@dataclass(frozen=True)
class TritonInstall:
    """Where the server binary lives, and the directories it needs beside it."""

    binary: Path
    backend_dir: Path | None = None  # None: the binary's built-in default (NVIDIA's image)
    cache_dir: Path | None = None


def default_model_repository() -> Path | None:
    """`triton_models/` of a source checkout (the image passes its own path)."""
    candidate = Path(__file__).resolve().parents[1] / "triton_models"
    return candidate if (candidate / MODEL_NAME).is_dir() else None


def read_api_key(path: Path) -> str:
    try:
        key = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ServeError(f"{path}: cannot read the API key: {exc.strerror}") from exc
    if not key or any(c.isspace() or c in ",=:" for c in key):
        raise ServeError(f"{path}: the API key must be one word without `,`, `=` or `:`")
    return key


def find_triton() -> TritonInstall:
    on_path = shutil.which("tritonserver")
    if on_path:
        return TritonInstall(Path(on_path))
    try:
        import pytriton
    except ImportError as exc:
        raise ServeError(
            "no Triton server found: install one with `pip install 'portalis[serve]'` "
            "(bundles tritonserver), or put `tritonserver` on PATH"
        ) from exc
    root = Path(pytriton.__file__).parent / "tritonserver"
    _install_python_stub(root)
    return TritonInstall(root / "bin" / "tritonserver", root / "backends", root / "caches")


def _install_python_stub(root: Path) -> None:
    """The wheel ships one Python-backend stub per CPython version; Triton looks for it
    beside the backend library (once per installation)."""
    version = "{}.{}".format(*sys.version_info[:2])
    stub = root / "python_backend_stubs" / version / "triton_python_backend_stub"
    target = root / "backends" / "python" / stub.name
    if target.exists():
        return
    if not stub.exists():
        raise ServeError(f"the bundled Triton server has no Python {version} backend stub")
    shutil.copy2(stub, target)


def tritonserver_args(config: ServeConfig, install: TritonInstall) -> list[str]:
    """The tritonserver command line (the container's entrypoint builds the same flags)."""
    repository = config.model_repository or default_model_repository()
    if repository is None or not (repository / MODEL_NAME).is_dir():
        raise ServeError(f"no model repository with `{MODEL_NAME}`: pass --model-repository")
    args = [
        str(install.binary),
        f"--model-repository={repository}",
        f"--http-address={config.host}",
        f"--grpc-address={config.host}",
        f"--metrics-address={config.host}",
        f"--http-port={config.http_port}",
        f"--grpc-port={config.grpc_port}",
        f"--metrics-port={config.metrics_port}",
        "--allow-gpu-metrics=false",
        # The model's config is complete; auto-completion would only slow the start.
        "--disable-auto-complete-config",
        f"--exit-timeout-secs={EXIT_TIMEOUT_S}",
        "--log-info=false",
    ]
    if install.backend_dir is not None:
        args.append(f"--backend-directory={install.backend_dir}")
    if install.cache_dir is not None:
        args.append(f"--cache-directory={install.cache_dir}")
    if config.model_config_name:
        args.append(f"--model-config-name={config.model_config_name}")
    if config.api_key:
        args.append(f"--grpc-restricted-protocol=inference:{API_KEY_HEADER}={config.api_key}")
        args.append(f"--http-restricted-api=inference:{API_KEY_HEADER}={config.api_key}")
    return args


def server_environment() -> dict[str, str]:
    """PATH leads to this interpreter (the stub runs `python3` from PATH to find this
    package) and LD_LIBRARY_PATH to its libpython (a mismatch breaks the model's imports)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    libdir = sysconfig.get_config_var("LIBDIR")
    if libdir:
        env["LD_LIBRARY_PATH"] = os.pathsep.join(
            p for p in (str(libdir), env.get("LD_LIBRARY_PATH", "")) if p
        )
    return env


def wait_until_ready(
    config: ServeConfig, process: subprocess.Popen[bytes], timeout_s: float = 120.0
) -> bool:
    """Poll `/v2/health/ready` until the model is loaded (False if the server died)."""
    host = "127.0.0.1" if config.host in ("0.0.0.0", "") else config.host
    url = f"http://{host}:{config.http_port}/v2/health/ready"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=1.0) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def run(config: ServeConfig, *, announce: bool = True) -> int:
    """Run tritonserver in the foreground until it exits or we are told to stop."""
    install = find_triton()
    args = tritonserver_args(config, install)
    process = subprocess.Popen(args, env=server_environment())
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        if announce and wait_until_ready(config, process):
            print(
                f"portalis serve: ready — grpc://{config.host}:{config.grpc_port} "
                f"http://{config.host}:{config.http_port} "
                f"(metrics on :{config.metrics_port})",
                file=sys.stderr,
                flush=True,
            )
        return _wait(process, lambda: stopping)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _wait(process: subprocess.Popen[bytes], stopping: Callable[[], bool]) -> int:
    while True:
        try:
            return process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
        if stopping():
            try:
                return process.wait(timeout=EXIT_TIMEOUT_S + 5)
            except subprocess.TimeoutExpired:
                process.kill()
                return process.wait()
