import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constant, cosinespace, cycle, cyclicspace, expspace, fnspace, invsqrtspace, kcosinespace, linspace, noisy, OptimizerPolicy, Phase,
  polycyclespace, polyspace, product, pytorch, slice, type Space, tanhspace,
} from '../../lib/index.js';
import { columnExtents, decimate, decimateParam } from '../../lib/plot/index.js';

/** Per-step min and max of each column: what the shape-based extents must reproduce. */
function bruteColumns(policy: OptimizerPolicy, columns: number) {
  const n = Math.min(columns, policy.length);
  return Array.from({ length: n }, (_, c) => {
    const from = Math.floor((c * policy.length) / n);
    const to = Math.floor(((c + 1) * policy.length) / n);
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to; i++) {
      const v = (policy.at(i) as { lr: number }).lr;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { from, to, min, max };
  });
}

// A random space of n steps, from every shape the extents reason about.
const spaceOf = (kind: number, n: number, a: number, b: number, k: number): Space => {
  const p = 1 + (k % 97);
  switch (kind) {
    case 0: return linspace(a, b, n);
    case 1: return cosinespace(a, b, n, { endpoint: k % 2 === 0 });
    case 2: return polyspace(a, b, n, { power: 0.5 + (k % 4) });
    case 3: return expspace(Math.abs(a) + 0.1, 0.5 + (k % 50) / 100, n, { every: p, staircase: k % 2 === 0 });
    case 4: return cycle(cosinespace(a, b, p, { endpoint: false }), n);
    case 5: return cyclicspace(a, b, n, { stepsUp: p, stepsDown: 1 + (k % 13), mode: k % 2 ? 'triangular' : 'triangular2' });
    case 6: return polycyclespace(a, b, n, { period: p, power: 1 + (k % 3) });
    case 7: return invsqrtspace(a, p, n);
    case 8: return constant(a, n);
    case 9: return product(tanhspace(a, b, n), 0.5 - (k % 3));
    case 10: return slice(kcosinespace(a, b, n + p, { k: 1 + (k % 3) }), p, n + p);
    case 11: return cosinespace(a, b, n, { span: p + 0.5 });
    case 12: return linspace(a, b, n, { span: p, wrap: true });
    case 13: return noisy(linspace(Math.abs(a) + 1, Math.abs(b) + 1, n), { range: [Math.floor(n / 3), Math.floor(n / 2)], seed: k });
    default: return fnspace((i) => Math.sin(i / p) * a, n);
  }
};

const phaseArb = fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 20_000 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.nat(1000));

describe('columnExtents: the same columns as per-step decimation, from the shapes', () => {
  it('on random schedules of up to 10^5 steps (a property)', () => {
    fc.assert(
      fc.property(fc.array(phaseArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 700 }), (parts, columns) => {
        const policy = new OptimizerPolicy(parts.map(([kind, n, a, b, k]) => new Phase({ lr: spaceOf(kind, n, a, b, k) })));
        const got = columnExtents(policy, 'lr', columns);
        const want = bruteColumns(policy, columns);
        expect(got.length).toBe(want.length);
        got.forEach((g, c) => {
          const w = want[c]!;
          const tol = 1e-12 * Math.max(1, Math.abs(w.min), Math.abs(w.max));
          if (g.from !== w.from || g.to !== w.to || Math.abs(g.min - w.min) > tol || Math.abs(g.max - w.max) > tol) {
            throw new Error(`column ${c} [${w.from}, ${w.to}): got [${g.min}, ${g.max}], per step [${w.min}, ${w.max}]`);
          }
          // The steps given for the min and max hold those values and lie in the column.
          expect((policy.at(g.minAt) as { lr: number }).lr).toBe(g.min);
          expect((policy.at(g.maxAt) as { lr: number }).lr).toBe(g.max);
          expect(g.minAt >= g.from && g.minAt < g.to && g.maxAt >= g.from && g.maxAt < g.to).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives the very points of per-step decimation on monotone and periodic schedules', () => {
    const policy = new OptimizerPolicy(pytorch.cosineAnnealingWarmRestarts({ baseLr: 1, t0: 1000, tMult: 2, etaMin: 0.05, steps: 100_000 }));
    const reference = decimate((i) => policy.at(i).lr, policy.length, 600);
    expect(decimateParam(policy, 'lr', 600)).toEqual(reference);
    const linear = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 50_000) }), new Phase({ lr: cycle(linspace(1, 0, 777), 50_000) })]);
    expect(decimateParam(linear, 'lr', 300)).toEqual(decimate((i) => linear.at(i).lr, linear.length, 300));
  });

  it('reads a 10^9-step schedule without visiting its steps', () => {
    let calls = 0;
    const inner = cosinespace(1, 0, 1000, { endpoint: false });
    const counted = new Proxy(inner, { get: (t, key) => (key === '_at' ? (i: number) => (calls++, t._at(i)) : Reflect.get(t, key, t)) });
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 1e6) }), new Phase({ lr: cycle(counted, 1e9 - 1e6) })]);
    const columns = columnExtents(policy, 'lr', 600);
    expect(columns).toHaveLength(600);
    expect(columns.at(-1)!.min).toBe(inner.at(999));
    expect(calls).toBeLessThan(600 * 64);
  });

  it('leaves out the columns where no phase has the parameter', () => {
    const policy = new OptimizerPolicy<Phase<string>>([new Phase({ lr: linspace(0, 1, 100) }), new Phase({ momentum: linspace(0, 1, 100) })]);
    expect(columnExtents(policy, 'lr', 10)).toHaveLength(5);
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

  it('bad arguments: named errors (a NaN length gave garbage points; 10^15 steps would never return)', () => {
    expect(() => decimate((i) => i, Number.NaN, 10)).toThrow(new RangeError('decimate: length must be an integer in [0, 10000000] (every step is read), got NaN'));
    expect(() => decimate((i) => i, 1e15, 600)).toThrow(new RangeError('decimate: length must be an integer in [0, 10000000] (every step is read), got 1000000000000000'));
    expect(() => decimate((i) => i, 10, 0)).toThrow(new RangeError('decimate: columns must be a positive integer, got 0'));
    expect(() => decimate(3 as never, 10, 2)).toThrow(new TypeError('decimate: valueAt must be a function (i) => number, got 3'));
  });
});

describe('columnExtents, decimateParam: columns', () => {
  it('refuses columns that are not an integer in [1, 10^7] (NaN or 0 gave an empty chart, 2.5 a rounded one)', () => {
    const policy = new OptimizerPolicy(pytorch.oneCycleLR({ maxLr: 1, totalSteps: 100 }));
    for (const columns of [NaN, 0, -1, 2.5, Infinity, 1e9]) {
      expect(() => columnExtents(policy, 'lr', columns)).toThrow(new RangeError(`columnExtents: columns must be an integer in [1, 10000000], got ${columns}`));
      expect(() => decimateParam(policy, 'lr', columns)).toThrow(new RangeError(`decimateParam: columns must be an integer in [1, 10000000], got ${columns}`));
    }
    expect(() => decimateParam(policy, 'lr', '4' as never)).toThrow(new TypeError('decimateParam: columns must be an integer in [1, 10000000], got "4"'));
    expect(columnExtents(policy, 'lr', 1e7)).toHaveLength(100);
  });
});
