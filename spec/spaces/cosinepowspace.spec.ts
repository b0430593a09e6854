// Reference: optax's cosine_decay_schedule with `exponent` (optax/schedules/_schedule.py):
// init · ((1 − α)·(½(1 + cos(π·t/T)))^exponent + α); here α = 0, init = start − end, plus end.
import { describe, expect, it } from 'vitest';
import { cosinepowspace, cosinespace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

const optaxCosine = (start: number, end: number, T: number, exponent: number) =>
  Array.from({ length: T + 1 }, (_, k) => end + (start - end) * (0.5 * (1 + Math.cos((Math.PI * k) / T))) ** exponent);

describe('cosinepowspace', () => {
  it("is optax's cosine decay raised to `exponent`, both ends exact", () => {
    expectClose([...cosinepowspace(1, 0.1, 11, { exponent: 2 })], optaxCosine(1, 0.1, 10, 2), 14);
    expectClose([...cosinepowspace(2, 0, 5, { exponent: 0.5 })], optaxCosine(2, 0, 4, 0.5), 14);
    const s = cosinepowspace(3, 1, 7, { exponent: 3 });
    expect([s.at(0), s.at(6)]).toEqual([3, 1]);
  });

  it('exponent 1 (the default) is cosinespace, value for value', () => {
    expect([...cosinepowspace(1, 0, 9)]).toEqual([...cosinespace(1, 0, 9)]);
  });

  it('refuses an exponent that is not a finite number > 0', () => {
    expectNamedError(() => cosinepowspace(1, 0, 3, { exponent: 0 }), RangeError, { fn: 'cosinepowspace', arg: 'exponent', got: '0' });
    expectNamedError(() => cosinepowspace(1, 0, 3, { exponent: '2' as never }), TypeError, { fn: 'cosinepowspace', arg: 'exponent', got: '"2"' });
  });
});
