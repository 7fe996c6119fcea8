"""Client-side metrics (prometheus-client): what editors and `translate-project` see.

Exported on request only: `portalis-lsp --metrics-port N` and
`portalis translate-project --metrics-port N` serve them on 127.0.0.1:N/metrics.
The server side (queue time, batch sizes, the model's own counters) is Triton's `/metrics`.
"""

from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, start_http_server

# Interactive translations take tens of milliseconds; batch ones up to seconds.
_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUEST_DURATION = Histogram(
    "portalis_client_request_duration_seconds",
    "Time a backend took to answer a translation request",
    ["backend", "route"],
    buckets=_BUCKETS_S,
)
CACHE_LOOKUPS = Counter("portalis_client_cache_lookups", "Translation cache lookups")
CACHE_HITS = Counter("portalis_client_cache_hits", "Translation cache lookups that hit")
FALLBACKS = Counter(
    "portalis_client_fallbacks",
    "Requests the embedded engine answered because the remote backend failed or was skipped",
    ["backend"],
)
ERRORS = Counter(
    "portalis_client_errors",
    "Requests a backend failed (before any fallback)",
    ["backend"],
)


def backend_kind(name: str) -> str:
    """A low-cardinality label: `triton-grpc:host:port` -> `triton-grpc`."""
    return name.split(":", 1)[0]


def serve_metrics(port: int, host: str = "127.0.0.1") -> None:
    """Serve the default registry on http://host:port/metrics (a daemon thread)."""
    start_http_server(port, addr=host, registry=REGISTRY)


def registry() -> CollectorRegistry:
    return REGISTRY
