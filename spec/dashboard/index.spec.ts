// What loads what: the core never pulls in the dashboard, the dashboard's Node entry needs
// nothing but Node, rxjs, its own files and the core it draws planned curves with (the policy
// and its shape-based extents), and the prebuilt page stays small.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import * as dashboard from '../../lib/dashboard/index.js';
import { buildDashboard } from '../../scripts/build-dashboard.js';

beforeAll(() => buildDashboard(), 60_000);

async function inputs(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform, format: 'esm', logLevel: 'silent', packages: platform === 'node' ? 'external' : undefined });
  return Object.keys(result.metafile.inputs);
}

describe('rx-policy/dashboard', () => {
  it('exports serveDashboard (Node)', () => {
    expect(Object.keys(dashboard)).toEqual(['serveDashboard']);
  });

  it('importing the core loads nothing of the dashboard', async () => {
    const files = await inputs('lib/index.ts', 'node');
    expect(files.filter((f) => f.includes('lib/dashboard/') || f.includes('uplot'))).toEqual([]);
  });

  it('the Node entry loads no bundler, no uPlot, no page code: its own files, the core and plot extents, Node and rxjs', async () => {
    const result = await build({ entryPoints: ['lib/dashboard/index.ts'], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', logLevel: 'silent', packages: 'external' });
    const files = Object.keys(result.metafile.inputs).sort();
    expect(files.filter((f) => f.startsWith('lib/dashboard/'))).toEqual([
      'lib/dashboard/history.ts',
      'lib/dashboard/index.ts',
      'lib/dashboard/server.ts',
      'lib/dashboard/shapeColumns.ts',
      'lib/dashboard/sseClient.ts',
      'lib/dashboard/store.ts',
    ]);
    expect(files).toContain('lib/plot/extent.ts');
    // Of rx-policy/plot only the extents: no renderer, no vega.
    expect(files.filter((f) => f.startsWith('lib/plot/'))).toEqual(['lib/plot/extent.ts']);
    expect(files.filter((f) => !f.startsWith('lib/'))).toEqual([]);
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.every((p) => p.startsWith('node:') || p === 'rxjs')).toBe(true);
  });

  it('the live page is at most 60 KB gzipped and holds no TF.js', () => {
    const js = readFileSync('dist/dashboard/assets/live.js');
    expect(gzipSync(js).length).toBeLessThanOrEqual(60 * 1024);
    expect(js.toString()).not.toMatch(/tensorflow|tfjs/i);
  });
});
