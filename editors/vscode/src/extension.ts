// The Portalis extension: starts the Portalis language server for Python files and adds the
// commands, context menu entries and status bar item around it.
import * as vscode from 'vscode';
import { ServerController } from './serverController';
import { changesBackend, needsRestart, SECTION } from './serverSettings';
import { SHOW_OUTPUT_COMMAND, StatusBar } from './status';
import { translateToRust } from './translate';

export const TRANSLATE_TO_RUST = 'portalis.translateToRust';
export const RESTART_SERVER = 'portalis.restartServer';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Portalis', { log: true });
  const statusBar = new StatusBar();
  const server = new ServerController(context.extensionUri, output, statusBar);
  controller = server;
  context.subscriptions.push(
    output,
    statusBar,
    server,
    vscode.commands.registerCommand(TRANSLATE_TO_RUST, translateToRust),
    vscode.commands.registerCommand(RESTART_SERVER, () => server.restart()),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => server.showOutput()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (needsRestart(event)) {
        void server.restart();
      } else if (changesBackend(event)) {
        const backend = vscode.workspace.getConfiguration(SECTION).get<string>('backend');
        void server.refreshStatus(backend);
      }
    }),
  );
  await server.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
