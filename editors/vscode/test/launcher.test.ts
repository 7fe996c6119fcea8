import assert from 'node:assert/strict';
import { chmod, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { expandPath, findServer, type LaunchSettings, nodeProbe } from '../src/launcher';

// The project's own virtual environment has Portalis installed (editable); pytest passes it.
const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const PORTALIS_PYTHON = process.env.PORTALIS_PYTHON ?? path.join(REPO, '.venv', 'bin', 'python');
// Debian's system interpreter: a real Python without Portalis.
const PLAIN_PYTHON = '/usr/bin/python3';

let scratch: string;
let savedPath: string | undefined;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'portalis-launcher-'));
  savedPath = process.env.PATH;
});

afterEach(() => {
  process.env.PATH = savedPath;
});

async function executable(file: string, script = '#!/bin/sh\nexit 0\n'): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, script);
  await chmod(file, 0o755);
  return file;
}

function settings(overrides: Partial<LaunchSettings>): LaunchSettings {
  return {
    serverPath: null,
    serverArgs: [],
    pythonCandidates: [],
    workspaceFolder: scratch,
    ...overrides,
  };
}

describe('findServer', () => {
  test('portalis.server.path wins, with the extra arguments', async () => {
    const server = await executable(path.join(scratch, 'bin', 'portalis-lsp'));
    const result = await findServer(
      settings({
        serverPath: server,
        serverArgs: ['--log-level', 'debug'],
        pythonCandidates: [PORTALIS_PYTHON],
      }),
    );
    assert.deepEqual(result, {
      found: true,
      launch: {
        command: server,
        args: ['--log-level', 'debug'],
        origin: 'the portalis.server.path setting',
      },
    });
  });

  test('portalis.server.path relative to the workspace folder', async () => {
    const server = await executable(path.join(scratch, 'tools', 'portalis-lsp'));
    const result = await findServer(settings({ serverPath: 'tools/portalis-lsp' }));
    assert.ok(result.found);
    assert.equal(result.launch.command, server);
  });

  test('a missing portalis.server.path is an error, not a silent fallback', async () => {
    const result = await findServer(
      settings({ serverPath: '/nonexistent/portalis-lsp', pythonCandidates: [PORTALIS_PYTHON] }),
    );
    assert.equal(result.found, false);
    assert.match(
      result.found ? '' : result.reason,
      /portalis\.server\.path is "\/nonexistent\/portalis-lsp"/,
    );
  });

  test('the first interpreter that really has Portalis runs python -m lsp_server', async () => {
    const result = await findServer(
      settings({
        pythonCandidates: [
          path.join(scratch, '.venv', 'bin', 'python'),
          PLAIN_PYTHON,
          PORTALIS_PYTHON,
        ],
        serverArgs: ['--log-file', 'x.log'],
      }),
    );
    assert.deepEqual(result, {
      found: true,
      launch: {
        command: PORTALIS_PYTHON,
        args: ['-m', 'lsp_server', '--log-file', 'x.log'],
        origin: `the interpreter ${PORTALIS_PYTHON}`,
      },
    });
  });

  test('portalis-lsp on PATH when no interpreter has Portalis', async () => {
    const bin = path.join(scratch, 'bin');
    const server = await executable(path.join(bin, 'portalis-lsp'));
    process.env.PATH = [bin, savedPath].join(path.delimiter);
    const result = await findServer(settings({ pythonCandidates: [PLAIN_PYTHON] }));
    assert.ok(result.found);
    assert.deepEqual(result.launch, { command: server, args: [], origin: 'portalis-lsp on PATH' });
  });

  test('nothing found: the reason names the interpreters that were tried', async () => {
    process.env.PATH = path.join(scratch, 'empty');
    const result = await findServer(
      settings({ pythonCandidates: [PLAIN_PYTHON, 'python-that-does-not-exist'] }),
    );
    assert.equal(result.found, false);
    const reason = result.found ? '' : result.reason;
    assert.match(reason, new RegExp(`tried ${PLAIN_PYTHON}, and portalis-lsp is not on PATH`));
  });
});

describe('nodeProbe', () => {
  test('pythonHasServer runs the interpreter: true for the project venv, false otherwise', async () => {
    assert.equal(await nodeProbe.pythonHasServer(PORTALIS_PYTHON), true);
    assert.equal(await nodeProbe.pythonHasServer(PLAIN_PYTHON), false);
    const failing = await executable(path.join(scratch, 'python'), '#!/bin/sh\nexit 1\n');
    assert.equal(await nodeProbe.pythonHasServer(failing), false);
    assert.equal(await nodeProbe.pythonHasServer(path.join(scratch, 'missing')), false);
  });

  test('isExecutable: files with the execute bit only', async () => {
    const script = await executable(path.join(scratch, 'run'));
    const data = path.join(scratch, 'data.txt');
    await writeFile(data, 'x');
    assert.equal(await nodeProbe.isExecutable(script), true);
    assert.equal(await nodeProbe.isExecutable(data), false);
    assert.equal(await nodeProbe.isExecutable(scratch), false);
  });
});

describe('expandPath', () => {
  test('variables, home, relative paths and bare names', () => {
    assert.equal(expandPath('${workspaceFolder}/.venv/bin/python', '/ws'), '/ws/.venv/bin/python');
    assert.equal(
      expandPath('~/bin/portalis-lsp', '/ws'),
      path.join(homedir(), 'bin', 'portalis-lsp'),
    );
    assert.equal(expandPath('venv/bin/python', '/ws'), '/ws/venv/bin/python');
    assert.equal(expandPath('python3', '/ws'), 'python3');
    assert.equal(expandPath('/usr/bin/python3', '/ws'), '/usr/bin/python3');
  });
});
