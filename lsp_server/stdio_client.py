"""A minimal LSP client over stdio, used by `examples/lsp_demo.py` and
`benchmarks/lsp_latency.py` (not by editors). It starts `python -m lsp_server`, speaks
JSON-RPC with Content-Length framing, answers the server's requests
(`workspace/configuration`, `window/workDoneProgress/create`) and records its messages."""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any


class StdioClient:
    def __init__(self, root: Path, settings: dict[str, Any] | None = None) -> None:
        self.root = root
        self.settings = settings or {}
        self.messages: list[dict[str, Any]] = []
        self._ids = itertools.count(1)
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lsp_server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # --- transport ----------------------------------------------------------------------

    def _send(self, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode("utf-8")
        assert self.proc.stdin is not None
        with self._lock:
            self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            self.proc.stdin.flush()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:
                self._answer(message)
            elif "id" in message:
                self._responses.setdefault(message["id"], queue.Queue()).put(message)
            else:
                self.messages.append(message)

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.settings for _ in message["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    # --- API ----------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 120.0) -> Any:
        msg_id = next(self._ids)
        box = self._responses.setdefault(msg_id, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        response = box.get(timeout=timeout)
        del self._responses[msg_id]
        if "error" in response:
            raise RuntimeError(f"{method}: {response['error']}")
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def initialize(self) -> None:
        caps = {
            "textDocument": {
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "codeAction": {
                    "dataSupport": True,
                    "resolveSupport": {"properties": ["edit"]},
                    "codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["refactor", "refactor.rewrite"]}
                    },
                },
            },
            "workspace": {
                "configuration": True,
                "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create"]},
            },
        }
        self.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": self.root.as_uri(), "capabilities": caps},
        )
        self.notify("initialized", {})

    def open(self, path: Path, text: str | None = None, version: int = 1) -> str:
        uri = path.resolve().as_uri()
        content = path.read_text(encoding="utf-8") if text is None else text
        item = {"uri": uri, "languageId": "python", "version": version, "text": content}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def hover(self, uri: str, line: int, character: int = 4) -> str | None:
        params = {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        result = self.request("textDocument/hover", params)
        return None if result is None else str(result["contents"]["value"])

    def code_actions(self, uri: str, line: int) -> list[dict[str, Any]]:
        pos = {"line": line, "character": 0}
        params = {
            "textDocument": {"uri": uri},
            "range": {"start": pos, "end": pos},
            "context": {"diagnostics": []},
        }
        return list(self.request("textDocument/codeAction", params) or [])

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


def apply_workspace_edit(edit: dict[str, Any]) -> list[Path]:
    """Apply a WorkspaceEdit to disk (ASCII text: UTF-16 columns are code points)."""
    touched: list[Path] = []
    for change in edit.get("documentChanges", []):
        if change.get("kind") == "create":
            path = Path(change["uri"].removeprefix("file://"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)
            continue
        path = Path(change["textDocument"]["uri"].removeprefix("file://"))
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        for text_edit in sorted(
            change["edits"],
            key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
            reverse=True,
        ):
            text = _splice(text, text_edit)
        path.write_text(text, encoding="utf-8")
        touched.append(path)
    return touched


def _splice(text: str, edit: dict[str, Any]) -> str:
    def offset(pos: dict[str, int]) -> int:
        lines = text.split("\n")
        if pos["line"] >= len(lines):
            return len(text)
        return sum(len(line) + 1 for line in lines[: pos["line"]]) + pos["character"]

    start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:start] + str(edit["newText"]) + text[end:]
