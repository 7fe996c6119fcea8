"""The Kubernetes overlays: each renders with the real `kubectl kustomize`, validates strictly
against the Kubernetes 1.30 schemas (the prometheus-operator kinds against models generated
from their CRDs), and its objects agree with each other. No cluster runs here: these checks
are what can be proven without one."""

from __future__ import annotations

import copy
import re

import kubernetes_validate
import pytest
from k8s_support import (
    OVERLAYS,
    REPO,
    Manifest,
    adapter_rules,
    container_env,
    of_kind,
    one,
    pod_spec,
    render_overlay,
    selects,
    triton_container,
    validate_strictly,
)

pytestmark = pytest.mark.slow  # starts real processes (kubectl)

REQUIRED_KINDS = (
    "Namespace",
    "ServiceAccount",
    "Deployment",
    "Service",
    "HorizontalPodAutoscaler",
    "PodDisruptionBudget",
    "NetworkPolicy",
    "Ingress",
    "ServiceMonitor",
    "PrometheusRule",
)
API_KEY_SECRET = "portalis-api-key"
# ingress-nginx's strict path validation (on by default) accepts only these characters in
# Exact and Prefix paths.
NGINX_STRICT_PATH = re.compile(r"^/[A-Za-z0-9/_-]*$")


@pytest.fixture(scope="module", params=OVERLAYS)
def overlay(request: pytest.FixtureRequest) -> tuple[str, list[Manifest]]:
    return request.param, render_overlay(request.param)


# --- rendering and schemas ----------------------------------------------------------------


