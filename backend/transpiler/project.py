"""Whole-project translation: a directory of Python modules becomes one Cargo library crate.

The crate mirrors the package tree with nested Rust modules:

    src_dir/util.py          ->  src/util.rs            (crate::util)
    src_dir/pkg/__init__.py  ->  src/pkg/mod.rs         (crate::pkg)
    src_dir/pkg/mod.py       ->  src/pkg/mod_.rs        (crate::pkg::mod_)
    src_dir/__init__.py      ->  appended to src/lib.rs (crate)

Identifiers that Rust reserves (`mod`, `type`, `match`, ...) and the names Cargo gives a
meaning to at the top of `src/` (`lib`, `bin`, `main`) get a trailing underscore.
`rust_module_path` is the single source of truth for that mapping: the engine uses it to
emit `use crate::...` for `from pkg.mod import f`, so the paths it writes and the files
this module lays out always agree.

Modules with an `if __name__ == "__main__":` block are still library modules here (their
`fn main` is an ordinary private function); the crate has no binaries (`autobins = false`).
"""

from __future__ import annotations

import ast
import json
import keyword
import os
import re
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from backend.transpiler.record import Status, TranslateOptions, Translation

__all__ = [
    "Backend",
    "ModuleReport",
    "ProjectReport",
    "discover_modules",
    "rust_module_ident",
    "rust_module_path",
    "summary_table",
    "translate_project",
]

Backend = Callable[[str, str], Translation]  # (python source, dotted module name)


class RemoteBackend(Protocol):
    """A client from `backend.backends` (the engine does not import that layer)."""

    name: str

    def translate(self, request: Any) -> Translation: ...


# Strict and reserved keywords of Rust 2021, plus `gen` (reserved in 2024) so that a crate
# keeps compiling when it moves to the next edition.
_KEYWORDS_TEXT = """
    as async await break const continue crate dyn else enum extern false fn for if impl in
    let loop match mod move mut pub ref return self Self static struct super trait true type
    unsafe use where while abstract become box do final macro override priv typeof unsized
    virtual yield try gen
"""
RUST_KEYWORDS = frozenset(_KEYWORDS_TEXT.split())
# Names that would collide with Cargo's conventions when they sit directly under `src/`.
_RESERVED_AT_ROOT = frozenset({"lib", "main", "bin"})
# Directories that never hold project modules.
_SKIP_DIRS = frozenset({"__pycache__", "site-packages", "node_modules", "target"})


def rust_module_ident(name: str, *, at_root: bool = False) -> str:
    """The Rust identifier for one Python module-name component."""
    if name in RUST_KEYWORDS or (at_root and name in _RESERVED_AT_ROOT):
        return name + "_"
    return name


def rust_module_path(dotted: str) -> str:
    """`pkg.mod` -> `crate::pkg::mod_`; the empty name is the crate root."""
    if not dotted:
        return "crate"
    parts = dotted.split(".")
    idents = [rust_module_ident(p, at_root=i == 0) for i, p in enumerate(parts)]
    return "::".join(["crate", *idents])


@dataclass(frozen=True)
class PyModule:
    """One Python file of the project and where its translation goes."""

    dotted: str  # "" for the project's own top-level __init__.py
    path: Path
    is_package: bool  # an __init__.py

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.dotted.split(".")) if self.dotted else ()


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


# --- discovery --------------------------------------------------------------------------


def _skip_dir(path: Path) -> bool:
    return (
        path.name.startswith(".")
        or path.name in _SKIP_DIRS
        or (path / "pyvenv.cfg").exists()  # a virtual environment, whatever its name
    )


