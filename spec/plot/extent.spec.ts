import { describe, expect, it } from 'vitest';
import { constant, cosinespace, cycle, cyclicspace, expspace, fnspace, linspace, noisy, OptimizerPolicy, Phase, policyFromJSON, polycyclespace, product, pytorch } from '../../lib/index.js';
import { columnExtents, decimateParam, paramExtent, spaceExtent } from '../../lib/plot/index.js';

describe('spaceExtent', () => {
  it('a monotone curve: its ends', () => {
    expect(spaceExtent(linspace(0, 1, 101), 10, 21)).toEqual({ min: 0.1, minAt: 10, max: 0.2, maxAt: 20 });
    expect(spaceExtent(cosinespace(1, 0, 1e9), 0, 1e9)).toEqual({ min: 0, minAt: 1e9 - 1, max: 1, maxAt: 0 });
  });

  it('a cycle: one period stands for all, the earliest step kept', () => {
    const e = spaceExtent(cycle(cosinespace(1, 0, 100), 1e9), 50, 1e9);
    expect(e).toEqual({ min: 0, minAt: 99, max: 1, maxAt: 100 });
  });

  it('a cosine past its span turns at each integer progress (CosineAnnealingLR past tMax)', () => {
    const lr = pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 10, steps: 35 })[0]!.spaces.lr;
    const e = spaceExtent(lr, 5, 35);
    expect(e.max).toBe(lr.at(20));
    expect(e.min).toBe(lr.at(10));
  });

  it('ranges too long to read: a dense wave from its first 64 turns, an unknown shape from 2^16 evenly spaced steps', () => {
    const lr = pytorch.cosineAnnealingLR({ baseLr: 1, tMax: 1000, steps: 2 ** 53 - 1 })[0]!.spaces.lr;
    expect(spaceExtent(lr, 0, 2 ** 53 - 1)).toEqual({ min: 0, minAt: 1000, max: 1, maxAt: 0 });
    const wave = fnspace((i) => Math.sin(i / 1000), 2 ** 53 - 1);
    const e = spaceExtent(wave, 0, 2 ** 53 - 1);
    expect(e.max).toBeGreaterThan(0.999);
    expect(e.min).toBeLessThan(-0.999);
    expect([wave.at(e.minAt), wave.at(e.maxAt)]).toEqual([e.min, e.max]);
  });

  it('triangular waves and polynomial restarts: their turning points', () => {
    const wave = cyclicspace(0, 1, 1000, { stepsUp: 7, stepsDown: 3, mode: 'triangular2' });
    expect(spaceExtent(wave, 3, 1000)).toMatchObject({ min: 0, minAt: 10, max: wave.at(7), maxAt: 7 });
    const keras = polycyclespace(1, 0.1, 1000, { period: 10 });
    expect(spaceExtent(keras, 15, 100)).toMatchObject({ min: 0.1, minAt: 20, max: keras.at(21), maxAt: 21 });
  });

  it('a scaled product: the scale applied to the other factor (negative scales swap)', () => {
    expect(spaceExtent(product(expspace(1, 0.5, 1000), -2), 0, 1000)).toEqual({ min: -2, minAt: 0, max: -2 * 0.5 ** 999, maxAt: 999 });
  });

  it('noise: a few thousand noisy steps are read; more show the bound |n| < pct, which the draws come close to', () => {
    const space = noisy(linspace(1, 2, 1e9), { range: [0], pct: 0.5 });
    const read = spaceExtent(space, 0, 4000);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 4000; i++) {
      min = Math.min(min, space.at(i));
      max = Math.max(max, space.at(i));
    }
    expect([read.min, read.max]).toEqual([min, max]);
    const inner = linspace(1, 2, 1e9);
    const bound = spaceExtent(space, 0, 1e6);
    expect(bound.min).toBe(inner.at(0) * 0.5);
    expect(bound.max).toBe(inner.at(999_999) * 1.5);
    // The bound is never passed, and 20 000 draws already come within 1% of it.
    expect(min).toBeGreaterThan(bound.min);
    expect(max).toBeLessThan(bound.max);
    let far = Infinity;
    for (let i = 0; i < 20_000; i++) far = Math.min(far, space.at(i));
    expect(far / bound.min).toBeLessThan(1.01);
  });

  it('noise with a small pct (about 1/(0.8·pct) draws a step): fewer noisy steps read, so a column costs the same draws', () => {
    const space = noisy(linspace(1, 2, 1e9), { range: [0], pct: 0.001 });
    // 1000 noisy steps at pct 0.001 would be about 1.25 million draws: the bound is shown instead.
    expect(spaceExtent(space, 0, 1000)).toEqual({ min: 1 * 0.999, minAt: 0, max: linspace(1, 2, 1e9).at(999) * 1.001, maxAt: 999 });
    // A handful is still read one by one.
    const few = spaceExtent(space, 0, 5);
    expect([few.min, few.max]).toEqual([Math.min(...[0, 1, 2, 3, 4].map((i) => space.at(i))), Math.max(...[0, 1, 2, 3, 4].map((i) => space.at(i)))]);
  });

  it('bad ranges: named errors', () => {
    expect(() => spaceExtent(linspace(0, 1, 10), 5, 5)).toThrow('spaceExtent: steps must satisfy 0 ≤ from < to ≤ 10, got from 5, to 5');
  });
});

