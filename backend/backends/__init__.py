"""Clients that reach a translator: the embedded engine, Triton (HTTP now, gRPC later),
a fallback with a circuit breaker, and a cache in front of them all.

`make_backend(spec)` builds the stack a `backend` setting names:

    embedded                ->  Cached(Embedded)
    http(s)://host:port     ->  Cached(Fallback(TritonHttp, Embedded))
    grpc://host:port        ->  Cached(Fallback(TritonGrpc, Embedded))
"""

from __future__ import annotations

from backend.backends.base import (
    ROUTE_PRIORITY,
    Backend,
    BackendError,
    BackendUnavailable,
    Route,
    TranslationRequest,
)
from backend.backends.cache import CachedBackend
from backend.backends.embedded import EmbeddedBackend
from backend.backends.fallback import CircuitBreaker, FallbackBackend, Notify
from backend.backends.triton_grpc import TritonGrpcBackend
from backend.backends.triton_http import TritonHttpBackend

__all__ = [
    "ROUTE_PRIORITY",
    "Backend",
    "BackendError",
    "BackendUnavailable",
    "CachedBackend",
    "CircuitBreaker",
    "EmbeddedBackend",
    "FallbackBackend",
    "Route",
    "TranslationRequest",
    "TritonGrpcBackend",
    "TritonHttpBackend",
    "make_backend",
    "validate_backend_spec",
]


def validate_backend_spec(spec: str) -> str | None:
    """None when `spec` names a backend, else why not."""
    if spec == "embedded":
        return None
    for scheme in ("http://", "https://", "grpc://"):
        if spec.startswith(scheme):
            return None if spec[len(scheme) :].strip("/") else f"{spec!r} has no host"
    return f"{spec!r} is not `embedded`, `grpc://host:port` or `http(s)://…`"


def make_backend(
    spec: str,
    *,
    api_key: str | None = None,
    interactive_timeout_s: float = 2.0,
    notify: Notify | None = None,
    cache_size: int = 512,
) -> CachedBackend:
    problem = validate_backend_spec(spec)
    if problem:
        raise ValueError(problem)
    embedded = EmbeddedBackend()
    inner: Backend
    if spec == "embedded":
        inner = embedded
    elif spec.startswith("grpc://"):
        remote = TritonGrpcBackend(spec[len("grpc://") :], api_key=api_key)
        inner = FallbackBackend(remote, embedded, notify=notify)
    else:
        http = TritonHttpBackend(spec, api_key=api_key, interactive_timeout_s=interactive_timeout_s)
        inner = FallbackBackend(http, embedded, notify=notify)
    return CachedBackend(inner, maxsize=cache_size)
