// The built package as its users get it: through the `exports` map (the package imports itself by
// name), in plain Node processes, ESM and CommonJS, and through a bundler for the browser.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPackage } from './support/dist.js';

let root: string;
beforeAll(async () => {
  root = await builtPackage();
}, 180_000);

const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
const esm = (code: string): string => node(['--input-type=module', '-e', code]);
const cjs = (code: string): string => node(['-e', code]);

describe('the package in Node', () => {
  it('exports the same names to import and to require, for the core, rx-policy/plot and rx-policy/dashboard', () => {
    for (const entry of ['rx-policy', 'rx-policy/plot', 'rx-policy/dashboard']) {
      const imported = JSON.parse(esm(`const m = await import('${entry}'); console.log(JSON.stringify(Object.keys(m).sort()));`)) as string[];
      const required = JSON.parse(cjs(`console.log(JSON.stringify(Object.keys(require('${entry}')).sort()));`)) as string[];
      expect(imported.length).toBeGreaterThan(0);
      expect(required).toEqual(imported);
    }
  });

  it('computes the same values from either format', () => {
    const code = (load: string) => `${load} const p = new OptimizerPolicy(oneCyclePhases({ steps: 500 })); console.log(JSON.stringify([p.length, p.at(224), p.at(499)]));`;
    const fromEsm = esm(code("import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';"));
    const fromCjs = cjs(code("const { OptimizerPolicy, oneCyclePhases } = require('rx-policy');"));
    expect(JSON.parse(fromEsm)[0]).toBe(500);
    expect(JSON.parse(fromEsm)[1].lr).toBe(1);
    expect(fromCjs).toBe(fromEsm);
  });

  it('shares one Phase class between the core and rx-policy/plot (a Phase from the core plots as a Phase)', () => {
    const code = (load: string) => `${load} console.log(plotTerminal(new Phase({ lr: linspace(0, 1, 30) }), 'lr', { width: 20, height: 4 }).split('\\n').length);`;
    expect(Number(esm(code("import { Phase, linspace } from 'rx-policy'; import { plotTerminal } from 'rx-policy/plot';")))).toBeGreaterThan(4);
    expect(Number(cjs(code("const { Phase, linspace } = require('rx-policy'); const { plotTerminal } = require('rx-policy/plot');")))).toBeGreaterThan(4);
  });

  it('plots a core Phase once rx-policy/plot is imported (the plotter registers itself with the core)', () => {
    const code = (load: string) => `${load} const svg = await new Phase({ lr: linspace(0, 1, 10) }).plot('lr'); console.log(svg.startsWith('<svg'));`;
    expect(esm(code("import { Phase, linspace } from 'rx-policy'; import 'rx-policy/plot';")).trim()).toBe('true');
    expect(cjs(`(async () => { ${code("const { Phase, linspace } = require('rx-policy'); require('rx-policy/plot');")} })()`).trim()).toBe('true');
  });

  it('reads the core from its bundle and the chunks it shares with the other entry points, and loads no charting package', () => {
    const loaded = JSON.parse(cjs(`require('rx-policy'); console.log(JSON.stringify(Object.keys(require.cache)));`)) as string[];
    const ours = loaded.filter((f) => !f.includes('node_modules')).map((f) => f.slice(root.length + 1));
    expect(ours[0]).toBe('dist/cjs/index.js');
    expect(ours.slice(1).filter((f) => !/^dist\/cjs\/shared\/chunk-\w+\.js$/.test(f))).toEqual([]);
    expect(ours.length).toBeLessThanOrEqual(4);
    expect(loaded.filter((f) => /vega|resvg|asciichart|tensorflow/.test(f))).toEqual([]);
  });

  it('serves the dashboard from the built package, in either format (its prebuilt page next to it)', () => {
    const code = (load: string) => `${load} const s = await serveDashboard({ port: 0 }); const r = await fetch(s.url); const html = await r.text(); await s.close(); console.log(r.status, html.includes('<html'));`;
    expect(esm(code("import { serveDashboard } from 'rx-policy/dashboard';")).trim()).toBe('200 true');
    expect(cjs(`(async () => { ${code("const { serveDashboard } = require('rx-policy/dashboard');")} })()`).trim()).toBe('200 true');
  });

  it('runs the rx-policy command from its bin', () => {
    const bin = (JSON.parse(node(['-p', "JSON.stringify(require('./package.json').bin)"])) as Record<string, string>)['rx-policy']!;
    expect(node([bin, 'presets'])).toMatch(/oneCycle/);
    const version = (JSON.parse(node(['-p', "JSON.stringify(require('./package.json').version)"])) as string);
    expect(node([bin, '--version']).trim()).toBe(version);
  });
});

describe('the package in a browser bundle', () => {
  // Its size against the 4 KB budget is a figure of bench/bundle.bench.ts.
  it('tree-shakes: { OptimizerPolicy, oneCyclePhases } with rxjs external keeps no unused preset and no Node-only code', async () => {
    const out = await build({
      stdin: { contents: "export { OptimizerPolicy, oneCyclePhases } from 'rx-policy';", resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      external: ['rxjs'],
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(Object.values(out.metafile!.outputs)[0]!.inputs);
    expect(inputs.filter((f) => /presets\/(?!oneCycle|preset\.)|plot\/|sinks\/|events\/|operators\/|state|serialize|config/.test(f))).toEqual([]);
    expect(out.outputFiles[0]!.text).not.toMatch(/node:/);
    expect(gzipSync(out.outputFiles[0]!.contents).length).toBeGreaterThan(0);
  });
});

describe('the packed files', () => {
  it('ship the built code, types, LICENSE and README: no sources, no source maps, no build stamp', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json', 'dist/esm/index.js', 'dist/cli/main.js', 'dist/plot/index.js']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /\.map$|\.built$|^lib\/|^spec\/|\.tsbuildinfo$/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });
});
