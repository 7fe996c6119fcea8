"""Logging: to the client (`window/logMessage`) and optionally to a file.

User source code never appears at info level: Portalis' own loggers log names, sizes and
timings only, and pygls' transport logger (which prints whole messages at info) is kept at
warning unless the level is debug.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

OUR_LOGGERS = ("lsp_server", "backend.backends")
TRANSPORT_LOGGERS = ("pygls",)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_MESSAGE_TYPES = {
    logging.ERROR: types.MessageType.Error,
    logging.WARNING: types.MessageType.Warning,
    logging.INFO: types.MessageType.Info,
    logging.DEBUG: types.MessageType.Log,
}


class LspLogHandler(logging.Handler):
    """Sends records to the client as `window/logMessage` once the server is connected."""

    def __init__(self) -> None:
        super().__init__()
        self.server: LanguageServer | None = None
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        server = self.server
        if server is None or server.protocol.writer is None:
            return
        try:
            kind = _MESSAGE_TYPES.get(record.levelno, types.MessageType.Log)
            server.window_log_message(types.LogMessageParams(kind, self.format(record)))
        except Exception:  # logging must never take the server down
            self.handleError(record)


LSP_HANDLER = LspLogHandler()
_started_level = "info"


def configure(level: str = "info", log_file: Path | None = None) -> None:
    """Install the handlers once; call `set_level` to change the level later."""
    for name in OUR_LOGGERS:
        logger = logging.getLogger(name)
        logger.propagate = True
        if LSP_HANDLER not in logger.handlers:
            logger.addHandler(LSP_HANDLER)
    root = logging.getLogger()
    if log_file is not None:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    # Nothing may write to stdout: it carries the protocol.
    global _started_level
    _started_level = level
    set_level(level)


def set_level(level: str | None) -> None:
    """Set the level; None goes back to the level given on the command line."""
    level = level or _started_level
    number = int(logging.getLevelName(level.upper()))
    for name in OUR_LOGGERS:
        logging.getLogger(name).setLevel(number)
    logging.getLogger().setLevel(number)
    transport = logging.DEBUG if number <= logging.DEBUG else logging.WARNING
    for name in TRANSPORT_LOGGERS:
        logging.getLogger(name).setLevel(transport)
