"""Wires the features onto one `PortalisServer`."""

from __future__ import annotations

from lsp_server import backend_status, code_actions, commands, hover, settings_feature
from lsp_server.app import PortalisServer
from lsp_server.diagnostics import DiagnosticsFeature
from lsp_server.logging_setup import LSP_HANDLER


def create_server() -> PortalisServer:
    server = PortalisServer()
    diagnostics = DiagnosticsFeature(server)
    diagnostics.register()
    settings_feature.register(server, diagnostics)
    hover.register(server)
    code_actions.register(server)
    commands.register(server, diagnostics)
    backend_status.register(server)
    LSP_HANDLER.server = server
    return server
