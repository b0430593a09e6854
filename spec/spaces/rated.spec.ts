// The rated spaces share one declaration of `every`, `staircase` and `offset`; these laws hold for
// each of them (expspace, invtimespace).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expspace, invtimespace } from '../../lib/index.js';
import { expectNamedError } from '../helpers.js';

describe('rated spaces (expspace, invtimespace)', () => {
  it('law: offset shifts the clock: space(offset).at(i) is space().at(i + offset)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), (offset, every, staircase) => {
        for (const make of [expspace, invtimespace]) {
          const shifted = make(1, 0.5, 20, { every, staircase, offset });
          const plain = make(1, 0.5, 20 + offset, { every, staircase });
          for (let i = 0; i < 20; i++) if (shifted.at(i) !== plain.at(i + offset)) return false;
        }
        return true;
      }),
    );
  });

  it('law: staircase holds each value for `every` steps', () => {
    const s = expspace(1, 0.5, 12, { every: 3, staircase: true });
    for (let i = 0; i < 12; i++) expect(s.at(i)).toBe(s.at(3 * Math.floor(i / 3)));
    expect(s.at(3)).toBe(0.5);
  });

  it('options are checked in the name of the factory', () => {
    expectNamedError(() => expspace(1, 0.5, 3, { every: 0 }), RangeError, { fn: 'expspace', arg: 'every', got: '0' });
    expectNamedError(() => invtimespace(1, 0.5, 3, { offset: -1 }), RangeError, { fn: 'invtimespace', arg: 'offset', got: '-1' });
    expectNamedError(() => invtimespace(1, 0.5, 3, { staircase: 1 as never }), TypeError, { fn: 'invtimespace', arg: 'staircase', got: '1' });
  });
});
