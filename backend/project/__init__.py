"""Whole-project translation: a directory of Python modules becomes one Cargo library crate.

A client of the engine (`backend.transpiler`, a library with no UI) and of the backends
(`backend.backends`, for the batch route): the CLI's `translate-project` and the language
server's workspace command use it. The crate mirrors the package tree with nested Rust
modules:

    src_dir/util.py          ->  src/util.rs            (crate::util)
    src_dir/pkg/__init__.py  ->  src/pkg/mod.rs         (crate::pkg)
    src_dir/pkg/mod.py       ->  src/pkg/mod_.rs        (crate::pkg::mod_)
    src_dir/__init__.py      ->  appended to src/lib.rs (crate)

Module names map to Rust paths through `backend.transpiler.module_paths`, the same mapping
the engine uses for `use crate::...`. Modules with an `if __name__ == "__main__":` block are
still library modules here (their `fn main` is an ordinary private function); the crate has
no binaries (`autobins = false`).

- `discovery`: which files are modules, and which project modules a module imports
- `crate`: the crate's layout and files (Cargo.toml, mod.rs, the offline crate source)
- `cargo`: one `cargo check` of the written crate, mapped back to module statuses
- `translation`: `translate_project`, in-process or one batch-route request per module
- `report`, `ui`: the per-module report and its rich progress bar and table
"""

from __future__ import annotations

from backend.project.discovery import PyModule, discover_modules, imported_siblings
from backend.project.report import ModuleReport, ProjectReport
from backend.project.translation import Backend, RemoteBackend, translate_project
from backend.project.ui import summary_table

__all__ = [
    "Backend",
    "ModuleReport",
    "ProjectReport",
    "PyModule",
    "RemoteBackend",
    "discover_modules",
    "imported_siblings",
    "summary_table",
    "translate_project",
]
