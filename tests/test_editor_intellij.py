"""The LSP4IJ template (editors/intellij): its JSON files parse, the settings schema agrees
with the server's own validation, and the command line in template.json starts the real
server, which answers `initialize` over stdio and takes the template's settings.

IntelliJ itself cannot run headless on this machine; the test plays LSP4IJ's part: it
splits the command line, sends initializationOptions.json with `initialize`, and answers
`workspace/configuration` from settings.json, as LSP4IJ does."""

from __future__ import annotations

import json
import queue
import shlex
import subprocess
import threading
from dataclasses import fields
from pathlib import Path
from typing import IO, Any

import jsonschema
import pytest
from editor_support import EDITORS, editor_env, line_of, make_workspace, scratch_dir

from lsp_server.configuration import DEFAULTS, SETTINGS, parse_settings

pytestmark = pytest.mark.slow  # starts real processes (the language server)

TEMPLATE = EDITORS / "intellij"
FILES = ["template.json", "settings.json", "settings.schema.json", "initializationOptions.json"]
TIMEOUT_S = 180


def load(name: str) -> Any:
    return json.loads((TEMPLATE / name).read_text(encoding="utf-8"))


def schema_errors(settings: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(load("settings.schema.json"))
    return [error.message for error in validator.iter_errors({"portalis": settings})]


# --- the files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_template_file_is_json(name: str) -> None:
    assert isinstance(load(name), dict)


def test_template_describes_the_server_and_maps_python_files() -> None:
    template = load("template.json")
    assert template["id"] == "portalis"
    assert "portalis-lsp" in template["programArgs"]["default"]
    assert "portalis-lsp" in template["programArgs"]["windows"]
    (mapping,) = template["fileTypeMappings"]
    assert mapping["languageId"] == "python"
    assert "*.py" in mapping["fileType"]["patterns"]
    assert (TEMPLATE / "README.md").is_file()  # shown by LSP4IJ's help button


def test_schema_is_valid_and_accepts_the_default_settings() -> None:
    jsonschema.Draft7Validator.check_schema(load("settings.schema.json"))
    assert schema_errors(load("settings.json")["portalis"]) == []
    settings, problems = parse_settings(load("settings.json"))
    assert problems == []
    assert settings == DEFAULTS


def test_schema_covers_exactly_the_server_settings_with_its_defaults() -> None:
    properties = load("settings.schema.json")["properties"]["portalis"]["properties"]
    assert set(properties) == set(SETTINGS)
    defaults = {f.name: getattr(DEFAULTS, f.name) for f in fields(DEFAULTS)}
    for key, spec in properties.items():
        assert spec.get("markdownDescription"), f"{key} has no description"
        if "default" in spec:
            assert spec["default"] == defaults[SETTINGS[key][0]], key


@pytest.mark.parametrize(
    "settings",
    [
        {"backend": "ftp://host"},
        {"backend": "http://"},
        {"interactiveTimeoutMs": 10},
        {"interactiveTimeoutMs": "2000"},
        {"verify": "yes"},
        {"diagnostics": 1},
        {"logLevel": "loud"},
        {"outputDir": 3},
    ],
)
def test_schema_rejects_what_the_server_rejects(settings: dict[str, Any]) -> None:
    assert schema_errors(settings), f"the schema accepts {settings}"
    _, problems = parse_settings(settings)
    assert problems, f"the server accepts {settings}"


@pytest.mark.parametrize(
    "settings",
    [
        {"backend": "http://triton:8000", "apiKey": "k", "interactiveTimeoutMs": 500},
        {"backend": "grpc://triton:8001"},
        {"outputDir": "rust", "verify": False, "diagnostics": False, "logLevel": "debug"},
    ],
)
def test_schema_accepts_what_the_server_accepts(settings: dict[str, Any]) -> None:
    assert schema_errors(settings) == []
    assert parse_settings(settings)[1] == []


# --- the command line ---------------------------------------------------------------------


class StdioSession:
    """JSON-RPC over a process's stdio, answering the server's requests as LSP4IJ would."""

    def __init__(self, argv: list[str], cwd: Path, env: dict[str, str], settings: Any) -> None:
        self.settings = settings
        self.notifications: list[dict[str, Any]] = []
        self.answered: list[str] = []  # the methods of the server's requests
        self.proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._incoming: queue.Queue[dict[str, Any] | None] = queue.Queue()
        assert self.proc.stdout is not None
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()
        self._next_id = 0

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line or length is None:
                self._incoming.put(None)
                return
            self._incoming.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        while True:
            message = self._receive(method)
            if message.get("id") == self._next_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")

    def wait_for_notification(self, method: str) -> dict[str, Any]:
        """The first notification `method` (received already, or next)."""
        for message in self.notifications:
            if message["method"] == method:
                return message
        while True:
            message = self._receive(method)
            if message.get("method") == method and "id" not in message:
                return message

    def _receive(self, waiting_for: str) -> dict[str, Any]:
        """The next message; the server's requests are answered, notifications recorded."""
        message = self._incoming.get(timeout=TIMEOUT_S)
        assert message is not None, f"the server closed its output (waiting for {waiting_for})"
        if "method" in message and "id" in message:
            self.send({"id": message["id"], "result": self._answer(message)})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def _answer(self, request: dict[str, Any]) -> Any:
        self.answered.append(request["method"])
        if request["method"] == "workspace/configuration":
            sections = [item.get("section") for item in request["params"]["items"]]
            return [self.settings.get(section) for section in sections]
        return None  # registerCapability, workDoneProgress/create

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=TIMEOUT_S)


def test_the_template_command_starts_the_server_and_answers_initialize() -> None:
    argv = shlex.split(load("template.json")["programArgs"]["default"])
    with scratch_dir() as scratch:
        root = make_workspace(scratch)
        pyfile = root / "calc.py"
        session = StdioSession(argv, root, editor_env(scratch), load("settings.json"))
        try:
            result = session.request(
                "initialize",
                {
                    "processId": None,
                    "rootUri": root.as_uri(),
                    "capabilities": {"workspace": {"configuration": True}},
                    "initializationOptions": load("initializationOptions.json"),
                },
            )
            capabilities = result["capabilities"]
            assert capabilities["hoverProvider"]
            assert "refactor.rewrite.rust" in capabilities["codeActionProvider"]["codeActionKinds"]
            assert {
                "portalis.translateWorkspace",
                "portalis.showTranslation",
                "portalis.checkFile",
            } <= set(capabilities["executeCommandProvider"]["commands"])

            session.notify("initialized", {})
            document = {"uri": pyfile.as_uri(), "languageId": "python", "version": 1}
            session.notify(
                "textDocument/didOpen", {"textDocument": {**document, "text": pyfile.read_text()}}
            )
            position = {"line": line_of(pyfile, "def add"), "character": 4}
            hover = session.request(
                "textDocument/hover",
                {"textDocument": {"uri": pyfile.as_uri()}, "position": position},
            )
            assert "pub fn add(a: i64, b: i64) -> i64" in hover["contents"]["value"]
            # the whole-file diagnostics (on by default): once published, the server is idle
            published = session.wait_for_notification("textDocument/publishDiagnostics")
            assert published["params"]["uri"] == pyfile.as_uri()
            assert session.close() == 0
        finally:
            if session.proc.poll() is None:
                session.proc.kill()
                session.proc.wait()
        errors = [
            n
            for n in session.notifications
            if n["method"] == "window/showMessage" and n["params"]["type"] == 1
        ]
        assert "workspace/configuration" in session.answered
        assert errors == [], "the server rejected settings.json"
