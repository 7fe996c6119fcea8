"""Developer tool: run the differential check over a corpus and summarise failures."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.transpiler.check import check_module


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=["tests/cases"])
    parser.add_argument("-v", action="store_true", help="show the first error of each failure")
    parser.add_argument("-j", type=int, default=2)
    args = parser.parse_args()
    files: list[Path] = []
    for p in map(Path, args.paths):
        files.extend(sorted(p.glob("*.py")) if p.is_dir() else [p])

    def run(path: Path) -> tuple[Path, object]:
        return path, check_module(path.read_text(), filename=path.name)

    ok = 0
    with ThreadPoolExecutor(args.j) as pool:
        for path, res in pool.map(run, files):
            good = res.matches  # type: ignore[attr-defined]
            ok += good
            if not good:
                stage = res.stage_failed  # type: ignore[attr-defined]
                t = res.translation  # type: ignore[attr-defined]
                line = f"FAIL {path.name}: stage={stage}"
                if t is not None:
                    line += f" status={t.status.value}"
                print(line)
                if args.v and t is not None:
                    for d in t.diagnostics[:3]:
                        print(f"    {d.range.line}: {d.code} {d.message[:160]}")
                    if stage == "run" or stage is None:
                        print("    " + res.diff[:400].replace("\n", "\n    "))  # type: ignore[attr-defined]
    print(f"{ok}/{len(files)} match")


if __name__ == "__main__":
    main()