def test_overlay_renders_every_required_object(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    kinds = {obj["kind"] for obj in objects}
    assert set(REQUIRED_KINDS) <= kinds, f"missing: {set(REQUIRED_KINDS) - kinds}"


def test_every_object_validates_strictly(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    for obj in objects:
        validate_strictly(obj)


def test_strict_validation_rejects_unknown_and_mistyped_fields() -> None:
    objects = render_overlay("cpu")
    deployment = copy.deepcopy(one(objects, "Deployment"))
    triton_container(deployment)["readinessprobe"] = {"httpGet": {"path": "/", "port": 1}}
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_strictly(deployment)
    hpa = copy.deepcopy(one(objects, "HorizontalPodAutoscaler"))
    hpa["spec"]["minReplicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_strictly(hpa)
    monitor = copy.deepcopy(one(objects, "ServiceMonitor"))
    monitor["spec"]["endpoint"] = monitor["spec"].pop("endpoints")
    with pytest.raises(ValueError):
        validate_strictly(monitor)
    rule = copy.deepcopy(one(objects, "PrometheusRule"))
    rule["spec"]["groups"][0]["rules"][0]["for"] = ["5m"]
    with pytest.raises(ValueError):
        validate_strictly(rule)


def test_everything_lives_in_the_restricted_portalis_namespace(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    namespace = one(objects, "Namespace")
    name = namespace["metadata"]["name"]
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    for obj in objects:
        if obj["kind"] != "Namespace":
            assert obj["metadata"].get("namespace") == name, obj["metadata"]["name"]


# --- the Deployment -----------------------------------------------------------------------


def test_the_triton_container_is_hardened(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    deployment = one(objects, "Deployment")
    pod = pod_spec(deployment)
    container = triton_container(deployment)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] > 0
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    security = container["securityContext"]
    assert security["allowPrivilegeEscalation"] is False
    assert security["readOnlyRootFilesystem"] is True
    assert security["capabilities"]["drop"] == ["ALL"]
    assert "add" not in security["capabilities"]
    for resource in ("cpu", "memory"):
        assert resource in container["resources"]["requests"]
        assert resource in container["resources"]["limits"]


def test_writable_paths_are_empty_dirs_and_the_key_is_a_read_only_secret(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    deployment = one(objects, "Deployment")
    volumes = {v["name"]: v for v in pod_spec(deployment)["volumes"]}
    mounts = {m["mountPath"]: m for m in triton_container(deployment)["volumeMounts"]}
    for path in ("/tmp", "/dev/shm"):
        assert "emptyDir" in volumes[mounts[path]["name"]], path
    assert volumes[mounts["/dev/shm"]["name"]]["emptyDir"]["medium"] == "Memory"
    key_file = container_env(triton_container(deployment))["PORTALIS_API_KEY_FILE"]
    key_dir, key_name = key_file.rsplit("/", 1)
    key_mount = mounts[key_dir]
    assert key_mount["readOnly"] is True
    secret = volumes[key_mount["name"]]["secret"]
    assert secret["secretName"] == API_KEY_SECRET
    assert key_name in {item["path"] for item in secret["items"]}


def test_probes_use_triton_health_endpoints_on_a_declared_port(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    container = triton_container(one(objects, "Deployment"))
    port_names = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert port_names == {"http": 8000, "grpc": 8001, "metrics": 8002}
    expected = {
        "startupProbe": "/v2/health/ready",
        "readinessProbe": "/v2/health/ready",
        "livenessProbe": "/v2/health/live",
    }
    for probe_name, path in expected.items():
        probe = container[probe_name]
        assert probe["httpGet"]["path"] == path
        assert probe["httpGet"]["port"] in port_names
        assert port_names[probe["httpGet"]["port"]] == 8000  # Triton's HTTP endpoint
    startup = container["startupProbe"]
    # Loading the model includes a warm-up translation: at least 5 minutes before giving up.
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 300


def test_termination_leaves_time_to_drain(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    deployment = one(objects, "Deployment")
    container = triton_container(deployment)
    pre_stop = container["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    exit_timeout = int(container_env(container)["PORTALIS_EXIT_TIMEOUT_SECS"])
    grace = pod_spec(deployment)["terminationGracePeriodSeconds"]
    assert grace > int(pre_stop[1]) + exit_timeout
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert "replicas" not in deployment["spec"]  # owned by the HorizontalPodAutoscaler


def test_the_config_variant_exists_in_the_model_repository(
    overlay: tuple[str, list[Manifest]],
) -> None:
    name, objects = overlay
    variant = container_env(triton_container(one(objects, "Deployment")))[
        "PORTALIS_MODEL_CONFIG_NAME"
    ]
    assert variant == f"cluster-{name}"
    config = REPO / "triton_models" / "rust_transpiler" / "configs" / f"{variant}.pbtxt"
    assert config.is_file(), f"{config} is missing"


def test_only_the_gpu_overlay_asks_for_a_gpu() -> None:
    gpu = one(render_overlay("gpu"), "Deployment")
    resources = triton_container(gpu)["resources"]
    assert resources["limits"]["nvidia.com/gpu"] == 1
    assert resources["requests"]["nvidia.com/gpu"] == 1
    assert pod_spec(gpu)["nodeSelector"] == {"nvidia.com/gpu.present": "true"}
    assert {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"} in pod_spec(gpu)[
        "tolerations"
    ]
    cpu = one(render_overlay("cpu"), "Deployment")
    assert "nvidia.com/gpu" not in str(pod_spec(cpu))


# --- objects that refer to each other -----------------------------------------------------


def test_selectors_match_the_pod_labels(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    deployment = one(objects, "Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert selects(deployment["spec"]["selector"]["matchLabels"], pod_labels)
    for service in of_kind(objects, "Service"):
        assert selects(service["spec"]["selector"], pod_labels), service["metadata"]["name"]
    assert selects(
        one(objects, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"], pod_labels
    )
    assert selects(one(objects, "NetworkPolicy")["spec"]["podSelector"]["matchLabels"], pod_labels)
    for constraint in pod_spec(deployment)["topologySpreadConstraints"]:
        assert selects(constraint["labelSelector"]["matchLabels"], pod_labels)


def test_service_and_network_policy_ports_exist_on_the_container(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    container_ports = {p["name"] for p in triton_container(one(objects, "Deployment"))["ports"]}
    for service in of_kind(objects, "Service"):
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in container_ports, service["metadata"]["name"]
    policy = one(objects, "NetworkPolicy")["spec"]
    assert policy["policyTypes"] == ["Ingress", "Egress"]
    assert policy["egress"] == []  # Triton needs no outgoing connections
    allowed = {p["port"] for rule in policy["ingress"] for p in rule["ports"]}
    assert allowed == container_ports
    for rule in policy["ingress"]:
        # every rule names who may connect: no rule is open to all
        assert rule["from"] and all("podSelector" in peer for peer in rule["from"])


def test_the_service_monitor_scrapes_the_headless_service_metrics_port(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    monitor = one(objects, "ServiceMonitor")["spec"]
    services = [
        s
        for s in of_kind(objects, "Service")
        if selects(monitor["selector"]["matchLabels"], s["metadata"]["labels"])
    ]
    assert [s["spec"].get("clusterIP") for s in services] == ["None"]
    port_names = {p["name"] for p in services[0]["spec"]["ports"]}
    assert [e["port"] for e in monitor["endpoints"]] == ["metrics"]
    assert "metrics" in port_names
    # job="portalis-triton", which the alert rules and the dashboard select on
    assert services[0]["metadata"]["labels"][monitor["jobLabel"]] == "portalis-triton"


def test_the_autoscaler_targets_the_deployment_with_an_adapter_metric(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    hpa = one(objects, "HorizontalPodAutoscaler")["spec"]
    deployment = one(objects, "Deployment")
    target = hpa["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == (
        deployment["apiVersion"],
        "Deployment",
        deployment["metadata"]["name"],
    )
    assert 1 <= hpa["minReplicas"] <= hpa["maxReplicas"]
    metric_types = {m["type"] for m in hpa["metrics"]}
    assert metric_types == {"Resource", "Pods"}
    adapter_metrics = {rule["name"]["as"] for rule in adapter_rules()}
    for metric in hpa["metrics"]:
        if metric["type"] == "Pods":
            assert metric["pods"]["metric"]["name"] in adapter_metrics
    behavior = hpa["behavior"]
    assert behavior["scaleUp"]["stabilizationWindowSeconds"] == 0
    assert behavior["scaleDown"]["stabilizationWindowSeconds"] >= 300


def test_the_service_account_mounts_no_token(overlay: tuple[str, list[Manifest]]) -> None:
    _, objects = overlay
    account = one(objects, "ServiceAccount")
    assert account["automountServiceAccountToken"] is False
    assert pod_spec(one(objects, "Deployment"))["serviceAccountName"] == account["metadata"]["name"]


def test_ingresses_terminate_tls_limit_requests_and_reach_a_service_port(
    overlay: tuple[str, list[Manifest]],
) -> None:
    _, objects = overlay
    services = {s["metadata"]["name"]: s for s in of_kind(objects, "Service")}
    ingresses = of_kind(objects, "Ingress")
    protocols = set()
    for ingress in ingresses:
        spec, annotations = ingress["spec"], ingress["metadata"]["annotations"]
        assert spec["ingressClassName"] == "nginx"
        tls_hosts = {host for tls in spec["tls"] for host in tls["hosts"]}
        assert {rule["host"] for rule in spec["rules"]} <= tls_hosts
        assert annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"] == "true"
        assert int(annotations["nginx.ingress.kubernetes.io/limit-rps"]) > 0
        assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"]
        protocols.add(annotations["nginx.ingress.kubernetes.io/backend-protocol"])
        for rule in spec["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                ports = {p["name"] for p in services[backend["name"]]["spec"]["ports"]}
                assert backend["port"]["name"] in ports
                if path["pathType"] in ("Exact", "Prefix"):
                    assert NGINX_STRICT_PATH.match(path["path"]), path["path"]
    assert "GRPC" in protocols
