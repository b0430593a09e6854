import { describe, expect, it } from 'vitest';
import { expspace } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

describe('cycle, expspace, polyspace', () => {
  it('expspace: start·rate^(i/every), staircase with floor', () => {
    expectClose([...expspace(1, 0.5, 4)], [1, 0.5, 0.25, 0.125]);
    expectClose([...expspace(1, 0.1, 5, { every: 2, staircase: true })], [1, 1, 0.1, 0.1, 0.01]);
    expectClose([...expspace(2, 0.1, 3, { every: 2 })], [2, 2 * 0.1 ** 0.5, 0.2]);
    expect(() => expspace(1, 0, 3)).toThrow(/expspace: rate must be a finite number > 0, got 0/);
  });
});
