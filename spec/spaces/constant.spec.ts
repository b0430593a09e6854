import { take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { constant, linspace, Phase } from '../../lib/index.js';

describe('constant', () => {
  it('with steps has that length and holds the value exactly', () => {
    expect([...constant(0.7, 3)]).toEqual([0.7, 0.7, 0.7]);
    expect(constant(0.7, 0).length).toBe(0);
  });

  it('without steps is unbounded: endless as a stream, cut with take', () => {
    const c = constant(0.9);
    expect(c.unbounded).toBe(true);
    expect(c.length).toBe(Infinity);
    let out: number[] = [];
    c.pipe(take(4), toArray()).subscribe((v) => (out = v));
    expect(out).toEqual([0.9, 0.9, 0.9, 0.9]);
    expect(c.at(123456789)).toBe(0.9);
  });

  it('takes its phase\'s length inside a Phase', () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: constant(0.9) });
    expect(phase.length).toBe(10);
    expect([...phase].map((d) => d.momentum)).toEqual(Array(10).fill(0.9));
  });

  it('prints and serialises as its call', () => {
    expect(String(constant(3))).toBe('constant(3)');
    expect(String(constant(3, 5))).toBe('constant(3, 5)');
    expect(constant(3).toJSON()).toEqual({ type: 'constant', value: 3 });
    expect(constant(3, 5).toJSON()).toEqual({ type: 'constant', value: 3, steps: 5 });
  });

  it('rejects bad arguments by name', () => {
    expect(() => constant(NaN)).toThrow(new RangeError('constant: value must be a finite number, got NaN'));
    expect(() => constant(1, -2)).toThrow(new RangeError('constant: steps must be a non-negative integer, got -2'));
  });
});
