import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, pytorch, Space } from '../../lib/index.js';
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

  it('several phases on one axes get a legend in the given order (the seed\'s constant / linear / cosine figure)', async () => {
    const steps = 100;
    const svg = await plot([new Phase({ lr: linspace(0.7, 0.7, steps) }), new Phase({ lr: linspace(0, 1, steps) }), new Phase({ lr: cosinespace(1, 0, steps) })]);
    const t = texts(svg);
    const order = ['linspace(0.7, 0.7, 100)', 'linspace(0, 1, 100)', 'cosinespace(1, 0, 100)'].map((label) => t.indexOf(label));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('several parameters side by side (the seed\'s plt.subplots(1, 2))', async () => {
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
    await expect(new Phase({ lr: linspace(0, 1, 3) }).plot('momentum')).rejects.toThrow(/plot: no parameter "momentum"; the phase has: lr/);
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
    await expect(new Phase({ lr: linspace(0, 1, 3) }).plot('lr', { out: join(dir, 'missing', 'x.svg') })).rejects.toThrow(/plot: cannot write .*x.svg/);
    expect(readdirSync(dir).length).toBe(before); // no partial file left behind
    await expect(new Phase({ lr: constant(1, 3) }).plot('lr', { out: join(dir, 'x.txt') })).rejects.toThrow(/out must end in .svg or .png/);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  });
});

describe('decimate', () => {
  it('keeps each column\'s min and max in step order, and everything when short', () => {
    expect(decimate((i) => i, 5, 10)).toHaveLength(5);
    const pts = decimate((i) => (i % 100 === 37 ? 10 : i % 100 === 71 ? -10 : 0), 1000, 10);
    expect(pts).toHaveLength(20);
    expect(pts.filter((p) => p.value === 10)).toHaveLength(10);
    expect(pts.filter((p) => p.value === -10)).toHaveLength(10);
    pts.slice(1).forEach((p, i) => expect(p.step).toBeGreaterThan(pts[i]!.step));
  });
});
