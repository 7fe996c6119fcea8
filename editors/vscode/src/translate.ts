// "Portalis: Translate to Rust": the server's code action, from the palette or a menu.
import * as vscode from 'vscode';

/** The code action kind of the server's translations (docs/editors.md). */
export const RUST_REWRITE_KIND = 'refactor.rewrite.rust';

/**
 * Without a selection, the first action is applied (the function or class at the cursor,
 * else the file); with a selection, VS Code lists them (selection, item, file) unless there
 * is only one.
 */
export async function translateToRust(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== 'python') {
    void vscode.window.showWarningMessage('Portalis: open a Python file first.');
    return;
  }
  await vscode.commands.executeCommand('editor.action.codeAction', {
    kind: RUST_REWRITE_KIND,
    apply: editor.selection.isEmpty ? 'first' : 'ifSingle',
  });
}
