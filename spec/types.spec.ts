// Compile-time guarantees, checked by `npm run typecheck` (tsc reads spec/), and run as tests.
import { type Observable, Subject } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import {
  constant,
  cosinespace,
  linspace,
  OptimizerPolicy,
  oneCyclePhases,
  Phase,
  Sequence,
  sgdrPhases,
  type ParamValues,
  type PhaseValues,
  type PolicyValues,
  type Space,
} from '../lib/index.js';
import { plot } from '../lib/plot/index.js';

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

  it("phase.plot and policy.plot take the schedule's own parameter names", () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: 0.9 });
    expectTypeOf(phase.plot).parameter(0).toEqualTypeOf<'lr' | 'momentum' | readonly ('lr' | 'momentum')[] | undefined>();
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 10 }));
    expectTypeOf(policy.plot).parameter(0).toEqualTypeOf<'lr' | 'momentum' | readonly ('lr' | 'momentum')[] | undefined>();
    // @ts-expect-error a typo in a parameter name is a compile error
    void (() => policy.plot('lrr'));
    // plot() takes the names of its sources: any one's, for several; any string for a bare { length, at } of string keys.
    void (() => plot([phase, new Phase({ lr: linspace(0, 1, 3), wd: 0.1 })], { param: ['momentum', 'wd'] }));
    // @ts-expect-error no source has this parameter
    void (() => plot(phase, { param: 'wd' }));
    // @ts-expect-error a schedule known by its at() is typed by what at() returns
    void (() => plot({ length: 3, at: () => ({ lr: 1 }) }, { param: 'momentum' }));
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

  it('spaces are Observable<number>, Iterable<number> and Space; at(i) is a number', () => {
    const space = linspace(1, 0, 3);
    expectTypeOf(space).toEqualTypeOf<Space>();
    expectTypeOf(space).toMatchTypeOf<Observable<number>>();
    expectTypeOf(space).toMatchTypeOf<Iterable<number>>();
    expectTypeOf(space.at(0)).toBeNumber();
    expectTypeOf(constant(0.9)).toEqualTypeOf<Space>();
    // @ts-expect-error steps is required (constant is the one space without it)
    void (() => linspace(0, 1));
    // @ts-expect-error numbers only
    void (() => cosinespace('1', 0, 5));
  });

  it('a Phase infers its names from the object it is given', () => {
    const phase = new Phase({ lr: linspace(0, 1, 3), momentum: 0.9, weightDecay: constant(1e-4) });
    expectTypeOf(phase).toEqualTypeOf<Phase<'lr' | 'momentum' | 'weightDecay'>>();
    expectTypeOf(phase.names).toEqualTypeOf<readonly ('lr' | 'momentum' | 'weightDecay')[]>();
    expectTypeOf<PhaseValues<typeof phase>>().toEqualTypeOf<ParamValues<'lr' | 'momentum' | 'weightDecay'>>();
    // @ts-expect-error a parameter is a space or a number, not a string
    void (() => new Phase({ lr: '0.1' }));
    // @ts-expect-error nor an array of numbers
    void (() => new Phase({ lr: [0, 1] }));
  });

  it('the driven stream, allSteps() and iteration carry the dict type', () => {
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 10 }));
    type V = { lr: number; momentum: number };
    expectTypeOf(policy.drive(new Subject<void>())).toEqualTypeOf<Observable<V>>();
    expectTypeOf(policy.allSteps()).toEqualTypeOf<Sequence<V>>();
    expectTypeOf([...policy]).toEqualTypeOf<V[]>();
    policy.drive(new Subject<void>()).subscribe((v) => {
      expectTypeOf(v.momentum).toBeNumber();
      // @ts-expect-error a typo in a parameter name is a compile error on the driven stream too
      void v.momentun;
    });
  });

  it('an OptimizerPolicy takes Phases only, and known options only', () => {
    // @ts-expect-error a space is not a phase
    void (() => new OptimizerPolicy([linspace(0, 1, 3)]));
    // @ts-expect-error Poutyne's snake_case option name is a compile error
    void (() => new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 }), { initial_step: 3 }));
    // @ts-expect-error initialStep is a number
    void (() => new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 }), { initialStep: '3' }));
  });

  it('preset options reject unknown and snake_case names', () => {
    // @ts-expect-error finetune_fraction is Poutyne's name; here it is finetuneFraction
    void (() => oneCyclePhases({ steps: 10, finetune_fraction: 0.2 }));
    // @ts-expect-error cycles is required
    void (() => sgdrPhases({ baseCycleLength: 200 }));
    // @ts-expect-error cycle_mult is Poutyne's name; here it is cycleMult
    void (() => sgdrPhases({ baseCycleLength: 200, cycles: 3, cycle_mult: 2 }));
    // @ts-expect-error momentum is a pair too
    void (() => oneCyclePhases({ steps: 10, momentum: [0.9] }));
  });

  it('a custom Sequence must give length and _at', () => {
    // @ts-expect-error _at is abstract
    class Partial extends Sequence<number> {
      readonly length = 1;
    }
    void Partial;
    class Ones extends Sequence<number> {
      readonly length = 2;
      _at(): number {
        return 1;
      }
    }
    expectTypeOf(new Ones().at(0)).toBeNumber();
  });
});
