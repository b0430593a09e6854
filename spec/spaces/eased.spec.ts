import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineEase, cosinespace, type Ease, EasedSpace, linearEase, linspace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

const square: Ease = (t) => t * t;


describe('EasedSpace, the one mechanism behind the curves', () => {
  it('computes start + (end - start)·ease(i/(steps-1))', () => {
    // square ease on 0 → 10 over 3 steps: t = 0, ½, 1 → 0, 10·¼, 10.
    expect([...new EasedSpace('square', 0, 10, 3, square)]).toEqual([0, 2.5, 10]);
    expect(String(new EasedSpace('square', 0, 10, 3, square))).toBe('square(0, 10, 3)');
  });

  it('returns end exactly when the ease reaches 1', () => {
    const s = new EasedSpace('lin', 1, 0.1, 2, linearEase);
    expect(1 + (0.1 - 1) * 1).not.toBe(0.1); // why the mechanism special-cases a weight of 1
    expect(s.at(1)).toBe(0.1);
  });

  it('law: any ease with ease(0)=0, ease(1)=1 gives a space that starts at start and ends at end exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.integer({ min: 2, max: 100 }),
        fc.constantFrom(linearEase, cosineEase, square),
        (a, b, n, ease) => {
          const s = new EasedSpace('s', a, b, n, ease);
          expect(s.at(0) === a && s.at(n - 1) === b).toBe(true);
        },
      ),
    );
  });

  it('endpoint: false uses progress i/steps (PyTorch/timm/Keras/optax convention)', () => {
    expect([...new EasedSpace('lin', 0, 1, 4, linearEase, { endpoint: false })]).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('offset and span: progress (i + offset)/span, past 1 when the curve runs on', () => {
    // (i + 1)/4 for i = 0..4: ¼, ½, ¾, 1, 5/4.
    expect([...new EasedSpace('lin', 0, 8, 5, linearEase, { offset: 1, span: 4 })]).toEqual([2, 4, 6, 8, 10]);
  });

  it('wrap restarts the curve every span steps', () => {
    // i/2 wrapped to [0, 1): 0, ½, 0, ½, 0.
    expect([...new EasedSpace('lin', 0, 1, 5, linearEase, { span: 2, wrap: true })]).toEqual([0, 0.5, 0, 0.5, 0]);
  });

  it('prints and serialises only the options that differ from their defaults', () => {
    const s = new EasedSpace('linspace', 0, 1, 3, linearEase, { endpoint: false, offset: 1, span: 2, wrap: true });
    expect(String(s)).toBe('linspace(0, 1, 3, { endpoint: false, offset: 1, span: 2, wrap: true })');
    expect(s.toJSON()).toEqual({ type: 'linspace', start: 0, end: 1, steps: 3, endpoint: false, offset: 1, span: 2, wrap: true });
    expect(new EasedSpace('linspace', 0, 1, 3, linearEase).toJSON()).toEqual({ type: 'linspace', start: 0, end: 1, steps: 3 });
    expect(String(new EasedSpace('linspace', -0, 1, 3, linearEase))).toBe('linspace(0, 1, 3)');
  });

  it('names the factory, not the class, when at() is out of range', () => {
    expect(() => new EasedSpace('myspace', 0, 1, 3, linearEase).at(3)).toThrow(new RangeError('myspace.at: index must be an integer in [0, 3), got 3'));
  });

  it('rejects bad options, naming the factory, the option and the value', () => {
    const make = (options: object) => () => new EasedSpace('myspace', 0, 1, 3, linearEase, options);
    expectNamedError(make({ span: 0 }), RangeError, { fn: 'myspace', arg: 'span', got: '0' });
    expectNamedError(make({ span: -2 }), RangeError, { fn: 'myspace', arg: 'span', got: '-2' });
    expectNamedError(make({ span: Infinity }), RangeError, { fn: 'myspace', arg: 'span', got: 'Infinity' });
    expectNamedError(make({ offset: NaN }), RangeError, { fn: 'myspace', arg: 'offset', got: 'NaN' });
    expectNamedError(make({ endpoint: 1 }), TypeError, { fn: 'myspace', arg: 'endpoint', got: '1' });
    expectNamedError(make({ wrap: 'yes' }), TypeError, { fn: 'myspace', arg: 'wrap', got: '"yes"' });
    expectNamedError(() => new EasedSpace('myspace', 0, 1, Infinity, linearEase), RangeError, { fn: 'myspace', arg: 'steps', got: 'Infinity' });
  });
});

describe('cycle, expspace, polyspace', () => {
  it('offset and span place a curve\'s ends between steps', () => {
    // PyTorch OneCycleLR's second phase for N=10: k = 3..9, progress (k − 2)/7.
    expectClose([...cosinespace(1, 0, 7, { offset: 1, span: 7 })].slice(0, 1), [(1 + Math.cos(Math.PI / 7)) / 2]);
    expect(() => linspace(0, 1, 3, { span: 0 })).toThrow(/linspace: span must be a finite number > 0, got 0/);
  });
});
