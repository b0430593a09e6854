import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as catalogue from '../../lib/spaces/index.js';
import {
  constant, cosinepowspace, cosinespace, cycle, cyclicspace, expspace, invsqrtspace, invtimespace, kcosinespace, kpolyspace, linspace, noisy,
  polycyclespace, polyspace, powspace, slice, spaceFromJSON, tanhspace, type NumberRange, type OptionTable, type Space, type SpaceDefinition,
} from '../../lib/index.js';
import { collect, expectNamedError } from '../helpers.js';

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

  it('a factory without options refuses an argument past its own, as TypeScript does (a JavaScript call is not silently cut)', () => {
    const call = (f: unknown, ...args: unknown[]) => () => (f as (...a: unknown[]) => unknown)(...args);
    expect(call(constant, 1, 3, { stpes: 1 })).toThrow(new TypeError('constant: takes value, steps and no options, got 3 arguments; the extra: [{"stpes":1}]'));
    expect(call(invsqrtspace, 1, 10, 5, { offset: 2 })).toThrow(/^invsqrtspace: takes start, timescale, steps and no options, got 4 arguments; the extra: \[\{"offset":2\}\]$/);
    expect(call(cycle, linspace(0, 1, 3), 6, 2)).toThrow(/^cycle: takes space, steps and no options, got 3 arguments; the extra: \[2\]$/);
    expect(call(slice, linspace(0, 1, 5), 1, 4, {})).toThrow(/^slice: takes space, from, to and no options, got 4 arguments; the extra: \[\{\}\]$/);
    // An optional argument left out, or given as undefined, is no extra one.
    expect([...constant(2, 2)]).toEqual([2, 2]);
    expect(constant(2).unbounded).toBe(true);
    expect(constant(2, undefined).unbounded).toBe(true);
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

// The laws every space of the catalogue keeps, for arguments drawn from its own declaration: the
// stream face is the function face, the stream is cold, the JSON form rebuilds the same space,
// and no value is NaN or ±Infinity (arguments that would give one are refused, naming the factory).
describe('every factory of the catalogue, for arguments drawn from its declaration', () => {
  const factories = { ...catalogue } as unknown as Record<string, ((...args: unknown[]) => Space) & { definition?: SpaceDefinition }>;
  const definitions = Object.values(factories).flatMap((f) => (f.definition === undefined ? [] : [f.definition]));
  // Magnitudes from small to near the largest double: an overflow must be refused, never emitted.
  const magnitude = fc.constantFrom(1, 1e3, 1e150, 1e300, 1.7e308);
  const numberIn = (range: NumberRange, name: string): fc.Arbitrary<number> => {
    switch (range) {
      case 'count': return name === 'steps' ? fc.integer({ min: 0, max: 24 }) : fc.integer({ min: 0, max: 12 });
      case 'positiveCount': return fc.integer({ min: 1, max: 12 });
      case 'integer': return fc.integer({ min: -50, max: 50 });
      case 'positive': return fc.tuple(fc.double({ min: 1e-3, max: 10, noNaN: true }), fc.constantFrom(1, 1, 1, 1e5, 1e-5)).map(([x, m]) => x * m);
      case 'nonNegative': return fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true }));
      case 'finite': return fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), magnitude).map(([x, m]) => x * m);
    }
  };
  const inner = fc.tuple(fc.constantFrom(catalogue.linspace, catalogue.cosinespace), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 1, max: 12 })).map(([make, a, n]) => make(a, 0.1, n));
  const optionsOf = (table: OptionTable) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, decl] of Object.entries(table)) {
      const arb: fc.Arbitrary<unknown> =
        decl.type === 'number' ? numberIn(decl.range, key)
        : decl.type === 'boolean' ? fc.boolean()
        : decl.type === 'choice' ? fc.constantFrom(...decl.values)
        : fc.oneof(fc.tuple(fc.integer({ min: 0, max: 10 })), fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]));
      record[key] = 'required' in decl && decl.required ? arb : fc.option(arb, { nil: undefined });
    }
    return fc.record(record).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  };
  const call = (definition: SpaceDefinition) =>
    fc.tuple(fc.tuple(...definition.args.map((a) => (a.type === 'space' ? inner : numberIn(a.range, a.name)))), optionsOf(definition.options)).map(([args, options]) => {
      // The space arguments' own rules: a slice inside its space, a product of equal lengths.
      if (definition.name === 'slice') {
        const n = (args[0] as Space).length;
        const [a, b] = [Math.min(args[1] as number, n), Math.min(args[2] as number, n)];
        return [args[0], Math.min(a, b), Math.max(a, b)] as unknown[];
      }
      if (definition.name === 'product') return [args[0], catalogue.cosinespace(1, 0, (args[0] as Space).length)] as unknown[];
      return Object.keys(options).length > 0 || definition.args.length === 0 ? [...args, options] : args;
    });
  // The rules a random call may still break, each refused by name.
  const refusals = /would be (NaN|-?Infinity)|overflow|must satisfy|pct must be|must have a positive/;

  it('covers the whole catalogue', () => {
    expect(definitions.map((d) => d.name).sort()).toEqual(Object.keys(catalogue).filter((k) => 'definition' in factories[k]!).sort());
    expect(definitions.length).toBeGreaterThanOrEqual(18);
  });

  for (const definition of definitions) {
    it(`${definition.name}: a bad argument or option is refused, naming the factory, the argument and the value`, () => {
      const names = [...definition.args.map((a) => a.name), ...Object.keys(definition.options)];
      // A misspelt key needs an options object: factories without options take none (TypeScript refuses a fourth argument).
      const kinds = ['nan', 'infinity', 'string', 'null', 'object', ...(Object.keys(definition.options).length > 0 ? ['typo' as const] : [])] as const;
      const bad = fc.record({ name: fc.constantFrom(...names), kind: fc.constantFrom(...kinds) });
      fc.assert(
        fc.property(call(definition), bad, (args, { name, kind }) => {
          const k = definition.args.findIndex((a) => a.name === name);
          const value = { nan: NaN, infinity: -Infinity, string: '1', null: null, object: { x: 1 }, typo: 1 }[kind];
          const given = [...args];
          let key = name;
          if (kind === 'typo') {
            key = `${name}x`;
            const options = typeof given[definition.args.length] === 'object' ? (given[definition.args.length] as object) : {};
            given[definition.args.length] = { ...options, [key]: value };
          } else if (k >= 0) given[k] = value;
          else {
            const options = typeof given[definition.args.length] === 'object' ? (given[definition.args.length] as object) : {};
            given[definition.args.length] = { ...options, [name]: value };
          }
          // A boolean or a choice takes neither NaN nor a string: each is refused like the rest.
          let error: unknown;
          try {
            factories[definition.name]!(...given);
          } catch (e) {
            error = e;
          }
          expect(error, `${definition.name}(${given.map((g) => JSON.stringify(g)).join(', ')})`).toBeInstanceOf(Error);
          const e = error as Error;
          expect([TypeError, RangeError]).toContain(e.constructor);
          expect(e.message.startsWith(`${definition.name}: `), e.message).toBe(true);
          expect(e.message, e.message).toContain(key);
          expect(e.message, e.message).toMatch(/got |did you mean|accepted:/);
        }),
        { numRuns: 40 },
      );
    });

    it(`${definition.name}: stream = at(0..length-1), cold, finite, and the JSON form rebuilds it`, () => {
      let built = 0;
      fc.assert(
        fc.property(call(definition), (args) => {
          let space: Space;
          try {
            space = factories[definition.name]!(...args);
          } catch (e) {
            expect((e as Error).message.startsWith(`${definition.name}: `), (e as Error).message).toBe(true);
            if (!refusals.test((e as Error).message)) throw e;
            return;
          }
          built++;
          if (space.unbounded) {
            expect(Number.isFinite(space.at(0))).toBe(true);
            return;
          }
          const streamed = collect(space);
          expect(streamed.length).toBe(space.length);
          expect(collect(space)).toEqual(streamed);
          expect([...space]).toEqual(streamed);
          streamed.forEach((v, i) => {
            expect(Number.isFinite(v), `${String(space)} at ${i}: ${v}`).toBe(true);
            expect(space.at(i)).toBe(v);
          });
          const json = JSON.parse(JSON.stringify(space));
          const copy = spaceFromJSON(json);
          expect(JSON.parse(JSON.stringify(copy))).toEqual(json);
          expect(String(copy)).toBe(String(space));
          expect(String(space)).toBe(String(space));
          // JSON writes -0 as 0: === holds them equal.
          expect(collect(copy).every((v, i) => v === streamed[i])).toBe(true);
        }),
        { numRuns: 120 },
      );
      expect(built).toBeGreaterThan(20);
    });
  }
});
