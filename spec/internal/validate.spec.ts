import { describe, expect, it } from 'vitest';
import { checkNumber, count, finite, flag, fraction, knownKeys, mustBe, num, pair, plainObject, positive, positiveCount, show } from '../../lib/internal/validate.js';
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

  it('checkNumber checks every declared range; mustBe throws a RangeError for a number, a TypeError otherwise', () => {
    expect([checkNumber('f', 'x', 'nonNegative', 0), checkNumber('f', 'x', 'integer', -3), checkNumber('f', 'x', 'finite', -1e300)]).toEqual([0, -3, -1e300]);
    expectNamedError(() => checkNumber('f', 'x', 'nonNegative', -0.5), RangeError, { fn: 'f', arg: 'x must be a finite number ≥ 0', got: '-0.5' });
    expectNamedError(() => checkNumber('f', 'x', 'nonNegative', Infinity), RangeError, { fn: 'f', arg: 'x', got: 'Infinity' });
    expectNamedError(() => checkNumber('f', 'x', 'integer', 0.5), RangeError, { fn: 'f', arg: 'x must be an integer', got: '0.5' });
    expectNamedError(() => checkNumber('f', 'x', 'integer', 2 ** 53), RangeError, { fn: 'f', arg: 'x', got: String(2 ** 53) });
    expectNamedError(() => checkNumber('f', 'x', 'positiveCount', null), TypeError, { fn: 'f', arg: 'x must be a positive integer', got: 'null' });
    expectNamedError(() => checkNumber('f', 'x', 'count', 10n), TypeError, { fn: 'f', arg: 'x', got: '10n' });
    expectNamedError(() => mustBe('f', 'x', 'a boolean', 1, TypeError), TypeError, { fn: 'f', arg: 'x must be a boolean', got: '1' });
    expectNamedError(() => mustBe('f', 'x', 'small', 7), RangeError, { fn: 'f', arg: 'x must be small', got: '7' });
    expect(show(Symbol('s'))).toBe('Symbol(s)');
    expect(show('x'.repeat(150))).toBe(`"${'x'.repeat(100)}"...`);
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
