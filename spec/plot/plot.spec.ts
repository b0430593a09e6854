import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, linspace, oneCyclePhases, OptimizerPolicy, Phase, pytorch, Space } from '../../lib/index.js';
import { decimate, plot } from '../../lib/plot/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rx-policy-plot-'));
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);


describe('plot (SVG in Node, vega-lite)', () => {
  it('phase.plot(\'lr\'): axes titled steps and lr, ticks, a title', async () => {
    const svg = await new Phase({ lr: linspace(0, 1, 10) }).plot('lr');
    expect(svg.startsWith('<svg')).toBe(true);
    const t = texts(svg);
    expect(t).toContain('steps');
    expect(t.filter((x) => x === 'lr').length).toBeGreaterThanOrEqual(2); // title and axis label
    expect(t).toContain('0.5'); // a tick label
  });

  it('several phases on one axes get a legend in the given order (Poutyne\'s constant / linear / cosine figure)', async () => {
    const steps = 100;
    const svg = await plot([new Phase({ lr: linspace(0.7, 0.7, steps) }), new Phase({ lr: linspace(0, 1, steps) }), new Phase({ lr: cosinespace(1, 0, steps) })]);
    const t = texts(svg);
    const order = ['linspace(0.7, 0.7, 100)', 'linspace(0, 1, 100)', 'cosinespace(1, 0, 100)'].map((label) => t.indexOf(label));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('several parameters side by side (Poutyne\'s plt.subplots(1, 2))', async () => {
    const svg = await new Phase({ lr: linspace(1, 0.5, 100), momentum: cosinespace(0.8, 1, 100) }).plot(['lr', 'momentum']);
    const t = texts(svg);
    expect(t.filter((x) => x === 'steps')).toHaveLength(2);
    expect(t).toContain('momentum');
  });

  it('policy.plot(\'momentum\') writes SVG and PNG files', async () => {
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
    await policy.plot('momentum', { out: join(dir, 'm.svg') });
    expect(readFileSync(join(dir, 'm.svg'), 'utf8')).toContain('momentum');
    await policy.plot('lr', { out: join(dir, 'lr.png') });
    expect([...readFileSync(join(dir, 'lr.png')).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('a 10^6-step warm-restart policy plots under 200 KB and keeps every restart peak and trough', async () => {
    const policy = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 50_000, tMult: 1, etaMin: 0.05, steps: 1_000_000 }));
    const svg = await policy.plot('lr');
    expect(svg.length).toBeLessThan(200_000);
    const points = decimate((i) => policy.allSteps()._at(i).lr, policy.length, 600);
    for (let cycle = 0; cycle < 20; cycle++) {
      const inCycle = points.filter((p) => p.step >= cycle * 50_000 && p.step < (cycle + 1) * 50_000);
      expect(Math.max(...inCycle.map((p) => p.value))).toBe(1);
      expect(Math.min(...inCycle.map((p) => p.value))).toBeLessThan(0.051);
    }
  });

  it('bad input: an unknown parameter names the ones there are; empty, non-finite, unwritable', async () => {
    await expect(new Phase({ lr: linspace(0, 1, 3) }).plot('momentum' as never)).rejects.toThrow(/plot: no parameter "momentum"; the phase has: lr/);
    await expect(new Phase({ lr: linspace(0, 1, 0) }).plot('lr')).rejects.toThrow(/nothing to plot: the phase has 0 steps/);
    class Bad extends Space {
      readonly length = 3;
      _at(i: number) {
        return i === 1 ? NaN : i;
      }
      override toString() {
        return 'bad';
      }
      toJSON() {
        return { type: 'bad' };
      }
    }
    await expect(new Phase({ lr: new Bad() }).plot('lr')).rejects.toThrow(/plot: lr at step 1 is NaN; only finite values can be plotted/);
    const before = readdirSync(dir).length;
    const unwritable = join(dir, 'missing', 'x.svg');
    await expect(new Phase({ lr: linspace(0, 1, 3) }).plot('lr', { out: unwritable })).rejects.toThrow(`plot: cannot write ${unwritable}: ENOENT: no such file or directory, open '${unwritable}'`);
    expect(readdirSync(dir).length).toBe(before); // no partial file left behind
    await expect(new Phase({ lr: constant(1, 3) }).plot('lr', { out: join(dir, 'x.txt') })).rejects.toThrow(/^plot: out must be a file name ending in .svg or .png, got ".*x.txt"$/);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  });

  it('checks its options before drawing: unknown keys, sizes, types', async () => {
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    await expect(plot(phase, { widht: 800 } as never)).rejects.toThrow(/^plot: unknown option "widht" \(did you mean "width"\?\)/);
    await expect(plot(phase, { width: NaN })).rejects.toThrow(new RangeError('plot: width must be an integer in [1, 10000], got NaN'));
    // A figure is drawn per pixel column: a huge one is refused, not attempted.
    await expect(plot(phase, { width: 1e9 })).rejects.toThrow(new RangeError('plot: width must be an integer in [1, 10000], got 1000000000'));
    await expect(plot(phase, { height: -5 })).rejects.toThrow('plot: height must be an integer in [1, 10000], got -5');
    await expect(plot(phase, { title: 5 } as never)).rejects.toThrow(new TypeError('plot: title must be a string, got 5'));
    await expect(plot(phase, { labels: 'a' } as never)).rejects.toThrow(new TypeError('plot: labels must be an array of strings, got "a"'));
    await expect(plot(phase, { param: [] })).rejects.toThrow(new TypeError('plot: param must be a parameter name or a non-empty array of them, got []'));
    await expect(phase.plot('lr', { hieght: 3 } as never)).rejects.toThrow(/^plot: unknown option "hieght" \(did you mean "height"\?\)/);
    await expect(plot(phase, null as never)).rejects.toThrow(new TypeError('plot: options must be an object, got null'));
    await expect(plot(phase, { param: 5 } as never)).rejects.toThrow(new TypeError('plot: param must be a parameter name or a non-empty array of them, got 5'));
    // A schedule known only by at() is read step by step: 2^53 steps is refused, not read.
    await expect(plot({ length: 2 ** 53 - 1, at: () => ({ lr: 1 }) })).rejects.toThrow(/^plot: a schedule known only by at\(\) is read step by step, so it may have at most 10000000 steps, got 9007199254740991/);
  });
});
describe('plot in a bundled app, and outside the core', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const bundle = async (source: string, platform: 'node' | 'browser') => {
    const work = mkdtempSync(join(tmpdir(), 'rx-policy-bundle-'));
    writeFileSync(join(work, 'app.ts'), source);
    const outfile = join(work, 'app.mjs');
    const result = await build({ entryPoints: [join(work, 'app.ts')], bundle: true, platform, format: 'esm', outfile, external: ['@resvg/resvg-js'], metafile: true, logLevel: 'silent' });
    return { outfile, inputs: Object.keys(result.metafile.inputs) };
  };
  const lib = (path: string) => JSON.stringify(join(root, 'lib', path));

  it("an esbuild-bundled app that imports rx-policy/plot once gets policy.plot('lr') as SVG", async () => {
    const { outfile } = await bundle(
      `import { OptimizerPolicy, oneCyclePhases } from ${lib('index.ts')};
       import ${lib('plot/index.ts')};
       const svg = await new OptimizerPolicy(oneCyclePhases({ steps: 100 })).plot('lr');
       process.stdout.write(svg);`,
      'node',
    );
    const svg = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(texts(svg)).toContain('lr');
  });

  it('without the plotting module the bundle stays small and policy.plot names what to import', async () => {
    const { outfile, inputs } = await bundle(
      `import { OptimizerPolicy, oneCyclePhases } from ${lib('index.ts')};
       new OptimizerPolicy(oneCyclePhases({ steps: 100 })).plot('lr').catch((e) => process.stdout.write(String(e)));`,
      'node',
    );
    expect(inputs.filter((f) => f.includes('/plot/') || f.includes('vega'))).toEqual([]);
    expect(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })).toBe(
      "Error: OptimizerPolicy.plot: the plotting module is not loaded; import 'rx-policy/plot' once in your app (it registers itself), then plot",
    );
  });

  it('a browser bundle can include the plotting module (no Node import written in it)', async () => {
    const { inputs } = await bundle(`import ${lib('plot/index.ts')};`, 'browser');
    expect(inputs.some((f) => f.endsWith('plot/plot.ts'))).toBe(true);
  });

  it('the core (sequence, space, spaces, phase, policy) imports nothing from plot/, not even lazily', () => {
    const core = ['sequence.ts', 'space.ts', 'phase.ts', 'policy.ts', ...readdirSync(join(root, 'lib', 'spaces')).map((f) => `spaces/${f}`)];
    for (const file of core) {
      const text = readFileSync(join(root, 'lib', file), 'utf8');
      expect(text, file).not.toMatch(/import\s*\(/);
      for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)) {
        expect(specifier === 'rxjs' || (specifier!.startsWith('.') && !specifier!.includes('plot/')), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('plots any { length, at } schedule through its public at(), and names an unknown parameter', async () => {
    const schedule = { length: 50, at: (i: number) => ({ lr: 1 / (1 + i) }) };
    expect(texts(await plot(schedule, { param: 'lr' }))).toContain('lr');
    await expect(plot(schedule, { param: 'wd' as never })).rejects.toThrow(/^plot: no parameter "wd"; the policy has: lr$/);
    await expect(new OptimizerPolicy(oneCyclePhases({ steps: 10 })).plot('wd' as never)).rejects.toThrow(
      new RangeError('OptimizerPolicy.plot: no parameter "wd"; the policy has: lr, momentum'),
    );
    await expect(plot([{ length: 3 }] as never)).rejects.toThrow(/^plot: sources\[0\] must be a phase, a policy or a schedule/);
  });
});