describe('paramExtent', () => {
  it('joins the phases a range covers', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10), momentum: 0.9 }), new Phase({ lr: constant(0.5, 10), momentum: linspace(0.9, 0.8, 10) })]);
    expect(paramExtent(policy, 'lr', 5, 15)).toEqual({ min: 0.5, minAt: 10, max: 1, maxAt: 9 });
    expect(paramExtent(policy, 'momentum', 0, 20)).toMatchObject({ min: 0.8, max: 0.9, maxAt: 0 });
    // A phase of a policy may lack the parameter: the range's other phases give the extent.
    const mixed = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) }), new Phase({ lr: constant(0.5, 10), momentum: linspace(0.9, 0.8, 10) })]);
    expect(paramExtent(mixed, 'momentum', 0, 10)).toBeUndefined();
    expect(paramExtent(mixed, 'momentum', 5, 15)).toEqual({ min: linspace(0.9, 0.8, 10).at(4), minAt: 14, max: 0.9, maxAt: 10 });
  });

  it('a name the source does not have is a compile error, and a named error, not an empty extent', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10), momentum: 0.9 })]);
    // @ts-expect-error beta1 is not a parameter of the policy
    expect(() => paramExtent(policy, 'beta1', 0, 10)).toThrow(new RangeError('paramExtent: no parameter "beta1"; it has: lr, momentum'));
    // @ts-expect-error nor `lrr` of the phase
    expect(() => columnExtents(policy.phases[0]!, 'lrr', 4)).toThrow(new RangeError('columnExtents: no parameter "lrr"; it has: lr, momentum'));
    // @ts-expect-error nor `momentun`
    expect(() => decimateParam(policy, 'momentun', 4)).toThrow(new RangeError('decimateParam: no parameter "momentun"; it has: lr, momentum'));
    const restored = policyFromJSON(JSON.parse(JSON.stringify(policy)));
    expect(() => decimateParam(restored, 'wd', 4)).toThrow(new RangeError('decimateParam: no parameter "wd"; it has: lr, momentum'));
  });
});

describe('paramExtent: steps and sources it cannot read', () => {
  const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 10) }), new Phase({ lr: linspace(1, 0, 10) })]);
  it('refuses a range past the ends, reversed, empty or fractional, instead of cutting it to the steps there are', () => {
    for (const [from, to] of [[-5, 10], [0, 1e9], [15, 5], [5, 5], [2.5, 10], [NaN, 10]] as const) {
      expect(() => paramExtent(policy, 'lr', from, to)).toThrow(new RangeError(`paramExtent: steps must satisfy 0 ≤ from < to ≤ 20, got from ${from}, to ${to}`));
    }
    expect(paramExtent(policy, 'lr', 0, 20)).toEqual({ min: 0, minAt: 0, max: 1, maxAt: 9 });
  });

  it('refuses a source that is neither a phase nor a policy by name', () => {
    expect(() => paramExtent(null as never, 'lr' as never, 0, 1)).toThrow(new TypeError('paramExtent: source must be a Phase or an OptimizerPolicy, got null'));
    expect(() => columnExtents({} as never, 'lr' as never, 3)).toThrow(new TypeError('columnExtents: source must be a Phase or an OptimizerPolicy, got {}'));
  });
});
