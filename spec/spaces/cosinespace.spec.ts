import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace } from '../../lib/index.js';
import { expectClose, poutyneCosinespace } from '../helpers.js';

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

  it('cosinespace(1, 0, 5) is anchors.md §2.1\'s fixture [1, 0.853553, 0.5, 0.146447, 0]', () => {
    expectClose([...cosinespace(1, 0, 5)], [1, 0.853553, 0.5, 0.146447, 0], 6);
  });

  it('matches Poutyne\'s formula end + (start-end)(1+cos(π·i/(steps-1)))/2', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 2, max: 300 }), (a, b, n) => {
        expectClose([...cosinespace(a, b, n)], poutyneCosinespace(a, b, n), 9);
      }),
    );
  });

  it('hits both endpoints exactly (===) and stays between them', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 500 }), (a, b, n) => {
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
    // anchors.md §2.3: CosineAnnealingWarmRestarts T_0=4, eta_min=0.1, base 1: [1, 0.868198, 0.55, 0.231802]
    expectClose([...cosinespace(1, 0.1, 4, { endpoint: false })], [1, 0.868198, 0.55, 0.231802], 6);
  });

  it('names itself in errors', () => {
    expect(() => cosinespace(1, 0, 0.5)).toThrow(new RangeError('cosinespace: steps must be a non-negative integer, got 0.5'));
  });
});
