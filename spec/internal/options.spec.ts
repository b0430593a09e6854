import { describe, expect, expectTypeOf, it } from 'vitest';
import { boolean, declare, distinctNames, integer, integers, name, number, numbers, oneOf, pair, readOptions, type OptionsOf } from '../../lib/internal/options.js';
import { table } from '../support/optionTable.js';
import { closest } from '../../lib/internal/closest.js';
import { linspace, spaceFromJSON } from '../../lib/index.js';
import { show } from '../../lib/internal/validate.js';
import { expectNamedError } from '../helpers.js';

const decl = declare('demo.fn', {
  baseLr: number({ doc: 'initial lr', required: true }),
  gamma: number({ doc: 'decay', default: 0.1, above: 0 }),
  pct: number({ doc: 'fraction', default: 0.3, min: 0, max: 1 }),
  steps: integer({ doc: 'length', required: true }),
  every: integer({ doc: 'period', default: 1, min: 1 }),
  staircase: boolean({ doc: 'floor', default: false }),
  mode: oneOf(['cos', 'linear'], { doc: 'shape', default: 'cos' }),
  paramName: name({ doc: 'name', default: 'momentum' }),
  range: pair({ doc: 'range', default: [0, 1] as const }),
  milestones: integers({ doc: 'steps', sorted: true }),
  extra: numbers({ doc: 'list', min: 0 }),
  noisePct: number({ doc: 'noise', default: 0.67, above: 0, mode: 'noise', requires: 'noiseRange' }),
  noiseRange: integers({ doc: 'range', mode: 'noise' }),
});

