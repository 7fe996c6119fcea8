"""Placeholder for the Triton gRPC client (`grpc://host:port`).

The gRPC client lands together with the Triton model (`triton_models/rust_transpiler`), in a
later issue. Until then this backend is always unavailable, so a `grpc://` setting falls
back to the embedded engine (one message to the user) instead of failing. The real client
will encode requests with `backend.backends.wire` exactly as `TritonHttpBackend` does.
"""

from __future__ import annotations

from backend.backends.base import BackendUnavailable, TranslationRequest
from backend.transpiler import Translation


class TritonGrpcBackend:
    def __init__(self, target: str, *, api_key: str | None = None) -> None:
        self.name = f"triton-grpc:{target}"
        self.target = target
        self.api_key = api_key

    def translate(self, request: TranslationRequest) -> Translation:
        raise BackendUnavailable(
            f"the gRPC backend ({self.target}) is not available in this version; "
            "use an http(s):// URL for a Triton server"
        )

    def close(self) -> None:
        return None
