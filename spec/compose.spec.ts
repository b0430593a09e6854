import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace, OptimizerPolicy, Phase, repeatPhases, splitSteps } from '../lib/index.js';

describe('splitSteps (composition by fractions)', () => {
  it('accepts [0.1] × 10, which fastai\'s exact sum check rejects', () => {
    expect(0.1 * 10 === 1 && [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce((a, b) => a + b) === 1).toBe(false);
    expect(splitSteps(100, Array(10).fill(0.1))).toEqual(Array(10).fill(10));
  });

  it('law: the lengths add up to steps and follow round(cumulative · steps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (steps, weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const lengths = splitSteps(steps, weights.map((w) => w / total));
        expect(lengths.reduce((a, b) => a + b, 0)).toBe(steps);
        lengths.forEach((n) => expect(n).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('rejects fractions that do not sum to 1 or are negative, naming them', () => {
    expect(() => splitSteps(10, [0.5, 0.4])).toThrow(/splitSteps: fractions must sum to 1 \(within 1e-9\), got 0.9 from \[0.5,0.4\]/);
    expect(() => splitSteps(10, [1.5, -0.5])).toThrow(/fractions\[1\] must be ≥ 0, got -0.5/);
  });
});
describe('repeatPhases (cycles with a real length multiplier and a peak decay)', () => {
  it('lengths round(base · mult^i) and the cycle index for the decay', () => {
    const phases = repeatPhases({ cycles: 3, baseLength: 10, lengthMult: 1.5 }, (n, i) => new Phase({ lr: cosinespace(0.5 ** i, 0, n) }));
    expect(phases.map((p) => p.length)).toEqual([10, 15, 23]);
    const policy = new OptimizerPolicy(phases);
    expect([0, 10, 25].map((k) => policy.at(k).lr)).toEqual([1, 0.5, 0.25]);
    expect(() => repeatPhases({ cycles: 0, baseLength: 10 }, (n) => new Phase({ lr: cosinespace(1, 0, n) }))).toThrow(/repeatPhases: cycles must be an integer in \[1, 100000\], got 0/);
  });
});
