import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, linspace, Phase } from '../lib/index.js';
import { collect, expectClose, poutyneCosinespace, poutyneLinspace } from './helpers.js';

describe('Phase', () => {
  it('zips named spaces into dicts, one per step', () => {
    const phase = new Phase({ lr: linspace(0, 1, 3) });
    expect(collect(phase)).toEqual([{ lr: 0 }, { lr: 0.5 }, { lr: 1 }]);
    expect(phase.length).toBe(3);
    expect(phase.names).toEqual(['lr']);
  });

  it('takes any parameter names, in the order given', () => {
    const phase = new Phase({ weightDecay: constant(1e-4, 2), beta1: linspace(0.9, 0.8, 2), lr: 0.1 });
    expect(phase.at(1)).toEqual({ weightDecay: 1e-4, beta1: 0.8, lr: 0.1 });
    expect(Object.keys(phase.at(0))).toEqual(['weightDecay', 'beta1', 'lr']);
  });

  it('quotes any name safely (names are data, never code)', () => {
    const phase = new Phase({ 'a"b': linspace(0, 1, 2), '}); throw 1; ({': 2, 'x\\n': 3 });
    expect(phase.at(1)).toEqual({ 'a"b': 1, '}); throw 1; ({': 2, 'x\\n': 3 });
  });

  it('two parameters: each is its own Poutyne space', () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
    const values = [...phase];
    expectClose(values.map((d) => d.lr), poutyneLinspace(0, 1, 10));
    expectClose(values.map((d) => d.momentum), poutyneCosinespace(0.99, 0.9, 10));
  });

  it('law: at(i) equals the i-th emitted dict', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), (n) => {
        const phase = new Phase({ lr: linspace(1, 0, n), momentum: cosinespace(0.8, 1, n), wd: 0.01 });
        collect(phase).forEach((d, i) => expect(phase.at(i)).toEqual(d));
      }),
    );
  });

  it('a constant without steps, or a plain number, takes the phase length', () => {
    expect(new Phase({ lr: linspace(0, 1, 7), momentum: 0.9 }).length).toBe(7);
    expect(new Phase({ lr: linspace(0, 1, 7), momentum: constant(0.9) }).length).toBe(7);
  });

  it('refuses unequal lengths and names them (Poutyne silently truncates: 5 and 3 give 3)', () => {
    expect(() => new Phase({ lr: linspace(0, 1, 5), momentum: linspace(0, 1, 3) })).toThrow(
      new RangeError('Phase: spaces must have equal lengths, got lr: 5, momentum: 3'),
    );
  });

  it('rejects a phase with no parameters (Poutyne: ValueError) or only unbounded ones', () => {
    expect(() => new Phase({})).toThrow(new TypeError('Phase: params must name at least one parameter, such as { lr: linspace(0, 1, 10) }, got {}'));
    expect(() => new Phase({ lr: 0.1 })).toThrow(/Phase: at least one parameter needs a length, got only unbounded constants \(lr\)/);
  });

  it('rejects values that are not spaces or finite numbers, naming the parameter and value', () => {
    expect(() => new Phase({ lr: [0, 1] as unknown as number })).toThrow(new TypeError('Phase: lr must be a space (linspace, cosinespace, constant, …) or a finite number, got [0,1]'));
    expect(() => new Phase({ lr: NaN })).toThrow(new RangeError('Phase: lr must be a finite number or a space, got NaN'));
    expect(() => new Phase(null as unknown as Record<string, number>)).toThrow(/Phase: params must be an object .* got null/);
    expect(() => new Phase(linspace(0, 1, 2) as unknown as Record<string, number>)).toThrow(TypeError);
  });

  it('prints in Poutyne\'s layout', () => {
    expect(String(new Phase({ lr: linspace(0, 1, 3), momentum: cosinespace(0.99, 0.9, 3) }))).toBe(
      'Phase:\n    lr: linspace(0, 1, 3)\n    momentum: cosinespace(0.99, 0.9, 3)',
    );
  });

  it('serialises its spaces', () => {
    expect(new Phase({ lr: linspace(0, 1, 3), momentum: 0.9 }).toJSON()).toEqual({
      lr: { type: 'linspace', start: 0, end: 1, steps: 3 },
      momentum: { type: 'constant', value: 0.9 },
    });
  });
});
