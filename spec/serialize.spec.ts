import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  buildPolicy,
  constant,
  cosinespace,
  cycle,
  expspace,
  invtimespace,
  keras,
  linspace,
  oneCyclePhases,
  OptimizerPolicy,
  Phase,
  phaseFromJSON,
  policyFromJSON,
  noisy,
  polycyclespace,
  polyspace,
  product,
  sgdrPhases,
  slice,
  spaceFromJSON,
  type Space,
  type SpaceSpec,
  tanhspace,
} from '../lib/index.js';
import { collect, expectNamedError } from './helpers.js';

const roundTrip = <T>(x: T): unknown => JSON.parse(JSON.stringify(x));



describe('JSON forms', () => {
  it('spaces round-trip', () => {
    for (const space of [linspace(0, 1, 3), cosinespace(1, 0, 5, { endpoint: false }), constant(0.9), constant(0.9, 4)]) {
      const copy = spaceFromJSON(roundTrip(space));
      expect(String(copy)).toBe(String(space));
      expect(copy.length).toBe(space.length);
      if (!space.unbounded) expect([...copy]).toEqual([...space]);
    }
  });

  it('law: policies round-trip through JSON with the same values at every step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 20 }), (steps, base) => {
        for (const phases of [oneCyclePhases({ steps }), sgdrPhases({ baseCycleLength: base, cycles: 3, cycleMult: 1.5 })]) {
          const policy = new OptimizerPolicy(phases as Phase[]);
          const copy = policyFromJSON(roundTrip(policy));
          expect([...copy.allSteps()]).toEqual([...policy.allSteps()]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('phases round-trip', () => {
    const phase = new Phase({ lr: linspace(0, 1, 3), momentum: 0.9 });
    expect([...phaseFromJSON(roundTrip(phase))]).toEqual([...phase]);
  });

  it('bad specs are named errors listing what is accepted', () => {
    expect(() => spaceFromJSON({ type: 'sine' })).toThrow(/spaceFromJSON: unknown space type "sine"; accepted: linspace, cosinespace, .*constant/);
    expect(() => spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: 3, stop: 2 })).toThrow(/unknown key of a linspace spec "stop"; accepted: type, start, end, steps, endpoint, offset, span/);
    expect(() => spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: -3 })).toThrow(/linspace: steps must be a non-negative integer, got -3/);
    expect(() => spaceFromJSON(null)).toThrow(/spaceFromJSON: spec must be an object, got null/);
    expect(() => policyFromJSON({ phases: 3 })).toThrow(/policyFromJSON: phases must be an array, got 3/);
    expect(() => policyFromJSON({ phases: [{ lr: { type: 'nope' } }] })).toThrow(/policyFromJSON: phases\[0\]: lr: unknown space type "nope"/);
    expect(() => policyFromJSON({ phases: [], extra: 1 })).toThrow(/policyFromJSON: unknown key "extra"; accepted: phases/);
    expect(policyFromJSON({ phases: [] }).length).toBe(0); // the empty schedule
  });

  it('law: any linspace/cosinespace/constant round-trips to the same printout and values', () => {
    const arbSpace = fc.oneof(
      fc.tuple(fc.constantFrom(linspace, cosinespace), fc.double({ min: -9, max: 9, noNaN: true }), fc.double({ min: -9, max: 9, noNaN: true }), fc.integer({ min: 0, max: 30 }), fc.boolean()).map(
        ([make, a, b, n, endpoint]) => make(a, b, n, endpoint ? {} : { endpoint: false }),
      ),
      fc.tuple(fc.double({ min: -9, max: 9, noNaN: true }), fc.integer({ min: 0, max: 30 })).map(([v, n]) => constant(v, n)),
    );
    fc.assert(
      fc.property(arbSpace, (space) => {
        const copy = spaceFromJSON(roundTrip(space));
        expect(String(copy)).toBe(String(space));
        // JSON has no -0 (it writes 0), so compare with ===, which holds -0 === 0.
        const ours = [...space];
        expect([...copy].every((v, i) => v === ours[i])).toBe(true);
        expect(copy.length).toBe(ours.length);
      }),
    );
  });

  it('a JSON config file with a one-cycle policy: the same numbers after a trip through text', () => {
    const text = JSON.stringify(new OptimizerPolicy(oneCyclePhases({ steps: 500 })), null, 2);
    const policy = policyFromJSON(JSON.parse(text));
    expect(policy.phases.map((p) => p.length)).toEqual([225, 225, 50]);
    expect(policy.at(224)).toEqual({ lr: 1, momentum: 0.85 });
  });

  it('bad specs: the error class, and a message naming where, the key and the value', () => {
    expectNamedError(() => spaceFromJSON(null), TypeError, { fn: 'spaceFromJSON', arg: 'spec', got: 'null' });
    expectNamedError(() => spaceFromJSON([1, 2]), TypeError, { fn: 'spaceFromJSON', arg: 'spec', got: '[1,2]' });
    expectNamedError(() => spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: -3 }), RangeError, { fn: 'linspace', arg: 'steps', got: '-3' });
    expectNamedError(() => spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: '3' }), TypeError, { fn: 'linspace', arg: 'steps', got: '"3"' });
    expectNamedError(() => spaceFromJSON({ type: 'cosinespace', start: 0, steps: 3 }), TypeError, { fn: 'cosinespace', arg: 'end', got: 'undefined' });
    expectNamedError(() => spaceFromJSON({ type: 'constant', value: null }), TypeError, { fn: 'constant', arg: 'value', got: 'null' });
    expectNamedError(() => spaceFromJSON({ type: 'linspace', start: 0, end: 1, steps: 3, endpoint: 'false' }), TypeError, { fn: 'linspace', arg: 'endpoint', got: '"false"' });
    expectNamedError(() => phaseFromJSON([]), TypeError, { fn: 'phaseFromJSON', arg: 'spec', got: '[]' });
    expectNamedError(() => phaseFromJSON({}), TypeError, { fn: 'Phase', arg: 'params', got: '{}' });
    expectNamedError(() => policyFromJSON('phases'), TypeError, { fn: 'policyFromJSON', arg: 'spec', got: '"phases"' });
    expectNamedError(() => policyFromJSON({ phases: 3 }), TypeError, { fn: 'policyFromJSON', arg: 'phases', got: '3' });
    expectNamedError(() => policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }, 7] }), TypeError, { fn: 'policyFromJSON: phases[1]', arg: 'spec', got: '7' });
    expectNamedError(() => policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }, { initialStep: -2 }), RangeError, { fn: 'OptimizerPolicy', arg: 'initialStep', got: '-2' });
    expect(() => policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 }, momentum: { type: 'linspace', start: 0, end: 1, steps: 4 } }] })).toThrow(
      new RangeError('policyFromJSON: phases[0]: Phase: spaces must have equal lengths, got lr: 3, momentum: 4'),
    );
    // A bad value inside a policy's file says which phase and parameter hold it.
    expectNamedError(() => policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }, { lr: { type: 'cosinespace', start: '1', end: 0, steps: 3 } }] }), TypeError, {
      fn: 'policyFromJSON: phases[1]: lr: cosinespace',
      arg: 'start',
      got: '"1"',
    });
    expectNamedError(() => spaceFromJSON({ type: 'cycle', space: { type: 'linspace', start: 0, end: 1, steps: -1 }, steps: 4 }), RangeError, { fn: 'spaceFromJSON: space: linspace', arg: 'steps', got: '-1' });
    // Unknown names list what is accepted, and say where they were found.
    expect(() => spaceFromJSON({ type: 'constant', value: 1, stpes: 3 })).toThrow(TypeError);
    expect(() => spaceFromJSON({ type: 'constant', value: 1, stpes: 3 })).toThrow(/^spaceFromJSON: unknown key of a constant spec "stpes" \(did you mean "steps"\?\); accepted: type, value, steps$/);
    expect(() => spaceFromJSON({ start: 0 })).toThrow(/^spaceFromJSON: unknown space type undefined; accepted: linspace, cosinespace/);
    expect(() => policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }, { momentum: { type: 'cosine' } }] })).toThrow(
      /^policyFromJSON: phases\[1\]: momentum: unknown space type "cosine"; accepted: /,
    );
    expect(() => policyFromJSON({ phases: [{ lr: { type: 'cosinspace', start: 1, end: 0, steps: 3 } }] })).toThrow(
      /^policyFromJSON: phases\[0\]: lr: unknown space type "cosinspace" \(did you mean "cosinespace"\?\); accepted: /,
    );
  });

  it('nested and cyclic specs: a named error past 1000 levels, never a stack overflow', () => {
    const nest = (levels: number) => {
      let spec: Record<string, unknown> = { type: 'linspace', start: 0, end: 1, steps: 3 };
      for (let i = 1; i < levels; i++) spec = { type: 'cycle', space: spec, steps: 3 };
      return spec;
    };
    expect(spaceFromJSON(nest(1000)).at(1)).toBe(0.5);
    expect(() => spaceFromJSON(nest(1001))).toThrow(new RangeError('spaceFromJSON: the spec must nest at most 1000 spaces (a spec that contains itself never ends), got a "linspace" spec at depth 1001'));
    const itself: Record<string, unknown> = { type: 'cycle', steps: 3 };
    itself['space'] = itself;
    expect(() => policyFromJSON({ phases: [{ lr: itself }] })).toThrow(/^policyFromJSON: phases\[0\]: lr: the spec must nest at most 1000 spaces/);
    // The count starts again for the next read.
    expect(spaceFromJSON(nest(3)).at(2)).toBe(1);
  });

  it('a parameter named __proto__ (an own key after JSON.parse) is refused by name, not read as a prototype', () => {
    expect(() => phaseFromJSON(JSON.parse('{"__proto__": {"type": "linspace", "start": 0, "end": 1, "steps": 3}}'))).toThrow(
      new TypeError('Phase: a parameter cannot be named "__proto__" (writing it sets an object\'s prototype, not a value), got ["__proto__"]'),
    );
  });
});

