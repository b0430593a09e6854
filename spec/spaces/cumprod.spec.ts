import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumprod, product } from '../../lib/index.js';

describe('cumprod', () => {
  it('multiplies the running value by factor(i) from step 1', () => {
    expect([...cumprod(1, () => 0.5, 4)]).toEqual([1, 0.5, 0.25, 0.125]);
    expect([...cumprod(2, (i) => i, 4)]).toEqual([2, 2, 4, 12]);
  });

  it('gives the sequential product at any index, in any order of reads (a law)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4999 }), { minLength: 1, maxLength: 30 }), (reads) => {
        const f = (i: number) => 1 + ((i * 2654435761) % 1000) / 1e6 - 5e-4;
        const expected = [1];
        for (let i = 1; i < 5000; i++) expected.push(expected[i - 1]! * f(i));
        const space = cumprod(1, f, 5000);
        for (const i of reads) expect(space.at(i)).toBe(expected[i]);
      }),
      { numRuns: 20 },
    );
  });

  it('does not replay from 0: stepping forward is one call a step, a revisit at most 1023', () => {
    let calls = 0;
    const space = cumprod(1, () => (calls++, 0.999_999), 1e6);
    space.at(500_000);
    expect(calls).toBe(500_000);
    calls = 0;
    for (let i = 500_001; i < 500_101; i++) space.at(i);
    expect(calls).toBe(100);
    calls = 0;
    space.at(123_456);
    expect(calls).toBeLessThan(1024);
  });

  it('a bad factor value is an error naming the step', () => {
    const space = cumprod(1, function f(i) { return i === 3 ? Infinity : 1; }, 5);
    expect(() => space.at(4)).toThrow(new RangeError('cumprod: f(3) must return a finite number, got Infinity'));
    expect(() => cumprod(1e300, () => 1e300, 3).at(1)).toThrow('cumprod: the running product overflows at step 1 (1e+300 × 1e+300)');
    expect(() => cumprod(1, 2 as never, 3)).toThrow('cumprod: factor must be a function (step) => number, got 2');
    expect(() => cumprod(1, () => 1, 3, { nmae: 'f' } as never)).toThrow('cumprod: unknown option "nmae" (did you mean "name"?); accepted: name');
    expect(() => cumprod(1, () => 1, 3, { name: 5 } as never)).toThrow(new TypeError('cumprod: name must be a non-empty name without surrounding spaces, got 5'));
    expect(() => cumprod(1, () => 1, 3, [] as never)).toThrow(new TypeError('cumprod: options must be an object, got []'));
  });
});

describe('cumprod inside a product', () => {
  it('building the product does not replay the running product to its last step', () => {
    let calls = 0;
    const running = cumprod(1, () => (calls++, 0.999_999_9), 1e9);
    const lr = product(running, 0.1);
    expect(calls).toBe(0);
    expect(lr.at(3)).toBe(0.999_999_9 ** 3 * 0.1);
  });
});
