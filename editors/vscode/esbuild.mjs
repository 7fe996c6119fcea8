// Builds the extension bundle (dist/extension.js) or, with --tests, the unit tests (out/).
//
//   node esbuild.mjs               development bundle with source maps
//   node esbuild.mjs --production  minified bundle, as packaged in the .vsix
//   node esbuild.mjs --tests       src/ and test/ transpiled file by file into out/
//
// `vscode` is never bundled: VS Code provides it at run time (the unit tests stub it).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? typescriptFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const common = { platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

if (tests) {
  await build({
    ...common,
    entryPoints: [...typescriptFiles('src'), ...typescriptFiles('test')],
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
  });
} else {
  await build({
    ...common,
    entryPoints: ['src/extension.ts'],
    bundle: true,
    external: ['vscode'],
    outfile: 'dist/extension.js',
    minify: production,
    sourcemap: !production,
  });
}
