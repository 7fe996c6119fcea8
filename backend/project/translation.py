"""`translate_project`: every module of a directory, translated into one Cargo crate."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console

from backend.project.cargo import check_crate
from backend.project.crate import add_mod_files, crate_name_for, packages_of, rust_file, write_crate
from backend.project.discovery import PyModule, discover_modules, imported_siblings
from backend.project.report import ModuleReport, ProjectReport
from backend.project.ui import progress_bar
from backend.transpiler import translate
from backend.transpiler.record import Status, TranslateOptions, Translation

Backend = Callable[[str, str], Translation]  # (python source, dotted module name)


class RemoteBackend(Protocol):
    """What a module request goes through on the batch route: a client from
    `backend.backends`, or the language server's workspace route in front of one."""

    name: str

    def translate(self, request: Any) -> Translation: ...


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
            return translate(source, options=options, siblings=siblings)
        return _remote_module(remote, source, options, siblings)

    return backend


def _remote_module(
    remote: RemoteBackend, source: str, options: TranslateOptions, siblings: dict[str, str]
) -> Translation:
    # Lazily: only a remote run pays for loading the Triton clients (~0.2 s).
    from backend.backends.base import BackendError, TranslationRequest

    request = TranslationRequest(source, options=options, route="batch", siblings=siblings)
    try:
        return remote.translate(request)
    except BackendError as exc:
        # One module's failure is that module's status; the crate is still written.
        translation = Translation("", Status.FAILED, 0.0, metadata={"error": str(exc)})
        translation.metadata["transient"] = True
        return translation


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
    packages = packages_of(modules)
    all_paths = {m.parts for m in modules} | packages
    report = ProjectReport(src_dir, out_dir, crate_name_for(out_dir))
    texts: dict[Path, str] = {}
    # The embedded engine serialises on its type checker: threads would only add overhead.
    workers = max(1, concurrency) if remote is not None else 1
    with progress_bar(console, progress) as bar, ThreadPoolExecutor(workers) as pool:
        task = bar.add_task("translate", total=len(modules), module="")

        def one(module: PyModule) -> tuple[Path, str, ModuleReport]:
            rust_path = rust_file(out_dir, module, packages)
            text, mod_report = _translate_one(module, backend, src_dir, rust_path)
            bar.update(task, module=module.dotted or "(crate root)", advance=1)
            return rust_path, text, mod_report

        for rust_path, text, mod_report in pool.map(one, modules):
            texts[rust_path] = text
            report.modules.append(mod_report)
    add_mod_files(texts, out_dir, packages, all_paths)
    crates = sorted({c for m in report.modules for c in m.crates})
    write_crate(out_dir, texts, report.crate_name, src_dir, crates)
    check_crate(out_dir, report)
    report.elapsed_ms = (time.perf_counter() - started) * 1000.0
    return report
