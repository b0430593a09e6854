import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace, OptimizerPolicy, Phase, sgdrPhases, type SgdrOptions } from '../../lib/index.js';
import { expectClose, expectNamedError, poutyneCosinespace } from '../helpers.js';

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

  it('law: the total is Σ round(base·mult^i), and every cycle starts at lr[0] and ends at lr[1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(1, 2, 3, 1.5, 0.75), (base, cycles, mult) => {
        const lengths = Array.from({ length: cycles }, (_, i) => Math.round(base * mult ** i));
        fc.pre(lengths.every((n) => n >= 2));
        const policy = new OptimizerPolicy(sgdrPhases({ baseCycleLength: base, cycles, cycleMult: mult, lr: [0.5, 0.05] }));
        expect(policy.length).toBe(lengths.reduce((a, b) => a + b, 0));
        policy.phaseStarts.forEach((start, i) => {
          expect(policy.at(start).lr).toBe(0.5);
          expect(policy.at(start + lengths[i]! - 1).lr).toBe(0.05);
        });
      }),
    );
  });

  it('non-integer cycleMult, rounded lengths: base 10, mult 1.5 → 10, 15, 22.5→23, 33.75→34', () => {
    expect(sgdrPhases({ baseCycleLength: 10, cycles: 4, cycleMult: 1.5 }).map((p) => p.length)).toEqual([10, 15, 23, 34]);
    expect(sgdrPhases({ baseCycleLength: 100, cycles: 3, cycleMult: 0.5 }).map((p) => p.length)).toEqual([100, 50, 25]);
  });

  it('the phases print in Poutyne\'s layout', () => {
    expect(sgdrPhases({ baseCycleLength: 4, cycles: 2, lr: [0.5, 0] }).map(String)).toEqual(['Phase:\n    lr: cosinespace(0.5, 0, 4)', 'Phase:\n    lr: cosinespace(0.5, 0, 8)']);
  });

  it('bad options: the error class, and a message naming sgdrPhases, the option and the value', () => {
    const fn = 'sgdrPhases';
    const bad = (options: unknown) => () => sgdrPhases(options as SgdrOptions);
    expectNamedError(bad({ baseCycleLength: 0, cycles: 3 }), RangeError, { fn, arg: 'baseCycleLength', got: '0' });
    expectNamedError(bad({ baseCycleLength: 2.5, cycles: 3 }), RangeError, { fn, arg: 'baseCycleLength', got: '2.5' });
    expectNamedError(bad({ baseCycleLength: '200', cycles: 3 }), TypeError, { fn, arg: 'baseCycleLength', got: '"200"' });
    expectNamedError(bad({ cycles: 3 }), TypeError, { fn, arg: 'baseCycleLength', got: 'undefined' });
    expect(bad({ baseCycleLength: 2, cycleMult: 1e300, cycles: 3 })).toThrow(new RangeError(`${fn}: cycle 1 would have 2e+300 steps (baseCycleLength · cycleMult^1), which does not round to a positive safe integer, got baseCycleLength 2 and cycleMult 1e+300`));
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2.5 }), RangeError, { fn, arg: 'cycles', got: '2.5' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 0 }), RangeError, { fn, arg: 'cycles', got: '0' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, cycleMult: 0 }), RangeError, { fn, arg: 'cycleMult', got: '0' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, cycleMult: -2 }), RangeError, { fn, arg: 'cycleMult', got: '-2' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, cycleMult: NaN }), RangeError, { fn, arg: 'cycleMult', got: 'NaN' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, cycleMult: Infinity }), RangeError, { fn, arg: 'cycleMult', got: 'Infinity' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, lr: [1] }), TypeError, { fn, arg: 'lr', got: '[1]' });
    expectNamedError(bad({ baseCycleLength: 10, cycles: 2, lr: [1, NaN] }), RangeError, { fn, arg: 'lr[1]', got: 'NaN' });
    expectNamedError(bad(null), TypeError, { fn, arg: 'options', got: 'null' });
    // A cycle that rounds to no step at all is refused, naming the cycle and its exact length.
    expect(bad({ baseCycleLength: 1, cycles: 3, cycleMult: 0.2 })).toThrow(RangeError);
    expect(bad({ baseCycleLength: 1, cycles: 3, cycleMult: 0.2 })).toThrow(/^sgdrPhases: cycle 1 would have 0.2 steps \(baseCycleLength · cycleMult\^1\), which does not round to a positive safe integer, got baseCycleLength 1 and cycleMult 0.2$/);
    // A cycle too long for a safe integer is refused too.
    expect(bad({ baseCycleLength: 10, cycles: 60, cycleMult: 2 })).toThrow(/^sgdrPhases: cycle \d+ would have .* steps/);
    expect(bad({ baseCycleLength: 10, cycles: 2, cycle_mult: 2 })).toThrow(TypeError);
    expect(bad({ baseCycleLength: 10, cycles: 2, cycle_mult: 2 })).toThrow(/^sgdrPhases: unknown option "cycle_mult" \(did you mean "cycleMult"\?\); accepted: baseCycleLength, cycles, lr, cycleMult$/);
  });
});
