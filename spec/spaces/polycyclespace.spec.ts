// Reference numbers: Keras 3's own tests (keras/src/optimizers/schedules/learning_rate_schedule_test.py:
// ExponentialDecayTest, PiecewiseConstantDecayTest, LinearDecayTest, SqrtDecayTest,
// InverseTimeDecayTest, CosineDecayTest, CosineDecayRestartsTest) and optax's own tests and docstrings (optax/schedules/_schedule_test.py:
// PolynomialTest, PiecewiseConstantTest, ExponentialTest, CosineDecayTest, WarmupCosineDecayTest; polynomial_schedule's
// and piecewise_constant_schedule's docstring examples). Keras and optax check in float32 with
// tolerances of 1e-6 to 1e-3; the expected values below are their formulas in float64, which
// rx-policy must meet to 12 digits, and their printed figures, to the digits printed.
import { describe, expect, it } from 'vitest';
import { polycyclespace } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

describe('invtimespace and polycyclespace', () => {
  it('polycyclespace: reaches end at every multiple of the period, then restarts on a longer horizon', () => {
    expectClose([...polycyclespace(1, 0, 7, { power: 1, period: 2 })], [1, 0.5, 0, 0.25, 0, 1 / 6, 0], 15);
    expect(polycyclespace(1, 0, 1e12 + 1, { power: 2, period: 1000 }).at(1e12)).toBe(0);
    expect(() => polycyclespace(1, 0, 3, { power: 1, period: 0 })).toThrow(/polycyclespace: period must be a positive integer, got 0/);
  });
});
