import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosinespace, cycle, linspace, spaceFromJSON } from '../../lib/index.js';
import { collect } from '../helpers.js';

describe('cycle, expspace, polyspace', () => {
  it('cycle repeats a space for `steps` values, in O(1) at any index', () => {
    expect([...cycle(linspace(0, 2, 3), 7)]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(cycle(cosinespace(1, 0, 4, { endpoint: false }), 1e12).at(1e12 - 2)).toBe(cosinespace(1, 0, 4, { endpoint: false }).at(2));
    expect(() => cycle(linspace(0, 1, 0), 3)).toThrow(/cycle: space must have a positive finite length, got 0/);
  });

  it('law: cycle(space, steps) has steps values, period space.length: value i is space.at(i mod length); a cycle of one period is the space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 60 }), fc.double({ min: -3, max: 3, noNaN: true }), (n, steps, v) => {
        const space = cosinespace(v, 1, n, { endpoint: false });
        const wave = cycle(space, steps);
        const values = collect(wave);
        expect(values.length).toBe(steps);
        values.forEach((x, i) => {
          expect(x).toBe(space.at(i % n));
          if (i + n < steps) expect(wave.at(i + n)).toBe(x);
        });
        expect(collect(cycle(space, n))).toEqual(collect(space));
        expect(collect(spaceFromJSON(JSON.parse(JSON.stringify(wave))))).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });
});

