import fc from 'fast-check';
import { range } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { OptimizerPolicy, piecewise, policyFromJSON, restorePolicy, saveState } from '../../lib/index.js';
import { collect } from '../helpers.js';

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

  it('law: any increasing points give finite values that stream as at() does, round-trip through JSON, and resume at any step', () => {
    const points = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(1, 1e-300, 1e300, 1.7e308)).map(([x, m]) => x * m)), { minLength: 1, maxLength: 6 })
      .map((list) => [...new Map(list).entries()].sort((a, b) => a[0] - b[0]));
    fc.assert(
      fc.property(fc.constantFrom('linear', 'cos', 'constant') as fc.Arbitrary<'linear' | 'cos' | 'constant'>, points, fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (kind, pts, steps, at) => {
        let policy: OptimizerPolicy;
        try {
          policy = new OptimizerPolicy(piecewise(kind, pts, steps));
        } catch (e) {
          // Values near the largest double can overflow between two points: refused by name.
          expect((e as Error).message).toMatch(/^piecewise: lr would be -?Infinity at step \d+/);
          return;
        }
        const full = collect(policy.allSteps());
        expect(full.length).toBe(steps);
        full.forEach((v, i) => {
          expect(Number.isFinite(v.lr)).toBe(true);
          expect(policy.at(i)).toEqual(v);
        });
        const copy = policyFromJSON(JSON.parse(JSON.stringify(policy)));
        expect(collect(copy.allSteps()).every((v, i) => v.lr === full[i]!.lr)).toBe(true);
        const k = Math.round(at * steps);
        policy.seek(k);
        const restored = restorePolicy(JSON.parse(JSON.stringify(saveState(policy))));
        expect(collect(policy.drive(range(0, steps + 1)))).toEqual(full.slice(k));
        expect(collect(restored.drive(range(0, steps + 1)))).toEqual(full.slice(k));
      }),
      { numRuns: 150 },
    );
  });
});

