import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { constant, cosinespace, expspace, join, linspace, OptimizerPolicy, part, Phase, policyFromJSON, product, repeatPhases, slice, splitSteps } from '../lib/index.js';
import { collect } from './helpers.js';

describe('splitSteps (composition by fractions)', () => {
  it('accepts [0.1] × 10, which fastai\'s exact sum check rejects', () => {
    expect(0.1 * 10 === 1 && [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce((a, b) => a + b) === 1).toBe(false);
    expect(splitSteps(100, Array(10).fill(0.1))).toEqual(Array(10).fill(10));
  });

  it('law: the lengths add up to steps and follow round(cumulative · steps)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 }), (steps, weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const lengths = splitSteps(steps, weights.map((w) => w / total));
        expect(lengths.reduce((a, b) => a + b, 0)).toBe(steps);
        lengths.forEach((n) => expect(n).toBeGreaterThanOrEqual(0));
      }),
    );
  });

  it('types: a literal list of fractions gives a tuple of as many lengths; any list, an array', () => {
    const [up, down] = splitSteps(1000, [0.25, 0.75]);
    expectTypeOf(up).toEqualTypeOf<number>();
    expectTypeOf(down).toEqualTypeOf<number>();
    expect([up, down]).toEqual([250, 750]);
    const fractions: number[] = [0.5, 0.5];
    expectTypeOf(splitSteps(10, fractions)).toEqualTypeOf<number[]>();
    // @ts-expect-error two fractions give two lengths
    void splitSteps(10, [0.5, 0.5])[2];
  });

  it('rejects fractions that do not sum to 1 or are negative, naming them', () => {
    expect(() => splitSteps(10, [0.5, 0.4])).toThrow(/splitSteps: fractions must sum to 1 \(within 1e-9\), got 0.9 from \[0.5,0.4\]/);
    expect(() => splitSteps(10, [1.5, -0.5])).toThrow(/fractions\[1\] must be ≥ 0, got -0.5/);
  });

  it('fractions summing to just over 1 never give a negative count, however long the run', () => {
    expect(splitSteps(1e10, [1 + 9e-10, 0])).toEqual([1e10, 0]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (steps, weights) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        // Up to the 1e-9 slack of the sum check, on the high side.
        const lengths = splitSteps(steps, weights.map((w) => (w / total) * (1 + 9e-10)));
        lengths.forEach((n) => expect(n).toBeGreaterThanOrEqual(0));
        expect(lengths.reduce((a, b) => a + b, 0)).toBe(steps);
      }),
    );
  });
});
describe('repeatPhases (cycles with a real length multiplier and a peak decay)', () => {
  it('lengths round(base · mult^i) and the cycle index for the decay', () => {
    const phases = repeatPhases({ cycles: 3, baseLength: 10, lengthMult: 1.5 }, (n, i) => new Phase({ lr: cosinespace(0.5 ** i, 0, n) }));
    expect(phases.map((p) => p.length)).toEqual([10, 15, 23]);
    const policy = new OptimizerPolicy(phases);
    expect([0, 10, 25].map((k) => policy.at(k).lr)).toEqual([1, 0.5, 0.25]);
    expect(() => repeatPhases({ cycles: 0, baseLength: 10 }, (n) => new Phase({ lr: cosinespace(1, 0, n) }))).toThrow(/repeatPhases: cycles must be an integer in \[1, 100000\], got 0/);
  });
});

