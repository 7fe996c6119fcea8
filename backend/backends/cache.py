"""A cache in front of any backend (cachetools LRU + TTL), keyed by `request.cache_key()`.

Concurrent identical requests are coalesced: the first caller computes, the others wait for
its result (per key), so a burst of hovers on one item costs one translation.
"""

from __future__ import annotations

import copy
import threading
from concurrent.futures import Future

from cachetools import TTLCache

from backend import metrics
from backend.backends.base import Backend, TranslationRequest
from backend.transpiler import Translation


class CachedBackend:
    def __init__(self, inner: Backend, *, maxsize: int = 512, ttl_s: float = 3600.0) -> None:
        self.inner = inner
        self.name = inner.name
        self._cache: TTLCache[str, Translation] = TTLCache(maxsize=maxsize, ttl=ttl_s)
        self._lock = threading.Lock()
        self._inflight: dict[str, Future[Translation]] = {}
        self.hits = 0
        self.misses = 0

    def lookup(self, key: str) -> Translation | None:
        """A cached translation (a copy marked `cache_hit`), or None. Never blocks for long."""
        metrics.CACHE_LOOKUPS.inc()
        with self._lock:
            found = self._cache.get(key)
            if found is None:
                return None
            self.hits += 1
        metrics.CACHE_HITS.inc()
        return _as_hit(found)

    def translate(self, request: TranslationRequest) -> Translation:
        key = request.cache_key()
        metrics.CACHE_LOOKUPS.inc()
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self.hits += 1
                metrics.CACHE_HITS.inc()
                return _as_hit(found)
            waiting = self._inflight.get(key)
            if waiting is None:
                mine: Future[Translation] = Future()
                self._inflight[key] = mine
                self.misses += 1
        if waiting is not None:
            return _as_hit(waiting.result())
        try:
            result = self.inner.translate(request)
        except BaseException as exc:
            with self._lock:
                self._inflight.pop(key, None)
            mine.set_exception(exc)
            raise
        with self._lock:
            if _cacheable(result):
                self._cache[key] = result
            self._inflight.pop(key, None)
        mine.set_result(result)
        return copy.deepcopy(result)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        self.inner.close()


def _cacheable(result: Translation) -> bool:
    """Transient failures (a backend error, an internal engine error) are not remembered."""
    if result.metadata.get("transient"):
        return False
    return not any(d.code == "PRT999" for d in result.diagnostics)


def _as_hit(found: Translation) -> Translation:
    hit = copy.copy(found)
    hit.metadata = {**found.metadata, "cache_hit": True}
    return hit
