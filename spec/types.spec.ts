// Compile-time guarantees, checked by `npm run typecheck` (tsc reads spec/), and run as tests.
import { describe, expectTypeOf, it } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, sgdrPhases, type PolicyValues } from '../lib/index.js';

describe('types', () => {
  it('a Phase of { lr, momentum } yields { lr: number; momentum: number }', () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
    expectTypeOf(phase.at(0)).toEqualTypeOf<{ lr: number; momentum: number }>();
    phase.subscribe((p) => {
      expectTypeOf(p.lr).toBeNumber();
      // @ts-expect-error a typo in a parameter name is a compile error
      void p.lrr;
    });
  });

  it('presets are typed by their parameters', () => {
    expectTypeOf(new OptimizerPolicy(oneCyclePhases({ steps: 10 })).at(0)).toEqualTypeOf<{ lr: number; momentum: number }>();
    expectTypeOf(new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 })).at(0)).toEqualTypeOf<{ lr: number }>();
  });

  it('a policy of mixed phases is a union: common keys always, the others by narrowing', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) }), new Phase({ lr: linspace(1, 0, 3), momentum: 0.9 })]);
    type V = PolicyValues<typeof policy>;
    expectTypeOf<V>().toEqualTypeOf<{ lr: number } | { lr: number; momentum: number }>();
    const v = policy.at(0);
    expectTypeOf(v.lr).toBeNumber();
    // @ts-expect-error momentum is not in every phase
    void v.momentum;
    if ('momentum' in v) expectTypeOf(v.momentum).toBeNumber();
  });

  it('options are checked', () => {
    // @ts-expect-error steps is required
    void (() => oneCyclePhases({}));
    // @ts-expect-error lr is a pair
    void (() => sgdrPhases({ baseCycleLength: 1, cycles: 1, lr: 1 }));
  });
});