describe('option declarations', () => {
  it('derive the TypeScript type: required keys required, the rest optional, enums as literals', () => {
    type O = OptionsOf<typeof decl.shape>;
    expectTypeOf<O['baseLr']>().toEqualTypeOf<number>();
    expectTypeOf<O['mode']>().toEqualTypeOf<'cos' | 'linear' | undefined>();
    expectTypeOf<{ baseLr: 1; steps: 3 }>().toExtend<O>();
    expectTypeOf<{ baseLr: 1 }>().not.toExtend<O>();
    const v = decl.read({ baseLr: 1, steps: 3 });
    expectTypeOf(v.gamma).toEqualTypeOf<number>();
    expectTypeOf(v.milestones).toEqualTypeOf<readonly number[] | undefined>();
  });

  it('fill in defaults and leave unused options undefined', () => {
    expect(decl.read({ baseLr: 1, steps: 3 })).toEqual({ baseLr: 1, gamma: 0.1, pct: 0.3, steps: 3, every: 1, staircase: false, mode: 'cos', paramName: 'momentum', range: [0, 1], milestones: undefined, extra: undefined, noisePct: 0.67, noiseRange: undefined });
  });

  it('refuse unknown keys, naming the closest known one', () => {
    expect(() => decl.read({ baseLr: 1, steps: 3, gama: 1 })).toThrow('demo.fn: unknown option "gama" (did you mean "gamma"?); accepted: baseLr, gamma,');
    expect(() => decl.read({ base_lr: 1 })).toThrow(/unknown option "base_lr" \(did you mean "baseLr"\?\)/);
    expect(() => decl.read({ zzzzzz: 1 })).toThrow(/unknown option "zzzzzz"; accepted:/);
    expect(() => decl.read(JSON.parse('{"__proto__": 1, "baseLr": 1, "steps": 1}'))).toThrow(/unknown option "__proto__"/);
    // An inherited enumerable key is read as a key the caller wrote.
    expect(() => decl.read(Object.assign(Object.create({ gama: 1 }), { baseLr: 1, steps: 1 }))).toThrow(/^demo\.fn: unknown option "gama" \(did you mean "gamma"\?\)/);
    expect(() => readOptions('f', table, Object.create({ evrey: 2 }))).toThrow(/^f: unknown option "evrey"/);
    expect(closest('initalStep', ['initialStep'])).toBe('initialStep');
    expect(closest('endpiont', ['endpoint', 'offset', 'span', 'wrap'])).toBe('endpoint');
    expect(closest('lengthMul', ['cycles', 'baseLength', 'lengthMult'])).toBe('lengthMult');
    expect(closest('parms', ['params', 'optimizer'])).toBe('params');
    expect(closest('lrr', ['lr', 'momentum'])).toBe('lr');
  });

  it('check types strictly: null, strings for booleans, empty names are errors', () => {
    const ok = { baseLr: 1, steps: 3 };
    expectNamedError(() => decl.read(null), TypeError, { fn: 'demo.fn', arg: 'options', got: 'null' });
    expectNamedError(() => decl.read([1, 2]), TypeError, { fn: 'demo.fn', arg: 'options', got: '[1,2]' });
    expectNamedError(() => decl.read({ ...ok, gamma: null }), TypeError, { fn: 'demo.fn', arg: 'gamma', got: 'null' });
    expectNamedError(() => decl.read({ ...ok, staircase: 'false' }), TypeError, { fn: 'demo.fn', arg: 'staircase', got: '"false"' });
    expectNamedError(() => decl.read({ ...ok, paramName: '' }), TypeError, { fn: 'demo.fn', arg: 'paramName', got: '""' });
    expectNamedError(() => decl.read({ ...ok, mode: 'exp' }), TypeError, { fn: 'demo.fn', arg: "mode must be one of 'cos', 'linear'", got: '"exp"' });
    expectNamedError(() => decl.read({ baseLr: 1 }), TypeError, { fn: 'demo.fn', arg: 'steps must be a non-negative integer', got: 'undefined' });
    expectNamedError(() => decl.read({ ...ok, gamma: 0 }), RangeError, { fn: 'demo.fn', arg: 'gamma must be a finite number > 0', got: '0' });
    expectNamedError(() => decl.read({ ...ok, pct: 1.5 }), RangeError, { fn: 'demo.fn', arg: 'pct must be a number in [0, 1]', got: '1.5' });
    expectNamedError(() => decl.read({ ...ok, every: 0 }), RangeError, { fn: 'demo.fn', arg: 'every must be a positive integer', got: '0' });
    expectNamedError(() => decl.read({ ...ok, range: [0] }), TypeError, { fn: 'demo.fn', arg: 'range', got: '[0]' });
    expectNamedError(() => decl.read({ ...ok, range: [0, NaN] }), RangeError, { fn: 'demo.fn', arg: 'range[1]', got: 'NaN' });
    expectNamedError(() => decl.read({ ...ok, range: [0, 1, 2] }), TypeError, { fn: 'demo.fn', arg: 'range must be a pair [start, end] of finite numbers', got: '[0,1,2]' });
    // eslint-disable-next-line no-sparse-arrays
    expectNamedError(() => decl.read({ ...ok, range: [0, ,] }), TypeError, { fn: 'demo.fn', arg: 'range[1] must be a finite number', got: 'undefined' });
    const given = [2, 3];
    const read = decl.read({ ...ok, range: given }).range;
    expect(read).toEqual([2, 3]);
    expect(read).not.toBe(given);
    expect(Object.isFrozen(read)).toBe(true);
    expectNamedError(() => decl.read({ ...ok, milestones: [3, 1] }), RangeError, { fn: 'demo.fn', arg: 'milestones must be an array of non-negative integers, non-decreasing', got: '[3,1]' });
    // eslint-disable-next-line no-sparse-arrays
    expectNamedError(() => decl.read({ ...ok, extra: [1, , 2] }), TypeError, { fn: 'demo.fn', arg: 'extra', got: 'a sparse array of length 3' });
    expectNamedError(() => decl.read({ ...ok, extra: [-1] }), RangeError, { fn: 'demo.fn', arg: 'extra[0]', got: '-1' });
  });

  it('validate options of a mode, and refuse them without the option that turns it on', () => {
    const ok = { baseLr: 1, steps: 3 };
    expectNamedError(() => decl.read({ ...ok, noisePct: -5 }), RangeError, { fn: 'demo.fn', arg: 'noisePct', got: '-5' });
    expectNamedError(() => decl.read({ ...ok, noisePct: 0.5 }), TypeError, { fn: 'demo.fn', arg: 'noisePct applies only with noiseRange', got: 'noisePct 0.5 without noiseRange' });
    expect(decl.read({ ...ok, noisePct: 0.5, noiseRange: [1] }).noisePct).toBe(0.5);
  });

  it('names that collide are refused', () => {
    expect(() => distinctNames('pytorch.cyclicLR', { lr: 'lr', momentumName: 'lr' })).toThrow('pytorch.cyclicLR: momentumName must differ from lr, which also names the parameter "lr", got "lr"');
    expect(() => distinctNames('f', { lr: 'lr', momentumName: 'beta1' })).not.toThrow();
  });

  it('values in messages are cut to about 100 characters', () => {
    const huge = 'x'.repeat(50_000_000);
    const message = (() => {
      try {
        decl.read({ baseLr: huge, steps: 1 });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message.length).toBeLessThan(200);
    expect(show(Array.from({ length: 1000 }, (_, i) => i)).length).toBeLessThanOrEqual(100);
    expect(show(-0)).toBe('-0');
  });
});

describe('readOptions: each option declared once, checked always', () => {
  it('fills defaults and keeps apart only what the caller gave that differs from its default', () => {
    const { resolved, given } = readOptions('f', table, { up: 2, every: 1, mode: 'b' });
    expect(resolved).toEqual({ every: 1, staircase: false, mode: 'b', up: 2, range: undefined });
    expect(given).toEqual({ up: 2, mode: 'b' });
    expect(readOptions('f', table, { up: 1, range: [3] }).resolved.range).toEqual([3]);
    expect(readOptions('f', table, { up: 1, range: [3, 5] }).given).toEqual({ up: 1, range: [3, 5] });
  });

  it('takes -0 for a default of 0 as the default: printouts and JSON forms leave it out, and survive a round trip', () => {
    const { resolved, given } = readOptions('linspace', linspace.definition.options, { offset: -0 });
    expect(given).toEqual({});
    expect(Object.is(resolved.offset, -0)).toBe(true);
    const space = linspace(0, 1, 3, { offset: -0 });
    expect(String(space)).toBe('linspace(0, 1, 3)');
    expect(spaceFromJSON(JSON.parse(JSON.stringify(space))).toJSON()).toEqual(space.toJSON());
    expect([...space]).toEqual([0, 0.5, 1]);
  });

  it('refuses unknown keys, values of the wrong type or range, null, and a missing required option', () => {
    expect(() => readOptions('f', table, { up: 1, evrey: 2 })).toThrow(new TypeError('f: unknown option "evrey" (did you mean "every"?); accepted: every, staircase, mode, up, range'));
    expectNamedError(() => readOptions('f', table, { up: 1, every: 0 }), RangeError, { fn: 'f', arg: 'every', got: '0' });
    expectNamedError(() => readOptions('f', table, { up: 1, every: null }), TypeError, { fn: 'f', arg: 'every', got: 'null' });
    expectNamedError(() => readOptions('f', table, { up: 1, staircase: 'true' }), TypeError, { fn: 'f', arg: 'staircase', got: '"true"' });
    expectNamedError(() => readOptions('f', table, { up: 1, mode: 'c' }), TypeError, { fn: 'f', arg: "mode must be one of 'a', 'b'", got: '"c"' });
    expectNamedError(() => readOptions('f', table, {}), TypeError, { fn: 'f', arg: 'up', got: 'undefined' });
    // A misspelt required option is reported as the typo it is, not as a missing option.
    expect(() => readOptions('f', table, { upp: 1 })).toThrow(/^f: unknown option "upp"/);
    expectNamedError(() => readOptions('f', table, { up: 1.5 }), RangeError, { fn: 'f', arg: 'up', got: '1.5' });
    expectNamedError(() => readOptions('f', table, { up: 1, range: [1, 2, 3] }), TypeError, { fn: 'f', arg: 'range', got: '[1,2,3]' });
    expectNamedError(() => readOptions('f', table, { up: 1, range: [-1] }), RangeError, { fn: 'f', arg: 'range[0]', got: '-1' });
    expectNamedError(() => readOptions('f', table, [1]), TypeError, { fn: 'f', arg: 'options', got: '[1]' });
  });
});
