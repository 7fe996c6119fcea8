"""Checks that the golden cases and the held-out benchmark corpus follow the corpus rules.

Every module must parse, annotate every parameter (except self/cls) and every return (a
generator's may be inferred from its yields), have an
``if __name__ == "__main__":`` block, and run under CPython with exit status 0, printing at least
one line, identically under two PYTHONHASHSEED values (catches hash-order dependence).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # runs every corpus program under CPython, twice

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests" / "cases"
HELDOUT_DIR = ROOT / "benchmarks" / "corpus"

MIN_CASES = 90
MIN_HELDOUT = 40
RUN_TIMEOUT_S = 10
HASH_SEEDS = ("0", "4242")

# Category prefixes (benchmarks report per category); mod_ is used only by the held-out set.
CATEGORIES = frozenset(
    {
        "arith",
        "control",
        "str",
        "list",
        "dict",
        "set",
        "tuple",
        "comp",
        "fmt",
        "func",
        "class",
        "dataclass",
        "enum",
        "exc",
        "gen",
        "optional",
        "union",
        "stdlib",
        "algo",
        "mod",
    }
)

CASE_FILES = sorted(CASES_DIR.glob("*.py"))
HELDOUT_FILES = sorted(HELDOUT_DIR.glob("*.py"))
ALL_FILES = CASE_FILES + HELDOUT_FILES


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_main_guard(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    if not (
        isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
    ):
        return False
    sides = [test.left, *test.comparators]
    has_name = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    has_main = any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
    return has_name and has_main


def _missing_annotations(tree: ast.Module) -> list[str]:
    """Describe every def whose parameters or return lack annotations (self/cls excepted)."""
    problems: list[str] = []
    parents: dict[ast.AST, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[child] = parent
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        in_class = isinstance(parents.get(node), ast.ClassDef)
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        for index, arg in enumerate(positional):
            if index == 0 and in_class and arg.arg in ("self", "cls"):
                continue
            if arg.annotation is None:
                problems.append(f"line {node.lineno}: {node.name}() parameter {arg.arg!r}")
        for arg in args.kwonlyargs:
            if arg.annotation is None:
                problems.append(f"line {node.lineno}: {node.name}() parameter {arg.arg!r}")
        for extra in (args.vararg, args.kwarg):
            if extra is not None and extra.annotation is None:
                problems.append(f"line {node.lineno}: {node.name}() parameter {extra.arg!r}")
        if node.returns is None and not _is_generator(node):
            problems.append(f"line {node.lineno}: {node.name}() has no return annotation")
    return problems


def _is_generator(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Generators may leave their return type to inference from their `yield`s."""
    return any(isinstance(n, ast.Yield | ast.YieldFrom) for n in ast.walk(node))


def _run(path: Path, hash_seed: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = hash_seed
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-I", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT_S,
        env=env,
        cwd=path.parent,
        check=False,
    )


def test_corpus_sizes() -> None:
    assert len(CASE_FILES) >= MIN_CASES, f"only {len(CASE_FILES)} golden cases"
    assert len(HELDOUT_FILES) >= MIN_HELDOUT, f"only {len(HELDOUT_FILES)} held-out modules"


def test_readmes_present() -> None:
    assert (CASES_DIR / "README.md").is_file()
    assert (HELDOUT_DIR / "README.md").is_file()


def test_heldout_is_disjoint_from_cases() -> None:
    case_names = {p.name for p in CASE_FILES}
    shared = sorted(p.name for p in HELDOUT_FILES if p.name in case_names)
    assert not shared, f"held-out files share names with cases: {shared}"

    def body(path: Path) -> str:
        return ast.dump(_parse(path))

    case_bodies = {body(p): p.name for p in CASE_FILES}
    copies = [
        f"{p.name} == {case_bodies[body(p)]}" for p in HELDOUT_FILES if body(p) in case_bodies
    ]
    assert not copies, f"held-out files identical to cases: {copies}"


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_category_prefix(path: Path) -> None:
    prefix = path.stem.split("_", 1)[0]
    assert prefix in CATEGORIES, f"{path.name}: unknown category prefix {prefix!r}"
    assert "_" in path.stem, f"{path.name}: name must be <category>_<topic>.py"


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_module_is_typed_with_main_block(path: Path) -> None:
    tree = _parse(path)
    problems = _missing_annotations(tree)
    assert not problems, f"{path.name}: missing annotations:\n" + "\n".join(problems)
    assert any(_is_main_guard(stmt) for stmt in tree.body), f"{path.name}: no __main__ block"


@pytest.mark.parametrize("path", ALL_FILES, ids=_id)
def test_module_runs_deterministically(path: Path) -> None:
    first = _run(path, HASH_SEEDS[0])
    assert first.returncode == 0, f"{path.name} exited {first.returncode}:\n{first.stderr}"
    assert first.stdout.strip(), f"{path.name} printed nothing"
    second = _run(path, HASH_SEEDS[1])
    assert second.returncode == 0, f"{path.name} exited {second.returncode}:\n{second.stderr}"
    assert first.stdout == second.stdout, f"{path.name}: output depends on PYTHONHASHSEED"
