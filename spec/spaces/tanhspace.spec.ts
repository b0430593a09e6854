import { describe, expect, it } from 'vitest';
import { spaceFromJSON, tanhspace } from '../../lib/index.js';
import { expectClose } from '../helpers.js';

describe('tanhspace, invsqrtspace', () => {
  it('tanhspace is timm\'s lr_min + ½(lr_max − lr_min)(1 − tanh(lb(1 − tr) + ub·tr))', () => {
    const ref = Array.from({ length: 11 }, (_, k) => 0.1 + 0.5 * (1 - 0.1) * (1 - Math.tanh(-7 * (1 - k / 10) + 3 * (k / 10))));
    expectClose([...tanhspace(1, 0.1, 11)], ref, 12);
    expect(String(tanhspace(1, 0.1, 11))).toBe('tanhspace(1, 0.1, 11)');
    const copy = spaceFromJSON(JSON.parse(JSON.stringify(tanhspace(1, 0.1, 11, { lower: -5, upper: 2 }))));
    expect([...copy]).toEqual([...tanhspace(1, 0.1, 11, { lower: -5, upper: 2 })]);
  });
});
