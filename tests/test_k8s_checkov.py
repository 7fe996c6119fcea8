"""checkov (the real scanner, installed by scripts/ensure-system-deps.sh) on what each overlay
and k8s/monitoring render: no failed check, and every skipped check carries the reason
written in the manifest. One checkov run covers them all, plus a deliberately weakened copy
of the Deployment that must fail, so the scan is known to bite."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from k8s_support import (
    MONITORING,
    OVERLAYS,
    Manifest,
    one,
    render,
    render_overlay,
    require_tool,
    triton_container,
)

pytestmark = pytest.mark.slow  # starts real processes (checkov)

WEAKENED = "weakened-deployment"


def weakened_deployment() -> Manifest:
    deployment = copy.deepcopy(one(render_overlay("cpu"), "Deployment"))
    container = triton_container(deployment)
    container["securityContext"]["privileged"] = True
    container["securityContext"]["allowPrivilegeEscalation"] = True
    del container["resources"]["limits"]
    return deployment


@pytest.fixture(scope="module")
def checkov_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """checkov's JSON results, keyed by rendered file name (without `.yaml`)."""
    directory = tmp_path_factory.mktemp("rendered")
    sources = {name: render_overlay(name) for name in OVERLAYS}
    sources["monitoring"] = render(MONITORING)
    sources[WEAKENED] = [weakened_deployment()]
    for name, objects in sources.items():
        (directory / f"{name}.yaml").write_text(yaml.safe_dump_all(objects), encoding="utf-8")
    result = subprocess.run(
        [
            require_tool("checkov"),
            "--directory",
            str(directory),
            "--framework",
            "kubernetes",
            "--output",
            "json",
            "--skip-download",  # no network: the built-in checks only
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # checkov exits 1 when a check fails (the weakened copy makes sure one does)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert report["check_type"] == "kubernetes"
    by_file: dict[str, dict[str, Any]] = {
        name: {"passed": [], "failed": [], "skipped": []} for name in sources
    }
    for outcome in ("passed", "failed", "skipped"):
        for check in report["results"][f"{outcome}_checks"]:
            by_file[Path(check["file_path"]).stem][outcome].append(check)
    return by_file


@pytest.mark.parametrize("name", [*OVERLAYS, "monitoring"])
def test_no_check_fails(checkov_results: dict[str, dict[str, Any]], name: str) -> None:
    results = checkov_results[name]
    failed = [f"{c['check_id']} {c['check_name']} ({c['resource']})" for c in results["failed"]]
    assert failed == []
    assert results["passed"], "checkov evaluated nothing"


@pytest.mark.parametrize("name", OVERLAYS)
def test_the_deployment_was_scanned_and_skips_carry_reasons(
    checkov_results: dict[str, dict[str, Any]], name: str
) -> None:
    results = checkov_results[name]
    deployment_checks = {
        c["check_id"] for c in results["passed"] if c["resource"].startswith("Deployment.")
    }
    # privileged, privilege escalation, capabilities, root, probes, limits: all evaluated
    expected = {"CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_37", "CKV_K8S_23", "CKV_K8S_8", "CKV_K8S_9"}
    assert expected <= deployment_checks
    for check in results["skipped"]:
        reason = check["check_result"].get("suppress_comment", "")
        assert len(reason.split()) >= 5, f"{check['check_id']} is skipped without a reason"


def test_a_weakened_deployment_fails_the_scan(checkov_results: dict[str, dict[str, Any]]) -> None:
    failed = {c["check_id"] for c in checkov_results[WEAKENED]["failed"]}
    # privileged container, privilege escalation, no CPU and memory limits
    assert {"CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_11", "CKV_K8S_13"} <= failed