describe('types: a typed spec keeps its names; JSON read at run time gives a policy of any names', () => {
  it('policy.toJSON() and a spec written in code type the policy they rebuild', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) }), ...oneCyclePhases({ steps: 10 })]);
    const json = policy.toJSON();
    expectTypeOf(json.phases[0]!).toEqualTypeOf<Record<'lr', SpaceSpec> | Record<'lr' | 'momentum', SpaceSpec>>();
    const copy = policyFromJSON(json);
    expectTypeOf(copy.at(0)).toEqualTypeOf<{ lr: number } | { lr: number; momentum: number }>();
    expect(copy.at(5)).toEqual(policy.at(5));
    const written = policyFromJSON({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 }, wd: { type: 'constant', value: 0.1 } }] });
    const v = written.at(1);
    expectTypeOf(v).toEqualTypeOf<{ lr: number; wd: number }>();
    // @ts-expect-error the spec has no momentum
    void v.momentum;
    expect(v).toEqual({ lr: 0.5, wd: 0.1 });
    const read = policyFromJSON(roundTrip(policy));
    expectTypeOf(read).toEqualTypeOf<OptimizerPolicy>();
    expectTypeOf(read.at(0)['momentum']).toEqualTypeOf<number | undefined>();
  });
});

describe('cycle, expspace, polyspace', () => {
  it('every new space round-trips through JSON', () => {
    for (const s of [cycle(linspace(0, 2, 3), 7), expspace(1, 0.1, 5, { every: 2, staircase: true }), polyspace(1, 0, 5, { power: 2, span: 8 }), cosinespace(1, 0, 7, { offset: 1, span: 7 })]) {
      const copy = spaceFromJSON(JSON.parse(JSON.stringify(s)));
      expect(String(copy)).toBe(String(s));
      expect([...copy]).toEqual([...s]);
    }
  });
});

