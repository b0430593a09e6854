import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace, OptimizerPolicy, Phase, sgdrPhases } from '../../lib/index.js';
import { expectClose, poutyneCosinespace } from '../helpers.js';

describe('sgdrPhases', () => {
  // Poutyne's TestSGDR length fixtures (test_policies.py).
  it.each([
    [10, 1, 1, 10],
    [10, 2, 1, 20],
    [10, 10, 1, 100],
    [10, 1, 2, 10],
    [10, 2, 2, 30],
    [10, 3, 2, 70],
    [10, 1, 3, 10],
    [10, 2, 3, 40],
  ])('base %d, cycles %d, mult %d has %d steps', (baseCycleLength, cycles, cycleMult, total) => {
    expect(new OptimizerPolicy(sgdrPhases({ baseCycleLength, cycles, cycleMult })).length).toBe(total);
  });

  it('sgdr_phases(4, 3) values, anchors.md §2.1 (from running Poutyne\'s policies.py)', () => {
    const cycles = sgdrPhases({ baseCycleLength: 4, cycles: 3 }).map((p) => [...p].map((d) => d.lr));
    expectClose(cycles[0]!, [1, 0.775, 0.325, 0.1], 6);
    expectClose(cycles[1]!, [1, 0.955436, 0.83057, 0.650134, 0.449866, 0.26943, 0.144564, 0.1], 6);
    expectClose(cycles[2]!, [1, 0.990166, 0.961095, 0.914058, 0.851109, 0.775, 0.689058, 0.597038, 0.502962, 0.410942, 0.325, 0.248891, 0.185942, 0.138905, 0.109834, 0.1], 6);
  });

  it('each cycle is Poutyne\'s cosinespace(lr0, lr1, base·mult^i) and reaches lr1 on its last step', () => {
    const phases = sgdrPhases({ baseCycleLength: 5, cycles: 3, lr: [0.5, 0.01], cycleMult: 3 });
    phases.forEach((phase, i) => {
      const lrs = [...phase].map((d) => d.lr);
      expectClose(lrs, poutyneCosinespace(0.5, 0.01, 5 * 3 ** i));
      expect(lrs.at(-1)).toBe(0.01);
    });
  });

  it('is the seed\'s manual build: cosinespace(1, 0, 200|400|800)', () => {
    const manual = new OptimizerPolicy([200, 400, 800].map((n) => new Phase({ lr: cosinespace(1, 0, n) })));
    const preset = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2, lr: [1, 0] }));
    expect(preset.length).toBe(1400);
    expect([...preset.allSteps()]).toEqual([...manual.allSteps()]);
  });

  it('law: a non-integer cycleMult gives round(base·mult^i) steps per cycle (Poutyne: TypeError)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.5, max: 3, noNaN: true }), (base, cycles, mult) => {
        const lengths = Array.from({ length: cycles }, (_, i) => Math.round(base * mult ** i));
        fc.pre(lengths.every((n) => n >= 1));
        const phases = sgdrPhases({ baseCycleLength: base, cycles, cycleMult: mult });
        expect(phases.map((p) => p.length)).toEqual(lengths);
        expect(new OptimizerPolicy(phases).length).toBe(lengths.reduce((a, b) => a + b, 0));
      }),
    );
    expect(sgdrPhases({ baseCycleLength: 10, cycles: 3, cycleMult: 1.5 }).map((p) => p.length)).toEqual([10, 15, 23]);
  });

  it('base 1 works (one-step cycles are their start value; Poutyne divides by zero)', () => {
    expect([...new OptimizerPolicy(sgdrPhases({ baseCycleLength: 1, cycles: 2, cycleMult: 1 })).allSteps()]).toEqual([{ lr: 1 }, { lr: 1 }]);
  });

  it('rejects bad options by name', () => {
    expect(() => sgdrPhases({ baseCycleLength: 0, cycles: 3 })).toThrow(new RangeError('sgdrPhases: baseCycleLength must be a positive integer, got 0'));
    expect(() => sgdrPhases({ baseCycleLength: 10, cycles: 2.5 })).toThrow(new RangeError('sgdrPhases: cycles must be a positive integer, got 2.5'));
    expect(() => sgdrPhases({ baseCycleLength: 10, cycles: 2, cycleMult: 0 })).toThrow(new RangeError('sgdrPhases: cycleMult must be a finite number > 0, got 0'));
    expect(() => sgdrPhases({ baseCycleLength: 10, cycles: 2, lr: [1] as unknown as [number, number] })).toThrow(/sgdrPhases: lr must be a pair \[start, end\] of finite numbers, got \[1\]/);
    expect(() => sgdrPhases({ baseCycleLength: 1, cycles: 3, cycleMult: 0.2 })).toThrow(/sgdrPhases: cycle 1 would have 0.2 steps/);
    expect(() => sgdrPhases({ baseCycleLength: 10, cycles: 2, cycle_mult: 2 } as unknown as { baseCycleLength: number; cycles: number })).toThrow(
      /sgdrPhases: unknown option "cycle_mult"; accepted: baseCycleLength, cycles, lr, cycleMult/,
    );
  });
});
