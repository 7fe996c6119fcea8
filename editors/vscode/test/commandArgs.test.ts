import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as vscode from 'vscode';
import {
  CHECK_FILE,
  NoPythonFile,
  serverCommandArguments,
  SHOW_TRANSLATION,
  TRANSLATE_WORKSPACE,
} from '../src/commandArgs';

const SHAPES = vscode.Uri.file('/ws/shapes.py');
const ACTIVE_PYTHON = { uri: SHAPES, languageId: 'python' };

describe('serverCommandArguments', () => {
  test('file commands from the palette use the active Python editor', () => {
    for (const command of [SHOW_TRANSLATION, CHECK_FILE]) {
      assert.deepEqual(serverCommandArguments(command, [], ACTIVE_PYTHON), [
        'file:///ws/shapes.py',
      ]);
    }
  });

  test('file commands from a context menu use the clicked resource', () => {
    const other = vscode.Uri.file('/ws/pkg/other.py');
    assert.deepEqual(serverCommandArguments(CHECK_FILE, [other], ACTIVE_PYTHON), [
      'file:///ws/pkg/other.py',
    ]);
    assert.deepEqual(serverCommandArguments(SHOW_TRANSLATION, ['file:///x.py'], undefined), [
      'file:///x.py',
    ]);
  });

  test('file commands without a Python file say so', () => {
    const markdown = { uri: vscode.Uri.file('/ws/README.md'), languageId: 'markdown' };
    assert.throws(() => serverCommandArguments(SHOW_TRANSLATION, [], markdown), NoPythonFile);
    assert.throws(() => serverCommandArguments(CHECK_FILE, [], undefined), /open a Python file/);
  });

  test('translateWorkspace: a folder from the explorer, else the whole workspace', () => {
    const folder = vscode.Uri.file('/ws/pkg');
    assert.deepEqual(serverCommandArguments(TRANSLATE_WORKSPACE, [folder], ACTIVE_PYTHON), [
      'file:///ws/pkg',
    ]);
    assert.deepEqual(serverCommandArguments(TRANSLATE_WORKSPACE, [], ACTIVE_PYTHON), []);
  });

  test('other commands pass their arguments through', () => {
    assert.deepEqual(serverCommandArguments('portalis.backendStatus', [1, 'a'], undefined), [
      1,
      'a',
    ]);
  });
});
