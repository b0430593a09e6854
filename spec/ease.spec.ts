import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineEase, linearEase } from '../lib/index.js';

const progress = fc.double({ min: 0, max: 1, noNaN: true });

describe('eases: weights of progress t ∈ [0, 1]', () => {
  it('both map 0 to 0 and 1 to 1 exactly (so every space starts at start and ends at end)', () => {
    for (const ease of [linearEase, cosineEase]) {
      expect(ease(0)).toBe(0);
      expect(ease(1)).toBe(1);
    }
  });

  it('linearEase is the identity: Poutyne\'s linspace weight i/(steps-1)', () => {
    fc.assert(fc.property(progress, (t) => {
      expect(linearEase(t)).toBe(t);
    }));
  });

  // Poutyne's cosinespace, end + (start-end)(1 + cos πt)/2, rewritten as start + (end-start)·w:
  // w = 1 - (1 + cos πt)/2 = (1 - cos πt)/2. Reference values of w at t = 0, ¼, ½, ¾, 1
  // (Poutyne's cosinespace(1, 0, 5) = [1, 0.853553, 0.5, 0.146447, 0] is 1 - w).
  it.each([
    [0, 0],
    [0.25, 0.1464466094067262],
    [0.5, 0.5],
    [0.75, 0.8535533905932737],
    [1, 1],
  ])('cosineEase(%d) = %d, i.e. (1 - cos πt)/2', (t, w) => {
    expect(cosineEase(t)).toBeCloseTo(w, 15);
  });

  it('law: cosineEase matches Poutyne\'s formula 1 - (1 + cos πt)/2 at any t', () => {
    fc.assert(fc.property(progress, (t) => {
      expect(Math.abs(cosineEase(t) - (1 - (1 + Math.cos(Math.PI * t)) / 2))).toBeLessThan(1e-15);
    }));
  });

  it('law: both stay in [0, 1] and never decrease', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        for (const ease of [linearEase, cosineEase]) {
          expect(ease(lo)).toBeGreaterThanOrEqual(0);
          expect(ease(hi)).toBeLessThanOrEqual(1);
          expect(ease(lo)).toBeLessThanOrEqual(ease(hi));
        }
      }),
    );
  });

  it('law: cosineEase is point-symmetric about (½, ½): w(1 - t) = 1 - w(t)', () => {
    fc.assert(fc.property(progress, (t) => {
      expect(cosineEase(1 - t)).toBeCloseTo(1 - cosineEase(t), 14);
    }));
  });
});
