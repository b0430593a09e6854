import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant, cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, phaseFromJSON, policyFromJSON, sgdrPhases, spaceFromJSON } from '../lib/index.js';

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
    expect(() => policyFromJSON({ phases: [] })).toThrow(/OptimizerPolicy: phases must be a non-empty array/);
  });
});
