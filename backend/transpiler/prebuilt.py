"""Fast verification for interactive requests: rustc checks only the user's part of a
translation, against the runtime helpers compiled once into a library (`portalis_rt`).

The full, self-contained file is what users get and what `portalis translate`/`check`
verify; this path answers the same question ("does rustc accept this translation?") in
roughly half the time for translations that use the larger helpers, because rustc no
longer re-checks several hundred lines of helper code on every hover. Anything unusual
(a user item named like a helper, a failed runtime build, any error) falls back to the
full check, so the fast path can only ever confirm what the full check would.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Literal

from backend.transpiler import runtime, verify

_LOCK = threading.Lock()
_BUILT: dict[str, Path | None] = {}
_ITEM = re.compile(r"^(struct|enum|trait|fn|type|const|static) ", re.MULTILINE)
# top-level items only: a nested item shadows a helper the same way in both checks
_USER_ITEM = re.compile(r"^(?:pub )?(?:fn|struct|enum|trait|type|const|static) (\w+)", re.MULTILINE)


def public_runtime(text: str) -> str:
    """The helpers with every item, inherent method and field made `pub`."""
    out: list[str] = []
    in_inherent_impl = False
    in_struct = False
    for line in text.split("\n"):
        if line.startswith("impl") and line.rstrip().endswith("{"):
            in_inherent_impl = " for " not in line
        elif line.startswith("struct ") and line.rstrip().endswith("{"):
            in_struct = True
        elif line.startswith("}"):
            in_inherent_impl = in_struct = False
        if _ITEM.match(line):
            line = "pub " + line
        elif (in_inherent_impl and re.match(r"^    (const )?fn ", line)) or (
            in_struct and re.match(r"^    \w+: ", line)
        ):
            line = "    pub " + line[4:]
        out.append(line)
    return "#![allow(warnings)]\n" + "\n".join(out)


@functools.cache
def _runtime_source() -> tuple[str, str]:
    """(public runtime source, cache key): helpers never change within a process, so this
    is computed once rather than on every hover."""
    text = runtime.render(sorted(runtime.HELPERS))
    version = verify.rustc_version() or "none"
    key = hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()[:16]
    return public_runtime(text), key


def _runtime_library() -> Path | None:
    """Compile every helper once per rustc version and helper text (cached on disk)."""
    source, key = _runtime_source()
    with _LOCK:
        if key not in _BUILT:
            _BUILT[key] = _build(source, key)
        return _BUILT[key]


def _cache_root() -> Path:
    base = os.environ.get("PORTALIS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "portalis"
    )
    return Path(base)


def _build(source: str, key: str) -> Path | None:
    rustc = verify.find_tool("rustc")
    if rustc is None:
        return None
    target = _cache_root() / f"runtime-{key}" / "libportalis_rt.rmeta"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        src = Path(tmp) / "portalis_rt.rs"
        src.write_text(source, encoding="utf-8")
        out = Path(tmp) / "libportalis_rt.rmeta"
        argv = [rustc, "--edition", "2021", "--crate-type", "lib", "--crate-name"]
        argv += ["portalis_rt", "--emit=metadata", "-o", str(out), str(src)]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0 or not out.exists():
            return None
        os.replace(out, target)  # atomic: concurrent processes never see a partial file
    return target


def check_user_code(
    user_code: str, helper_names: list[str], crate_type: Literal["lib", "bin"]
) -> verify.RustcResult | None:
    """rustc on the user's part only, or None when the fast path does not apply.

    Its verdict is the full check's: when it compiles, the helpers (checked on their own)
    change nothing; when it fails with errors of the user's code alone, the full check
    fails with the same errors (measured on every partial item of the golden cases, the
    corpus and the known gaps; tests/test_engine_api.py keeps checking a sample).
    """
    names = set(_USER_ITEM.findall(user_code))
    if names & set(runtime.HELPERS) or any(n.startswith(("py_", "Py")) for n in names):
        return None  # a user item could shadow a helper: only the full check is exact
    library = _runtime_library()
    if library is None:
        return None
    lines = user_code.split("\n")
    head = 0
    while head < len(lines) and lines[head].startswith("#!["):
        head += 1
    prelude = ["#[allow(unused_imports)]", "use portalis_rt::*;"] if helper_names else []
    code = "\n".join([*lines[:head], *prelude, *lines[head:]])
    extern = ["--extern", f"portalis_rt={library}", "-L", str(library.parent)]
    result = verify.check_rust_with(code, crate_type=crate_type, extra_args=extern)
    if not result.ok and not _errors_are_the_users(result):
        return None  # any doubt: the self-contained file decides
    # What rustc said about the user's file, at that file's line numbers (warnings about the
    # helpers themselves, such as an unused one, do not arise: they live in the library).
    result.diagnostics = [
        _unshifted(d, head, len(prelude)) for d in result.diagnostics if d.file == "main.rs"
    ]
    return result


# Errors about the user's code alone: rustc reports them the same whether the helpers are in
# the same file or in the prebuilt library. Anything else (privacy, coherence, name clashes,
# ambiguity) may be an artefact of the split, so the full check has the last word.
_USERS_OWN_ERRORS = frozenset(
    {
        "E0061", "E0063", "E0069", "E0107", "E0121", "E0133", "E0277", "E0282", "E0283",
        "E0308", "E0369", "E0381", "E0382", "E0384", "E0412", "E0423", "E0425", "E0432",
        "E0433", "E0499", "E0502", "E0503", "E0505", "E0506", "E0507", "E0515", "E0521",
        "E0560", "E0596", "E0597", "E0599", "E0600", "E0604", "E0606", "E0608", "E0609",
        "E0610", "E0614", "E0615", "E0618", "E0620", "E0716",
    }
)  # fmt: skip


def _errors_are_the_users(result: verify.RustcResult) -> bool:
    errors = [d for d in result.diagnostics if d.level.startswith("error")]
    return bool(errors) and all(d.code in _USERS_OWN_ERRORS and d.file == "main.rs" for d in errors)


def _unshifted(diag: verify.RustDiagnostic, head: int, prelude: int) -> verify.RustDiagnostic:
    """As rustc would report it in the self-contained file: lines without the prelude, the
    helpers' names without the library's crate name."""

    def back(line: int) -> int:
        return line - prelude if line > head + prelude else line

    return dataclasses.replace(
        diag,
        line=back(diag.line),
        end_line=back(diag.end_line),
        message=diag.message.replace("portalis_rt::", ""),
        rendered=diag.rendered.replace("portalis_rt::", ""),
    )
