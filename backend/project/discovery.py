"""Which files of a project are modules, and which project modules a module imports."""

from __future__ import annotations

import ast
import keyword
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Directories that never hold project modules.
_SKIP_DIRS = frozenset({"__pycache__", "site-packages", "node_modules", "target"})


@dataclass(frozen=True)
class PyModule:
    """One Python file of the project and where its translation goes."""

    dotted: str  # "" for the project's own top-level __init__.py
    path: Path
    is_package: bool  # an __init__.py

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.dotted.split(".")) if self.dotted else ()


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
