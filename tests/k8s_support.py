"""Shared helpers for the deployment tests: render the kustomize trees with the real
`kubectl kustomize`, find objects in the result, and read the PromQL the manifests use."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from cloudcoil.models.prometheus_operator import v1 as prometheus_operator

REPO = Path(__file__).resolve().parent.parent
K8S = REPO / "k8s"
OVERLAYS = ("cpu", "gpu")
MONITORING = K8S / "monitoring"
DASHBOARD = MONITORING / "dashboards" / "portalis-triton.json"
ADAPTER_VALUES = MONITORING / "prometheus-adapter-values.yaml"
KUBERNETES_VERSION = "1.30"
CONTAINER = "tritonserver"

Manifest = dict[str, Any]

# prometheus-operator kinds: models generated from the CRDs' schemas
CRD_MODELS: dict[str, Any] = {
    "ServiceMonitor": prometheus_operator.ServiceMonitor,
    "PrometheusRule": prometheus_operator.PrometheusRule,
}


def require_tool(name: str) -> str:
    """The tool's path; a missing tool fails the test (scripts/ensure-system-deps.sh installs
    it), so CI never passes without having run it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` is not on PATH: run scripts/ensure-system-deps.sh")
    return path


def validate_strictly(obj: Manifest) -> None:
    """Raises if `obj` has an unknown field or a wrong type for its kind."""
    model = CRD_MODELS.get(obj["kind"])
    if model is None:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
        return
    # The models drop fields they do not know: a lossless round trip means every field is
    # part of the CRD's schema (and wrong types raise).
    round_trip = model.model_validate(obj).model_dump(
        mode="json", by_alias=True, exclude_unset=True
    )
    if round_trip != obj:
        raise ValueError(f"{obj['kind']} has fields its CRD does not define")


def render(directory: Path) -> list[Manifest]:
    """`kubectl kustomize DIR`, parsed: the objects `kubectl apply -k DIR` would send."""
    result = subprocess.run(
        [require_tool("kubectl"), "kustomize", str(directory)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"kubectl kustomize {directory} failed:\n{result.stderr}"
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def render_overlay(name: str) -> list[Manifest]:
    return render(K8S / "overlays" / name)


def of_kind(objects: list[Manifest], kind: str) -> list[Manifest]:
    return [obj for obj in objects if obj["kind"] == kind]


def one(objects: list[Manifest], kind: str, name: str | None = None) -> Manifest:
    found = [o for o in of_kind(objects, kind) if name is None or o["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


def pod_spec(deployment: Manifest) -> Manifest:
    spec: Manifest = deployment["spec"]["template"]["spec"]
    return spec


def triton_container(deployment: Manifest) -> Manifest:
    containers = pod_spec(deployment)["containers"]
    matching = [c for c in containers if c["name"] == CONTAINER]
    assert len(matching) == 1, f"no `{CONTAINER}` container in {deployment['metadata']['name']}"
    container: Manifest = matching[0]
    return container


def container_env(container: Manifest) -> dict[str, str]:
    return {e["name"]: e["value"] for e in container.get("env", []) if "value" in e}


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    """A matchLabels selector selects these labels (an empty selector selects nothing here:
    every selector in the manifests must name labels)."""
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


# --- PromQL used by the monitoring manifests ----------------------------------------------


def alert_rules(objects: list[Manifest]) -> list[Manifest]:
    """Every rule of every PrometheusRule, as written in the manifest."""
    return [
        rule
        for prometheus_rule in of_kind(objects, "PrometheusRule")
        for group in prometheus_rule["spec"]["groups"]
        for rule in group["rules"]
    ]


def dashboard() -> Manifest:
    loaded: Manifest = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return loaded


def dashboard_panels(board: Manifest) -> Iterator[Manifest]:
    for panel in board["panels"]:
        yield panel
        yield from panel.get("panels", [])


def dashboard_exprs(board: Manifest) -> list[tuple[str, str]]:
    """(panel title, PromQL) for every query; Grafana's `$__rate_interval` becomes 5m."""
    return [
        (panel["title"], target["expr"].replace("$__rate_interval", "5m"))
        for panel in dashboard_panels(board)
        for target in panel.get("targets", [])
    ]


def adapter_rules() -> list[Manifest]:
    values = yaml.safe_load(ADAPTER_VALUES.read_text(encoding="utf-8"))
    rules: list[Manifest] = values["rules"]["custom"]
    return rules


def adapter_exprs(rule: Manifest) -> list[str]:
    """The rule's queries with prometheus-adapter's template fields filled in."""
    fill = {"<<.LabelMatchers>>": 'namespace="portalis",pod="p"', "<<.GroupBy>>": "pod"}
    exprs = [rule["seriesQuery"], rule["metricsQuery"]]
    for field, value in fill.items():
        exprs = [e.replace(field, value) for e in exprs]
    return exprs


_PROMQL_KEYWORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right",
    "bool", "offset", "inf", "nan",
}  # fmt: skip
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_IDENTIFIER = re.compile(r"(?<![\w.])([A-Za-z_:][\w:]*)(\s*\()?")


def metric_names(expr: str) -> set[str]:
    """Metric names a PromQL expression selects (call it on syntactically valid PromQL: the
    tests check every expression with promtool first). Strings, label matchers, ranges and
    grouping clauses are removed; what is left is function names (followed by `(`),
    keywords, numbers and metric names."""
    text = _STRING.sub('""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = _GROUPING.sub(" ", text)
    return {
        match.group(1)
        for match in _IDENTIFIER.finditer(text)
        if not match.group(2) and match.group(1).lower() not in _PROMQL_KEYWORDS
    }
