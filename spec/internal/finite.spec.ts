import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNonFinite } from '../../lib/internal/finite.js';
import { tableFields } from '../../lib/internal/fieldInfo.js';
import { kpolyspace, linspace, OptimizerPolicy, Phase, polyspace, pytorch, type FieldInfo, type NumberRange, type Space, type SpaceDefinition } from '../../lib/index.js';
import * as spaces from '../../lib/spaces/index.js';
import { expectNamedError } from '../helpers.js';

describe('no schedule emits NaN or ±Infinity', () => {
  it('firstNonFinite finds the first bad index of a bad suffix by bisection, checking both ends', () => {
    expect(firstNonFinite((i) => (i >= 700 ? Infinity : i), 1000)).toBe(700);
    expect(firstNonFinite((i) => (i === 0 ? NaN : 1), 10)).toBe(0);
    expect(firstNonFinite(() => 1, 1e15)).toBeUndefined();
    expect(firstNonFinite(() => NaN, 0)).toBeUndefined();
  });

  it('a space whose values would not be finite is refused by its factory, naming the index', () => {
    // (1 − t)^0.5 past t = 1 is NaN: a span shorter than the steps.
    expectNamedError(() => polyspace(1, 0, 10, { power: 0.5, span: 5 }), RangeError, { fn: 'polyspace', arg: 'the value at index 6 would be NaN', got: '[1,0,10]' });
    expectNamedError(() => linspace(0, 1, 3, { span: 5e-324 }), RangeError, { fn: 'linspace', arg: 'the value at index 1 would be Infinity', got: '[0,1,3]' });
    // t^0.5 of a tiny negative progress is NaN.
    expect(() => kpolyspace(1, 0, 10, { power: 1, k: 0.5, offset: -1e-9 })).toThrow(/^kpolyspace: the value at index 0 would be NaN/);
    expect(polyspace(1, 0, 6, { power: 0.5, span: 5 }).at(5)).toBe(0);
  });

  it('inside a preset the check names the preset, the parameter and the global step instead', () => {
    expect(() => pytorch.exponentialLR({ baseLr: 0.1, gamma: 1.5, steps: 2000 })).toThrow(/^pytorch.exponentialLR: lr would be Infinity at step 1751/);
  });

  it("OptimizerPolicy's options are declared: a misspelt key names the right one, null is an error", () => {
    const phases = [new Phase({ lr: linspace(0, 1, 3) })];
    expect(() => new OptimizerPolicy(phases, { initalStep: 2 } as never)).toThrow('OptimizerPolicy: unknown option "initalStep" (did you mean "initialStep"?); accepted: initialStep');
    expectNamedError(() => new OptimizerPolicy(phases, null as never), TypeError, { fn: 'OptimizerPolicy', arg: 'options', got: 'null' });
    expectNamedError(() => new OptimizerPolicy(phases, { initialStep: null } as never), TypeError, { fn: 'OptimizerPolicy', arg: 'initialStep', got: 'null' });
    expect(new OptimizerPolicy(phases, { initialStep: 2 }).currentStep).toBe(2);
  });
});

describe('every space factory, from its declaration: random arguments give finite values or a named error', () => {
  const factories = Object.entries(spaces).filter(([, f]) => typeof f === 'function' && 'definition' in f) as [string, ((...a: unknown[]) => Space) & { definition: SpaceDefinition }][];

  const number = (range: NumberRange): fc.Arbitrary<number> => {
    switch (range) {
      case 'count': return fc.integer({ min: 0, max: 40 });
      case 'positiveCount': return fc.integer({ min: 1, max: 40 });
      case 'integer': return fc.integer({ min: -5, max: 5 });
      case 'positive': return fc.double({ min: 1e-3, max: 5, noNaN: true });
      case 'nonNegative': return fc.double({ min: 0, max: 5, noNaN: true });
      default: return fc.double({ min: -5, max: 5, noNaN: true });
    }
  };
  const option = (f: FieldInfo): fc.Arbitrary<unknown> =>
    f.type === 'boolean' ? fc.boolean() : f.type === 'enum' ? fc.constantFrom(...f.values!) : f.type === 'integers' ? fc.constantFrom([0], [2, 9]) : f.type === 'integer' ? fc.integer({ min: f.min ?? 0, max: (f.min ?? 0) + 10 }) : fc.double({ min: f.exclusiveMin ? 1e-3 : (f.min ?? -3), max: 3, noNaN: true });

  it('covers every factory', () => expect(factories.map(([n]) => n).sort()).toEqual(expect.arrayContaining(['linspace', 'polyspace', 'noisy', 'cyclicspace', 'cycle', 'expspace'])));

  for (const [name, factory] of factories) {
    it(name, () => {
      const d = factory.definition;
      const args = fc.tuple(...d.args.map((a) => (a.type === 'space' ? fc.constant(linspace(0.5, 1, 12)) : number(a.range))));
      const options = fc.record(Object.fromEntries(tableFields(d.options).map((f) => [f.name, f.required ? option(f) : fc.option(option(f), { nil: undefined })])));
      fc.assert(
        fc.property(args, options, (a, o) => {
          const bag = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
          let space: Space;
          try {
            space = factory(...a, bag);
          } catch (e) {
            expect([TypeError, RangeError], String(e)).toContain((e as Error).constructor);
            expect((e as Error).message.startsWith(`${name}:`), (e as Error).message).toBe(true);
            return;
          }
          if (space.unbounded) return;
          const values = [...space];
          values.forEach((v, i) => {
            expect(Number.isFinite(v), `${String(space)} at ${i}: ${v}`).toBe(true);
            expect(space.at(i)).toBe(v);
          });
        }),
        { numRuns: 60 },
      );
    });
  }
});
