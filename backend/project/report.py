"""What translating a project produced: one report per module, and the whole crate's."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.transpiler.record import Status


@dataclass
class ModuleReport:
    module: str
    python_path: str
    rust_path: str
    status: Status
    placeholders: int
    elapsed_ms: float
    diagnostics: int
    message: str = ""
    crates: tuple[str, ...] = ()  # crates the translation uses (Cargo dependencies)

    def to_json(self) -> dict[str, Any]:
        return {
            "module": self.module,
            "python_path": self.python_path,
            "rust_path": self.rust_path,
            "status": self.status.value,
            "placeholders": self.placeholders,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "diagnostics": self.diagnostics,
            "message": self.message,
        }


@dataclass
class ProjectReport:
    src_dir: Path
    crate_dir: Path
    crate_name: str
    modules: list[ModuleReport] = field(default_factory=list)
    elapsed_ms: float = 0.0

    @property
    def failed(self) -> list[ModuleReport]:
        return [m for m in self.modules if m.status is Status.FAILED]

    @property
    def complete(self) -> bool:
        """Every module translated without placeholders or rustc errors."""
        good = {Status.VERIFIED, Status.COMPILES, Status.UNVERIFIED}
        return all(m.status in good for m in self.modules)

    def to_json(self) -> dict[str, Any]:
        return {
            "src_dir": str(self.src_dir),
            "crate_dir": str(self.crate_dir),
            "crate_name": self.crate_name,
            "elapsed_ms": round(self.elapsed_ms, 2),
            "modules": [m.to_json() for m in self.modules],
        }
