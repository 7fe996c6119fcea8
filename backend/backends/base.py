"""The Backend protocol: one call, one `Translation`, whatever answers it.

A backend is synchronous and thread-safe: the language server calls it from worker threads,
never from its event loop. Every backend returns the same `Translation` for the same request
(a remote one deserializes the Triton model's outputs into it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from backend.transpiler import ENGINE_VERSION, SourceRange, TranslateOptions, Translation

Route = Literal["interactive", "batch"]

# Triton priorities per route (DESIGN.md, "Routes and priorities"): 1 is the highest.
ROUTE_PRIORITY: dict[Route, int] = {"interactive": 1, "batch": 2}


class BackendError(Exception):
    """A backend could not produce a Translation (unreachable, timed out, bad answer)."""


class BackendUnavailable(BackendError):
    """The backend cannot be reached, or is not implemented yet."""


@dataclass(frozen=True)
class TranslationRequest:
    """What to translate: a module's source and, optionally, one item or a line range."""

    source: str
    symbol: str | None = None
    range: SourceRange | None = None
    options: TranslateOptions = field(default_factory=TranslateOptions)
    route: Route = "interactive"
    # Seconds a remote backend may take; None: the backend's default for the route.
    timeout_s: float | None = None
    # Other modules of the same project (name -> source) that `source` imports: their
    # types resolve and their items become `use crate::...` (translate-project).
    siblings: Mapping[str, str] | None = None

    def target(self) -> str:
        """The selection part of the cache key."""
        if self.symbol is not None:
            return f"symbol:{self.symbol}"
        if self.range is not None:
            r = self.range
            return f"range:{r.line}:{r.col}:{r.end_line}:{r.end_col}"
        return "module"

    def cache_key(self) -> str:
        """sha256 of source + target + options + engine version (DESIGN.md)."""
        digest = hashlib.sha256()
        for part in (
            self.source,
            self.target(),
            json.dumps(self.options.to_json(), sort_keys=True),
            "none" if self.siblings is None else json.dumps(dict(self.siblings), sort_keys=True),
            ENGINE_VERSION,
        ):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()


@runtime_checkable
class Backend(Protocol):
    """Anything that turns a `TranslationRequest` into a `Translation`."""

    name: str

    def translate(self, request: TranslationRequest) -> Translation:
        """Translate; raise `BackendError` only when no Translation can be produced."""
        ...

    def close(self) -> None:
        """Release connections; the backend is not used afterwards."""
        ...
