"""Clients that reach a translator: the embedded engine, Triton (gRPC and HTTP), a fallback
with a circuit breaker, and a cache in front of them all.

`make_backend(spec)` builds the stack a `backend` setting names (each leaf is metered):

    embedded                ->  Cached(Embedded)
    http(s)://host:port     ->  Cached(Fallback(TritonHttp, Embedded))
    grpc(s)://host:port     ->  Cached(Fallback(TritonGrpc, Embedded))
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
from backend.backends.metered import MeteredBackend
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
    "MeteredBackend",
    "Route",
    "TranslationRequest",
    "TritonGrpcBackend",
    "TritonHttpBackend",
    "make_backend",
    "make_remote",
    "validate_backend_spec",
]


def validate_backend_spec(spec: str) -> str | None:
    """None when `spec` names a backend, else why not."""
    if spec == "embedded":
        return None
    for scheme in ("http://", "https://", "grpc://", "grpcs://"):
        if spec.startswith(scheme):
            return None if spec[len(scheme) :].strip("/") else f"{spec!r} has no host"
    return f"{spec!r} is not `embedded`, `grpc(s)://host:port` or `http(s)://…`"


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
    embedded = MeteredBackend(EmbeddedBackend())
    if spec == "embedded":
        return CachedBackend(embedded, maxsize=cache_size)
    remote = MeteredBackend(
        make_remote(spec, api_key=api_key, interactive_timeout_s=interactive_timeout_s)
    )
    return CachedBackend(FallbackBackend(remote, embedded, notify=notify), maxsize=cache_size)


def make_remote(
    spec: str, *, api_key: str | None = None, interactive_timeout_s: float = 2.0
) -> Backend:
    """The Triton client a `grpc(s)://` or `http(s)://` URL names (no fallback, no cache)."""
    if spec.startswith(("grpc://", "grpcs://")):
        scheme, target = spec.split("://", 1)
        return TritonGrpcBackend(
            target.rstrip("/"),
            api_key=api_key,
            ssl=scheme == "grpcs",
            interactive_timeout_s=interactive_timeout_s,
        )
    return TritonHttpBackend(spec, api_key=api_key, interactive_timeout_s=interactive_timeout_s)
