import fc from 'fast-check';
import { take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { linspace } from '../../lib/index.js';
import { collect, expectClose, expectNamedError, poutyneLinspace } from '../helpers.js';

// Any finite double, extremes included (ends near ±Number.MAX_VALUE make end - start overflow).
const anyFinite = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

describe('linspace', () => {
  // Poutyne's tests/framework/callbacks/test_policies.py, TestSpaces.
  it.each([
    [0, 0, 3, [0, 0, 0]],
    [0, 1, 3, [0, 0.5, 1]],
    [1, 0, 3, [1, 0.5, 0]],
    [0, 1, 6, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ])('linspace(%d, %d, %d) is Poutyne\'s %j', (start, end, steps, expected) => {
    expectClose([...linspace(start, end, steps)], expected as number[], 12);
  });

  it('matches Poutyne\'s formula start + i/(steps-1)·(end-start) on random arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 2, max: 300 }), (a, b, n) => {
        expectClose([...linspace(a, b, n)], poutyneLinspace(a, b, n), 9);
      }),
    );
  });

  it('law: hits both endpoints exactly (===) and stays within [min(start, end), max(start, end)]', () => {
    fc.assert(
      fc.property(anyFinite, anyFinite, fc.integer({ min: 2, max: 500 }), (a, b, n) => {
        const s = linspace(a, b, n);
        expect(s.at(0) === a).toBe(true); // === : -0 and 0 are the same endpoint
        expect(s.at(n - 1) === b).toBe(true);
        for (const v of s) {
          expect(v).toBeGreaterThanOrEqual(Math.min(a, b));
          expect(v).toBeLessThanOrEqual(Math.max(a, b));
        }
      }),
    );
  });

  it('has defined answers for degenerate lengths: 0 is empty, 1 is [start] (Poutyne divides by zero)', () => {
    expect([...linspace(3, 7, 0)]).toEqual([]);
    expect(collect(linspace(3, 7, 0))).toEqual([]);
    expect([...linspace(3, 7, 1)]).toEqual([3]);
    expect(linspace(3, 7, 1).length).toBe(1);
  });

  it('has an exclusive-end option: progress i/steps, end never reached', () => {
    expect([...linspace(0, 1, 4, { endpoint: false })]).toEqual([0, 0.25, 0.5, 0.75]);
    expect(String(linspace(0, 1, 4, { endpoint: false }))).toBe('linspace(0, 1, 4, { endpoint: false })');
  });

  it('take(3) on a 10^12-step space returns at once with three values', () => {
    let out: number[] = [];
    linspace(0, 1, 1e12).pipe(take(3), toArray()).subscribe((v) => (out = v));
    expect(out).toEqual([0, 1 / (1e12 - 1), 2 / (1e12 - 1)]);
  });

  it('law: degenerate lengths for any start/end: 0 is empty, 1 is [start]', () => {
    fc.assert(
      fc.property(anyFinite, anyFinite, (a, b) => {
        expect([...linspace(a, b, 0)]).toEqual([]);
        const one = collect(linspace(a, b, 1));
        expect(one).toHaveLength(1);
        expect(one[0] === a).toBe(true); // === : a -0 start may come back as 0, the same rate
      }),
    );
  });

  it('prints as its call and serialises to its arguments', () => {
    expect(String(linspace(1, 0, 3))).toBe('linspace(1, 0, 3)');
    expect(String(linspace(0.5, 0.1, 300))).toBe('linspace(0.5, 0.1, 300)');
    expect(linspace(1, 0, 3).toJSON()).toEqual({ type: 'linspace', start: 1, end: 0, steps: 3 });
  });

  it('rejects bad arguments: the error class, and a message naming linspace, the argument and the value', () => {
    expectNamedError(() => linspace(0, 1, 2.5), RangeError, { fn: 'linspace', arg: 'steps', got: '2.5' });
    expectNamedError(() => linspace(0, 1, -1), RangeError, { fn: 'linspace', arg: 'steps', got: '-1' });
    expectNamedError(() => linspace(0, 1, Infinity), RangeError, { fn: 'linspace', arg: 'steps', got: 'Infinity' });
    expectNamedError(() => linspace(0, 1, NaN), RangeError, { fn: 'linspace', arg: 'steps', got: 'NaN' });
    expectNamedError(() => linspace(0, 1, 2 ** 53), RangeError, { fn: 'linspace', arg: 'steps', got: String(2 ** 53) });
    expectNamedError(() => linspace(0, 1, '3' as unknown as number), TypeError, { fn: 'linspace', arg: 'steps', got: '"3"' });
    expectNamedError(() => linspace(NaN, 1, 3), RangeError, { fn: 'linspace', arg: 'start', got: 'NaN' });
    expectNamedError(() => linspace(0, Infinity, 3), RangeError, { fn: 'linspace', arg: 'end', got: 'Infinity' });
    expectNamedError(() => linspace(0, -Infinity, 3), RangeError, { fn: 'linspace', arg: 'end', got: '-Infinity' });
    expectNamedError(() => linspace('0' as unknown as number, 1, 3), TypeError, { fn: 'linspace', arg: 'start', got: '"0"' });
    expectNamedError(() => linspace(0, null as unknown as number, 3), TypeError, { fn: 'linspace', arg: 'end', got: 'null' });
    expectNamedError(() => linspace(0, 1, 3, { endpoint: 'no' as unknown as boolean }), TypeError, { fn: 'linspace', arg: 'endpoint', got: '"no"' });
  });
});
