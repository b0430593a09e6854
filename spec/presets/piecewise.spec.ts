import { describe, expect, it } from 'vitest';
import { OptimizerPolicy, piecewise } from '../../lib/index.js';

describe('piecewise (optax piecewise_interpolate_schedule, by points)', () => {
  it('linear and cosine interpolation between points, held before the first and after the last', () => {
    const lin = [...new OptimizerPolicy(piecewise('linear', [[2, 0], [6, 1], [8, 0.5]], 11)).allSteps()].map((v) => v.lr);
    expect(lin).toEqual([0, 0, 0, 0.25, 0.5, 0.75, 1, 0.75, 0.5, 0.5, 0.5]);
    const cos = [...new OptimizerPolicy(piecewise('cos', [[0, 1], [4, 0]], 6)).allSteps()].map((v) => v.lr);
    cos.forEach((v, k) => expect(v).toBeCloseTo(k < 4 ? (1 + Math.cos((Math.PI * k) / 4)) / 2 : 0, 12));
    expect(() => piecewise('linear', [[3, 1], [3, 2]], 5)).toThrow(/piecewise: point steps must increase, got 3 then 3/);
    expect(() => piecewise('linear', [[0, 1], [3, Number.NaN]], 5)).toThrow(new RangeError('piecewise: points[1][1] must be a finite number, got NaN'));
    expect(() => piecewise('linear', [[0, 1], [3, '2' as never]], 5)).toThrow(new TypeError('piecewise: points[1] must be [step, finite value], got [3,"2"]'));
    // Multi-step: optax piecewise_constant switches at count ≥ boundary (Keras only after it).
    expect([...new OptimizerPolicy(piecewise('constant', [[0, 1], [3, 0.1], [5, 0.01]], 7)).allSteps()].map((v) => v.lr)).toEqual([1, 1, 1, 0.1, 0.1, 0.01, 0.01]);
    expect([...new OptimizerPolicy(piecewise('constant', [[2, 0.5]], 4)).allSteps()].map((v) => v.lr)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});
