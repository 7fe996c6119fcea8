// Arguments for the server's commands, whichever way they were invoked: from the command
// palette (no arguments: use the active editor), from an editor or explorer context menu
// (a vscode.Uri), or programmatically (a URI string, passed through).
import * as vscode from 'vscode';

export const TRANSLATE_WORKSPACE = 'portalis.translateWorkspace';
export const SHOW_TRANSLATION = 'portalis.showTranslation';
export const CHECK_FILE = 'portalis.checkFile';
const FILE_COMMANDS: ReadonlySet<string> = new Set([SHOW_TRANSLATION, CHECK_FILE]);

export class NoPythonFile extends Error {}

export interface ActiveDocument {
  uri: vscode.Uri;
  languageId: string;
}

export function serverCommandArguments(
  command: string,
  args: unknown[],
  active: ActiveDocument | undefined,
): unknown[] {
  const first = args[0];
  if (command === TRANSLATE_WORKSPACE) {
    // a folder from the explorer, or nothing: the whole workspace
    return first instanceof vscode.Uri
      ? [first.toString()]
      : typeof first === 'string'
        ? [first]
        : [];
  }
  if (!FILE_COMMANDS.has(command)) {
    return args;
  }
  if (first instanceof vscode.Uri) {
    return [first.toString()];
  }
  if (typeof first === 'string') {
    return [first];
  }
  if (active !== undefined && active.languageId === 'python') {
    return [active.uri.toString()];
  }
  throw new NoPythonFile('Portalis: open a Python file first.');
}
