import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, fnspace, linspace, product, slice, spaceFromJSON } from '../../lib/index.js';
import { collect } from '../helpers.js';

describe('product', () => {
  it('multiplies the factors step by step, numbers as scales', () => {
    const lr = product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1);
    expect([...lr]).toEqual([0.5 * 1 * 0.1, 0.75 * 0.5 * 0.1, 0]);
    expect(String(lr)).toBe('product(linspace(0.5, 1, 3), cosinespace(1, 0, 3), 0.1)');
  });

  it('is the product of the factors at every index (a law)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (n, a, k) => {
        const x = linspace(a, 1, n);
        const y = cosinespace(1, a, n);
        const p = product(x, y, k);
        // `===`: a constant(-0) reads +0, so a zero's sign may differ from the bare product's.
        for (let i = 0; i < n; i += Math.max(1, n >> 4)) expect(p.at(i) === x.at(i) * y.at(i) * k).toBe(true);
      }),
    );
  });

  it('law: a product with the constant 1 (a number, an unbounded or a bounded constant) is the space itself, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (n, a, b) => {
        const space = cosinespace(a, b, n);
        for (const one of [1, constant(1), constant(1, n)]) {
          for (const p of [product(space, one), product(one, space)]) {
            expect(p.length).toBe(n);
            collect(p).forEach((v, i) => expect(Object.is(v, space.at(i)), `${i}`).toBe(true));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('unbounded constants and numbers take the length of the others', () => {
    expect(product(constant(2), linspace(0, 1, 5)).length).toBe(5);
    expect(product(2, constant(3)).unbounded).toBe(true);
  });

  it('round-trips through JSON when every factor has a JSON form', () => {
    const p = product(linspace(0, 1, 7), slice(cosinespace(1, 0, 10), 3, 10), 0.5);
    const copy = spaceFromJSON(JSON.parse(JSON.stringify(p)));
    expect([...copy]).toEqual([...p]);
    expect(String(copy)).toBe(String(p));
  });

  it('with a function factor, has no JSON form and says so', () => {
    expect(() => JSON.stringify(product(fnspace(() => 1, 3, { name: 'w' }), 2))).toThrow('fnspace(w, 3) has no JSON form');
  });

  it('bad input: named errors', () => {
    expect(() => product()).toThrow('product: give at least one factor (a space or a number), got none');
    expect(() => product(linspace(0, 1, 3), linspace(0, 1, 4))).toThrow('product: factors must have equal lengths (unbounded constants and numbers take it), got factors[0]: 3, factors[1]: 4');
    expect(() => product(linspace(0, 1, 3), NaN)).toThrow('product: factors[1] must be a finite number, got NaN');
    expect(() => product(linspace(0, 1, 3), '2' as never)).toThrow('product: factors[1] must be a space or a finite number, got "2"');
    expect(() => product(constant(1e300, 2), 1e300).at(0)).toThrow('product: the value at step 0 is Infinity; the factors overflow there');
  });
});

describe('slice', () => {
  it('is steps [from, to) of a space', () => {
    expect([...slice(linspace(0, 1, 5), 1, 4)]).toEqual([0.25, 0.5, 0.75]);
    expect(String(slice(linspace(0, 1, 5), 1, 4))).toBe('slice(linspace(0, 1, 5), 1, 4)');
    const whole = linspace(0, 1, 5);
    expect(slice(whole, 0, 5)).toBe(whole);
    // A slice of a slice is one slice of the original.
    expect(String(slice(slice(linspace(0, 1, 5), 1, 5), 1, 3))).toBe('slice(linspace(0, 1, 5), 2, 4)');
  });

  it('law: a slice of a slice is the slice of the composed range, by value, printout and JSON form', () => {
    const ordered = (a: number, b: number) => [Math.min(a, b), Math.max(a, b)] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.double({ min: -3, max: 3, noNaN: true }), (n, p, q, r, t, v) => {
        const space = cosinespace(v, 1, n);
        const [a, b] = ordered(p % (n + 1), q % (n + 1));
        const [c, d] = ordered(r % (b - a + 1), t % (b - a + 1));
        const twice = slice(slice(space, a, b), c, d);
        const once = slice(space, a + c, a + d);
        expect(twice.length).toBe(d - c);
        expect(collect(twice)).toEqual(collect(once));
        expect(collect(twice)).toEqual(collect(space).slice(a + c, a + d));
        expect(String(twice)).toBe(String(once));
        expect(collect(spaceFromJSON(JSON.parse(JSON.stringify(twice))))).toEqual(collect(once));
      }),
      { numRuns: 100 },
    );
  });

  it('bad steps: named errors', () => {
    expect(() => slice(linspace(0, 1, 5), 3, 2)).toThrow("slice: steps must satisfy from ≤ to ≤ 5 (the space's length), got from 3, to 2");
    expect(() => slice(linspace(0, 1, 5), 0, 6)).toThrow('got from 0, to 6');
    expect(() => slice(linspace(0, 1, 5), -1, 2)).toThrow('slice: from must be a non-negative integer, got -1');
  });
});
