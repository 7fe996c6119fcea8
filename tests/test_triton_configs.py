"""The model's configurations: valid ModelConfig protos, variants in step with the default,
and a cluster variant really loaded by tritonserver (`--model-config-name`)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from google.protobuf import text_format
from triton_support import REPO, running_server
from tritonclient.grpc import model_config_pb2

MODEL = REPO / "triton_models" / "rust_transpiler"
VARIANTS = sorted((MODEL / "configs").glob("*.pbtxt"))


def parse(path: Path) -> model_config_pb2.ModelConfig:
    # Strict: an unknown field or a typo fails here, as it would fail tritonserver.
    return text_format.Parse(path.read_text(), model_config_pb2.ModelConfig())


def test_the_default_config_has_the_routes_and_io_of_the_design() -> None:
    config = parse(MODEL / "config.pbtxt")
    assert config.backend == "python" and config.max_batch_size >= 1
    assert [i.name for i in config.input] == ["python_code", "translation_options"]
    assert config.input[1].optional and not config.input[0].optional
    assert [o.name for o in config.output] == [
        "rust_code",
        "confidence_score",
        "metadata",
        "warnings",
        "suggestions",
    ]
    batching = config.dynamic_batching
    assert batching.priority_levels == 2 and batching.default_priority_level == 2
    assert 0 < batching.max_queue_delay_microseconds <= 500
    policy = batching.default_queue_policy
    assert policy.allow_timeout_override and policy.default_timeout_microseconds > 0
    assert config.model_warmup[0].inputs["python_code"].input_data_file
    assert (
        MODEL / "warmup" / config.model_warmup[0].inputs["python_code"].input_data_file
    ).is_file()


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.stem for v in VARIANTS])
def test_cluster_variants_differ_from_the_default_only_in_instances(variant: Path) -> None:
    default, config = parse(MODEL / "config.pbtxt"), parse(variant)
    assert config.instance_group[0].count >= default.instance_group[0].count
    del default.instance_group[:]
    del config.instance_group[:]
    assert config == default


def test_there_is_a_cpu_and_a_gpu_cluster_variant() -> None:
    assert {v.stem for v in VARIANTS} >= {"cluster-cpu", "cluster-gpu"}


@pytest.mark.slow
def test_tritonserver_loads_a_variant_by_name(tmp_path: Path) -> None:
    """A variant with one instance (the default has two) proves which file was loaded."""
    repository = tmp_path / "models"
    shutil.copytree(REPO / "triton_models", repository)
    probe = (MODEL / "configs" / "cluster-cpu.pbtxt").read_text()
    probe = re.sub(r"count: \d+", "count: 1", probe)
    (repository / "rust_transpiler" / "configs" / "probe.pbtxt").write_text(probe)
    with running_server(
        tmp_path, f"--model-repository={repository}", "--model-config-name=probe"
    ) as server:
        loaded = json.loads(server.get("/v2/models/rust_transpiler/config")[1])
    assert parse(MODEL / "config.pbtxt").instance_group[0].count != 1
    assert [int(g["count"]) for g in loaded["instance_group"]] == [1]
