// Runs every benchmark (bench/*.bench.ts), each in its own process so one cannot warm or
// pollute the heap of the next. `npm run bench` runs this; `npm run bench -- core` runs one.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts'));
const unknown = wanted.filter((w) => !all.some((f) => f.startsWith(w)));
if (unknown.length > 0) {
  console.error(`bench: no benchmark named ${unknown.map((w) => JSON.stringify(w)).join(', ')}; benchmarks: ${all.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')}`);
  process.exit(2);
}
const files = all
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort((a, b) => (a === 'core.bench.ts' ? -1 : b === 'core.bench.ts' ? 1 : a.localeCompare(b)));
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
