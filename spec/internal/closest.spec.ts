import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest } from '../../lib/internal/closest.js';

describe('closest: the name a misspelt one was meant to be', () => {
  it('finds one edit, an adjacent swap, snake_case and other casing', () => {
    expect(closest('initalStep', ['initialStep'])).toBe('initialStep');
    expect(closest('endpiont', ['endpoint', 'offset', 'span', 'wrap'])).toBe('endpoint');
    expect(closest('evrey', ['every', 'staircase'])).toBe('every');
    expect(closest('base_lr', ['baseLr', 'gamma'])).toBe('baseLr');
    expect(closest('BASELR', ['baseLr', 'gamma'])).toBe('baseLr');
    expect(closest('lrr', ['lr', 'momentum'])).toBe('lr');
  });

  it('names nothing when no accepted name is near enough', () => {
    expect(closest('zzzzzz', ['baseLr', 'gamma'])).toBeUndefined();
    expect(closest('x', ['y'])).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('finds an accepted name itself, and one changed by a single edit when it is long enough', () => {
    const name = fc.stringMatching(/^[a-z]{6,12}$/);
    fc.assert(
      fc.property(name, fc.nat(), fc.constantFrom('a', 'q', 'z'), (n, at, c) => {
        expect(closest(n, [n, 'other'])).toBe(n);
        const i = at % n.length;
        expect(closest(n.slice(0, i) + c + n.slice(i + 1), [n])).toBe(n);
      }),
    );
  });
});
