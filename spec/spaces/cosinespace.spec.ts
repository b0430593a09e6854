import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace } from '../../lib/index.js';
import { expectClose, expectNamedError, poutyneCosinespace } from '../helpers.js';

// Any finite double, extremes included (ends near ±Number.MAX_VALUE make end - start overflow).
const anyFinite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

describe('cosinespace', () => {
  // Poutyne's TestSpaces (places=3 there; the values below are exact cosines).
  it.each([
    [0, 0, 2, [0, 0]],
    [0, 1, 2, [0, 1]],
    [0, 1, 3, [0, 0.5, 1]],
    [1, 0, 2, [1, 0]],
    [1, 0, 3, [1, 0.5, 0]],
    [0, 1, 5, [0, 0.1464, 0.5, 0.8535, 1]],
    [1, 0, 5, [1, 0.8535, 0.5, 0.1464, 0]],
  ])('cosinespace(%d, %d, %d) is Poutyne\'s %j to 3 places', (start, end, steps, expected) => {
    expectClose([...cosinespace(start, end, steps)], expected as number[], 3);
  });

  it('cosinespace(1, 0, 5) is Poutyne\'s [1, 0.853553, 0.5, 0.146447, 0] (poutyne/framework/callbacks/policies.py)', () => {
    expectClose([...cosinespace(1, 0, 5)], [1, 0.853553, 0.5, 0.146447, 0], 6);
  });

  it('matches Poutyne\'s formula end + (start-end)(1+cos(π·i/(steps-1)))/2', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 2, max: 300 }), (a, b, n) => {
        expectClose([...cosinespace(a, b, n)], poutyneCosinespace(a, b, n), 9);
      }),
    );
  });

  it('law: hits both endpoints exactly (===) and stays within [min(start, end), max(start, end)]', () => {
    fc.assert(
      fc.property(anyFinite, anyFinite, fc.integer({ min: 2, max: 500 }), (a, b, n) => {
        const s = cosinespace(a, b, n);
        expect(s.at(0) === a).toBe(true);
        expect(s.at(n - 1) === b).toBe(true);
        for (const v of s) {
          expect(v).toBeGreaterThanOrEqual(Math.min(a, b));
          expect(v).toBeLessThanOrEqual(Math.max(a, b));
        }
      }),
    );
  });

  it('steps 0 is empty and steps 1 is [start]', () => {
    expect([...cosinespace(1, 0, 0)]).toEqual([]);
    expect([...cosinespace(1, 0, 1)]).toEqual([1]);
  });

  it('exclusive end: PyTorch warm-restart convention cos(π·i/steps)', () => {
    // PyTorch's CosineAnnealingWarmRestarts (torch/optim/lr_scheduler.py) T_0=4, eta_min=0.1, base 1: [1, 0.868198, 0.55, 0.231802]
    expectClose([...cosinespace(1, 0.1, 4, { endpoint: false })], [1, 0.868198, 0.55, 0.231802], 6);
  });

  it('prints as its call and serialises to its arguments', () => {
    expect(String(cosinespace(0.99, 0.9, 10))).toBe('cosinespace(0.99, 0.9, 10)');
    expect(cosinespace(1, 0, 200).toJSON()).toEqual({ type: 'cosinespace', start: 1, end: 0, steps: 200 });
  });

  it('rejects bad arguments: the error class, and a message naming cosinespace, the argument and the value', () => {
    expectNamedError(() => cosinespace(1, 0, 0.5), RangeError, { fn: 'cosinespace', arg: 'steps', got: '0.5' });
    expectNamedError(() => cosinespace(1, 0, -3), RangeError, { fn: 'cosinespace', arg: 'steps', got: '-3' });
    expectNamedError(() => cosinespace(1, 0, Infinity), RangeError, { fn: 'cosinespace', arg: 'steps', got: 'Infinity' });
    expectNamedError(() => cosinespace(Infinity, 0, 3), RangeError, { fn: 'cosinespace', arg: 'start', got: 'Infinity' });
    expectNamedError(() => cosinespace(1, NaN, 3), RangeError, { fn: 'cosinespace', arg: 'end', got: 'NaN' });
    expectNamedError(() => cosinespace(1, 0, undefined as unknown as number), TypeError, { fn: 'cosinespace', arg: 'steps', got: 'undefined' });
  });
});
