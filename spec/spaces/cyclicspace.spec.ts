// Reference: PyTorch's CyclicLR (torch/optim/lr_scheduler.py, get_lr): cycle = ⌊1 + k/total⌋,
// x = 1 + k/total − cycle, scale x/ratio going up and (x − 1)/(ratio − 1) going down, times
// 1 (triangular), 1/2^(cycle − 1) (triangular2) or gamma^k (exp_range).
import { describe, expect, it } from 'vitest';
import { cyclicspace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

function torchCyclic(base: number, max: number, n: number, up: number, down: number, mode: string, gamma = 1): number[] {
  const total = up + down;
  const ratio = up / total;
  return Array.from({ length: n }, (_, k) => {
    const cycle = Math.floor(1 + k / total);
    const x = 1 + k / total - cycle;
    const scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
    const amp = mode === 'triangular' ? 1 : mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : gamma ** k;
    return base + (max - base) * scale * amp;
  });
}

describe('cyclicspace', () => {
  it("is PyTorch's CyclicLR in each mode", () => {
    expect([...cyclicspace(0, 1, 9, { stepsUp: 2 })]).toEqual([0, 0.5, 1, 0.5, 0, 0.5, 1, 0.5, 0]);
    expectClose([...cyclicspace(0, 1, 9, { stepsUp: 2, mode: 'triangular2' })], [0, 0.5, 1, 0.5, 0, 0.25, 0.5, 0.25, 0], 15);
    expectClose([...cyclicspace(0.001, 0.1, 40, { stepsUp: 3, stepsDown: 7, mode: 'expRange', gamma: 0.99 })], torchCyclic(0.001, 0.1, 40, 3, 7, 'expRange', 0.99), 15);
    expectClose([...cyclicspace(0.9, 0.8, 25, { stepsUp: 4, stepsDown: 2 })], torchCyclic(0.9, 0.8, 25, 4, 2, 'triangular'), 15);
  });

  it('is periodic in O(1): any step of a 10^12-step wave', () => {
    expect(cyclicspace(0, 1, 1e12, { stepsUp: 2 }).at(1e12 - 2)).toBe(1);
  });

  it('refuses bad options, naming cyclicspace, the option and the value', () => {
    expectNamedError(() => cyclicspace(0, 1, 9, {} as never), TypeError, { fn: 'cyclicspace', arg: 'stepsUp', got: 'undefined' });
    expectNamedError(() => cyclicspace(0, 1, 9, { stepsUp: 2, stepsDown: 0 }), RangeError, { fn: 'cyclicspace', arg: 'stepsDown', got: '0' });
    expectNamedError(() => cyclicspace(0, 1, 9, { stepsUp: 2, mode: 'exp_range' as never }), TypeError, { fn: 'cyclicspace', arg: 'mode', got: '"exp_range"' });
    expectNamedError(() => cyclicspace(0, 1, 9, { stepsUp: 2, gamma: 0 }), RangeError, { fn: 'cyclicspace', arg: 'gamma', got: '0' });
  });

  it('refuses an expRange wave whose peaks overflow while its ends stay finite, naming the first step', () => {
    // (high − low)·gamma^k: 1e300·1e5² overflows at the first peak (step 2); steps 0 and 4 are troughs (0).
    expect(() => cyclicspace(0, 1e300, 5, { stepsUp: 2, mode: 'expRange', gamma: 1e5 })).toThrow(
      new RangeError('cyclicspace: gamma 100000 makes the amplitude (high − low)·gamma^k overflow at step 2 of 5; choose gamma ≤ 1, a smaller high − low or fewer steps, got gamma 100000'),
    );
    expect([...cyclicspace(0, 1e300, 2, { stepsUp: 2, mode: 'expRange', gamma: 1e5 })]).toEqual(torchCyclic(0, 1e300, 2, 2, 2, 'expRange', 1e5));
  });
});

