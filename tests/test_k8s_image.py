"""The container image. Docker cannot run on this machine, so the Dockerfile is checked with
BuildKit's own parser (the `dockerfile` package) and the entrypoint script is run directly:
with a stand-in `tritonserver` that prints its arguments (compared with the command line
`portalis serve --dry-run` builds), and with the real tritonserver bundled in nvidia-pytriton
(the API key from the mounted file is enforced, the cluster config variant loads)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dockerfile
import pytest
from k8s_support import REPO, container_env, one, pod_spec, render_overlay, triton_container
from triton_support import PORTALIS, free_port

pytestmark = pytest.mark.slow  # starts real processes (kubectl)

ENTRYPOINT = REPO / "docker" / "entrypoint.sh"
MODEL_REPOSITORY = REPO / "triton_models"
# Flags that legitimately differ between `portalis serve` and the image: where the pip
# wheel keeps its backends and caches (NVIDIA's image uses the built-in defaults), GPU
# metrics (the GPU image reports them; the cpu overlay turns them off), and info logs
# (wanted in a cluster's log pipeline).
INSTALL_SPECIFIC = {"backend-directory", "cache-directory", "allow-gpu-metrics", "log-info"}
# What must be set the same way in both.
ESSENTIAL = {
    "model-repository",
    "http-address",
    "grpc-address",
    "metrics-address",
    "http-port",
    "grpc-port",
    "metrics-port",
    "grpc-restricted-protocol",
    "http-restricted-api",
    "model-config-name",
    "exit-timeout-secs",
    "disable-auto-complete-config",
}
STAND_IN = '#!/bin/sh\n# stands in for tritonserver: prints its arguments\nprintf "%s\\n" "$@"\n'


def flags(lines: list[str]) -> dict[str, str]:
    """`--name=value` / `--name` arguments as {name: value} (a later flag wins, as in
    tritonserver)."""
    parsed: dict[str, str] = {}
    for line in lines:
        assert line.startswith("--"), f"not a flag: {line}"
        name, _, value = line[2:].partition("=")
        parsed[name] = value
    return parsed


# --- Dockerfile ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def instructions() -> tuple[dockerfile.Command, ...]:
    parsed: tuple[dockerfile.Command, ...] = dockerfile.parse_file(str(REPO / "Dockerfile"))
    return parsed


def stages(commands: tuple[dockerfile.Command, ...]) -> list[list[dockerfile.Command]]:
    split: list[list[dockerfile.Command]] = []
    for command in commands:
        if command.cmd == "FROM":
            split.append([])
        if split:
            split[-1].append(command)
    return split


def global_args(commands: tuple[dockerfile.Command, ...]) -> dict[str, str]:
    before_first_stage = []
    for command in commands:
        if command.cmd == "FROM":
            break
        before_first_stage.append(command)
    return dict(c.value[0].split("=", 1) for c in before_first_stage if c.cmd == "ARG")


def test_the_image_builds_a_wheel_then_runs_it_on_pinned_nvidia_triton(
    instructions: tuple[dockerfile.Command, ...],
) -> None:
    builder, runtime = stages(instructions)
    assert builder[0].value[1:] == ("AS", "wheel")
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", builder[0].value[0])
    assert any(c.cmd == "RUN" and "pip wheel" in c.value[0] for c in builder)
    triton_image = global_args(instructions)["TRITON_IMAGE"]
    assert runtime[0].value[0] == "${TRITON_IMAGE}"
    assert re.fullmatch(r"nvcr\.io/nvidia/tritonserver:\d{2}\.\d{2}-py3", triton_image)
    copies = [c for c in runtime if c.cmd == "COPY"]
    assert any(c.flags == ("--from=wheel",) for c in copies)
    assert ("triton_models/", "/opt/portalis/triton_models/") in [c.value for c in copies]


def test_the_image_runs_the_entrypoint_as_the_deployment_user(
    instructions: tuple[dockerfile.Command, ...],
) -> None:
    runtime = stages(instructions)[-1]
    users = [c for c in runtime if c.cmd == "USER"]
    uid, gid = users[-1].value[0].split(":")
    deployment = one(render_overlay("cpu"), "Deployment")
    security = pod_spec(deployment)["securityContext"]
    assert (int(uid), int(gid)) == (security["runAsUser"], security["runAsGroup"]) != (0, 0)
    after_user = runtime[runtime.index(users[-1]) :]
    assert not any(c.cmd == "RUN" for c in after_user), "nothing may run as root after USER"
    (entrypoint,) = [c for c in runtime if c.cmd == "ENTRYPOINT"]
    assert entrypoint.json, "exec form: tritonserver must receive SIGTERM itself"
    installed = [
        c.value for c in runtime if c.cmd == "COPY" and c.value[0] == "docker/entrypoint.sh"
    ]
    assert installed == [("docker/entrypoint.sh", entrypoint.value[0])]
    assert os.access(ENTRYPOINT, os.X_OK)
    # HOME and temporary files are on the Deployment's writable /tmp volume
    env = dict(c.value for c in runtime if c.cmd == "ENV" and len(c.value) == 2)
    assert env["HOME"] == "/tmp"
    mounts = {m["mountPath"] for m in triton_container(deployment)["volumeMounts"]}
    assert "/tmp" in mounts
    exposed = {int(p) for c in runtime if c.cmd == "EXPOSE" for p in c.value}
    assert exposed == {p["containerPort"] for p in triton_container(deployment)["ports"]}


def test_the_build_context_holds_what_the_dockerfile_copies(
    instructions: tuple[dockerfile.Command, ...],
) -> None:
    rules = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rules[0] == "*", "start from nothing: no .venv, .git or caches in the context"
    included = {rule[1:].rstrip("/") for rule in rules if rule.startswith("!")}
    sources = {
        source.rstrip("/")
        for command in instructions
        if command.cmd == "COPY" and not command.flags
        for source in command.value[:-1]
    }
    for source in sources:
        assert any(source == kept or source.startswith(f"{kept}/") for kept in included), source
        assert (REPO / source).exists(), source


# --- entrypoint, with a stand-in tritonserver ---------------------------------------------


def run_entrypoint(
    tmp_path: Path, env: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    stand_in = bin_dir / "tritonserver"
    stand_in.write_text(STAND_IN)
    stand_in.chmod(0o755)
    base = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    base["PORTALIS_MODEL_REPOSITORY"] = str(MODEL_REPOSITORY)
    return subprocess.run(
        ["sh", str(ENTRYPOINT), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "api-key"
    path.write_text("team-key-42\n")
    return path


def test_the_entrypoint_builds_the_command_line_portalis_serve_uses(
    tmp_path: Path, key_file: Path
) -> None:
    serve = subprocess.run(
        [
            *PORTALIS,
            "serve",
            "--dry-run",
            "--host=0.0.0.0",
            f"--api-key-file={key_file}",
            "--model-config-name=cluster-cpu",
            f"--model-repository={MODEL_REPOSITORY}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert serve.returncode == 0, serve.stderr
    served = flags(serve.stdout.splitlines()[1:])  # after the binary's path
    image = run_entrypoint(
        tmp_path,
        {"PORTALIS_API_KEY_FILE": str(key_file), "PORTALIS_MODEL_CONFIG_NAME": "cluster-cpu"},
    )
    assert image.returncode == 0, image.stderr
    entrypoint = flags(image.stdout.splitlines())
    assert served.keys() >= ESSENTIAL
    assert {k: v for k, v in entrypoint.items() if k not in INSTALL_SPECIFIC} == {
        k: v for k, v in served.items() if k not in INSTALL_SPECIFIC
    }
    assert entrypoint["http-restricted-api"] == "inference:x-api-key=team-key-42"


def test_the_deployment_settings_reach_tritonserver(tmp_path: Path, key_file: Path) -> None:
    for overlay in ("cpu", "gpu"):
        container = triton_container(one(render_overlay(overlay), "Deployment"))
        env = container_env(container)
        env["PORTALIS_API_KEY_FILE"] = str(key_file)  # the Secret's mount, here
        result = run_entrypoint(tmp_path, env, *container.get("args", []))
        assert result.returncode == 0, result.stderr
        argv = result.stdout.splitlines()
        passed = flags(argv)
        assert passed["model-config-name"] == f"cluster-{overlay}"
        assert passed["exit-timeout-secs"] == env["PORTALIS_EXIT_TIMEOUT_SECS"]
        assert passed["grpc-restricted-protocol"] == "inference:x-api-key=team-key-42"
        ports = {p["name"]: str(p["containerPort"]) for p in container["ports"]}
        assert [passed[f"{name}-port"] for name in ("http", "grpc", "metrics")] == [
            ports["http"],
            ports["grpc"],
            ports["metrics"],
        ]
        # the container's own args come last, so they can override anything
        assert argv[len(argv) - len(container.get("args", [])) :] == container.get("args", [])


@pytest.mark.parametrize(
    ("key", "message"),
    [(None, "cannot read the API key file"), ("two words", "must be one word"), ("", "one word")],
)
def test_the_entrypoint_refuses_to_start_without_a_usable_key(
    tmp_path: Path, key: str | None, message: str
) -> None:
    path = tmp_path / "api-key"
    if key is not None:
        path.write_text(key)
    result = run_entrypoint(tmp_path, {"PORTALIS_API_KEY_FILE": str(path)})
    assert result.returncode != 0
    assert message in result.stderr
    assert result.stdout == "", "tritonserver must not have been started"


def test_running_without_a_key_is_explicit_and_warned(tmp_path: Path) -> None:
    result = run_entrypoint(tmp_path, {"PORTALIS_API_KEY_FILE": ""})
    assert result.returncode == 0
    assert "WARNING: no API key" in result.stderr
    assert not any("restricted" in line for line in result.stdout.splitlines())


def test_an_unknown_config_variant_is_refused(tmp_path: Path, key_file: Path) -> None:
    env = {"PORTALIS_API_KEY_FILE": str(key_file), "PORTALIS_MODEL_CONFIG_NAME": "cluster-tpu"}
    result = run_entrypoint(tmp_path, env)
    assert result.returncode != 0
    assert "no config variant cluster-tpu" in result.stderr


# --- entrypoint, with the real tritonserver -----------------------------------------------


@contextmanager
def entrypoint_server(tmp_path: Path, key_file: Path) -> Iterator[tuple[str, str]]:
    """The entrypoint exec'ing the tritonserver bundled in nvidia-pytriton, on free loopback
    ports with the cluster-cpu variant; yields the gRPC and HTTP URLs once ready."""
    import urllib.request

    from backend import serve

    install = serve.find_triton()
    bin_dir = tmp_path / "triton-bin"
    bin_dir.mkdir()
    (bin_dir / "tritonserver").symlink_to(install.binary)
    env = serve.server_environment()
    http, grpc, metrics = free_port(), free_port(), free_port()
    env.update(
        PATH=f"{bin_dir}{os.pathsep}{env['PATH']}",
        PORTALIS_MODEL_REPOSITORY=str(MODEL_REPOSITORY),
        PORTALIS_MODEL_CONFIG_NAME="cluster-cpu",
        PORTALIS_API_KEY_FILE=str(key_file),
        PORTALIS_ADDRESS="127.0.0.1",
        PORTALIS_HTTP_PORT=str(http),
        PORTALIS_GRPC_PORT=str(grpc),
        PORTALIS_METRICS_PORT=str(metrics),
    )
    extra = [
        f"--backend-directory={install.backend_dir}",
        f"--cache-directory={install.cache_dir}",
        "--allow-gpu-metrics=false",
    ]
    log = tmp_path / "tritonserver.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            ["sh", str(ENTRYPOINT), *extra], env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "not ready:\n" + log.read_text(errors="replace")
            try:
                ready = f"http://127.0.0.1:{http}/v2/health/ready"
                with urllib.request.urlopen(ready, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.5)
        yield f"grpc://127.0.0.1:{grpc}", f"http://127.0.0.1:{http}"
    finally:
        process.send_signal(signal.SIGTERM)  # exec'd: the signal reaches tritonserver itself
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_the_entrypoint_runs_a_real_triton_that_enforces_the_mounted_key(
    tmp_path: Path, key_file: Path
) -> None:
    from backend.backends import BackendError, BackendUnavailable, TranslationRequest, make_remote
    from backend.transpiler import Status

    request = TranslationRequest("def double(x: int) -> int:\n    return 2 * x\n")
    with entrypoint_server(tmp_path, key_file) as urls:
        for url in urls:
            anonymous = make_remote(url)
            keyed = make_remote(url, api_key="team-key-42")
            try:
                with pytest.raises(BackendError) as refused:
                    anonymous.translate(request)
                assert not isinstance(refused.value, BackendUnavailable)
                assert keyed.translate(request).status in (Status.COMPILES, Status.VERIFIED)
            finally:
                anonymous.close()
                keyed.close()
