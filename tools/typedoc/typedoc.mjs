#!/usr/bin/env node
// `npm run docs`: runs TypeDoc from this folder's install, which brings the JavaScript TypeScript
// compiler TypeDoc is built on (the project compiles with the native one). Arguments pass through,
// e.g. `npm run docs -- --treatWarningsAsErrors`. Reads typedoc.json at the project's root.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('typedoc/package.json')), 'bin', 'typedoc');
const run = spawnSync(process.execPath, [bin, '--options', join(here, '..', '..', 'typedoc.json'), ...process.argv.slice(2)], {
  cwd: join(here, '..', '..'),
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
