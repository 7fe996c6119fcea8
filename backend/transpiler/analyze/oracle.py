"""mypy as the type oracle (as mypyc does): one in-process build per translation.

mypy is not thread-safe, so builds are serialised; its incremental cache (on disk, per
mypy version) keeps a warm build of a small module at a couple of tens of milliseconds.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mypy import build
from mypy.errors import CompileError
from mypy.fscache import FileSystemCache
from mypy.modulefinder import BuildSource
from mypy.nodes import Expression, MypyFile
from mypy.options import Options
from mypy.server.update import FineGrainedBuildManager
from mypy.types import Type
from mypy.version import __version__ as mypy_version

# mypy is not thread-safe, and the warm checker reuses one tree: a TypedModule stays valid
# only while this lock is held (translate() holds it through lowering).
BUILD_LOCK = threading.RLock()
_BUILD_LOCK = BUILD_LOCK


@dataclass
class TypedModule:
    tree: MypyFile
    types: dict[Expression, Type]
    errors: list[str]
    # the project's other modules in the same build (translate-project), by module name
    siblings: dict[str, MypyFile] = field(default_factory=dict)
    # the name mypy knew the module by (its fullnames start with it)
    name: str = ""


def cache_dir() -> Path:
    base = os.environ.get("PORTALIS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "portalis"
    )
    return Path(base) / f"mypy-{mypy_version}"


def _options() -> Options:
    opts = Options()
    opts.export_types = True
    opts.preserve_asts = True
    opts.incremental = True
    opts.cache_dir = str(cache_dir())
    opts.check_untyped_defs = True
    opts.show_traceback = False
    opts.python_version = (3, 11)
    opts.follow_imports = "silent"
    return opts


# Every stand-alone module is checked under this one name by the warm checker, whatever the
# user's module is called: switching files (or serving many projects' modules, as the
# Triton model does) never costs a cold build.
WARM_MODULE = "__portalis_module__"


# Standard modules the translator supports that builtins' own stubs do not pull in: the
# fine-grained checker sees only modules loaded by its first build (a later `import random`
# would silently be an `Any` variable), so that build imports them.
WARM_IMPORTS: tuple[str, ...] = ("random",)


class _WarmChecker:
    """mypy's fine-grained (daemon) mode, kept warm: the standard library stays loaded, so
    re-checking a changed module costs a few milliseconds instead of a full build."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.directory = tempfile.mkdtemp(prefix="portalis-mypy-")
        atexit.register(shutil.rmtree, self.directory, True)
        self.path = os.path.join(self.directory, f"{module}.py")
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write("".join(f"import {name}\n" for name in WARM_IMPORTS))
        opts = _options()
        opts.fine_grained_incremental = True
        opts.use_fine_grained_cache = False
        self.fscache = FileSystemCache()
        result = build.build([BuildSource(self.path, module, None)], opts, fscache=self.fscache)
        self.manager = FineGrainedBuildManager(result)

    def check(self, source: str) -> TypedModule | str:
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write(source)
        self.fscache.flush()
        build_manager = self.manager.manager
        build_manager.ast_cache.clear()
        build_manager.all_types.clear()
        messages = self.manager.update([(self.module, self.path)], [])
        if self.manager.blocking_error is not None:
            return "; ".join(messages) or "mypy could not analyse this module"
        tree = build_manager.modules.get(self.module)
        if tree is None:
            return "type analysis produced no tree"
        return TypedModule(tree, dict(build_manager.all_types), list(messages), name=self.module)


_warm: list[_WarmChecker] = []
# A short-lived process (one `portalis translate`) checks with mypy's on-disk incremental
# cache instead: about 0.1 s warm, where starting the fine-grained checker costs seconds.
_one_shot = threading.Event()


def prefer_cached_builds() -> None:
    """For processes that check a few modules and exit: skip the warm checker."""
    _one_shot.set()


def _warm_check(source: str) -> TypedModule | str:
    if not _warm:
        _warm.append(_WarmChecker(WARM_MODULE))
    try:
        return _warm[0].check(source)
    except Exception:
        _warm.clear()  # a confused daemon state is rebuilt next time
        raise


def typecheck(
    source: str, module: str = "__portalis__", others: Mapping[str, str] | None = None
) -> TypedModule | str:
    """Type-check `source` as module `module` (plus sibling modules it imports).

    Returns the typed tree, or a message when mypy could not build it at all.
    """
    if not others and not _one_shot.is_set():
        with _BUILD_LOCK:
            try:
                return _warm_check(source)
            except CompileError as err:
                return "; ".join(err.messages) or "mypy could not analyse this module"
            except Exception as err:  # mypy internal error: never let it escape translate()
                return f"type analysis failed: {type(err).__name__}: {err}"
    sources = [BuildSource(None, module, source)]
    sources += [BuildSource(None, name, text) for name, text in (others or {}).items()]
    with _BUILD_LOCK:
        try:
            result = build.build(sources, _options())
        except CompileError as err:
            return "; ".join(err.messages) or "mypy could not analyse this module"
        except Exception as err:  # mypy internal error: never let it escape translate()
            return f"type analysis failed: {type(err).__name__}: {err}"
    state = result.graph.get(module)
    if state is None or state.tree is None:
        return "type analysis produced no tree"
    siblings: dict[str, MypyFile] = {}
    for name in others or {}:
        tree = result.graph[name].tree if name in result.graph else None
        if tree is not None:
            siblings[name] = tree
    return TypedModule(state.tree, dict(result.types), list(result.errors), siblings, module)
