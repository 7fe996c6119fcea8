// Finds the language server to start: `portalis.server.path`, else `python -m lsp_server`
// with the workspace's Python interpreter, else `portalis-lsp` on PATH.
import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';

export const SERVER_EXECUTABLE = 'portalis-lsp';
/** Importing this proves the interpreter has Portalis's server, not another `lsp_server`. */
const SERVER_MODULE_PROBE = 'import lsp_server.__main__, backend.backends';
const PROBE_TIMEOUT_MS = 30_000;

export interface ServerLaunch {
  command: string;
  args: string[];
  /** Where the command came from, for the output channel and error messages. */
  origin: string;
}

export type LaunchResult = { found: true; launch: ServerLaunch } | { found: false; reason: string };

export interface LaunchSettings {
  /** `portalis.server.path`; null when unset. */
  serverPath: string | null;
  /** `portalis.server.args`. */
  serverArgs: string[];
  /** Interpreters that may have Portalis installed, best first (paths or bare names). */
  pythonCandidates: string[];
  /** The first workspace folder: relative paths and `${workspaceFolder}` resolve against it. */
  workspaceFolder: string | undefined;
}

/** What `findServer` asks of the machine (replaced in unit tests that need no processes). */
export interface LaunchProbe {
  isExecutable(file: string): Promise<boolean>;
  which(name: string): Promise<string | undefined>;
  pythonHasServer(python: string): Promise<boolean>;
}

export async function findServer(
  settings: LaunchSettings,
  probe: LaunchProbe = nodeProbe,
): Promise<LaunchResult> {
  if (settings.serverPath) {
    const file = expandPath(settings.serverPath, settings.workspaceFolder);
    if (await probe.isExecutable(file)) {
      return found(file, settings.serverArgs, 'the portalis.server.path setting');
    }
    return {
      found: false,
      reason: `portalis.server.path is ${JSON.stringify(settings.serverPath)}, which is not an executable file.`,
    };
  }
  const tried: string[] = [];
  for (const candidate of unique(settings.pythonCandidates)) {
    const python = await resolveCommand(expandPath(candidate, settings.workspaceFolder), probe);
    if (python === undefined) {
      continue;
    }
    tried.push(python);
    if (await probe.pythonHasServer(python)) {
      return found(
        python,
        ['-m', 'lsp_server', ...settings.serverArgs],
        `the interpreter ${python}`,
      );
    }
  }
  const onPath = await probe.which(SERVER_EXECUTABLE);
  if (onPath !== undefined) {
    return found(onPath, settings.serverArgs, `${SERVER_EXECUTABLE} on PATH`);
  }
  const interpreters = tried.length ? `: tried ${tried.join(', ')}` : ' was found';
  return {
    found: false,
    reason:
      `No Python interpreter with Portalis installed${interpreters}, ` +
      `and ${SERVER_EXECUTABLE} is not on PATH.`,
  };
}

function found(command: string, args: string[], origin: string): LaunchResult {
  return { found: true, launch: { command, args, origin } };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}

/** `~`, `${workspaceFolder}` and workspace-relative paths; bare command names are kept. */
export function expandPath(value: string, workspaceFolder: string | undefined): string {
  let expanded = value.trim();
  if (workspaceFolder !== undefined) {
    expanded = expanded.replaceAll('${workspaceFolder}', workspaceFolder);
  }
  if (expanded === '~' || expanded.startsWith('~/')) {
    expanded = path.join(homedir(), expanded.slice(1));
  }
  const isBareName = !expanded.includes('/') && !expanded.includes('\\');
  if (isBareName || path.isAbsolute(expanded) || workspaceFolder === undefined) {
    return expanded;
  }
  return path.resolve(workspaceFolder, expanded);
}

async function resolveCommand(command: string, probe: LaunchProbe): Promise<string | undefined> {
  if (path.isAbsolute(command)) {
    return (await probe.isExecutable(command)) ? command : undefined;
  }
  return probe.which(command);
}

export const nodeProbe: LaunchProbe = {
  async isExecutable(file: string): Promise<boolean> {
    try {
      const info = await stat(file);
      if (!info.isFile()) {
        return false;
      }
      await access(file, process.platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  },

  async which(name: string): Promise<string | undefined> {
    const extensions = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      for (const extension of extensions) {
        const file = path.join(dir, name + extension);
        if (dir && (await nodeProbe.isExecutable(file))) {
          return file;
        }
      }
    }
    return undefined;
  },

  pythonHasServer(python: string): Promise<boolean> {
    return new Promise((resolve) => {
      execFile(python, ['-c', SERVER_MODULE_PROBE], { timeout: PROBE_TIMEOUT_MS }, (error) =>
        resolve(error === null),
      );
    });
  },
};
