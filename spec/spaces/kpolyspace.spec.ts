// Reference: timm's PolyLRScheduler with k_decay (timm/scheduler/poly_lr.py):
// lr_min + (lr_max − lr_min)·(1 − t^k / T^k)^power.
import { describe, expect, it } from 'vitest';
import { kpolyspace, polyspace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

const timmPoly = (max: number, min: number, T: number, power: number, k: number) => Array.from({ length: T }, (_, t) => min + (max - min) * (1 - t ** k / T ** k) ** power);

describe('kpolyspace', () => {
  it("is timm's k-decayed polynomial over a cycle of T steps", () => {
    expectClose([...kpolyspace(0.1, 0.001, 30, { power: 0.5, k: 2, endpoint: false })], timmPoly(0.1, 0.001, 30, 0.5, 2), 15);
    expectClose([...kpolyspace(1, 0, 10, { power: 2, k: 0.5, endpoint: false })], timmPoly(1, 0, 10, 2, 0.5), 15);
    expect([...kpolyspace(1, 0, 3, { power: 1, k: 2 })]).toEqual([1, 0.75, 0]);
  });

  it('k 1 is polyspace with the same power', () => {
    expect([...kpolyspace(1, 0, 9, { power: 3 })]).toEqual([...polyspace(1, 0, 9, { power: 3 })]);
  });

  it('refuses a power or k that is not a finite number > 0', () => {
    expectNamedError(() => kpolyspace(1, 0, 3, { power: 0 }), RangeError, { fn: 'kpolyspace', arg: 'power', got: '0' });
    expectNamedError(() => kpolyspace(1, 0, 3, { k: Infinity }), RangeError, { fn: 'kpolyspace', arg: 'k', got: 'Infinity' });
  });
});
