// Reference: timm's noise (timm/scheduler/scheduler.py, _add_noise and _calculate_noise) on
// PyTorch's own draws: torch.Generator().manual_seed(42); torch.randn(1) is 0.33669036626815796,
// and 2·(torch.rand(1) − 0.5)·0.67 is 0.5122408127784729 (real PyTorch, as in torchGenerator.spec.ts).
import { describe, expect, it } from 'vitest';
import { constant, linspace, noisy } from '../../lib/index.js';
import { tableFields } from '../../lib/internal/fieldInfo.js';
import { expectNamedError } from '../helpers.js';

describe('noisy', () => {
  it("adds timm's noise v + v·n with PyTorch's draws, seeded with seed + step", () => {
    expect(noisy(constant(1, 10), { range: [0], seed: 42 }).at(0)).toBe(1 + 1 * 0.33669036626815796);
    expect(noisy(constant(2, 10), { range: [0], seed: 40 }).at(2)).toBe(2 + 2 * 0.33669036626815796);
    expect(noisy(constant(1, 10), { range: [0], type: 'uniform', seed: 42 }).at(0)).toBe(1 + 0.5122408127784729);
  });

  it('leaves the steps outside [from, to) alone, counted with offset', () => {
    const base = linspace(1, 2, 10);
    const n = noisy(base, { range: [3, 5], offset: 1 });
    [0, 1, 4, 5, 9].forEach((i) => expect(n.at(i)).toBe(base.at(i)));
    [2, 3].forEach((i) => expect(n.at(i)).not.toBe(base.at(i)));
    expect(n.length).toBe(10);
  });

  it('is the same at a step whatever was read before: a resumed run gets the same noise', () => {
    const a = noisy(constant(1, 100), { range: [0] });
    const forward = [...a];
    const backward = Array.from({ length: 100 }, (_, k) => a.at(99 - k)).reverse();
    expect(backward).toEqual(forward);
  });

  it('refuses bad options, naming noisy, the option and the value', () => {
    expectNamedError(() => noisy(constant(1, 3), {} as never), TypeError, { fn: 'noisy', arg: 'range', got: 'undefined' });
    expectNamedError(() => noisy(constant(1, 3), { range: [0], pct: 0 }), RangeError, { fn: 'noisy', arg: 'pct', got: '0' });
    expectNamedError(() => noisy(constant(1, 3), { range: [0], type: 'gauss' as never }), TypeError, { fn: 'noisy', arg: 'type', got: '"gauss"' });
    expectNamedError(() => noisy(3 as never, { range: [0] }), TypeError, { fn: 'noisy', arg: 'space', got: '3' });
    // An empty range would give no noise at all, the option silently ignored.
    expect(() => noisy(constant(1, 10), { range: [8, 2] })).toThrow(new RangeError('noisy: range must have from ≤ to, got [8,2]'));
    expect([...noisy(constant(1, 10), { range: [2, 2] })]).toEqual([...constant(1, 10)]);
  });

  it("words its errors as its description does: the error's phrase is the field's `expected`", () => {
    const fields = tableFields(noisy.definition.options);
    const expected = (name: string) => fields.find((f) => f.name === name)!.expected;
    expect(() => noisy(constant(1, 3), { range: 5 as never })).toThrow(new TypeError(`noisy: range must be ${expected('range')}, got 5`));
    expect(() => noisy(constant(1, 3), { range: [0], type: 'gauss' as never })).toThrow(new TypeError(`noisy: type must be ${expected('type')}, got "gauss"`));
  });
});
