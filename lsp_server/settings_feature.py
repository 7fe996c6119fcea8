"""Reading settings: initializationOptions first, then `workspace/configuration`
(section `portalis`) after `initialized` and on every `didChangeConfiguration`."""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types

from lsp_server import logging_setup
from lsp_server.app import PortalisServer
from lsp_server.configuration import SECTION, Settings, describe_changes, parse_settings
from lsp_server.diagnostics import DiagnosticsFeature

log = logging.getLogger(__name__)


def register(server: PortalisServer, diagnostics: DiagnosticsFeature) -> None:
    @server.feature(types.INITIALIZE)
    def on_initialize(ls: PortalisServer, params: types.InitializeParams) -> None:
        if params.initialization_options is not None:
            apply(ls, diagnostics, params.initialization_options, "initializationOptions")

    @server.feature(types.INITIALIZED)
    async def on_initialized(ls: PortalisServer, params: types.InitializedParams) -> None:
        await pull(ls, diagnostics)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def on_change(ls: PortalisServer, params: types.DidChangeConfigurationParams) -> None:
        if ls.client_supports("workspace", "configuration"):
            await pull(ls, diagnostics)
        elif isinstance(params.settings, dict) and SECTION in params.settings:
            apply(ls, diagnostics, params.settings[SECTION], "didChangeConfiguration")


async def pull(ls: PortalisServer, diagnostics: DiagnosticsFeature) -> None:
    if not ls.client_supports("workspace", "configuration"):
        return
    try:
        result = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
        )
    except Exception as exc:
        log.warning("could not read the client's settings: %s", exc)
        return
    raw = result[0] if result else None
    if raw is None:
        return  # the client has no Portalis settings: keep what we have
    apply(ls, diagnostics, raw, "workspace/configuration")


def apply(ls: PortalisServer, diagnostics: DiagnosticsFeature, raw: Any, origin: str) -> None:
    settings, problems = parse_settings(raw)
    for problem in problems:
        log.warning("invalid setting from %s: %s", origin, problem)
    if problems:
        ls.show(types.MessageType.Error, "Portalis: " + "; ".join(problems))
    changed = describe_changes(ls.settings, settings)
    if not changed:
        return
    previous: Settings = ls.settings
    ls.settings = settings
    ls.service.configure(settings)
    logging_setup.set_level(settings.log_level)
    log.info("settings changed (%s): %s", origin, ", ".join(changed))
    if {"verify", "diagnostics", "backend"} & set(changed) and previous is not settings:
        diagnostics.refresh_all()
