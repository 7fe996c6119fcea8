import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
  backendLabel,
  type BackendStatus,
  isBackendStatus,
  present,
  StatusBar,
  statusFor,
} from '../src/status';
import { recorded, reset, type StatusBarItem } from './vscodeStub';

beforeEach(reset);

const EMBEDDED: BackendStatus = {
  backend: 'embedded',
  state: 'ok',
  detail: 'the built-in translator',
};
const REMOTE_DOWN: BackendStatus = {
  backend: 'http://triton.internal:8000',
  state: 'fallback',
  detail: 'the translation server http://triton.internal:8000 is unavailable (timed out)',
};

describe('present', () => {
  test('embedded and healthy', () => {
    assert.deepEqual(present({ kind: 'running', status: EMBEDDED }), {
      text: '$(check) Portalis: embedded',
      tooltip: 'Portalis: the built-in translator',
      level: 'normal',
    });
  });

  test('a healthy remote backend shows its host', () => {
    const status: BackendStatus = {
      backend: 'https://triton:8443/',
      state: 'ok',
      detail: 'remote',
    };
    assert.equal(present({ kind: 'running', status }).text, '$(cloud) Portalis: triton:8443');
  });

  test('a remote backend that is down: warning, with the reason in the tooltip', () => {
    const shown = present({ kind: 'running', status: REMOTE_DOWN });
    assert.equal(shown.text, '$(warning) Portalis: embedded (triton.internal:8000 down)');
    assert.equal(shown.level, 'warning');
    assert.match(shown.tooltip, /timed out/);
  });

  test('starting and stopped', () => {
    assert.match(present({ kind: 'starting' }).text, /sync~spin/);
    const stopped = present({ kind: 'stopped', reason: 'portalis-lsp is not on PATH.' });
    assert.equal(stopped.level, 'error');
    assert.match(stopped.tooltip, /not on PATH/);
  });
});

test('backendLabel', () => {
  assert.equal(backendLabel('embedded'), 'embedded');
  assert.equal(backendLabel('http://10.0.0.5:8000/v2'), '10.0.0.5:8000');
  assert.equal(backendLabel('grpc://triton:8001'), 'triton:8001 (gRPC)');
  assert.equal(backendLabel('not a url'), 'not a url');
});

test("isBackendStatus accepts only the server's shape", () => {
  assert.equal(isBackendStatus(EMBEDDED), true);
  assert.equal(isBackendStatus({ ...EMBEDDED, state: 'broken' }), false);
  assert.equal(isBackendStatus({ backend: 'embedded', state: 'ok' }), false);
  assert.equal(isBackendStatus(null), false);
  assert.equal(isBackendStatus('ok'), false);
});

function background(item: StatusBarItem): string | undefined {
  return item.backgroundColor?.id;
}

describe('StatusBar', () => {
  test('one visible item, coloured by health, opening the output when clicked', () => {
    const bar = new StatusBar();
    const [item] = recorded.statusBarItems;
    assert.equal(item.visible, true);
    assert.equal(item.command, 'portalis.showOutput');
    assert.match(item.text, /sync~spin/);

    bar.show({ kind: 'running', status: REMOTE_DOWN });
    assert.equal(background(item), 'statusBarItem.warningBackground');
    assert.match(
      item.tooltip ?? '',
      /unavailable \(timed out\)[\s\S]*Click to show the server output/,
    );

    bar.show({ kind: 'running', status: EMBEDDED });
    assert.equal(item.text, '$(check) Portalis: embedded');
    assert.equal(background(item), undefined);

    bar.show({ kind: 'stopped', reason: 'crashed' });
    assert.equal(background(item), 'statusBarItem.errorBackground');

    bar.dispose();
    assert.equal(item.disposed, true);
  });
});

describe('statusFor', () => {
  test('asks again until the server uses the backend just configured', async () => {
    const answers = [EMBEDDED, EMBEDDED, REMOTE_DOWN];
    let asked = 0;
    const status = await statusFor(async () => answers[asked++], REMOTE_DOWN.backend, {
      attempts: 10,
      delayMs: 1,
    });
    assert.equal(asked, 3);
    assert.deepEqual(status, REMOTE_DOWN);
  });

  test('gives up after the attempts, with the last answer', async () => {
    let asked = 0;
    const status = await statusFor(async () => (asked++, EMBEDDED), 'grpc://x:1', {
      attempts: 3,
      delayMs: 1,
    });
    assert.equal(asked, 3);
    assert.deepEqual(status, EMBEDDED);
  });

  test('a server that cannot answer: undefined at once', async () => {
    let asked = 0;
    assert.equal(await statusFor(async () => (asked++, undefined), 'embedded'), undefined);
    assert.equal(asked, 1);
  });
});
