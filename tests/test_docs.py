"""The docs stay honest: every rule code the engine emits is documented, and the README
opens with the two commands a newcomer runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _codes_in_source() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "backend").rglob("*.py"):
        codes.update(re.findall(r'"(PRT\d{3})"', path.read_text(encoding="utf-8")))
    return codes


def test_every_rule_code_is_documented() -> None:
    documented = set(
        re.findall(r"\| (PRT\d{3}) \|", (ROOT / "docs/supported-python.md").read_text())
    )
    missing = sorted(_codes_in_source() - documented)
    assert not missing, f"rule codes missing from docs/supported-python.md: {missing}"


def test_readme_opens_with_demo_and_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()[1:] if line]
    assert commands[:2] == ["make demo", "make test"]


def test_docs_links_resolve() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+\.md)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"
