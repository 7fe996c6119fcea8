// Loaded with `node --require` before the unit tests: `require('vscode')` (which only VS Code
// can satisfy) gets the stub in ./vscodeStub instead.
import Module from 'node:module';
import * as path from 'node:path';

const STUB = path.join(__dirname, 'vscodeStub.js');
type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'vscode' ? STUB : resolve.call(this, request, ...rest);
};
