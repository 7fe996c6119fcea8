"""Remote first, embedded on failure or timeout, with a circuit breaker.

After `failure_threshold` consecutive remote failures the breaker opens: requests go straight
to the embedded engine for `reset_after_s`; then one request first probes the remote's
health (a cheap readiness call) and, only when it is ready, tries it again (half-open).
`notify` is called once when falling back (`"fallback"`) and once when the
remote answers again (`"recovered"`) -- never once per request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Literal

from backend import metrics
from backend.backends.base import Backend, BackendError, TranslationRequest
from backend.transpiler import Translation

log = logging.getLogger(__name__)

Event = Literal["fallback", "recovered"]
Notify = Callable[[Event, str], None]


class CircuitBreaker:
    def __init__(
        self,
        *,
        failure_threshold: int = 1,
        reset_after_s: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.reset_after_s = reset_after_s
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def allow(self) -> bool:
        """May this request try the remote?"""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self._clock() - self._opened_at < self.reset_after_s:
                return False
            self._probing = True  # half-open: exactly one probe
            return True

    def record_success(self) -> bool:
        """Returns True when this success closes an open breaker (a recovery)."""
        with self._lock:
            recovered = self._opened_at is not None
            self._failures, self._opened_at, self._probing = 0, None, False
            return recovered

    def record_failure(self) -> bool:
        """Returns True when this failure opens the breaker."""
        with self._lock:
            self._failures += 1
            was_open = self._opened_at is not None
            if was_open or self._failures >= self.failure_threshold:
                self._opened_at = self._clock()
            self._probing = False
            return not was_open and self._opened_at is not None


class FallbackBackend:
    def __init__(
        self,
        primary: Backend,
        fallback: Backend,
        *,
        breaker: CircuitBreaker | None = None,
        notify: Notify | None = None,
    ) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name
        self.breaker = breaker or CircuitBreaker()
        self._notify = notify or (lambda event, detail: None)

    def translate(self, request: TranslationRequest) -> Translation:
        if self.breaker.allow() and self._healthy_enough():
            try:
                result = self.primary.translate(request)
            except BackendError as exc:
                if self.breaker.record_failure():
                    log.warning("remote backend failed, using the embedded engine: %s", exc)
                    self._notify("fallback", str(exc))
                else:
                    log.debug("remote backend still failing: %s", exc)
            else:
                if self.breaker.record_success():
                    log.info("remote backend %s answers again", self.primary.name)
                    self._notify("recovered", self.primary.name)
                return result
        metrics.FALLBACKS.labels(metrics.backend_kind(self.primary.name)).inc()
        result = self.fallback.translate(request)
        result.metadata["fallback_from"] = self.primary.name
        return result

    def _healthy_enough(self) -> bool:
        """While the breaker is open, ask the remote whether it is ready before sending it a
        real request (a dead server answers a readiness call fast; a request may hang)."""
        if not self.breaker.is_open:
            return True
        probe = getattr(self.primary, "is_ready", None)
        if probe is None or probe():
            return True
        self.breaker.record_failure()
        return False

    def close(self) -> None:
        self.primary.close()
        self.fallback.close()
