"""Which backend translates, and is it healthy: for an editor's status bar.

- Command `portalis.backendStatus` answers `{"backend", "state", "detail"}`: `backend` is the
  `backend` setting in force, `state` is `ok`, or `fallback` while a remote backend is down
  and the embedded engine answers instead, and `detail` is one sentence for people.
- Notification `portalis/backendStatus` carries the same object whenever the remote backend
  goes down or comes back (the fallback backend's events), so a client need not poll.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any, Literal

from backend.backends import FallbackBackend
from lsp_server.app import PortalisServer

log = logging.getLogger(__name__)

BACKEND_STATUS = "portalis.backendStatus"
BACKEND_STATUS_NOTIFICATION = "portalis/backendStatus"

State = Literal["ok", "fallback"]


@dataclass(frozen=True)
class BackendStatus:
    backend: str
    state: State
    detail: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class BackendHealth:
    """Remembers why the remote backend last failed, and reports the current status."""

    def __init__(self, server: PortalisServer) -> None:
        self._server = server
        self._failure: tuple[object, str] | None = None  # (the backend that failed, why)

    def status(self) -> BackendStatus:
        spec = self._server.settings.backend
        fallback = _fallback_backend(self._server)
        if fallback is None:
            return BackendStatus(spec, "ok", "the built-in translator (in the language server)")
        if fallback.breaker.is_open:
            why = self._failure[1] if self._failure and self._failure[0] is fallback else ""
            because = f" ({why})" if why else ""
            return BackendStatus(
                spec,
                "fallback",
                f"the translation server {spec} is unavailable{because}; the built-in "
                "translator answers until it is back (retried every "
                f"{fallback.breaker.reset_after_s:g} s)",
            )
        return BackendStatus(spec, "ok", f"the translation server {spec}")

    def on_backend_event(self, event: str, detail: str) -> None:
        """Called from a worker thread when the remote backend goes down or comes back."""
        if event == "fallback":
            self._failure = (_fallback_backend(self._server), detail)
        self._server.service.call_soon(self.publish)

    def publish(self) -> None:
        status = self.status()
        log.info("backend status: %s (%s)", status.state, status.backend)
        self._server.protocol.notify(BACKEND_STATUS_NOTIFICATION, status.to_json())


def _fallback_backend(server: PortalisServer) -> FallbackBackend | None:
    inner = server.service.backend.inner
    return inner if isinstance(inner, FallbackBackend) else None


def register(server: PortalisServer) -> BackendHealth:
    """Adds the command, and chains the notification onto the backend's fallback events.

    Backends are built with `service.notify` when settings select one, so this runs before
    the first message arrives (from `create_server`).
    """
    health = BackendHealth(server)
    previous = server.service.notify

    def notify(event: str, detail: str) -> None:
        if previous is not None:
            previous(event, detail)
        health.on_backend_event(event, detail)

    server.service.notify = notify

    @server.command(BACKEND_STATUS)
    def on_backend_status(ls: PortalisServer, *args: Any) -> dict[str, Any]:
        return health.status().to_json()

    return health
