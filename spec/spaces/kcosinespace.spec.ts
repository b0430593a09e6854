// Reference: timm's CosineLRScheduler with k_decay (timm/scheduler/cosine_lr.py):
// lr_min + ½(lr_max − lr_min)(1 + cos(π·t^k / T^k)).
import { describe, expect, it } from 'vitest';
import { cosinespace, kcosinespace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

const timmK = (max: number, min: number, T: number, k: number) => Array.from({ length: T }, (_, t) => min + 0.5 * (max - min) * (1 + Math.cos((Math.PI * t ** k) / T ** k)));

describe('kcosinespace', () => {
  it("is timm's k-decayed cosine over a cycle of T steps (endpoint: false, timm's convention)", () => {
    expectClose([...kcosinespace(0.1, 1e-5, 20, { k: 2, endpoint: false })], timmK(0.1, 1e-5, 20, 2), 15);
    expectClose([...kcosinespace(1, 0, 8, { k: 0.5, endpoint: false })], timmK(1, 0, 8, 0.5), 15);
    expect(kcosinespace(1, 0, 5, { k: 2 }).at(2)).toBeCloseTo((1 + Math.cos(Math.PI / 4)) / 2, 15);
  });

  it('k 1 (the default) is cosinespace', () => {
    expect([...kcosinespace(1, 0, 9)]).toEqual([...cosinespace(1, 0, 9)]);
  });

  it('refuses a k that is not a finite number > 0', () => {
    expectNamedError(() => kcosinespace(1, 0, 3, { k: -1 }), RangeError, { fn: 'kcosinespace', arg: 'k', got: '-1' });
  });
});
