// Reference numbers: Keras 3's own tests (keras/src/optimizers/schedules/learning_rate_schedule_test.py:
// ExponentialDecayTest, PiecewiseConstantDecayTest, LinearDecayTest, SqrtDecayTest,
// InverseTimeDecayTest, CosineDecayTest, CosineDecayRestartsTest) and optax's own tests and docstrings (optax/schedules/_schedule_test.py:
// PolynomialTest, PiecewiseConstantTest, ExponentialTest, CosineDecayTest, WarmupCosineDecayTest; polynomial_schedule's
// and piecewise_constant_schedule's docstring examples). Keras and optax check in float32 with
// tolerances of 1e-6 to 1e-3; the expected values below are their formulas in float64, which
// rx-policy must meet to 12 digits, and their printed figures, to the digits printed.
import { describe, expect, it } from 'vitest';
import { invtimespace } from '../../lib/index.js';

describe('invtimespace and polycyclespace', () => {
  it('invtimespace: start/(1 + rate·i/every), floored with staircase; O(1) at 10^12', () => {
    expect([...invtimespace(1, 0.5, 4)]).toEqual([1, 1 / 1.5, 0.5, 0.4]);
    expect([...invtimespace(1, 1, 5, { every: 2, staircase: true })]).toEqual([1, 1, 0.5, 0.5, 1 / 3]);
    expect(invtimespace(1, 1, 1e12 + 1).at(1e12)).toBe(1 / (1 + 1e12));
    expect(() => invtimespace(1, -0.5, 3)).toThrow('invtimespace: rate must be a finite number ≥ 0, got -0.5');
  });
});
