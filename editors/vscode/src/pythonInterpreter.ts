// Interpreters that may have Portalis installed for this workspace, best first.
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The part of the Python extension's API used here (ms-python.python, 2023+). */
interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } | undefined;
  };
}

const PYTHON_EXTENSION = 'ms-python.python';
/** `python.defaultInterpreterPath`'s default: says nothing about this workspace. */
const DEFAULT_INTERPRETER = 'python';

export async function pythonCandidates(
  folder: vscode.WorkspaceFolder | undefined,
): Promise<string[]> {
  const candidates: string[] = [];
  const selected = await pythonExtensionInterpreter(folder?.uri);
  if (selected !== undefined) {
    candidates.push(selected);
  }
  const configured = vscode.workspace
    .getConfiguration('python', folder?.uri)
    .get<string>('defaultInterpreterPath');
  if (configured && configured !== DEFAULT_INTERPRETER) {
    candidates.push(configured);
  }
  if (folder !== undefined && folder.uri.scheme === 'file') {
    candidates.push(...virtualEnvironments(folder.uri.fsPath));
  }
  candidates.push(process.platform === 'win32' ? 'python' : 'python3');
  return candidates;
}

/** `.venv` and `venv` in the workspace folder (the names `python -m venv` users pick). */
export function virtualEnvironments(folder: string): string[] {
  const executable =
    process.platform === 'win32' ? path.join('Scripts', 'python.exe') : path.join('bin', 'python');
  return ['.venv', 'venv'].map((name) => path.join(folder, name, executable));
}

async function pythonExtensionInterpreter(
  resource: vscode.Uri | undefined,
): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (extension === undefined) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    return api?.environments?.getActiveEnvironmentPath(resource)?.path;
  } catch {
    return undefined; // an older or broken Python extension: use the other candidates
  }
}
