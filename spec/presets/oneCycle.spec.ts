import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { OptimizerPolicy, oneCyclePhases, type OneCycleOptions } from '../../lib/index.js';
import { collect, expectClose, expectNamedError, poutyneLinspace } from '../helpers.js';

/** Poutyne's one_cycle_phases written out (policies.py), as reference. */
function poutyneOneCycle(steps: number, lr = [0.1, 1], mom = [0.95, 0.85], finetuneLr = 0.01, fraction = 0.1) {
  const a = Math.trunc(steps * fraction);
  const up = Math.trunc((steps - a) / 2);
  const down = steps - a - up;
  return {
    lengths: [up, down, a],
    lr: [...poutyneLinspace(lr[0]!, lr[1]!, up), ...poutyneLinspace(lr[1]!, lr[0]!, down), ...poutyneLinspace(lr[0]!, finetuneLr, a)],
    momentum: [...poutyneLinspace(mom[0]!, mom[1]!, up), ...poutyneLinspace(mom[1]!, mom[0]!, down), ...poutyneLinspace(mom[0]!, mom[0]!, a)],
  };
}

describe('oneCyclePhases', () => {
  it('Poutyne\'s TestOneCycle lengths: 100 and 99', () => {
    expect(new OptimizerPolicy(oneCyclePhases({ steps: 100 })).length).toBe(100);
    expect(new OptimizerPolicy(oneCyclePhases({ steps: 99 })).length).toBe(99);
  });

  it('one_cycle_phases(20), anchors.md §2.1: phase lengths [9, 9, 2] and the lr/momentum tables', () => {
    const phases = oneCyclePhases({ steps: 20 });
    expect(phases.map((p) => p.length)).toEqual([9, 9, 2]);
    const all = [...new OptimizerPolicy(phases).allSteps()];
    expectClose(all.map((d) => d.lr), [0.1, 0.2125, 0.325, 0.4375, 0.55, 0.6625, 0.775, 0.8875, 1.0, 1.0, 0.8875, 0.775, 0.6625, 0.55, 0.4375, 0.325, 0.2125, 0.1, 0.1, 0.01], 10);
    const m = all.map((d) => d.momentum);
    expectClose([m[0]!, m[1]!, m[8]!, m[9]!, m[17]!, m[18]!, m[19]!], [0.95, 0.9375, 0.85, 0.85, 0.95, 0.95, 0.95], 10);
  });

  it('one_cycle_phases(500), the seed\'s: 225 / 225 / 50, peak 1 at steps 224 and 225', () => {
    const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
    expect(tp.phases.map((p) => p.length)).toEqual([225, 225, 50]);
    expect(tp.at(224)).toEqual({ lr: 1, momentum: 0.85 });
    expect(tp.at(225)).toEqual({ lr: 1, momentum: 0.85 });
    expect(tp.at(499)).toEqual({ lr: 0.01, momentum: 0.95 });
  });

  it('law: for every steps ≥ 1 it has exactly `steps` values equal to Poutyne\'s formulas (where Poutyne does not crash)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (steps) => {
        const policy = new OptimizerPolicy(oneCyclePhases({ steps }));
        expect(policy.length).toBe(steps);
        const ref = poutyneOneCycle(steps);
        expect(policy.phases.map((p) => p.length)).toEqual(ref.lengths);
        if (ref.lengths.every((n) => n !== 1)) {
          const all = [...policy.allSteps()];
          expectClose(all.map((d) => d.lr), ref.lr, 10);
          expectClose(all.map((d) => d.momentum), ref.momentum, 10);
        }
      }),
    );
  });

  it('small step counts work where Poutyne crashes (steps 1, 2, 10)', () => {
    expect([...new OptimizerPolicy(oneCyclePhases({ steps: 1 })).allSteps()]).toEqual([{ lr: 1, momentum: 0.85 }]);
    expect(new OptimizerPolicy(oneCyclePhases({ steps: 2 })).length).toBe(2);
    const ten = [...new OptimizerPolicy(oneCyclePhases({ steps: 10 })).allSteps()].map((d) => d.lr);
    // a = 1: the fine-tune phase has one step, its start value lr[0].
    expectClose(ten, [0.1, 0.4, 0.7, 1, 1, 0.775, 0.55, 0.325, 0.1, 0.1], 12);
  });

  it('custom options', () => {
    const all = [...new OptimizerPolicy(oneCyclePhases({ steps: 10, lr: [0.2, 2], momentum: [0.9, 0.8], finetuneLr: 0.001, finetuneFraction: 0.2 })).allSteps()];
    const ref = poutyneOneCycle(10, [0.2, 2], [0.9, 0.8], 0.001, 0.2);
    expectClose(all.map((d) => d.lr), ref.lr);
    expectClose(all.map((d) => d.momentum), ref.momentum);
  });

  it('rejects bad options by name, including Poutyne\'s steps 10 / finetune_fraction 2 (which it turns into 20 steps)', () => {
    expect(() => oneCyclePhases({ steps: 10, finetuneFraction: 2 })).toThrow(new RangeError('oneCyclePhases: finetuneFraction must be a fraction in [0, 1), got 2'));
    expect(() => oneCyclePhases({ steps: 10, finetuneFraction: 1 })).toThrow(/got 1$/);
    expect(() => oneCyclePhases({ steps: 10, finetuneFraction: -0.1 })).toThrow(/got -0.1$/);
    expect(() => oneCyclePhases({ steps: 0 })).toThrow(new RangeError('oneCyclePhases: steps must be a positive integer, got 0'));
    expect(() => oneCyclePhases({ steps: 10.5 })).toThrow(new RangeError('oneCyclePhases: steps must be a positive integer, got 10.5'));
    expect(() => oneCyclePhases({ steps: 10, finetuneLr: NaN })).toThrow(new RangeError('oneCyclePhases: finetuneLr must be a finite number, got NaN'));
    expect(() => oneCyclePhases({ steps: 10, momentum: [0.9, Infinity] })).toThrow(new RangeError('oneCyclePhases: momentum[1] must be a finite number, got Infinity'));
  });

  it('one_cycle_phases(20) momentum, anchors.md §2.1, every value (m0 + i/8·(m1 - m0) up, mirrored down, then m0 twice)', () => {
    const up = Array.from({ length: 9 }, (_, i) => 0.95 + (i / 8) * (0.85 - 0.95));
    const down = Array.from({ length: 9 }, (_, i) => 0.85 + (i / 8) * (0.95 - 0.85));
    const momentum = [...new OptimizerPolicy(oneCyclePhases({ steps: 20 })).allSteps()].map((d) => d.momentum);
    expectClose(momentum, [...up, ...down, 0.95, 0.95], 12);
    // the values anchors.md lists: [0.95, 0.9375, …, 0.85, 0.85, …, 0.9375, 0.95, 0.95, 0.95]
    expectClose([momentum[0]!, momentum[1]!, momentum[8]!, momentum[9]!, momentum[16]!, momentum[17]!, momentum[18]!, momentum[19]!], [0.95, 0.9375, 0.85, 0.85, 0.9375, 0.95, 0.95, 0.95], 12);
  });

  it('every steps in 1..50 gives exactly `steps` values, by length, by allSteps and by driving', () => {
    for (let steps = 1; steps <= 50; steps++) {
      const phases = oneCyclePhases({ steps });
      expect(phases.reduce((n, p) => n + p.length, 0)).toBe(steps);
      const policy = new OptimizerPolicy(phases);
      expect(policy.length).toBe(steps);
      expect(collect(policy.allSteps())).toHaveLength(steps);
      const step$ = new Subject<void>();
      let emitted = 0;
      let completed = false;
      policy.drive(step$).subscribe({ next: () => emitted++, complete: () => (completed = true) });
      for (let i = 0; i < steps + 5; i++) step$.next();
      expect(emitted).toBe(steps);
      expect(completed).toBe(true);
    }
  });

  it('empty phases inside the policy: steps 1 is [0, 1, 0] (only the way down, at its start), finetuneFraction 0 drops the last phase', () => {
    const one = new OptimizerPolicy(oneCyclePhases({ steps: 1 }));
    expect(one.phases.map((p) => p.length)).toEqual([0, 1, 0]);
    expect(one.phaseIndexAt(0)).toBe(1);
    expect(one.at(0)).toEqual({ lr: 1, momentum: 0.85 });
    const noFinetune = oneCyclePhases({ steps: 10, finetuneFraction: 0 });
    expect(noFinetune.map((p) => p.length)).toEqual([5, 5, 0]);
    expect(new OptimizerPolicy(noFinetune).at(9)).toEqual({ lr: 0.1, momentum: 0.95 });
  });

  it('the phases print in Poutyne\'s layout', () => {
    expect(oneCyclePhases({ steps: 500 }).map(String)).toEqual([
      'Phase:\n    lr: linspace(0.1, 1, 225)\n    momentum: linspace(0.95, 0.85, 225)',
      'Phase:\n    lr: linspace(1, 0.1, 225)\n    momentum: linspace(0.85, 0.95, 225)',
      'Phase:\n    lr: linspace(0.1, 0.01, 50)\n    momentum: linspace(0.95, 0.95, 50)',
    ]);
  });

  it('bad options: the error class, and a message naming oneCyclePhases, the option and the value', () => {
    const fn = 'oneCyclePhases';
    const bad = (options: unknown) => () => oneCyclePhases(options as OneCycleOptions);
    // Poutyne's one_cycle_phases(10, finetune_fraction=2) returns 20 steps; here it is refused.
    expectNamedError(bad({ steps: 10, finetuneFraction: 2 }), RangeError, { fn, arg: 'finetuneFraction', got: '2' });
    expectNamedError(bad({ steps: 10, finetuneFraction: 1 }), RangeError, { fn, arg: 'finetuneFraction', got: '1' });
    expectNamedError(bad({ steps: 10, finetuneFraction: -0.1 }), RangeError, { fn, arg: 'finetuneFraction', got: '-0.1' });
    expectNamedError(bad({ steps: 10, finetuneFraction: NaN }), RangeError, { fn, arg: 'finetuneFraction', got: 'NaN' });
    expectNamedError(bad({ steps: 0 }), RangeError, { fn, arg: 'steps', got: '0' });
    expectNamedError(bad({ steps: -5 }), RangeError, { fn, arg: 'steps', got: '-5' });
    expectNamedError(bad({ steps: 10.5 }), RangeError, { fn, arg: 'steps', got: '10.5' });
    expectNamedError(bad({ steps: '500' }), TypeError, { fn, arg: 'steps', got: '"500"' });
    expectNamedError(bad({}), TypeError, { fn, arg: 'steps', got: 'undefined' });
    expectNamedError(bad({ steps: 10, finetuneLr: NaN }), RangeError, { fn, arg: 'finetuneLr', got: 'NaN' });
    expectNamedError(bad({ steps: 10, lr: [0.1] }), TypeError, { fn, arg: 'lr', got: '[0.1]' });
    expectNamedError(bad({ steps: 10, lr: 0.1 }), TypeError, { fn, arg: 'lr', got: '0.1' });
    expectNamedError(bad({ steps: 10, momentum: [0.9, Infinity] }), RangeError, { fn, arg: 'momentum[1]', got: 'Infinity' });
    expectNamedError(bad({ steps: 10, momentum: ['0.9', 0.8] }), TypeError, { fn, arg: 'momentum[0]', got: '"0.9"' });
    expectNamedError(bad(500), TypeError, { fn, arg: 'options', got: '500' });
    expectNamedError(bad(null), TypeError, { fn, arg: 'options', got: 'null' });
    // Unknown names (here Poutyne's snake_case) are refused, listing the accepted ones.
    expect(bad({ steps: 10, finetune_fraction: 0.2 })).toThrow(TypeError);
    expect(bad({ steps: 10, finetune_fraction: 0.2 })).toThrow(/^oneCyclePhases: unknown option "finetune_fraction" \(did you mean "finetuneFraction"\?\); accepted: steps, lr, momentum, finetuneLr, finetuneFraction$/);
  });
});
