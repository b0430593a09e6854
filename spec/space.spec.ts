import { describe, expect, it } from 'vitest';
import { cycle, expspace, linspace } from '../lib/index.js';

describe('errors name the factory', () => {
  it('at() out of range says which space', () => {
    expect(() => cycle(linspace(0, 1, 2), 3).at(3)).toThrow(/^cycle\.at: index must be an integer in \[0, 3\), got 3$/);
    expect(() => expspace(1, 0.5, 2).at(2)).toThrow(/^expspace\.at:/);
  });
});
