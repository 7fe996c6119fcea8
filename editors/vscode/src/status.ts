// The status bar item: which backend translates, and whether it is healthy.
//
// The server answers `portalis.backendStatus` with {backend, state, detail} and sends the
// same object as a `portalis/backendStatus` notification whenever a remote backend goes down
// (state `fallback`: the embedded engine answers instead) or comes back (`ok`).
import * as vscode from 'vscode';

export const BACKEND_STATUS_COMMAND = 'portalis.backendStatus';
export const BACKEND_STATUS_NOTIFICATION = 'portalis/backendStatus';
export const SHOW_OUTPUT_COMMAND = 'portalis.showOutput';

export interface BackendStatus {
  /** The `backend` setting in force: `embedded`, `http(s)://…` or `grpc://…`. */
  backend: string;
  state: 'ok' | 'fallback';
  /** One sentence for people. */
  detail: string;
}

export type StatusView =
  | { kind: 'starting' }
  | { kind: 'running'; status: BackendStatus | undefined }
  | { kind: 'stopped'; reason: string };

export interface Presentation {
  text: string;
  tooltip: string;
  level: 'normal' | 'warning' | 'error';
}

export function isBackendStatus(value: unknown): value is BackendStatus {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { backend, state, detail } = value as Record<string, unknown>;
  return (
    typeof backend === 'string' &&
    (state === 'ok' || state === 'fallback') &&
    typeof detail === 'string'
  );
}

/** A short name for a backend setting: `embedded`, `host:port`, `host:port (gRPC)`. */
export function backendLabel(backend: string): string {
  if (backend === 'embedded') {
    return 'embedded';
  }
  try {
    const url = new URL(backend);
    return url.protocol.startsWith('grpc') ? `${url.host} (gRPC)` : url.host;
  } catch {
    return backend;
  }
}

export function present(view: StatusView): Presentation {
  switch (view.kind) {
    case 'starting':
      return {
        text: '$(sync~spin) Portalis',
        tooltip: 'Portalis: starting the language server…',
        level: 'normal',
      };
    case 'stopped':
      return {
        text: '$(error) Portalis: not running',
        tooltip: `Portalis: the language server is not running. ${view.reason}`,
        level: 'error',
      };
    case 'running': {
      const status = view.status;
      if (status === undefined) {
        return { text: '$(check) Portalis', tooltip: 'Portalis: running', level: 'normal' };
      }
      const label = backendLabel(status.backend);
      if (status.state === 'fallback') {
        return {
          text: `$(warning) Portalis: embedded (${label} down)`,
          tooltip: `Portalis: ${status.detail}`,
          level: 'warning',
        };
      }
      const icon = status.backend === 'embedded' ? '$(check)' : '$(cloud)';
      return {
        text: `${icon} Portalis: ${label}`,
        tooltip: `Portalis: ${status.detail}`,
        level: 'normal',
      };
    }
  }
}

const BACKGROUNDS: Record<Presentation['level'], string | undefined> = {
  normal: undefined,
  warning: 'statusBarItem.warningBackground',
  error: 'statusBarItem.errorBackground',
};

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem(
      'portalis.status',
      vscode.StatusBarAlignment.Right,
      100,
    );
    this.item.name = 'Portalis';
    this.item.command = SHOW_OUTPUT_COMMAND;
    this.show({ kind: 'starting' });
    this.item.show();
  }

  show(view: StatusView): void {
    const { text, tooltip, level } = present(view);
    this.item.text = text;
    this.item.tooltip = `${tooltip}\n\nClick to show the server output.`;
    const background = BACKGROUNDS[level];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

export interface WaitOptions {
  attempts: number;
  delayMs: number;
}

/**
 * Asks for the status until the server reports `expectedBackend` (it applies a settings
 * change asynchronously, after pulling the new settings), then returns that status. Returns
 * the last answer when the server never catches up, undefined when it cannot answer.
 */
export async function statusFor(
  query: () => Promise<BackendStatus | undefined>,
  expectedBackend: string | undefined,
  { attempts, delayMs }: WaitOptions = { attempts: 20, delayMs: 250 },
): Promise<BackendStatus | undefined> {
  let status: BackendStatus | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    status = await query();
    if (
      status === undefined ||
      expectedBackend === undefined ||
      status.backend === expectedBackend
    ) {
      return status;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return status;
}
