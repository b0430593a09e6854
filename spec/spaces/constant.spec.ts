import { take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { constant, linspace, Phase } from '../../lib/index.js';
import { expectNamedError } from '../helpers.js';

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

  it('steps 0 is empty, steps 1 is [value]', () => {
    expect([...constant(0.3, 0)]).toEqual([]);
    expect([...constant(0.3, 1)]).toEqual([0.3]);
  });

  it('with steps, inside a phase, must match the other lengths', () => {
    expectNamedError(() => new Phase({ lr: linspace(0, 1, 10), momentum: constant(0.9, 9) }), RangeError, { fn: 'Phase', arg: 'momentum: 9', got: 'lr: 10' });
  });

  it('rejects bad arguments: the error class, and a message naming constant, the argument and the value', () => {
    expectNamedError(() => constant(NaN), RangeError, { fn: 'constant', arg: 'value', got: 'NaN' });
    expectNamedError(() => constant(Infinity, 3), RangeError, { fn: 'constant', arg: 'value', got: 'Infinity' });
    expectNamedError(() => constant('0.9' as unknown as number), TypeError, { fn: 'constant', arg: 'value', got: '"0.9"' });
    expectNamedError(() => constant(1, -2), RangeError, { fn: 'constant', arg: 'steps', got: '-2' });
    expectNamedError(() => constant(1, 2.5), RangeError, { fn: 'constant', arg: 'steps', got: '2.5' });
    // Infinity is not a way to ask for an unbounded constant: leave steps out.
    expectNamedError(() => constant(1, Infinity), RangeError, { fn: 'constant', arg: 'steps', got: 'Infinity' });
  });
});
