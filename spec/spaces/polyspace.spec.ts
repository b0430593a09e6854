import { describe, expect, it } from 'vitest';
import { polyspace } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

describe('cycle, expspace, polyspace', () => {
  it('polyspace: end + (start − end)(1 − t)^power, exact at the ends', () => {
    expectClose([...polyspace(1, 0, 5, { power: 2 })], [1, 0.5625, 0.25, 0.0625, 0]);
    expect(polyspace(3, 1, 4, { power: 0.5 }).at(3)).toBe(1);
    expect(() => polyspace(1, 0, 5, { power: 0 })).toThrow(/polyspace: power must be a finite number > 0, got 0/);
  });
});
