"""The embedded backend: the engine, in-process (the default; no setup)."""

from __future__ import annotations

from backend.backends.base import TranslationRequest
from backend.transpiler import Translation, translate


class EmbeddedBackend:
    name = "embedded"

    def translate(self, request: TranslationRequest) -> Translation:
        result = translate(
            request.source,
            symbol=request.symbol,
            range=request.range,
            options=request.options,
            siblings=request.siblings,
        )
        result.metadata["backend"] = self.name
        return result

    def close(self) -> None:
        return None
