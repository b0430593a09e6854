// Cold start: what importing rx-policy costs a fresh Node process over importing rxjs alone.
// Each round starts one process per variant, in turn (interleaved, so all see the same machine
// state). A process loads rxjs, then times the import of rx-policy (by its package name, through
// the `exports` map, as a user's code does), in wall time and in CPU time (user + system; on a
// busy machine the steadier figure, as waiting for a core is left out). The time to import rxjs
// itself is printed for scale: it is the part every RxJS user pays already. Builds dist/ first
// when the sources are newer. Figures are medians. `RXP_BASELINE=<dir>` (a directory with another
// build's package.json, dist/ and node_modules) adds that build's imports to the same rounds, for
// a before/after measured side by side.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { builtPackage } from '../spec/support/dist.js';
import { fmt, median } from './harness.js';

const root = await builtPackage();

// What an entry point of the core alone (sequence, space, the spaces, phase, policy and the
// internals they use) would cost, bundled as the package's Node entry points are: the public door
// also compiles the presets, operators, sinks, the LR finder and compare. Written under
// node_modules so that its `rxjs` resolves to the package's own.
const coreDir = join(root, 'node_modules', '.cache', 'rx-policy-bench');
mkdirSync(coreDir, { recursive: true });
const coreModules = ['sequence', 'space', 'spaces/index', 'spaces/eased', 'spaces/fnspace', 'spaces/cumprod', 'phase', 'policy'];
await build({
  stdin: { contents: coreModules.map((m) => `export * from './lib/${m}.js';`).join('\n'), resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['rxjs', 'rxjs/*'],
  minifyWhitespace: true,
  minifySyntax: true,
  outfile: join(coreDir, 'core.js'),
  logLevel: 'warning',
});

const rounds = Number(process.env.ROUNDS ?? 31);
const timed = (before: string, load: string) =>
  `${before} const t0 = performance.now(), c0 = process.cpuUsage(); ${load} const c = process.cpuUsage(c0); console.log(performance.now() - t0, (c.user + c.system) / 1000);`;
const baseline = process.env.RXP_BASELINE;
const variants: Record<string, string[]> = {
  'ESM  rxjs alone': ['--input-type=module', '-e', timed('', "await import('rxjs');")],
  'ESM  rx-policy, after rxjs': ['--input-type=module', '-e', timed("await import('rxjs');", "await import('rx-policy');")],
  // The same code as one ES module per source module (the bundlers' layout, dist/esm), for
  // comparison: what Node's start-up would cost without the bundle.
  'ESM  per-module, after rxjs': ['--input-type=module', '-e', timed("await import('rxjs');", "await import('./dist/esm/index.js');")],
  // The core alone as one bundled file (not an entry point of the package): see coreModules.
  'ESM  core modules, after rxjs': ['--input-type=module', '-e', timed("await import('rxjs');", `await import(${JSON.stringify(join(coreDir, 'core.js'))});`)],
  'CJS  rxjs alone': ['-e', timed('', "require('rxjs');")],
  'CJS  rx-policy, after rxjs': ['-e', timed("require('rxjs');", "require('rx-policy');")],
};
if (baseline !== undefined) {
  variants['ESM  baseline, after rxjs'] = variants['ESM  rx-policy, after rxjs']!;
  variants['CJS  baseline, after rxjs'] = variants['CJS  rx-policy, after rxjs']!;
}
const cwd = (name: string) => (name.includes('baseline') ? baseline! : root);

const wall: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, args] of Object.entries(variants)) {
    const [w, c] = execFileSync(process.execPath, args, { cwd: cwd(name), encoding: 'utf8' }).trim().split(' ').map(Number);
    wall[name]!.push(w!);
    cpu[name]!.push(c!);
  }
}
console.log(`cold start, medians of ${rounds} interleaved processes, ms (wall / cpu):`);
for (const name of Object.keys(variants)) {
  console.log(`  ${name.padEnd(30)} ${fmt(median(wall[name]!)).padStart(7)} / ${fmt(median(cpu[name]!))}`);
}
for (const kind of ['ESM', 'CJS']) {
  const ours = `${kind}  rx-policy, after rxjs`;
  const ratio = median(cpu[ours]!) / median(cpu[`${kind}  rxjs alone`]!);
  console.log(`  ${kind}: rx-policy adds ${fmt(median(wall[ours]!))} ms wall, ${fmt(median(cpu[ours]!))} ms cpu (budget 10 ms), ${fmt(100 * ratio, 0)}% of rxjs's own import (cpu)`);
}
if (baseline !== undefined) {
  for (const kind of ['ESM', 'CJS']) {
    const ours = median(cpu[`${kind}  rx-policy, after rxjs`]!);
    const base = median(cpu[`${kind}  baseline, after rxjs`]!);
    console.log(`  ${kind}: this build ${fmt(ours)} ms cpu, the baseline ${fmt(base)} ms cpu: ${fmt(base / ours, 2)}x`);
  }
}
const perModule = median(cpu['ESM  per-module, after rxjs']!) / median(cpu['ESM  rx-policy, after rxjs']!);
console.log(`  the bundle imports ${fmt(perModule, 1)}x faster than one module per file (cpu)`);
