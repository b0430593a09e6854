import { describe, expect, it } from 'vitest';
import { readOptions, type OptionTable } from '../../lib/internal/options.js';
import { expectNamedError } from '../helpers.js';

const table = {
  every: { type: 'number', range: 'positive', default: 1, doc: 'steps per application' },
  staircase: { type: 'boolean', default: false, doc: 'floor the progress' },
  mode: { type: 'choice', values: ['a', 'b'], default: 'a', doc: 'the mode' },
  up: { type: 'number', range: 'positiveCount', required: true, doc: 'steps up' },
  range: { type: 'stepRange', doc: 'steps with noise' },
} as const satisfies OptionTable;

describe('readOptions: each option declared once, checked always', () => {
  it('fills defaults and keeps apart only what the caller gave that differs from its default', () => {
    const { resolved, given } = readOptions('f', table, { up: 2, every: 1, mode: 'b' });
    expect(resolved).toEqual({ every: 1, staircase: false, mode: 'b', up: 2, range: undefined });
    expect(given).toEqual({ up: 2, mode: 'b' });
    expect(readOptions('f', table, { up: 1, range: [3] }).resolved.range).toEqual([3]);
    expect(readOptions('f', table, { up: 1, range: [3, 5] }).given).toEqual({ up: 1, range: [3, 5] });
  });

  it('refuses unknown keys, values of the wrong type or range, null, and a missing required option', () => {
    expect(() => readOptions('f', table, { up: 1, evrey: 2 })).toThrow(new TypeError('f: unknown option "evrey"; accepted: every, staircase, mode, up, range'));
    expectNamedError(() => readOptions('f', table, { up: 1, every: 0 }), RangeError, { fn: 'f', arg: 'every', got: '0' });
    expectNamedError(() => readOptions('f', table, { up: 1, every: null }), TypeError, { fn: 'f', arg: 'every', got: 'null' });
    expectNamedError(() => readOptions('f', table, { up: 1, staircase: 'true' }), TypeError, { fn: 'f', arg: 'staircase', got: '"true"' });
    expectNamedError(() => readOptions('f', table, { up: 1, mode: 'c' }), TypeError, { fn: 'f', arg: "mode must be 'a' or 'b'", got: '"c"' });
    expectNamedError(() => readOptions('f', table, {}), TypeError, { fn: 'f', arg: 'up', got: 'undefined' });
    expectNamedError(() => readOptions('f', table, { up: 1.5 }), RangeError, { fn: 'f', arg: 'up', got: '1.5' });
    expectNamedError(() => readOptions('f', table, { up: 1, range: [1, 2, 3] }), TypeError, { fn: 'f', arg: 'range', got: '[1,2,3]' });
    expectNamedError(() => readOptions('f', table, { up: 1, range: [-1] }), RangeError, { fn: 'f', arg: 'range[0]', got: '-1' });
    expectNamedError(() => readOptions('f', table, [1]), TypeError, { fn: 'f', arg: 'options', got: '[1]' });
  });
});
