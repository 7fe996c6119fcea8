// Starts, stops and restarts the language client, and keeps the status bar item current.
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { NoPythonFile, serverCommandArguments } from './commandArgs';
import { findServer, type ServerLaunch } from './launcher';
import { pythonCandidates } from './pythonInterpreter';
import { SECTION, serverSettings } from './serverSettings';
import {
  BACKEND_STATUS_COMMAND,
  BACKEND_STATUS_NOTIFICATION,
  type BackendStatus,
  isBackendStatus,
  StatusBar,
  statusFor,
} from './status';

const CLIENT_ID = 'portalis';
const CLIENT_NAME = 'Portalis';
/** Context key for `when` clauses: the server's commands only work while it runs. */
const RUNNING_CONTEXT = 'portalis.serverRunning';
const INSTALL_CHOICE = 'How to Install';
const SETTINGS_CHOICE = 'Open Settings';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    private readonly statusBar: StatusBar,
  ) {}

  async start(): Promise<void> {
    this.statusBar.show({ kind: 'starting' });
    const launch = await this.findLaunch();
    if (launch === undefined) {
      return;
    }
    this.output.info(`starting ${launch.command} ${launch.args.join(' ')} (from ${launch.origin})`);
    const client = new LanguageClient(
      CLIENT_ID,
      CLIENT_NAME,
      serverOptions(launch),
      this.clientOptions(),
    );
    this.client = client;
    this.subscriptions.push(
      client.onDidChangeState(({ newState }) => this.onStateChange(newState)),
      client.onNotification(BACKEND_STATUS_NOTIFICATION, (status: unknown) => {
        if (isBackendStatus(status)) {
          this.statusBar.show({ kind: 'running', status });
        }
      }),
    );
    try {
      await client.start();
    } catch (error) {
      this.statusBar.show({ kind: 'stopped', reason: String(error) });
      void vscode.window.showErrorMessage(`Portalis: the language server did not start: ${error}`);
      return;
    }
    await this.refreshStatus();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
    await setRunning(false);
    if (client !== undefined && client.state !== State.Stopped) {
      await client.stop();
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Show the server's backend status; with `expectedBackend`, once the server uses it. */
  async refreshStatus(expectedBackend?: string): Promise<void> {
    const status = await statusFor(() => this.queryStatus(), expectedBackend);
    if (this.client?.isRunning()) {
      this.statusBar.show({ kind: 'running', status });
    }
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    void this.stop();
  }

  private async findLaunch(): Promise<ServerLaunch | undefined> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const result = await findServer({
      serverPath: config.get<string | null>('server.path') ?? null,
      serverArgs: config.get<string[]>('server.args') ?? [],
      pythonCandidates: await pythonCandidates(folder),
      workspaceFolder: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    });
    if (result.found) {
      return result.launch;
    }
    this.output.error(`cannot start the language server: ${result.reason}`);
    this.statusBar.show({ kind: 'stopped', reason: result.reason });
    void this.explainMissingServer(result.reason);
    return undefined;
  }

  private async explainMissingServer(reason: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `Portalis: cannot start the language server. ${reason} ` +
        'Install Portalis in your project\'s environment, or set "portalis.server.path".',
      INSTALL_CHOICE,
      SETTINGS_CHOICE,
    );
    if (choice === INSTALL_CHOICE) {
      await vscode.commands.executeCommand('markdown.showPreview', await this.readme());
    } else if (choice === SETTINGS_CHOICE) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'portalis.server');
    }
  }

  /** The extension's README, which explains the install (the .vsix stores it lower-case). */
  private async readme(): Promise<vscode.Uri> {
    for (const name of ['readme.md', 'README.md']) {
      const uri = vscode.Uri.joinPath(this.extensionUri, name);
      try {
        await vscode.workspace.fs.stat(uri);
        return uri;
      } catch {
        // not under this name
      }
    }
    return vscode.Uri.joinPath(this.extensionUri, 'README.md');
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: [
        { scheme: 'file', language: 'python' },
        { scheme: 'untitled', language: 'python' },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.output,
      initializationOptions: () => serverSettings(vscode.workspace.getConfiguration(SECTION)),
      synchronize: { configurationSection: SECTION },
      middleware: {
        executeCommand: async (command, args, next) => {
          try {
            return await next(command, serverCommandArguments(command, args, activeDocument()));
          } catch (error) {
            if (error instanceof NoPythonFile) {
              void vscode.window.showWarningMessage(error.message);
              return undefined;
            }
            throw error;
          }
        },
      },
    };
  }

  private async queryStatus(): Promise<BackendStatus | undefined> {
    const client = this.client;
    if (client === undefined || !client.isRunning()) {
      return undefined;
    }
    try {
      const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
        command: BACKEND_STATUS_COMMAND,
      });
      return isBackendStatus(answer) ? answer : undefined;
    } catch (error) {
      this.output.warn(`no backend status from the server: ${error}`);
      return undefined;
    }
  }

  private onStateChange(state: State): void {
    const running = state === State.Running;
    void setRunning(running);
    if (state === State.Stopped) {
      this.statusBar.show({ kind: 'stopped', reason: 'See the Portalis output for why.' });
    } else if (state === State.Starting) {
      this.statusBar.show({ kind: 'starting' });
    }
  }
}

function serverOptions(launch: ServerLaunch): ServerOptions {
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri;
  return {
    command: launch.command,
    args: launch.args,
    transport: TransportKind.stdio,
    options: cwd?.scheme === 'file' ? { cwd: cwd.fsPath } : undefined,
  };
}

function activeDocument(): { uri: vscode.Uri; languageId: string } | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && { uri: document.uri, languageId: document.languageId };
}

async function setRunning(running: boolean): Promise<void> {
  await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, running);
}
