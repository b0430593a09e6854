import { describe, expect, it } from 'vitest';
import { cosinespace, cycle, linspace } from '../../lib/index.js';

describe('cycle, expspace, polyspace', () => {
  it('cycle repeats a space for `steps` values, in O(1) at any index', () => {
    expect([...cycle(linspace(0, 2, 3), 7)]).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(cycle(cosinespace(1, 0, 4, { endpoint: false }), 1e12).at(1e12 - 2)).toBe(cosinespace(1, 0, 4, { endpoint: false }).at(2));
    expect(() => cycle(linspace(0, 1, 0), 3)).toThrow(/cycle: space must have a positive finite length, got 0/);
  });
});
