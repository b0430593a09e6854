import { describe, expect, it } from 'vitest';
import { linspace } from '../lib/index.js';

describe('smoke', () => {
  it('linspace(1, 0, 3) is Poutyne\'s [1, 0.5, 0]', () => {
    expect([...linspace(1, 0, 3)]).toEqual([1, 0.5, 0]);
  });
});
