import { describe, expect, expectTypeOf, it } from 'vitest';
import { declarationFields, fieldInfo, tableFields } from '../../lib/internal/fieldInfo.js';
import { boolean, custom, declare, fn, integer, integers, name, number, numbers, oneOf, pair, type OptionsOf } from '../../lib/internal/options.js';
import { table } from '../support/optionTable.js';

const decl = declare('demo.fn', {
  baseLr: number({ doc: 'initial lr', required: true }),
  gamma: number({ doc: 'decay', default: 0.1, above: 0 }),
  pct: number({ doc: 'fraction', default: 0.3, min: 0, below: 1 }),
  steps: integer({ doc: 'length', required: true }),
  every: integer({ doc: 'period', default: 1, min: 1, max: 9 }),
  staircase: boolean({ doc: 'floor', default: false }),
  mode: oneOf(['cos', 'linear'], { doc: 'shape', default: 'cos' }),
  paramName: name({ doc: 'name', default: 'momentum' }),
  range: pair({ doc: 'range', default: [0, 1] as const }),
  milestones: integers({ doc: 'steps', sorted: true }),
  extra: numbers({ doc: 'list', min: 0, length: 3 }),
  noisePct: number({ doc: 'noise', default: 0.67, above: 0, mode: 'noise', requires: 'noiseRange' }),
  noiseRange: integers({ doc: 'range', mode: 'noise' }),
  table: custom('object', 'an object of steps', { doc: 'a table', default: {} }, (_f, _a, v) => v as object),
  scale: fn<(x: number) => number>({ doc: 'a scale', signature: '(x) => number' }),
});

describe('fieldInfo: declared options described as data', () => {
  it('describes each field in declaration order, with what its kind adds', () => {
    const fields = declarationFields(decl);
    expect(fields.map((f) => f.name)).toEqual(Object.keys(decl.shape));
    expect(fields.find((f) => f.name === 'gamma')).toEqual({ name: 'gamma', type: 'number', doc: 'decay', required: false, default: 0.1, min: 0, exclusiveMin: true, json: true, expected: 'a finite number > 0' });
    expect(fields.find((f) => f.name === 'pct')).toMatchObject({ min: 0, max: 1, exclusiveMax: true, expected: 'a number in [0, 1)' });
    expect(fields.find((f) => f.name === 'steps')).toEqual({ name: 'steps', type: 'integer', doc: 'length', required: true, json: true, expected: 'a non-negative integer', min: 0 });
    expect(fields.find((f) => f.name === 'every')).toMatchObject({ min: 1, max: 9, expected: 'an integer in [1, 9]' });
    expect(fields.find((f) => f.name === 'mode')).toMatchObject({ type: 'enum', values: ['cos', 'linear'], default: 'cos', expected: "one of 'cos', 'linear'" });
    expect(fields.find((f) => f.name === 'baseLr')).toMatchObject({ required: true });
    expect(fields.find((f) => f.name === 'range')).toMatchObject({ type: 'numbers', length: 2, default: [0, 1], expected: 'a pair [start, end] of finite numbers' });
    expect(fields.find((f) => f.name === 'extra')).toMatchObject({ type: 'numbers', length: 3, min: 0, expected: '3 finite numbers ≥ 0' });
    expect(fields.find((f) => f.name === 'milestones')).toMatchObject({ type: 'integers', min: 0, expected: 'an array of non-negative integers, non-decreasing' });
    expect(fields.find((f) => f.name === 'noisePct')).toMatchObject({ mode: 'noise', requires: 'noiseRange' });
    expect(fields.find((f) => f.name === 'table')).toMatchObject({ type: 'object', expected: 'an object of steps', json: true });
    expect(fields.find((f) => f.name === 'scale')).toMatchObject({ type: 'function', json: false, required: false, expected: 'a function (x) => number' });
    expect(JSON.parse(JSON.stringify(fields))).toEqual(fields);
  });

  it('describes a declaration once, and a field alone the same way', () => {
    expect(declarationFields(decl)).toBe(declarationFields(decl));
    expect(Object.isFrozen(declarationFields(decl)[0])).toBe(true);
    expect(fieldInfo('gamma', decl.shape.gamma)).toEqual(declarationFields(decl)[1]);
  });
});

describe('tableFields: a table described as the field builders describe theirs', () => {
  it('gives each option its type, range, default and whether it is required', () => {
    expect(tableFields(table)).toEqual([
      { name: 'every', type: 'number', doc: 'steps per application', required: false, default: 1, json: true, expected: 'a finite number > 0', min: 0, exclusiveMin: true },
      { name: 'staircase', type: 'boolean', doc: 'floor the progress', required: false, default: false, json: true, expected: 'a boolean' },
      { name: 'mode', type: 'enum', doc: 'the mode', required: false, default: 'a', json: true, values: ['a', 'b'], expected: "one of 'a', 'b'" },
      { name: 'up', type: 'integer', doc: 'steps up', required: true, json: true, expected: 'a positive integer', min: 1 },
      { name: 'range', type: 'integers', doc: 'steps with noise', required: false, json: true, min: 0, expected: '[from] or [from, to] of non-negative integer steps, from ≤ to' },
    ]);
    type T = OptionsOf<typeof table>;
    expectTypeOf<T['up']>().toEqualTypeOf<number>();
  });
});
