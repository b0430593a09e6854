// Poutyne's own policy test suite (tests/framework/callbacks/test_policies.py), case by case.
import { describe, expect, it } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, sgdrPhases } from '../lib/index.js';
import { expectClose } from './helpers.js';

describe('TestSpaces', () => {
  // Poutyne's assert_space zips (so a short space would pass); this port also checks the length.
  const assertSpace = (space: Iterable<number>, expected: number[]) => expectClose([...space], expected, 3);
  it('test_linspace_const', () => assertSpace(linspace(0, 0, 3), [0, 0, 0]));
  it('test_linspace_increasing', () => assertSpace(linspace(0, 1, 3), [0, 0.5, 1]));
  it('test_linspace_decreasing', () => assertSpace(linspace(1, 0, 3), [1, 0.5, 0]));
  it('test_linspace_with_many_values', () => assertSpace(linspace(0, 1, 6), [0, 0.2, 0.4, 0.6, 0.8, 1]));
  it('test_cosinespace_const', () => assertSpace(cosinespace(0, 0, 2), [0, 0]));
  it('test_cosinespace_increasing', () => {
    assertSpace(cosinespace(0, 1, 2), [0, 1]);
    assertSpace(cosinespace(0, 1, 3), [0, 0.5, 1]);
  });
  it('test_cosinespace_decreasing', () => {
    assertSpace(cosinespace(1, 0, 2), [1, 0]);
    assertSpace(cosinespace(1, 0, 3), [1, 0.5, 0]);
  });
  it('test_cosinespace_with_many_values', () => {
    assertSpace(cosinespace(0, 1, 5), [0, 0.1464, 0.5, 0.8535, 1]);
    assertSpace(cosinespace(1, 0, 5), [1, 0.8535, 0.5, 0.1464, 0]);
  });
  it('test_space_has_desired_length', () => {
    for (const spaceFn of [linspace, cosinespace]) {
      const space = spaceFn(2, 1, 3);
      expect([...space]).toHaveLength(3);
      expect(() => space.at(4)).toThrow(RangeError); // Poutyne: IndexError
    }
  });
});

describe('TestPhase', () => {
  it('test_init_raises_without_lr_or_momentum', () => {
    // Poutyne raises ValueError for Phase(lr=None, momentum=None) and for Phase(); here both are TypeErrors.
    expect(() => new Phase({ lr: undefined, momentum: undefined } as unknown as Record<string, number>)).toThrow(TypeError);
    expect(() => new Phase({})).toThrow(TypeError);
  });
  it('test_phase_with_only_one_parameter_set', () => {
    for (const name of ['lr', 'momentum']) {
      const phase = new Phase({ [name]: linspace(1, 0, 3) });
      for (const params of phase) {
        expect(typeof params).toBe('object');
        expect(Object.keys(params)).toEqual([name]);
        expect(params[name]).toBeGreaterThanOrEqual(0);
        expect(params[name]).toBeLessThanOrEqual(1);
      }
    }
  });
  it('test_phase_with_two_parameters', () => {
    const steps = 4;
    const phase = new Phase({ lr: linspace(1, 0, steps), momentum: cosinespace(0.8, 1, steps) });
    expect([...phase]).toHaveLength(steps);
    for (const params of phase) {
      expect(Object.keys(params)).toHaveLength(2);
      expect(params.lr).toBeGreaterThanOrEqual(0);
      expect(params.lr).toBeLessThanOrEqual(1);
      expect(params.momentum).toBeGreaterThanOrEqual(0.8);
      expect(params.momentum).toBeLessThanOrEqual(1);
    }
  });
});

describe('TestOptimizerPolicy', () => {
  it('test_basic_iteration', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 1, 2) }), new Phase({ lr: linspace(0, 0, 2) })]);
    const iter = policy[Symbol.iterator]();
    expect(iter.next().value).toEqual({ lr: 1 });
    expect(iter.next().value).toEqual({ lr: 1 });
    expect(iter.next().value).toEqual({ lr: 0 });
    expect(iter.next().value).toEqual({ lr: 0 });
    expect(iter.next().done).toBe(true); // Poutyne: StopIteration
  });
});

describe('TestOptimizerPolicyRestart', () => {
  it('test_starts_at_correct_position', () => {
    const phases = [new Phase({ lr: linspace(0, 0, 2) }), new Phase({ lr: linspace(1, 1, 2) }), new Phase({ lr: linspace(2, 2, 2) })];
    const iter = new OptimizerPolicy(phases, { initialStep: 3 })[Symbol.iterator]();
    expect(iter.next().value).toEqual({ lr: 1 });
    expect(iter.next().value).toEqual({ lr: 2 });
    expect(iter.next().value).toEqual({ lr: 2 });
    expect(iter.next().done).toBe(true);
  });
});

describe('TestOneCycle', () => {
  it('test_length', () => {
    expect([...new OptimizerPolicy(oneCyclePhases({ steps: 100 })).allSteps()]).toHaveLength(100);
    expect([...new OptimizerPolicy(oneCyclePhases({ steps: 99 })).allSteps()]).toHaveLength(99);
  });
});

describe('TestSGDR', () => {
  const len = (baseCycleLength: number, cycles: number, cycleMult: number) =>
    [...new OptimizerPolicy(sgdrPhases({ baseCycleLength, cycles, cycleMult })).allSteps()].length;
  it('test_length_with_cycle_mult_one', () => {
    expect(len(10, 1, 1)).toBe(10);
    expect(len(10, 2, 1)).toBe(20);
    expect(len(10, 10, 1)).toBe(100);
  });
  it('test_length_with_higher_cycle_mult', () => {
    expect(len(10, 1, 2)).toBe(10);
    expect(len(10, 2, 2)).toBe(30);
    expect(len(10, 3, 2)).toBe(70);
    expect(len(10, 1, 3)).toBe(10);
    expect(len(10, 2, 3)).toBe(40);
  });
});