describe('join: presets give their natural shape, one combinator cuts or holds to steps', () => {
  const warm = part(4, (n) => new Phase({ lr: linspace(0, 1, n, { span: 4 }) }));
  const down = new Phase({ lr: cosinespace(1, 0, 5) });

  it('cuts the part that crosses steps, and holds the last values when the parts end sooner', () => {
    const lrs = (phases: Phase[]) => [...new OptimizerPolicy(phases).allSteps()].map((v) => v.lr);
    expect(lrs(join([warm, down], { steps: 6 }))).toEqual([0, 0.25, 0.5, 0.75, 1, [...cosinespace(1, 0, 5)][1]]);
    expect(lrs(join([warm, down], { steps: 12 }))).toEqual([0, 0.25, 0.5, 0.75, ...cosinespace(1, 0, 5), 0, 0, 0]);
    expect(join([warm, down], { steps: 2 })).toHaveLength(1);
    // A cut plain phase still serialises (each space repeated by cycle, shorter than itself).
    const cut = join([down], { steps: 3 });
    expect(policyFromJSON(JSON.parse(JSON.stringify(new OptimizerPolicy(cut)))).at(2)).toEqual(new OptimizerPolicy([down]).at(2));
  });

  it('steps 0 is the empty schedule; empty parts are dropped; an endless generator is pulled only as far as needed', () => {
    expect(join([warm, down], { steps: 0 })).toEqual([]);
    // Only empty parts leave nothing to hold: refused, never a schedule shorter than steps.
    expect(() => join([new Phase({ lr: linspace(0, 1, 0) }), part(0, (n) => new Phase({ lr: constant(1, n) }))], { steps: 5 })).toThrow(
      new RangeError('join: the parts hold no step, so there are no last values to hold up to steps 5; give a part with steps, or steps 0, got 2 empty parts'),
    );
    expect(join([new Phase({ lr: linspace(0, 1, 0) })], { steps: 0 })).toEqual([]);
    expect(() => join([], { steps: 5 })).toThrow(new RangeError('join: the parts hold no step, so there are no last values to hold up to steps 5; give a part with steps, or steps 0, got no parts'));
    expect(new OptimizerPolicy(join([warm, down], { steps: 0 })).length).toBe(0);
    function* forever() {
      for (let i = 0; ; i++) yield part(3, (n) => new Phase({ lr: constant(i, n) }));
    }
    expect([...new OptimizerPolicy(join(forever(), { steps: 7 })).allSteps()].map((v) => v.lr)).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('refuses bad input by name: options, holes, non-finite values, too many phases', () => {
    expect(() => join([warm], { steps: 3, step: 1 } as never)).toThrow('join: unknown option "step" (did you mean "steps"?); accepted: steps');
    expect(() => join([warm], null as never)).toThrow('join: options must be an object, got null');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => join([warm, , down] as never, { steps: 9 })).toThrow('join: parts[1] must be a Phase or a part, got undefined');
    expect(() => join(3 as never, { steps: 9 })).toThrow(/^join: parts must be an iterable of phases and parts, got 3/);
    // The space built in the part checks itself (inside a preset, the preset's join does it for the whole schedule).
    expect(() => join([part(10, (n) => new Phase({ lr: expspace(1, 1e40, n) }))], { steps: 10 })).toThrow(/^expspace: the value at index 8 would be Infinity/);
    // A space that refuses a value itself (a product that overflows) is named for the join too.
    expect(() => join([new Phase({ lr: product(linspace(1, 1e300, 5), 1e10) })], { steps: 5 })).toThrow('join: lr: product: the value at step 4 is Infinity; the factors overflow there');
    function* many() {
      for (;;) yield new Phase({ lr: constant(1, 1) });
    }
    expect(() => join(many(), { steps: 1e9 })).toThrow(/^join: the schedule would have more than 100000 phases \(MAX_PHASES\)/);
  });

  it('a part may be longer than any run (a length worked out from large options): join keeps only steps of it', () => {
    const long = part(2 ** 53, (n) => new Phase({ lr: linspace(0, 1, n, { span: 2 ** 53 }) }));
    expect(new OptimizerPolicy(join([long], { steps: 3 })).at(2)).toEqual({ lr: 2 / 2 ** 53 });
    expect(part(1e300, (n) => new Phase({ lr: constant(1, n) })).length).toBe(1e300);
    expect(() => part(2.5, (n) => new Phase({ lr: constant(1, n) }))).toThrow('part: length must be a non-negative integer or Infinity, got 2.5');
    expect(() => part(NaN, (n) => new Phase({ lr: constant(1, n) }))).toThrow(RangeError);
    expect(() => part(-1, (n) => new Phase({ lr: constant(1, n) }))).toThrow('part: length must be a non-negative integer or Infinity, got -1');
  });

  it('types: phases of different names mix, each keeping its names, as in a policy; parts type the phases they take', () => {
    const withMomentum = new Phase({ lr: linspace(1, 0, 3), momentum: 0.9 });
    const phases = join([down, withMomentum], { steps: 10 });
    expectTypeOf(phases).toEqualTypeOf<(Phase<'lr'> | Phase<'lr' | 'momentum'>)[]>();
    const v = new OptimizerPolicy(phases).at(9);
    expectTypeOf(v).toEqualTypeOf<{ lr: number } | { lr: number; momentum: number }>();
    // The last phase's values are held to steps, names and all.
    expect(v).toEqual({ lr: 0, momentum: 0.9 });
    expectTypeOf(join([warm, down], { steps: 6 })).toEqualTypeOf<Phase<'lr'>[]>();
    const warmed = join([warm, withMomentum], { steps: 8 });
    expectTypeOf(warmed).toEqualTypeOf<(Phase<'lr' | 'momentum'> | Phase<'lr'>)[]>();
    expect(new OptimizerPolicy(warmed).at(7)).toEqual({ lr: 0, momentum: 0.9 });
    // @ts-expect-error `stepz` is not an option of join
    expect(() => join([down, withMomentum], { steps: 3, stepz: 3 })).toThrow(/join: unknown option "stepz" \(did you mean "steps"\?\)/);
  });

  it('repeatPhases: a misspelt option names the right one', () => {
    expect(() => repeatPhases({ cycles: 2, baseLength: 3, lengthMul: 2 } as never, (n) => new Phase({ lr: constant(1, n) }))).toThrow(/repeatPhases: unknown option "lengthMul" \(did you mean "lengthMult"\?\)/);
    expect(() => repeatPhases({ cycles: 1e8, baseLength: 3 }, (n) => new Phase({ lr: constant(1, n) }))).toThrow(/repeatPhases: cycles must be an integer in \[1, 100000\], got 100000000/);
  });
});

describe('composition laws', () => {
  const pieces = fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 5 });
  const phasesOf = (list: readonly (readonly [number, number, boolean, boolean])[]) =>
    list.map(([n, v, cos, asPart]) => {
      const make = (k: number) => new Phase({ lr: (cos ? cosinespace : linspace)(v, 1 - v, k, { span: Math.max(n - 1, 1) }), momentum: 0.9 });
      return asPart ? part(n, make) : make(n);
    });
  const lrs = (phases: readonly Phase[]) => collect(new OptimizerPolicy(phases).allSteps());

  it('law: join gives exactly steps steps: the pieces one after the other, cut at steps, the last values held past their end', () => {
    fc.assert(
      fc.property(pieces, fc.integer({ min: 0, max: 80 }), (list, steps) => {
        const whole = lrs(phasesOf(list).map((p) => (p instanceof Phase ? p : p.take(p.length))));
        if (whole.length === 0 && steps > 0) {
          expect(() => join(phasesOf(list), { steps })).toThrow(/^join: the parts hold no step/);
          return;
        }
        const joined = join(phasesOf(list), { steps });
        expect(joined.reduce((a, p) => a + p.length, 0)).toBe(steps);
        const got = lrs(joined);
        expect(got.length).toBe(steps);
        got.forEach((v, i) => expect(v).toEqual(whole[Math.min(i, whole.length - 1)]));
      }),
      { numRuns: 80 },
    );
  });

  it('law: joining the slices of a split gives the space back, and the split lengths add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }), fc.double({ min: -3, max: 3, noNaN: true }), (n, weights, v) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const space = cosinespace(v, 1, n);
        const lengths = splitSteps(n, weights.map((w) => w / total));
        expect(lengths.reduce((a, b) => a + b, 0)).toBe(n);
        let from = 0;
        const parts = lengths.map((k) => new Phase({ lr: slice(space, from, (from += k)) }));
        const joined = join(parts, { steps: n });
        expect(lrs(joined).map((x) => x.lr)).toEqual(collect(space));
        expect(lrs(parts).map((x) => x.lr)).toEqual(collect(space));
      }),
      { numRuns: 60 },
    );
  });

  it('law: repeatPhases gives cycles of round(baseLength · lengthMult^i) steps, cycle i built with index i', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 20 }), fc.double({ min: 1, max: 2, noNaN: true }), (cycles, baseLength, lengthMult) => {
        const seen: number[] = [];
        const phases = repeatPhases({ cycles, baseLength, lengthMult }, (k, i) => (seen.push(i), new Phase({ lr: constant(i, k) })));
        expect(seen).toEqual(Array.from({ length: cycles }, (_, i) => i));
        phases.forEach((p, i) => expect(p.length).toBe(Math.round(baseLength * lengthMult ** i)));
      }),
      { numRuns: 40 },
    );
  });
});


describe('join: an endless iterable of empty parts', () => {
  it('stops after MAX_PHASES pieces with an error, instead of pulling forever (empty parts make no phase)', () => {
    let pulled = 0;
    function* empties() {
      for (;;) {
        pulled++;
        yield new Phase({ lr: linspace(0, 1, 0) });
      }
    }
    expect(() => join(empties(), { steps: 5 })).toThrow(new RangeError('join: parts must be at most 100000 pieces, got more before steps 5 were reached (0 so far)'));
    expect(pulled).toBe(100_001);
  });
});
