// The parts of the `vscode` API the extension's modules use, recording what they are asked
// to do. `reset()` between tests.
import * as path from 'node:path';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}

  static file(fsPath: string): Uri {
    return new Uri('file', path.resolve(fsPath));
  }

  static parse(value: string): Uri {
    const match = /^([a-z][a-z0-9+.-]*):(?:\/\/)?(.*)$/i.exec(value);
    if (match === null) {
      throw new Error(`not a URI: ${value}`);
    }
    return new Uri(match[1], match[1] === 'file' ? match[2] : match[2]);
  }

  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...segments));
  }

  get fsPath(): string {
    return this.path;
  }

  toString(): string {
    return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`;
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class StatusBarItem {
  text = '';
  tooltip: string | undefined;
  command: string | undefined;
  name: string | undefined;
  backgroundColor: ThemeColor | undefined;
  visible = false;
  disposed = false;

  constructor(
    readonly id: string,
    readonly alignment: StatusBarAlignment,
    readonly priority: number,
  ) {}

  show(): void {
    this.visible = true;
  }

  dispose(): void {
    this.disposed = true;
  }
}

export interface Selection {
  isEmpty: boolean;
}

export interface TextEditor {
  document: { uri: Uri; languageId: string };
  selection: Selection;
}

interface FakeExtension {
  isActive: boolean;
  exports: unknown;
  activate(): Promise<unknown>;
}

/** What the code under test did, and what the fake VS Code will answer. */
export const recorded = {
  messages: [] as { level: 'error' | 'warning' | 'info'; text: string; choices: string[] }[],
  executed: [] as { command: string; args: unknown[] }[],
  statusBarItems: [] as StatusBarItem[],
  /** settings by section, then key (dotted keys as in settings.json) */
  settings: {} as Record<string, Record<string, unknown>>,
  extensions: {} as Record<string, FakeExtension>,
};

export function reset(): void {
  recorded.messages = [];
  recorded.executed = [];
  recorded.statusBarItems = [];
  recorded.settings = {};
  recorded.extensions = {};
  window.activeTextEditor = undefined;
}

function message(level: 'error' | 'warning' | 'info') {
  return async (text: string, ...choices: string[]): Promise<string | undefined> => {
    recorded.messages.push({ level, text, choices });
    return undefined;
  };
}

export const window = {
  activeTextEditor: undefined as TextEditor | undefined,
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority: number): StatusBarItem {
    const item = new StatusBarItem(id, alignment, priority);
    recorded.statusBarItems.push(item);
    return item;
  },
  showErrorMessage: message('error'),
  showWarningMessage: message('warning'),
  showInformationMessage: message('info'),
};

export const commands = {
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    recorded.executed.push({ command, args });
    return undefined;
  },
};

export const workspace = {
  getConfiguration(section: string) {
    const values = recorded.settings[section] ?? {};
    return {
      get<T>(key: string, defaultValue?: T): T | undefined {
        return key in values ? (values[key] as T) : defaultValue;
      },
    };
  },
};

export const extensions = {
  getExtension(id: string): FakeExtension | undefined {
    return recorded.extensions[id];
  },
};
