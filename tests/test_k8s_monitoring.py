"""Monitoring: the alert rules, the Grafana dashboard and the autoscaler's adapter rule.

Every PromQL expression is parsed by Prometheus' own `promtool`; each alert is run by
`promtool test rules` against synthetic series (it fires on its symptom and stays quiet on a
healthy service); and every metric name the expressions use is checked against what a real
Triton server started with `portalis serve` exports after one translation (client-side
`portalis_client_*` names against backend.metrics' registry)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from k8s_support import (
    DASHBOARD,
    MONITORING,
    OVERLAYS,
    Manifest,
    adapter_exprs,
    adapter_rules,
    alert_rules,
    dashboard,
    dashboard_exprs,
    metric_names,
    one,
    render,
    render_overlay,
    require_tool,
    validate_strictly,
)

pytestmark = pytest.mark.slow  # starts real processes (kubectl, promtool)

REQUIRED_ALERTS = {
    "PortalisTritonDown",
    "PortalisTritonErrorRatioHigh",
    "PortalisTritonQueueTimeHigh",
    "PortalisInteractiveLatencyHigh",
    "PortalisClientFallbacksHigh",
}
# Series Prometheus itself produces for every scrape target.
PROMETHEUS_OWN = {"up"}
CLIENT_PREFIX = "portalis_client_"


@pytest.fixture(scope="module")
def rendered_rules() -> list[Manifest]:
    objects = {name: render_overlay(name) for name in OVERLAYS}
    rules = {name: alert_rules(objs) for name, objs in objects.items()}
    assert rules["cpu"] == rules["gpu"], "the overlays should alert alike"
    return rules["cpu"]


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [require_tool("promtool"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def write_rules(path: Path, rules: list[Manifest]) -> Path:
    path.write_text(yaml.safe_dump({"groups": [{"name": "portalis", "rules": rules}]}))
    return path


def all_queries(rules: list[Manifest]) -> list[tuple[str, str]]:
    """(where, PromQL) for every expression in the alert rules, dashboard and adapter."""
    queries = [(f"alert {rule['alert']}", rule["expr"]) for rule in rules]
    queries += [(f"panel {title}", expr) for title, expr in dashboard_exprs(dashboard())]
    for rule in adapter_rules():
        queries += [(f"adapter {rule['name']['as']}", expr) for expr in adapter_exprs(rule)]
    return queries


# --- PromQL is valid ----------------------------------------------------------------------


def test_alert_rules_pass_promtool(rendered_rules: list[Manifest], tmp_path: Path) -> None:
    assert {rule["alert"] for rule in rendered_rules} == REQUIRED_ALERTS
    result = promtool("check", "rules", str(write_rules(tmp_path / "r.yaml", rendered_rules)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(rendered_rules)} rules found" in result.stdout


def test_dashboard_and_adapter_queries_are_valid_promql(
    rendered_rules: list[Manifest], tmp_path: Path
) -> None:
    queries = all_queries(rendered_rules)[len(rendered_rules) :]
    records = [
        {"record": f"portalis:check_{i}", "expr": expr} for i, (_, expr) in enumerate(queries)
    ]
    result = promtool("check", "rules", str(write_rules(tmp_path / "q.yaml", records)))
    assert result.returncode == 0, result.stdout + result.stderr
    # and promtool does reject broken PromQL
    broken = [{"record": "portalis:broken", "expr": "sum(rate(nv_inference_count[5m])"}]
    assert promtool("check", "rules", str(write_rules(tmp_path / "b.yaml", broken))).returncode


# --- each alert fires on its symptom, and only then ---------------------------------------

TRITON = 'job="portalis-triton",model="rust_transpiler",pod="portalis-triton-0"'
CLIENT = 'backend="triton-grpc",route="interactive"'


def latency_buckets(labels: str, per_minute: dict[str, int]) -> list[dict[str, str]]:
    """Cumulative histogram buckets growing by `per_minute` observations per bucket."""
    return [
        {
            "series": f'portalis_client_request_duration_seconds_bucket{{{labels},le="{le}"}}',
            "values": f"0+{count}x40",
        }
        for le, count in per_minute.items()
    ]


def counter(name: str, labels: str, per_minute: int) -> dict[str, str]:
    return {"series": f"{name}{{{labels}}}", "values": f"0+{per_minute}x40"}


def alert_case(
    series: list[dict[str, str]], alert: str, fires: list[dict[str, Any]], at: str = "30m"
) -> dict[str, Any]:
    return {
        "interval": "1m",
        "input_series": series,
        "alert_rule_test": [{"eval_time": at, "alertname": alert, "exp_alerts": fires}],
    }


def expected(
    rules: list[Manifest], alert: str, summary: str, **labels: str
) -> list[dict[str, Any]]:
    rule = next(r for r in rules if r["alert"] == alert)
    return [
        {
            "exp_labels": {**rule["labels"], **labels},
            "exp_annotations": {**rule["annotations"], "summary": summary},
        }
    ]


def alert_cases(rules: list[Manifest]) -> list[dict[str, Any]]:
    success = "nv_inference_request_success"
    failure = "nv_inference_request_failure"
    queue = "nv_inference_queue_duration_us"
    down_summary = "No Portalis Triton pod is being scraped"
    slow = {"0.1": 0, "0.5": 10, "1": 10, "2.5": 100, "+Inf": 100}
    fast = {"0.1": 100, "0.5": 100, "1": 100, "2.5": 100, "+Inf": 100}
    return [
        # down: scraped but down, and not scraped at all; quiet while up
        alert_case(
            [{"series": f"up{{{TRITON}}}", "values": "0x40"}],
            "PortalisTritonDown",
            expected(rules, "PortalisTritonDown", down_summary),
        ),
        alert_case(
            [{"series": 'up{job="elsewhere"}', "values": "1x40"}],
            "PortalisTritonDown",
            expected(rules, "PortalisTritonDown", down_summary, job="portalis-triton"),
        ),
        alert_case([{"series": f"up{{{TRITON}}}", "values": "1x40"}], "PortalisTritonDown", []),
        # 10 failures per 100 successes (9.1%), and 1 per 100 (quiet)
        alert_case(
            [counter(success, TRITON, 100), counter(failure, TRITON, 10)],
            "PortalisTritonErrorRatioHigh",
            expected(rules, "PortalisTritonErrorRatioHigh", "9.091% of translation requests fail"),
        ),
        alert_case(
            [counter(success, TRITON, 100), counter(failure, TRITON, 1)],
            "PortalisTritonErrorRatioHigh",
            [],
        ),
        # 200 ms of queueing per request, and 10 ms (quiet)
        alert_case(
            [counter(success, TRITON, 100), counter(queue, TRITON, 20_000_000)],
            "PortalisTritonQueueTimeHigh",
            expected(
                rules,
                "PortalisTritonQueueTimeHigh",
                "Requests wait 200kµs in Triton's queue on average",
            ),
        ),
        alert_case(
            [counter(success, TRITON, 100), counter(queue, TRITON, 1_000_000)],
            "PortalisTritonQueueTimeHigh",
            [],
        ),
        # most interactive requests take 1-2.5 s through Triton; slow embedded ones don't count
        alert_case(
            latency_buckets(CLIENT, slow)
            + latency_buckets('backend="embedded",route="interactive"', slow),
            "PortalisInteractiveLatencyHigh",
            expected(
                rules,
                "PortalisInteractiveLatencyHigh",
                "Interactive p95 latency is 2.417s (triton-grpc)",
                backend="triton-grpc",
            ),
        ),
        alert_case(
            latency_buckets(CLIENT, fast)
            + latency_buckets('backend="triton-grpc",route="batch"', slow),
            "PortalisInteractiveLatencyHigh",
            [],
        ),
        # 10 fallbacks per 100 remote requests, and 1 per 100 (quiet)
        alert_case(
            [
                counter("portalis_client_fallbacks_total", 'backend="triton-grpc"', 10),
                counter("portalis_client_request_duration_seconds_count", CLIENT, 100),
            ],
            "PortalisClientFallbacksHigh",
            expected(
                rules,
                "PortalisClientFallbacksHigh",
                "10% of remote requests fell back to the embedded engine (triton-grpc)",
                backend="triton-grpc",
            ),
        ),
        alert_case(
            [
                counter("portalis_client_fallbacks_total", 'backend="triton-grpc"', 1),
                counter("portalis_client_request_duration_seconds_count", CLIENT, 100),
            ],
            "PortalisClientFallbacksHigh",
            [],
        ),
    ]


def test_each_alert_fires_on_its_symptom_and_not_when_healthy(
    rendered_rules: list[Manifest], tmp_path: Path
) -> None:
    cases = alert_cases(rendered_rules)
    assert {c["alert_rule_test"][0]["alertname"] for c in cases} == REQUIRED_ALERTS
    rules_file = write_rules(tmp_path / "rules.yaml", rendered_rules)
    tests_file = tmp_path / "alerts_test.yaml"
    tests_file.write_text(
        yaml.safe_dump(
            {"rule_files": [rules_file.name], "evaluation_interval": "1m", "tests": cases}
        )
    )
    result = promtool("test", "rules", str(tests_file))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


# --- the dashboard ------------------------------------------------------------------------


def test_the_dashboard_shows_what_operators_ask_for() -> None:
    used: dict[str, set[str]] = {}
    for title, expr in dashboard_exprs(dashboard()):
        used.setdefault(title, set()).update(metric_names(expr))
    wanted = {
        "Request rate": {"nv_inference_request_success"},
        "Error rate": {"nv_inference_request_failure"},
        "Latency percentiles by priority": {"portalis_client_request_duration_seconds_bucket"},
        "Queue": {"nv_inference_queue_duration_us", "nv_inference_pending_request_count"},
        "Batch size": {"nv_inference_count", "nv_inference_exec_count"},
        "Pods": {"up"},
        "Cache hit ratio": {
            "portalis_client_cache_hits_total",
            "portalis_client_cache_lookups_total",
        },
    }
    for title, names in wanted.items():
        assert names <= used.get(title, set()), title
    latency = [e for t, e in dashboard_exprs(dashboard()) if t == "Latency percentiles by priority"]
    assert all("by (le, route)" in expr for expr in latency)  # route = Triton priority


def test_the_monitoring_kustomization_ships_the_dashboard_as_a_config_map() -> None:
    objects = render(MONITORING)
    config_map = one(objects, "ConfigMap")
    validate_strictly(config_map)
    assert config_map["metadata"]["labels"]["grafana_dashboard"] == "1"
    (content,) = config_map["data"].values()
    assert json.loads(content) == json.loads(DASHBOARD.read_text(encoding="utf-8"))
    board = dashboard()
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids))
    for panel in board["panels"]:
        for target in panel.get("targets", []):
            assert target["datasource"]["uid"] == "${datasource}"


def test_metric_names_are_read_from_promql() -> None:
    expr = (
        'histogram_quantile(0.95, sum by (le, route) (rate(portalis_client_x_bucket{a="b(c)"}'
        "[5m]))) / on (pod) group_left sum without (le) (nv_a offset 5m) > 1e-3"
        " or absent(up{job='x'}) and bool nv_b"
    )
    assert metric_names(expr) == {"portalis_client_x_bucket", "nv_a", "up", "nv_b"}


# --- every metric used is really exported -------------------------------------------------


@pytest.fixture(scope="module")
def live_scrape(tmp_path_factory: pytest.TempPathFactory) -> Iterator[set[str]]:
    """Sample names a real `portalis serve` exports after one interactive translation."""
    from triton_support import running_server

    from backend.backends import TranslationRequest, make_remote

    with running_server(tmp_path_factory.mktemp("serve")) as server:
        client = make_remote(server.grpc_url)
        try:
            client.translate(TranslationRequest("def f(x: int) -> int:\n    return x + 1\n"))
        finally:
            client.close()
        yield exposed_sample_names(server.metrics())


def exposed_sample_names(exposition: str) -> set[str]:
    """Sample names exactly as Prometheus stores them from a text exposition (a parser such
    as prometheus_client's would add `_total` to counters that Triton names without it)."""
    return {
        re.split(r"[{\s]", line, maxsplit=1)[0]
        for line in exposition.splitlines()
        if line and not line.startswith("#")
    }


def client_sample_names() -> set[str]:
    """The sample names backend.metrics' collectors produce (labelled ones have no samples
    until first used, so they are derived from each family's type)."""
    from backend.metrics import registry

    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"], "gauge": [""]}
    return {
        family.name + suffix
        for family in registry().collect()
        for suffix in suffixes.get(family.type, [""])
    }


@pytest.mark.slow
def test_every_metric_the_monitoring_uses_is_exported(
    rendered_rules: list[Manifest], live_scrape: set[str]
) -> None:
    client_names = client_sample_names()
    used = {
        (where, name) for where, expr in all_queries(rendered_rules) for name in metric_names(expr)
    }
    assert {name for _, name in used} >= {"nv_inference_queue_duration_us", "up"}
    missing = sorted(
        f"{name} ({where})"
        for where, name in used
        if name not in PROMETHEUS_OWN
        and name not in (client_names if name.startswith(CLIENT_PREFIX) else live_scrape)
    )
    assert missing == []
