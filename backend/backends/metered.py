"""Request duration and error metrics around one backend (see `backend.metrics`)."""

from __future__ import annotations

import time

from backend import metrics
from backend.backends.base import Backend, BackendError, TranslationRequest
from backend.transpiler import Translation


class MeteredBackend:
    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.name = inner.name
        self._label = metrics.backend_kind(inner.name)

    def translate(self, request: TranslationRequest) -> Translation:
        started = time.perf_counter()
        try:
            return self.inner.translate(request)
        except BackendError:
            metrics.ERRORS.labels(self._label).inc()
            raise
        finally:
            elapsed = time.perf_counter() - started
            metrics.REQUEST_DURATION.labels(self._label, request.route).observe(elapsed)

    def is_ready(self, timeout_s: float = 0.5) -> bool:
        probe = getattr(self.inner, "is_ready", None)
        return True if probe is None else bool(probe(timeout_s))

    def close(self) -> None:
        self.inner.close()
