import { describe, expect, it } from 'vitest';
import { cosineEase, EasedSpace, linearEase, type Ease } from '../../lib/index.js';

describe('EasedSpace, the one mechanism behind the curves', () => {
  it('computes start + (end - start)·ease(i/(steps-1))', () => {
    const square: Ease = (t) => t * t;
    expect([...new EasedSpace('square', 0, 10, 3, square)]).toEqual([0, 2.5, 10]);
    expect(String(new EasedSpace('square', 0, 10, 3, square))).toBe('square(0, 10, 3)');
  });

  it('returns end exactly when the ease reaches 1', () => {
    const s = new EasedSpace('lin', 1, 0.1, 2, linearEase);
    expect(1 + (0.1 - 1) * 1).not.toBe(0.1); // why the mechanism special-cases a weight of 1
    expect(s.at(1)).toBe(0.1);
  });

  it('eases map 0 to 0 and 1 to 1', () => {
    for (const ease of [linearEase, cosineEase]) {
      expect(ease(0)).toBe(0);
      expect(ease(1)).toBe(1);
    }
    expect(cosineEase(0.5)).toBeCloseTo(0.5, 15);
  });

  it('serialises to its factory and arguments', () => {
    expect(new EasedSpace('linspace', 0, 1, 3, linearEase).toJSON()).toEqual({ type: 'linspace', start: 0, end: 1, steps: 3 });
    expect(new EasedSpace('linspace', 0, 1, 3, linearEase, { endpoint: false }).toJSON()).toEqual({ type: 'linspace', start: 0, end: 1, steps: 3, endpoint: false });
  });
});
