// The `portalis.*` settings the language server reads (docs/editors.md, "Settings").
// The server pulls them itself with `workspace/configuration`; they are also sent as
// initializationOptions so that the very first hover already uses them.
import * as vscode from 'vscode';

export const SECTION = 'portalis';

/** Keys of the settings the server understands, as users write them. */
export const SERVER_SETTING_KEYS = [
  'backend',
  'apiKey',
  'interactiveTimeoutMs',
  'outputDir',
  'verify',
  'diagnostics',
  'logLevel',
] as const;

/** Settings of the extension itself (how to start the server), never sent to it. */
export const CLIENT_SETTING_KEYS = ['server.path', 'server.args', 'trace.server'] as const;

export type ServerSettings = Record<(typeof SERVER_SETTING_KEYS)[number], unknown>;

/** The server's settings as the user configured them (unset keys keep the server's default). */
export function serverSettings(config: vscode.WorkspaceConfiguration): Partial<ServerSettings> {
  const settings: Partial<ServerSettings> = {};
  for (const key of SERVER_SETTING_KEYS) {
    const value = config.get(key);
    if (value !== undefined && value !== null) {
      settings[key] = value;
    }
  }
  return settings;
}

/** Does this configuration change require a new server process? */
export function needsRestart(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.server`);
}

/** Does this configuration change select another backend (the status bar must follow)? */
export function changesBackend(event: vscode.ConfigurationChangeEvent): boolean {
  return ['backend', 'apiKey', 'interactiveTimeoutMs'].some((key) =>
    event.affectsConfiguration(`${SECTION}.${key}`),
  );
}