describe('invtimespace and polycyclespace', () => {
  it('both round-trip through JSON, and their presets through configs', () => {
    for (const space of [invtimespace(0.3, 0.7, 9, { every: 2, staircase: true }), polycyclespace(1, 0.1, 11, { power: 2, period: 3 })]) {
      const back = spaceFromJSON(JSON.parse(JSON.stringify(space)));
      expect(collect(back)).toEqual(collect(space));
      expect(String(back)).toBe(String(space));
    }
    const config = { preset: 'keras.polynomialDecay', options: { initialLearningRate: 1, decaySteps: 4, cycle: true, steps: 13 } };
    expect([...buildPolicy(config).allSteps()]).toEqual([...new OptimizerPolicy(keras.polynomialDecay(config.options)).allSteps()]);
  });
});

// Leaves of every kind (eased with options, rated, constant bounded or not) under composites in any order.
const leaf: fc.Arbitrary<Space> = fc.oneof(
  fc
    .tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.integer({ min: -3, max: 3 }))
    .map(([a, n, endpoint, offset]) => linspace(a, 1, n, { endpoint, offset })),
  fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 0, max: 9 })).map(([a, n]) => cosinespace(a, 0, n, { wrap: true, span: 3 })),
  fc
    .tuple(fc.double({ min: 0.1, max: 2, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 4 }))
    .map(([rate, n, offset]) => expspace(1, rate, n, { staircase: true, every: 2, offset })),
  fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined })).map(([v, n]) => constant(v, n)),
  fc.integer({ min: 0, max: 9 }).map((n) => tanhspace(1, 0, n)),
);
const tree = fc.letrec((tie) => {
  const node = () => tie('node') as fc.Arbitrary<Space>;
  return {
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('cycle') as fc.Arbitrary<Space>, tie('slice') as fc.Arbitrary<Space>, tie('product') as fc.Arbitrary<Space>, tie('noisy') as fc.Arbitrary<Space>),
    // An empty or unbounded space has no period: left as it is.
    cycle: fc.tuple(node(), fc.integer({ min: 0, max: 20 })).map(([s, n]) => (s.unbounded || s.length === 0 ? s : cycle(s, n))),
    slice: fc.tuple(node(), fc.nat(), fc.nat()).map(([s, a, b]) => {
      const n = s.unbounded ? 20 : s.length;
      const [x, y] = [a % (n + 1), b % (n + 1)];
      return slice(s, Math.min(x, y), Math.max(x, y));
    }),
    product: fc.tuple(node(), fc.double({ min: -3, max: 3, noNaN: true })).map(([s, k]) => product(s, k, s.unbounded ? constant(2) : cosinespace(1, 2, s.length))),
    noisy: fc.tuple(node(), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 9 })).map(([s, from, offset, seed]) => noisy(s, { range: [from], offset, seed })),
  };
}).node as fc.Arbitrary<Space>;

describe('composites nested in any order', () => {
  it('law: cycle, slice, product and noisy over any spaces round-trip through JSON to the same form, printout and values, and stream what at() gives', () => {
    fc.assert(
      fc.property(tree, (space) => {
        const json = JSON.parse(JSON.stringify(space));
        const copy = spaceFromJSON(json);
        expect(JSON.parse(JSON.stringify(copy))).toEqual(json);
        expect(String(copy)).toBe(String(space));
        expect(copy.length).toBe(space.length);
        // JSON writes -0 as 0: values are compared with ===.
        if (space.unbounded) {
          expect(copy.at(0) === space.at(0)).toBe(true);
          return;
        }
        const values = collect(space);
        expect(values.length).toBe(space.length);
        expect([...space]).toEqual(values);
        values.forEach((v, i) => {
          expect(space.at(i)).toBe(v);
          expect(Number.isFinite(v)).toBe(true);
        });
        expect(collect(copy).every((v, i) => v === values[i])).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
