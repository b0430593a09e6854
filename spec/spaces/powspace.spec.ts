// Reference: Hugging Face's warmup-stable-decay '1-sqrt' decay (src/transformers/optimization.py,
// _get_wsd_scheduler_lambda): factor 1 − √progress, scaled between lr and the floor.
import { describe, expect, it } from 'vitest';
import { linspace, powspace } from '../../lib/index.js';
import { expectClose, expectNamedError } from '../helpers.js';

describe('powspace', () => {
  it("is start + (end − start)·t^power: power ½ is Hugging Face's 1-sqrt decay", () => {
    const D = 8;
    const hf = Array.from({ length: D }, (_, k) => 0 + (3 - 0) * (1 - Math.sqrt(k / D)));
    expectClose([...powspace(3, 0, D, { power: 0.5, span: D })], hf, 14);
    expectClose([...powspace(1, 0, 5, { power: 0.5 })], [1, 0.5, 1 - Math.sqrt(0.5), 1 - Math.sqrt(0.75), 0], 15);
  });

  it('power 1 is linspace', () => {
    expect([...powspace(2, 1, 6, { power: 1 })]).toEqual([...linspace(2, 1, 6)]);
  });

  it('power is required and must be a finite number > 0', () => {
    expectNamedError(() => powspace(1, 0, 3, {} as never), TypeError, { fn: 'powspace', arg: 'power', got: 'undefined' });
    expectNamedError(() => powspace(1, 0, 3, { power: -0.5 }), RangeError, { fn: 'powspace', arg: 'power', got: '-0.5' });
  });
});
