import { describe, expect, it } from 'vitest';
import {
  constant, cosinepowspace, cosinespace, cycle, cyclicspace, expspace, invsqrtspace, invtimespace, kcosinespace, kpolyspace, linspace, noisy,
  polycyclespace, polyspace, powspace, spaceFromJSON, tanhspace, type Space,
} from '../../lib/index.js';
import { expectNamedError } from '../helpers.js';

// One space of every factory, with options away from their defaults.
const every: readonly (readonly [Space, string])[] = [
  [linspace(0, 1, 4, { endpoint: false }), 'linspace(0, 1, 4, { endpoint: false })'],
  [cosinespace(1, 0, 5, { offset: 1, span: 7 }), 'cosinespace(1, 0, 5, { offset: 1, span: 7 })'],
  [constant(0.5, 3), 'constant(0.5, 3)'],
  [polyspace(1, 0, 5, { power: 2 }), 'polyspace(1, 0, 5, { power: 2 })'],
  [powspace(1, 0, 5, { power: 0.5 }), 'powspace(1, 0, 5, { power: 0.5 })'],
  [expspace(1, 0.5, 6, { every: 2, staircase: true }), 'expspace(1, 0.5, 6, { every: 2, staircase: true })'],
  [invtimespace(1, 0.5, 4, { offset: 3 }), 'invtimespace(1, 0.5, 4, { offset: 3 })'],
  [invsqrtspace(1, 4, 3), 'invsqrtspace(1, 4, 3)'],
  [polycyclespace(1, 0, 6, { period: 2, power: 2 }), 'polycyclespace(1, 0, 6, { period: 2, power: 2 })'],
  [tanhspace(1, 0.1, 11, { lower: -5 }), 'tanhspace(1, 0.1, 11, { lower: -5 })'],
  [cosinepowspace(1, 0, 5, { exponent: 2 }), 'cosinepowspace(1, 0, 5, { exponent: 2 })'],
  [kcosinespace(1, 0, 5, { k: 2, endpoint: false }), 'kcosinespace(1, 0, 5, { k: 2, endpoint: false })'],
  [kpolyspace(1, 0, 3, { power: 1, k: 2 }), 'kpolyspace(1, 0, 3, { k: 2 })'],
  [cyclicspace(0, 1, 9, { stepsUp: 2, mode: 'triangular2' }), "cyclicspace(0, 1, 9, { stepsUp: 2, mode: 'triangular2' })"],
  [cycle(linspace(0, 2, 3), 7), 'cycle(linspace(0, 2, 3), 7)'],
  [noisy(constant(1, 10), { range: [2, 8], type: 'uniform' }), "noisy(constant(1, 10), { range: [2, 8], type: 'uniform' })"],
];

describe('every space comes from one declaration', () => {
  it('prints as its call, options at their defaults left out', () => {
    for (const [space, text] of every) expect(String(space)).toBe(text);
  });

  it('round-trips through JSON to the same printout and the same values', () => {
    for (const [space] of every) {
      const copy = spaceFromJSON(JSON.parse(JSON.stringify(space)));
      expect(String(copy)).toBe(String(space));
      expect([...copy]).toEqual([...space]);
    }
  });

  it("keeps each curve's numbers: the extra parameters moved into the options change no value", () => {
    // kpolyspace(1, 0, 3, { power: 1, k: 2 }): 1 − (1 − t²), t = ½ → weight 0.25, value 0.75.
    expect([...kpolyspace(1, 0, 3, { power: 1, k: 2 })]).toEqual([1, 0.75, 0]);
    // timm's defaults lb = −7, ub = 3 (timm/scheduler/tanh_lr.py).
    expect([...tanhspace(1, 0.1, 11)]).toEqual([...tanhspace(1, 0.1, 11, { lower: -7, upper: 3 })]);
    expect([...polyspace(1, 0, 9)]).toEqual([...linspace(1, 0, 9)]);
    expect(cosinepowspace(1, 0, 3, { exponent: 2 }).at(1)).toBe(0.25);
  });

  it('prints and serialises options in their declared order, whatever order the caller wrote', () => {
    expect(String(polycyclespace(1, 0, 6, { power: 2, period: 2 }))).toBe('polycyclespace(1, 0, 6, { period: 2, power: 2 })');
    expect(Object.keys(kpolyspace(1, 0, 3, { endpoint: false, power: 2, k: 3 }).toJSON())).toEqual(['type', 'start', 'end', 'steps', 'k', 'power', 'endpoint']);
  });

  it('refuses unknown option keys and bad option values, naming the factory', () => {
    expect(() => linspace(0, 1, 10, { endpiont: false } as never)).toThrow(/^linspace: unknown option "endpiont" \(did you mean "endpoint"\?\); accepted: endpoint, offset, span, wrap$/);
    expect(() => kpolyspace(1, 0, 3, { power: 1, kk: 2 } as never)).toThrow(/^kpolyspace: unknown option "kk"; accepted: k, power, endpoint/);
    expectNamedError(() => kcosinespace(1, 0, 5, { k: 0 }), RangeError, { fn: 'kcosinespace', arg: 'k', got: '0' });
    expectNamedError(() => powspace(1, 0, 5, {} as never), TypeError, { fn: 'powspace', arg: 'power', got: 'undefined' });
    expectNamedError(() => tanhspace(1, 0, 5, { upper: NaN }), RangeError, { fn: 'tanhspace', arg: 'upper', got: 'NaN' });
    expectNamedError(() => invtimespace(1, -1, 5), RangeError, { fn: 'invtimespace', arg: 'rate', got: '-1' });
    expectNamedError(() => cycle(3 as never, 5), TypeError, { fn: 'cycle', arg: 'space', got: '3' });
    expectNamedError(() => noisy(constant(1, 3), { range: [0], seed: 1.5 }), RangeError, { fn: 'noisy', arg: 'seed', got: '1.5' });
    expectNamedError(() => polycyclespace(1, 0, 3, { period: 0 }), RangeError, { fn: 'polycyclespace', arg: 'period', got: '0' });
  });

  it('each factory carries its declaration: names, types, defaults and one-line docs', () => {
    expect(Object.keys(kpolyspace.definition.options)).toEqual(['k', 'power', 'endpoint', 'offset', 'span', 'wrap']);
    expect(kpolyspace.definition.options['k']).toMatchObject({ type: 'number', range: 'positive', default: 1 });
    expect(cyclicspace.definition.args.map((a) => a.name)).toEqual(['low', 'high', 'steps']);
    for (const [space] of every) {
      const name = String(space).split('(')[0]!;
      const json = space.toJSON();
      expect(json.type).toBe(name);
    }
  });
});
