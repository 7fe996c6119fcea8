"""The Translation record: one schema for every backend, JSON-serializable."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any


# Not StrEnum (UP042): both enums are public API, and StrEnum would change str()/format() of
# a member from "Status.VERIFIED" to "verified" (their JSON is the same either way).
class Status(str, enum.Enum):  # noqa: UP042
    """How far a translation got; ordered from best to worst."""

    VERIFIED = "verified"  # rustc accepted it and the differential check matched
    COMPILES = "compiles"  # rustc accepted it
    UNVERIFIED = "unverified"  # no rustc available (or verification switched off)
    PARTIAL = "partial"  # placeholders for unsupported constructs, or rustc rejected it
    FAILED = "failed"  # no usable output (e.g. a syntax error)


class Severity(str, enum.Enum):  # noqa: UP042 (see Status)
    ERROR = "error"
    WARNING = "warning"
    INFORMATION = "information"
    HINT = "hint"


@dataclass(frozen=True)
class SourceRange:
    """A range in the Python source: 1-based lines, 0-based columns (like `ast`)."""

    line: int
    col: int
    end_line: int
    end_col: int

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceRange:
        return cls(int(data["line"]), int(data["col"]), int(data["end_line"]), int(data["end_col"]))


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    message: str
    code: str  # rule code, e.g. "PRT101" (see docs/supported-python.md)
    range: SourceRange

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity.value,
            "message": self.message,
            "code": self.code,
            "range": self.range.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Diagnostic:
        return cls(
            Severity(data["severity"]),
            str(data["message"]),
            str(data["code"]),
            SourceRange.from_json(data["range"]),
        )


@dataclass(frozen=True)
class TranslateOptions:
    """Options that change the output; part of every cache key."""

    verify: bool = True  # run rustc on the output
    rustfmt: bool = True  # format with rustfmt when installed
    module_name: str = "main"  # the Python module's name (for imports between modules)
    # interactive requests: check the user's part against the prebuilt runtime helpers
    # (same verdict when it compiles; any doubt falls back to the full check)
    fast_verify: bool = False
    # `portalis translate --release-profile`: `#[inline]` on small functions and helpers
    # (see transform/inline_hints.py); the program is the same, only the hints differ
    release_profile: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TranslateOptions:
        fields = ("verify", "rustfmt", "module_name", "fast_verify", "release_profile")
        known = {k: data[k] for k in fields if k in data}
        return cls(**known)


@dataclass
class Translation:
    rust_code: str
    status: Status
    confidence: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    # Rust line (1-based) -> Python range it came from; not part of the wire schema's
    # required fields but carried along so that editors can map back.
    span_map: dict[int, SourceRange] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "rust_code": self.rust_code,
            "status": self.status.value,
            "confidence": self.confidence,
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "suggestions": list(self.suggestions),
            "metadata": dict(self.metadata),
            "span_map": {str(k): v.to_json() for k, v in self.span_map.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Translation:
        return cls(
            rust_code=str(data["rust_code"]),
            status=Status(data["status"]),
            confidence=float(data["confidence"]),
            diagnostics=[Diagnostic.from_json(d) for d in data.get("diagnostics", [])],
            suggestions=[str(s) for s in data.get("suggestions", [])],
            metadata=dict(data.get("metadata", {})),
            span_map={
                int(k): SourceRange.from_json(v) for k, v in data.get("span_map", {}).items()
            },
        )
