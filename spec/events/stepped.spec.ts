import { describe, expect, it } from 'vitest';
import { Stepped } from '../../lib/index.js';

describe('Stepped', () => {
  it('holds a step and its values, and serialises as { step, values }', () => {
    const s = new Stepped(7, { lr: 0.1 });
    expect(s.step).toBe(7);
    expect(s.values).toEqual({ lr: 0.1 });
    expect(JSON.stringify(s)).toBe('{"step":7,"values":{"lr":0.1}}');
  });
});
