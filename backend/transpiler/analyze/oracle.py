"""mypy as the type oracle (as mypyc does): one in-process build per translation.

mypy is not thread-safe, so builds are serialised; its incremental cache (on disk, per
mypy version) keeps a warm build of a small module at a couple of tens of milliseconds.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mypy import build
from mypy.errors import CompileError
from mypy.modulefinder import BuildSource
from mypy.nodes import Expression, MypyFile
from mypy.options import Options
from mypy.types import Type
from mypy.version import __version__ as mypy_version

_BUILD_LOCK = threading.Lock()


@dataclass
class TypedModule:
    tree: MypyFile
    types: dict[Expression, Type]
    errors: list[str]


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


def typecheck(
    source: str, module: str = "__portalis__", others: Mapping[str, str] | None = None
) -> TypedModule | str:
    """Type-check `source` as module `module` (plus sibling modules it imports).

    Returns the typed tree, or a message when mypy could not build it at all.
    """
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
    return TypedModule(state.tree, dict(result.types), list(result.errors))
