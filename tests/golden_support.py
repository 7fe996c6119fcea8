"""Per-stage golden files (like mypyc's test-data/irbuild-*.test): Python in, Rust out.

A file in tests/golden/ holds the cases of one family:

    -- Comment lines before the first case start with `--`.
    [case floor_division]
    def half(n: int) -> int:
        return n // 2
    [out]
    pub fn half(n: i64) -> i64 {
        n.div_euclid(2)
    }

`[out]` is what the engine emits without rustc or rustfmt: the Rust up to the runtime
helpers, then a `// helpers:` line naming the helpers it used, a `// status:` line when the
status is not `unverified`, and one `// PRTnnn line:col: message` line per diagnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from backend.transpiler import TranslateOptions, translate

GOLDEN_DIR = Path(__file__).parent / "golden"
_CASE = re.compile(r"^\[case ([A-Za-z0-9_]+)\]$")
_HELPERS_MARKER = "// ---- Python runtime helpers"
# Deterministic on any machine: no rustc (that is the slow suites' job), no rustfmt.
_OPTIONS = TranslateOptions(verify=False, rustfmt=False)


@dataclass
class Case:
    name: str
    python: str
    out: str


@dataclass
class GoldenFile:
    path: Path
    header: str
    cases: list[Case]

    def render(self) -> str:
        parts = [self.header.rstrip("\n") + "\n\n"] if self.header.strip() else []
        for case in self.cases:
            parts.append(f"[case {case.name}]\n{case.python}\n[out]\n{case.out}\n\n")
        return "".join(parts).rstrip("\n") + "\n"


def read_golden(path: Path) -> GoldenFile:
    header: list[str] = []
    cases: list[Case] = []
    python: list[str] | None = None
    out: list[str] | None = None
    name = ""

    def finish() -> None:
        if python is None:
            return
        if out is None:
            raise ValueError(f"{path.name}: [case {name}] has no [out]")
        cases.append(Case(name, _block(python), _block(out)))

    for line in path.read_text(encoding="utf-8").splitlines():
        match = _CASE.match(line)
        if match:
            finish()
            name, python, out = match[1], [], None
        elif python is None:
            header.append(line)
        elif line == "[out]" and out is None:
            out = []
        else:
            (python if out is None else out).append(line)
    finish()
    names = [c.name for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"{path.name}: duplicate cases {duplicates}")
    return GoldenFile(path, "\n".join(header), cases)


def _block(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def golden_output(python: str) -> str:
    """What a case's `[out]` says for this Python source."""
    translation = translate(python + "\n", options=_OPTIONS)
    rust = translation.rust_code.split(_HELPERS_MARKER)[0].rstrip()
    lines = [rust] if rust else []
    helpers = translation.metadata.get("helpers") or []
    if helpers:
        lines.append(f"// helpers: {', '.join(str(h) for h in helpers)}")
    if translation.status.value != "unverified":
        lines.append(f"// status: {translation.status.value}")
    for d in translation.diagnostics:
        message = " ".join(d.message.split())
        lines.append(f"// {d.code} {d.range.line}:{d.range.col}: {message}")
    return "\n".join(lines)


def golden_files() -> list[Path]:
    return sorted(GOLDEN_DIR.glob("*.test"))
