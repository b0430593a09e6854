// Reference: Hugging Face's get_inverse_sqrt_schedule (src/transformers/optimization.py): after
// the warmup, the factor is 1 / √((step + shift) / timescale) with shift = timescale − warmup.
import { describe, expect, it } from 'vitest';
import { invsqrtspace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

describe('invsqrtspace', () => {
  it("is start · √(timescale / (i + timescale)): Hugging Face's decay counted from the warmup's end", () => {
    const W = 4;
    const timescale = 10;
    const hf = Array.from({ length: 6 }, (_, k) => 1 / Math.sqrt((W + k + (timescale - W)) / timescale));
    expectClose([...invsqrtspace(1, timescale, 6)], hf, 15);
    expectClose([...invsqrtspace(1, 4, 3)], [1, 0.894427190999916, 0.816496580927726], 15);
    expect(invsqrtspace(2, 3, 1e12).at(1e12 - 1)).toBeCloseTo(2 * Math.sqrt(3 / (1e12 - 1 + 3)), 20);
  });

  it('refuses a timescale that is not a finite number > 0', () => {
    expectNamedError(() => invsqrtspace(1, 0, 3), RangeError, { fn: 'invsqrtspace', arg: 'timescale', got: '0' });
  });
});
