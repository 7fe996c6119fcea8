"""`make demo`, editor part: a scripted LSP session over stdio against examples/demo.py.

Starts `portalis-lsp` (as `python -m lsp_server`), hovers every function, prints the hover
Markdown, runs "Translate `low_stock` to Rust" through codeAction/resolve, applies the edit
in a scratch copy and prints the created .rs file. No editor needed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lsp_server.stdio_client import StdioClient, apply_workspace_edit  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="portalis-lsp-demo-") as tmp:
        workdir = Path(tmp)
        module = workdir / "demo.py"
        shutil.copy(ROOT / "examples" / "demo.py", module)
        client = StdioClient(workdir, settings={"diagnostics": False})
        try:
            client.initialize()
            uri = client.open(module)
            lines = module.read_text().splitlines()
            for index, line in enumerate(lines):
                if line.startswith(("def ", "class ")):
                    name = line.split()[1].split("(")[0].rstrip(":")
                    print(f"== hover on `{name}` (line {index + 1})")
                    print(client.hover(uri, index, 5) or "(no hover)")
                    print()
            target = next(i for i, line in enumerate(lines) if line.startswith("def low_stock"))
            actions = client.code_actions(uri, target)
            action = actions[0]
            print(f"== code action: {action['title']}  [{action['kind']}]")
            resolved = client.request("codeAction/resolve", action)
            if not resolved.get("edit"):
                print("(no edit: the translation failed; see the hover above)")
                return 1
            for path in apply_workspace_edit(resolved["edit"]):
                print(f"== created {path.name}:")
                print(path.read_text())
        finally:
            client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
