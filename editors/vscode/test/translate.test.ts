import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { RUST_REWRITE_KIND, translateToRust } from '../src/translate';
import { recorded, reset, Uri, window } from './vscodeStub';

beforeEach(reset);

function editor(languageId: string, isEmpty: boolean) {
  return { document: { uri: Uri.file('/ws/shapes.py'), languageId }, selection: { isEmpty } };
}

test('at the cursor: the first Rust rewrite action is applied', async () => {
  window.activeTextEditor = editor('python', true);
  await translateToRust();
  assert.deepEqual(recorded.executed, [
    { command: 'editor.action.codeAction', args: [{ kind: RUST_REWRITE_KIND, apply: 'first' }] },
  ]);
});

test('with a selection: VS Code offers the choices', async () => {
  window.activeTextEditor = editor('python', false);
  await translateToRust();
  assert.deepEqual(recorded.executed[0].args, [
    { kind: 'refactor.rewrite.rust', apply: 'ifSingle' },
  ]);
});

test('outside Python files: a warning, no action', async () => {
  window.activeTextEditor = editor('rust', true);
  await translateToRust();
  window.activeTextEditor = undefined;
  await translateToRust();
  assert.deepEqual(recorded.executed, []);
  assert.equal(recorded.messages.length, 2);
  assert.match(recorded.messages[0].text, /open a Python file/);
});
