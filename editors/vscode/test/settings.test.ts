// The settings, commands and menus that package.json contributes, and the settings sent to
// the server. (tests/test_editor_vscode.py checks the same keys against the server's own
// settings table.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { pythonCandidates, virtualEnvironments } from '../src/pythonInterpreter';
import { CLIENT_SETTING_KEYS, SERVER_SETTING_KEYS, serverSettings } from '../src/serverSettings';
import * as vscode from 'vscode';
import { recorded, reset, Uri } from './vscodeStub';

const manifest = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'),
);
const properties: Record<string, Record<string, unknown>> = manifest.contributes.configuration
  .properties;

beforeEach(reset);

describe('package.json', () => {
  test('contributes every server setting and the client settings, nothing else', () => {
    const expected = [...SERVER_SETTING_KEYS, ...CLIENT_SETTING_KEYS].map(
      (key) => `portalis.${key}`,
    );
    assert.deepEqual(Object.keys(properties).sort(), expected.sort());
  });

  test('every setting is typed, has a default and a description', () => {
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok(schema.type, `${key} has no type`);
      assert.ok('default' in schema, `${key} has no default`);
      const description = String(schema.markdownDescription ?? schema.description ?? '');
      assert.ok(description.length > 20, `${key} has no description`);
    }
  });

  test('the commands are in the palette and in the editor context menu', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command);
    const wanted = [
      'portalis.translateToRust',
      'portalis.translateWorkspace',
      'portalis.showTranslation',
      'portalis.checkFile',
      'portalis.restartServer',
    ];
    for (const command of wanted) {
      assert.ok(contributed.includes(command), `${command} is not contributed`);
    }
    const inContextMenu = manifest.contributes.menus['portalis.editorContext'].map(
      (entry: { command: string }) => entry.command,
    );
    assert.deepEqual(
      wanted.filter((command) => !inContextMenu.includes(command)),
      [],
    );
    const [submenu] = manifest.contributes.menus['editor/context'];
    assert.deepEqual(submenu, {
      submenu: 'portalis.editorContext',
      when: 'editorLangId == python',
      group: '1_modification@100',
    });
    // hidden from the palette only while they cannot work
    const hidden = manifest.contributes.menus.commandPalette.map(
      (entry: { command: string }) => entry.command,
    );
    assert.ok(!hidden.includes('portalis.restartServer'));
  });

  test('activates on Python files and ships the bundle', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:python']);
    assert.equal(manifest.main, './dist/extension.js');
  });
});

describe('serverSettings', () => {
  test('sends the server settings the user set, never the client ones', () => {
    recorded.settings.portalis = {
      backend: 'http://triton:8000',
      apiKey: null,
      verify: false,
      interactiveTimeoutMs: 500,
      'server.path': '/opt/portalis-lsp',
      'trace.server': 'verbose',
    };
    assert.deepEqual(serverSettings(vscode.workspace.getConfiguration('portalis')), {
      backend: 'http://triton:8000',
      verify: false,
      interactiveTimeoutMs: 500,
    });
  });
});

describe('pythonCandidates', () => {
  const folder = {
    uri: Uri.file('/ws'),
    name: 'ws',
    index: 0,
  } as unknown as vscode.WorkspaceFolder;

  test("the Python extension's interpreter, then the setting, then the venvs, then python3", async () => {
    recorded.extensions['ms-python.python'] = {
      isActive: true,
      exports: {
        environments: { getActiveEnvironmentPath: () => ({ path: '/envs/selected/bin/python' }) },
      },
      activate: async () => undefined,
    };
    recorded.settings.python = { defaultInterpreterPath: '/opt/py/bin/python' };
    assert.deepEqual(await pythonCandidates(folder), [
      '/envs/selected/bin/python',
      '/opt/py/bin/python',
      ...virtualEnvironments('/ws'),
      'python3',
    ]);
    assert.deepEqual(virtualEnvironments('/ws'), ['/ws/.venv/bin/python', '/ws/venv/bin/python']);
  });

  test('without the Python extension; the default "python" setting says nothing', async () => {
    recorded.settings.python = { defaultInterpreterPath: 'python' };
    assert.deepEqual(await pythonCandidates(undefined), ['python3']);
  });

  test('a broken Python extension is skipped', async () => {
    recorded.extensions['ms-python.python'] = {
      isActive: false,
      exports: undefined,
      activate: async () => {
        throw new Error('activation failed');
      },
    };
    assert.deepEqual(await pythonCandidates(folder), [...virtualEnvironments('/ws'), 'python3']);
  });
});
