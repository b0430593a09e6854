import { describe, expect, it } from 'vitest';
import { count, finite, flag, fraction, knownKeys, num, pair, plainObject, positive, positiveCount, show } from '../../lib/internal/validate.js';
import { expectNamedError } from '../helpers.js';

describe('validate: the shared argument checks', () => {
  it('show renders what was received: strings quoted, JSON for objects, long values cut', () => {
    expect([show('a'), show(1.5), show(undefined), show(null), show([1, 2]), show({ a: 1 })]).toEqual(['"a"', '1.5', 'undefined', 'null', '[1,2]', '{"a":1}']);
    expect(show(function step() {})).toBe('a function step');
    expect(show({ a: 'x'.repeat(200) })).toHaveLength(100);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(show(cyclic)).toBe('[object Object]');
  });

  it('each check returns the value it accepts and names function, argument and value otherwise', () => {
    expect([finite('f', 'x', -2), count('f', 'n', 0), positiveCount('f', 'n', 3), positive('f', 'x', 1e-9), fraction('f', 'p', 0)]).toEqual([-2, 0, 3, 1e-9, 0]);
    expectNamedError(() => finite('f', 'x', NaN), RangeError, { fn: 'f', arg: 'x must be a finite number', got: 'NaN' });
    expectNamedError(() => finite('f', 'x', '1'), TypeError, { fn: 'f', arg: 'x', got: '"1"' });
    expectNamedError(() => count('f', 'n', 2.5), RangeError, { fn: 'f', arg: 'n must be a non-negative integer', got: '2.5' });
    expectNamedError(() => count('f', 'n', 2 ** 53), RangeError, { fn: 'f', arg: 'n', got: String(2 ** 53) });
    expectNamedError(() => positiveCount('f', 'n', 0), RangeError, { fn: 'f', arg: 'n must be a positive integer', got: '0' });
    expectNamedError(() => positive('f', 'x', 0), RangeError, { fn: 'f', arg: 'x must be a finite number > 0', got: '0' });
    expectNamedError(() => positive('f', 'x', -Infinity), RangeError, { fn: 'f', arg: 'x', got: '-Infinity' });
    expectNamedError(() => fraction('f', 'p', 1), RangeError, { fn: 'f', arg: 'p must be a fraction in [0, 1)', got: '1' });
  });

  it('flag, pair, plainObject and knownKeys', () => {
    expect([flag('f', 'b', undefined, true), flag('f', 'b', false, true)]).toEqual([true, false]);
    expectNamedError(() => flag('f', 'b', 'false', true), TypeError, { fn: 'f', arg: 'b must be a boolean', got: '"false"' });
    expect(pair('f', 'lr', [1, 2])).toEqual([1, 2]);
    expectNamedError(() => pair('f', 'lr', [1]), TypeError, { fn: 'f', arg: 'lr', got: '[1]' });
    expectNamedError(() => pair('f', 'lr', [1, NaN]), RangeError, { fn: 'f', arg: 'lr[1]', got: 'NaN' });
    expectNamedError(() => plainObject('f', 'options', []), TypeError, { fn: 'f', arg: 'options must be an object', got: '[]' });
    expect(() => knownKeys('f', 'option', { a: 1, c: 2 }, ['a', 'b'])).toThrow(new TypeError('f: unknown option "c"; accepted: a, b'));
  });

  it('num prints numbers as the factories print them (no -0)', () => {
    expect([num(-0), num(1), num(0.1), num(1e21)]).toEqual(['0', '1', '0.1', '1e+21']);
  });
});
