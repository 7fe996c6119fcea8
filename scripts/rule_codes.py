"""List every diagnostic rule code the engine can emit, with the messages that use it.

`python scripts/rule_codes.py` prints a Markdown table; docs/supported-python.md carries it
(tests/test_docs.py checks that no code is missing from the docs).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r'"(PRT\d{3})"')
MESSAGE = re.compile(r'(?:Unsupported|fail|diagnose|placeholder)\([^"]*?f?"([^"]+)"')


def collect() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((ROOT / "backend").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for line_no, line in enumerate(text.splitlines(), 1):
            for code in CODE.findall(line):
                window = "\n".join(text.splitlines()[max(0, line_no - 4) : line_no])
                messages = MESSAGE.findall(window)
                found[code].add(messages[-1] if messages else "")
    return found


def main() -> None:
    codes = collect()
    sys.stdout.write("| code | what it reports |\n|---|---|\n")
    for code in sorted(codes):
        texts = sorted(t for t in codes[code] if t)
        sys.stdout.write(f"| {code} | {'; '.join(texts[:3])} |\n")


if __name__ == "__main__":
    main()