def _walk_py(directory: Path) -> Iterator[Path]:
    for entry in sorted(directory.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            if not _skip_dir(entry):
                yield from _walk_py(entry)
        elif entry.suffix == ".py" and entry.is_file() and not entry.name.startswith("."):
            yield entry


def discover_modules(src_dir: Path) -> list[PyModule]:
    """Every importable `.py` under `src_dir`, sorted by dotted name.

    Files whose names are not Python identifiers (`setup-old.py`) cannot be imported and
    have no Rust module name, so they are left out.
    """
    modules: list[PyModule] = []
    for path in _walk_py(src_dir):
        rel = path.relative_to(src_dir).with_suffix("")
        parts = list(rel.parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        if not all(p.isidentifier() and not keyword.iskeyword(p) for p in parts):
            continue
        modules.append(PyModule(".".join(parts), path, is_package))
    return sorted(modules, key=lambda m: m.dotted)


# --- layout -----------------------------------------------------------------------------


def _rust_file(crate_dir: Path, module: PyModule, packages: set[tuple[str, ...]]) -> Path:
    """Where a module's translation is written (see the module docstring)."""
    if not module.parts:
        return crate_dir / "src" / "lib.rs"
    idents = [rust_module_ident(p, at_root=i == 0) for i, p in enumerate(module.parts)]
    if module.parts in packages:
        return crate_dir / "src" / Path(*idents) / "mod.rs"
    return crate_dir / "src" / Path(*idents[:-1]) / f"{idents[-1]}.rs"


def _packages(modules: list[PyModule]) -> set[tuple[str, ...]]:
    """Every dotted prefix that has children (including namespace packages)."""
    found: set[tuple[str, ...]] = set()
    for module in modules:
        for depth in range(1, len(module.parts)):
            found.add(module.parts[:depth])
        if module.is_package and module.parts:
            found.add(module.parts)
    return found


def _children(parent: tuple[str, ...], all_paths: set[tuple[str, ...]]) -> list[str]:
    depth = len(parent)
    return sorted({p[depth] for p in all_paths if len(p) == depth + 1 and p[:depth] == parent})


def _mod_lines(parent: tuple[str, ...], all_paths: set[tuple[str, ...]]) -> str:
    at_root = not parent
    names = _children(parent, all_paths)
    return "".join(f"pub mod {rust_module_ident(n, at_root=at_root)};\n" for n in names)


def crate_name_for(out_dir: Path) -> str:
    """A valid Cargo package name from the output directory's name."""
    name = re.sub(r"[^0-9A-Za-z_]", "_", out_dir.resolve().name).strip("_").lower()
    if not name or name[0].isdigit():
        name = f"crate_{name}" if name else "translated"
    return name


CARGO_TOML = """\
[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
# Generated by Portalis from {src}. Library crate only: modules with a `__main__` block
# keep their `fn main` as an ordinary function.
autobins = false
autoexamples = false
autotests = false
autobenches = false

[dependencies]

[profile.release]
# Python ints never wrap: the translation checks its int arithmetic in every profile, and
# overflow checks stay on as a second line for any other Rust arithmetic.
overflow-checks = true
# People port to Rust for speed: full optimisation, and the translated modules and their
# runtime helpers optimised together (one codegen unit, thin LTO) so small helpers inline.
opt-level = 3
lto = "thin"
codegen-units = 1
"""


# --- translation ------------------------------------------------------------------------


def _default_backend(source: str, module_name: str) -> Translation:
    from backend.transpiler import translate  # lazily: the package imports its stages

    return translate(source, options=TranslateOptions(module_name=module_name))


def _project_backend(modules: list[PyModule], remote: RemoteBackend | None) -> Backend:
    """Translate each module with the project modules it imports visible, so that imports
    between them resolve: in-process, or as one batch-route request per module."""
    sources: dict[str, str] = {}
    for module in modules:
        if module.dotted:
            try:
                sources[module.dotted] = module.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # reported when that module itself is translated

    def backend(source: str, module_name: str) -> Translation:
        siblings = imported_siblings(source, module_name, sources)
        options = TranslateOptions(module_name=module_name or "lib")
        if remote is None:
            from backend.transpiler import translate

            return translate(source, options=options, siblings=siblings)
        return _remote_module(remote, source, options, siblings)

    return backend


def _remote_module(
    remote: RemoteBackend, source: str, options: TranslateOptions, siblings: dict[str, str]
) -> Translation:
    from backend.backends.base import BackendError, TranslationRequest

    request = TranslationRequest(source, options=options, route="batch", siblings=siblings)
    try:
        return remote.translate(request)
    except BackendError as exc:
        # One module's failure is that module's status; the crate is still written.
        translation = Translation("", Status.FAILED, 0.0, metadata={"error": str(exc)})
        translation.metadata["transient"] = True
        return translation


def imported_siblings(source: str, module_name: str, sources: dict[str, str]) -> dict[str, str]:
    """The project modules `source` imports, directly or through each other (what the type
    checker needs to see); the empty dict when it imports none of them."""
    seen: dict[str, str] = {}
    pending = _project_imports(source, module_name, sources)
    while pending:
        name = pending.pop()
        if name in seen or name == module_name:
            continue
        seen[name] = sources[name]
        pending.extend(_project_imports(sources[name], name, sources))
    return dict(sorted(seen.items()))


def _project_imports(source: str, module_name: str, sources: dict[str, str]) -> list[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    package = module_name.rsplit(".", 1)[0] if "." in module_name else ""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            names = [
                base,
                *(f"{base}.{alias.name}" if base else alias.name for alias in node.names),
            ]
        else:
            continue
        for name in names:
            # `import pkg.mod` needs pkg too (its __init__ runs first).
            parts = name.split(".")
            found.extend(
                p for p in (".".join(parts[:i]) for i in range(1, len(parts) + 1)) if p in sources
            )
    return found


def _absolute(module: str, level: int, package: str) -> str:
    if level == 0:
        return module
    parts = package.split(".") if package else []
    base = parts[: len(parts) - (level - 1)] if level > 1 else parts
    return ".".join([*base, module] if module else base)


def _placeholders(translation: Translation) -> int:
    counted = translation.metadata.get("placeholders")
    if isinstance(counted, int):
        return counted
    return translation.rust_code.count("todo!(")


def _module_text(module: PyModule, translation: Translation, src_dir: Path) -> str:
    rel = module.path.relative_to(src_dir).as_posix()
    header = f"// Translated by Portalis from {rel} (status: {translation.status.value}).\n"
    if translation.status is Status.FAILED:
        notes = "".join(
            f"// {rel}:{d.range.line}:{d.range.col}: {d.message} [{d.code}]\n"
            for d in translation.diagnostics
        )
        return header + "// Translation failed; this module is empty.\n" + notes
    return header + translation.rust_code.rstrip("\n") + "\n"


def _translate_one(
    module: PyModule, backend: Backend, src_dir: Path, rust_path: Path
) -> tuple[str, ModuleReport]:
    started = time.perf_counter()
    try:
        source = module.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        translation = Translation("", Status.FAILED, 0.0, metadata={"error": str(exc)})
        message = f"cannot read: {exc}"
    else:
        translation = backend(source, module.dotted)
        message = ""
    elapsed = (time.perf_counter() - started) * 1000.0
    report = ModuleReport(
        module=module.dotted or "(crate root)",
        python_path=str(module.path),
        rust_path=str(rust_path),
        status=translation.status,
        placeholders=_placeholders(translation),
        elapsed_ms=elapsed,
        diagnostics=len(translation.diagnostics),
        message=message,
        crates=tuple(str(c) for c in translation.metadata.get("crates", ()) or ()),
    )
    return _module_text(module, translation, src_dir), report


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        TextColumn("[bold]translating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[module]}"),
        console=console,
        transient=True,
        disable=not (enabled and console.is_terminal),
    )


def translate_project(
    src_dir: Path,
    out_dir: Path,
    *,
    backend: Backend | None = None,
    progress: bool = False,
    console: Console | None = None,
    remote: RemoteBackend | None = None,
    concurrency: int = 4,
) -> ProjectReport:
    """Translate every module under `src_dir` into a Cargo crate at `out_dir`.

    Files are (over)written; nothing else in `out_dir` is removed. A module whose
    translation failed still gets its (empty, commented) file so that `src/lib.rs`
    and the package `mod.rs` files stay consistent.

    With `remote` (a Triton client), each module is one batch-route request, `concurrency`
    of them in flight at a time; the crate is still checked here, once, with cargo.
    """
    started = time.perf_counter()
    console = console or Console(stderr=True)
    modules = discover_modules(src_dir)
    backend = backend or _project_backend(modules, remote)
    packages = _packages(modules)
    all_paths = {m.parts for m in modules} | packages
    report = ProjectReport(src_dir, out_dir, crate_name_for(out_dir))
    texts: dict[Path, str] = {}
    # The embedded engine serialises on its type checker: threads would only add overhead.
    workers = max(1, concurrency) if remote is not None else 1
    with _progress(console, progress) as bar, ThreadPoolExecutor(workers) as pool:
        task = bar.add_task("translate", total=len(modules), module="")

        def one(module: PyModule) -> tuple[Path, str, ModuleReport]:
            rust_path = _rust_file(out_dir, module, packages)
            text, mod_report = _translate_one(module, backend, src_dir, rust_path)
            bar.update(task, module=module.dotted or "(crate root)", advance=1)
            return rust_path, text, mod_report

        for rust_path, text, mod_report in pool.map(one, modules):
            texts[rust_path] = text
            report.modules.append(mod_report)
    _add_mod_files(texts, out_dir, packages, all_paths)
    crates = sorted({c for m in report.modules for c in m.crates})
    _write_crate(out_dir, texts, report.crate_name, src_dir, crates)
    _check_crate(out_dir, report)
    report.elapsed_ms = (time.perf_counter() - started) * 1000.0
    return report


def _add_mod_files(
    texts: dict[Path, str],
    out_dir: Path,
    packages: set[tuple[str, ...]],
    all_paths: set[tuple[str, ...]],
) -> None:
    """Append `pub mod` lines to lib.rs and every package's mod.rs (creating them if needed)."""
    root = out_dir / "src" / "lib.rs"
    texts[root] = texts.get(root, "") + _mod_lines((), all_paths)
    for package in sorted(packages):
        idents = [rust_module_ident(p, at_root=i == 0) for i, p in enumerate(package)]
        path = out_dir / "src" / Path(*idents) / "mod.rs"
        existing = texts.get(path, "// Namespace package: no __init__.py.\n")
        texts[path] = existing + _mod_lines(package, all_paths)


def _check_crate(out_dir: Path, report: ProjectReport) -> None:
    """`cargo check` the whole crate once (modules refer to each other, so they can only be
    verified together) and settle each module's status from what rustc said about its file."""
    from backend.transpiler.verify import find_tool

    cargo = find_tool("cargo")
    if cargo is None:
        return  # statuses stay `unverified`
    lock = out_dir / "Cargo.lock"
    had_lock = lock.exists()
    try:
        with tempfile.TemporaryDirectory(prefix="portalis-cargo-") as target:
            proc = subprocess.run(
                [cargo, "check", "--offline", "--quiet", "--message-format=json"],
                cwd=out_dir,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env={**os.environ, "CARGO_TARGET_DIR": target},
            )
    except (OSError, subprocess.TimeoutExpired):
        return
    finally:
        if not had_lock:
            lock.unlink(missing_ok=True)  # the crate is the user's: leave only what we wrote
    errors: dict[str, int] = {}
    for line in proc.stdout.splitlines():
        try:
            message = json.loads(line)
        except ValueError:
            continue
        inner = message.get("message") or {}
        if message.get("reason") != "compiler-message" or inner.get("level") != "error":
            continue
        for span in inner.get("spans", []):
            if span.get("is_primary"):
                path = str((out_dir / span["file_name"]).resolve())
                errors[path] = errors.get(path, 0) + 1
    for module in report.modules:
        if module.status is not Status.UNVERIFIED:
            continue
        failed = errors.get(str(Path(module.rust_path).resolve()), 0)
        module.status = (
            Status.PARTIAL if failed or (proc.returncode != 0 and not errors) else (Status.COMPILES)
        )
        module.diagnostics += failed


def _write_crate(
    out_dir: Path, texts: dict[Path, str], name: str, src_dir: Path, crates: list[str]
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    toml = CARGO_TOML.format(name=name, src=src_dir.name or str(src_dir))
    toml = toml.replace("[dependencies]\n", "[dependencies]\n" + _dependency_lines(crates))
    (out_dir / "Cargo.toml").write_text(toml, encoding="utf-8")
    _write_cargo_source(out_dir, crates)
    gitignore = out_dir / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("/target\n", encoding="utf-8")
    for path, text in sorted(texts.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# --- dependencies -------------------------------------------------------------------------

# Crates a translation may use (lower/regex.py): the version requirement each gets.
CRATE_VERSIONS = {"regex": "1"}
# Debian's packaged crate sources (librust-*-dev); a directory source cargo builds offline.
DEBIAN_REGISTRY = Path("/usr/share/cargo/registry")
_CARGO_CONFIG = """\
# Written by Portalis: build with Debian's packaged crate sources (librust-*-dev), offline.
[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "{directory}"
"""


def _dependency_lines(crates: list[str]) -> str:
    return "".join(f'{c} = "{CRATE_VERSIONS.get(c, "*")}"\n' for c in crates)


def _has_crates(registry: Path, crates: list[str]) -> bool:
    return all(any(registry.glob(f"{c}-[0-9]*/Cargo.toml")) for c in crates)


def _write_cargo_source(out_dir: Path, crates: list[str], registry: Path | None = None) -> None:
    """With dependencies, point cargo at Debian's crate sources when they have every one of
    them (the crate then builds without a network); elsewhere cargo uses crates.io. An
    existing `.cargo/config.toml` is the user's and is left alone."""
    registry = registry or DEBIAN_REGISTRY
    config = out_dir / ".cargo" / "config.toml"
    if not crates or config.exists() or not _has_crates(registry, crates):
        return
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(_CARGO_CONFIG.format(directory=registry), encoding="utf-8")


_STATUS_STYLE = {
    Status.VERIFIED: "green",
    Status.COMPILES: "green",
    Status.UNVERIFIED: "yellow",
    Status.PARTIAL: "yellow",
    Status.FAILED: "red",
}


def summary_table(report: ProjectReport) -> Table:
    """A rich table: one row per module, then a totals row."""
    table = Table(title=f"{report.crate_name}: {len(report.modules)} modules")
    table.add_column("module")
    table.add_column("status")
    table.add_column("placeholders", justify="right")
    table.add_column("ms", justify="right")
    for m in report.modules:
        style = _STATUS_STYLE[m.status]
        table.add_row(
            m.module, f"[{style}]{m.status.value}[/]", str(m.placeholders), f"{m.elapsed_ms:.0f}"
        )
    table.add_section()
    table.add_row(
        "total",
        f"{len(report.failed)} failed",
        str(sum(m.placeholders for m in report.modules)),
        f"{report.elapsed_ms:.0f}",
    )
    return table
