"""Translation off the event loop: cache fast path, coalescing, cancellation, routes.

- A cached result is answered on the event loop itself (a dict lookup, no thread hop).
- Identical requests in flight share one computation; when every waiter has gone
  (cancelled), work that has not started yet is dropped.
- Interactive requests (hover, code actions) and background work (diagnostics, commands:
  the batch route) use separate thread pools, so a workspace translation never delays a
  hover.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from backend.backends import CachedBackend, Route, TranslationRequest, make_backend
from backend.transpiler import SourceRange, Status, TranslateOptions, Translation
from backend.transpiler.record import Diagnostic, Severity
from lsp_server.configuration import Settings

log = logging.getLogger(__name__)

# Test hook: milliseconds every translation that is not cached sleeps first (to make
# cancellation and stale-version races deterministic). Never set in normal use.
DEBUG_DELAY_ENV = "PORTALIS_LSP_DEBUG_DELAY_MS"


@dataclass
class _Inflight:
    future: asyncio.Future[Translation]
    waiters: int = 0


@dataclass
class TranslationService:
    settings: Settings
    notify: Callable[[str, str], None] | None = None
    backend: CachedBackend = field(init=False)
    _inflight: dict[str, _Inflight] = field(default_factory=dict, init=False)
    _loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.backend = self._make_backend(self.settings)
        self._interactive = ThreadPoolExecutor(2, thread_name_prefix="portalis-interactive")
        self._background = ThreadPoolExecutor(1, thread_name_prefix="portalis-background")
        self._running: set[Future[Any]] = set()
        self._running_lock = threading.Lock()
        self._delay_s = float(os.environ.get(DEBUG_DELAY_ENV, "0") or 0) / 1000.0

    def _make_backend(self, settings: Settings) -> CachedBackend:
        return make_backend(
            settings.backend,
            api_key=settings.api_key,
            interactive_timeout_s=settings.interactive_timeout_ms / 1000.0,
            notify=self.notify,
        )

    def configure(self, settings: Settings) -> None:
        """Apply new settings; the backend is rebuilt only when its settings changed."""
        old, self.settings = self.settings, settings
        if (old.backend, old.api_key, old.interactive_timeout_ms) != (
            settings.backend,
            settings.api_key,
            settings.interactive_timeout_ms,
        ):
            previous, self.backend = self.backend, self._make_backend(settings)
            self._background.submit(previous.close)
            log.info("backend is now %s", self.backend.name)

    def options(self, module_name: str = "main") -> TranslateOptions:
        return TranslateOptions(
            verify=self.settings.verify, module_name=module_name, fast_verify=True
        )

    def request(
        self,
        source: str,
        *,
        symbol: str | None = None,
        range: SourceRange | None = None,
        module_name: str = "main",
        route: Route = "interactive",
    ) -> TranslationRequest:
        return TranslationRequest(
            source=source,
            symbol=symbol,
            range=range,
            options=self.options(module_name),
            route=route,
        )

    # --- running -----------------------------------------------------------------------

    def cached(self, request: TranslationRequest) -> Translation | None:
        return self.backend.lookup(request.cache_key())

    async def translate(self, request: TranslationRequest) -> Translation:
        """The translation, computed at most once for concurrent identical requests.

        Cancelling the awaiting task cancels the shared work only when no one else waits
        for it and it has not started.
        """
        self._loop = asyncio.get_running_loop()
        key = request.cache_key()
        hit = self.backend.lookup(key)
        if hit is not None:
            return hit
        entry = self._inflight.get(key)
        if entry is None:
            pool = self._interactive if request.route == "interactive" else self._background
            work = pool.submit(self.run_sync, self.backend, request)
            self._track(work)
            entry = _Inflight(asyncio.wrap_future(work))
            self._inflight[key] = entry
            entry.future.add_done_callback(lambda _f: self._drop(key, entry))
        entry.waiters += 1
        try:
            return await asyncio.shield(entry.future)
        finally:
            entry.waiters -= 1
            if entry.waiters == 0 and not entry.future.done():
                entry.future.cancel()  # drops the work if no thread picked it up yet

    def _track(self, work: Future[Any]) -> None:
        with self._running_lock:
            self._running.add(work)
        work.add_done_callback(self._untrack)

    def _untrack(self, work: Future[Any]) -> None:
        with self._running_lock:
            self._running.discard(work)

    def _drop(self, key: str, entry: _Inflight) -> None:
        if self._inflight.get(key) is entry:
            del self._inflight[key]

    def run_sync(self, backend: CachedBackend, request: TranslationRequest) -> Translation:
        """Translate in the calling (worker) thread."""
        log.debug("translating %s on the %s route", request.target(), request.route)
        if self._delay_s:
            time.sleep(self._delay_s)
        try:
            return backend.translate(request)
        except Exception as exc:  # a backend bug must not become a server crash
            log.exception("translation failed in the backend")
            return Translation(
                rust_code="",
                status=Status.FAILED,
                confidence=0.0,
                diagnostics=[
                    Diagnostic(
                        Severity.ERROR,
                        f"internal error: {type(exc).__name__}: {exc}",
                        "PRT999",
                        SourceRange(1, 0, 1, 1),
                    )
                ],
                metadata={"transient": True},
            )

    async def run_interactive(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run `fn(*args)` on the interactive pool (parsing a large document)."""
        self._loop = asyncio.get_running_loop()
        work = self._interactive.submit(fn, *args)
        self._track(work)
        return await asyncio.wrap_future(work)

    async def run_background(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run `fn(*args)` on the background pool (commands, whole-file work)."""
        self._loop = asyncio.get_running_loop()
        work = self._background.submit(fn, *args)
        self._track(work)
        return await asyncio.wrap_future(work)

    def call_soon(self, fn: Callable[..., Any], *args: Any) -> None:
        """Schedule `fn` on the event loop from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(fn, *args)

    def busy(self) -> bool:
        """Is a worker thread still running a translation?"""
        with self._running_lock:
            return any(not work.done() for work in self._running)

    def shutdown(self) -> None:
        self._interactive.shutdown(wait=False, cancel_futures=True)
        self._background.shutdown(wait=False, cancel_futures=True)
        self.backend.close()
