// Reference values: Poutyne's own policies.py (GRAAL-Research/poutyne at faa1952) run on every
// example of its "Interface of policy" page, recorded by scripts/poutyne-reference.py into
// spec/fixtures/poutyne.json. Each rx-policy twin must give the very same numbers: Poutyne's
// spaces are `start + i/(steps-1)·(end-start)` and `end + (start-end)(1 + cos(π·i/(steps-1)))/2`,
// rx-policy's the same curves through one easing mechanism, so the values agree to rounding
// (a relative 1e-15), and the endpoints exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cosinespace, linspace, oneCyclePhases, OptimizerPolicy, Phase, sgdrPhases } from '../lib/index.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/poutyne.json', import.meta.url), 'utf8')) as { examples: Record<string, unknown[]> };

/** rx-policy's twin of each example, by the example's Poutyne code. */
const twins: Record<string, () => Iterable<unknown>> = {
  'linspace(1, 0, 3)': () => linspace(1, 0, 3),
  'cosinespace(1, 0, 5)': () => cosinespace(1, 0, 5),
  'Phase(lr=linspace(0, 1, 3))': () => new Phase({ lr: linspace(0, 1, 3) }),
  'Phase(lr=linspace(0, 1, 10), momentum=cosinespace(.99, .9, 10))': () => new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) }),
  'Phase(lr=linspace(.7, .7, 100))': () => new Phase({ lr: linspace(0.7, 0.7, 100) }),
  'Phase(lr=linspace(0, 1, 100))': () => new Phase({ lr: linspace(0, 1, 100) }),
  'Phase(lr=cosinespace(1, 0, 100))': () => new Phase({ lr: cosinespace(1, 0, 100) }),
  'Phase(lr=linspace(1, 0.5, 100), momentum=cosinespace(.8, 1, 100))': () => new Phase({ lr: linspace(1, 0.5, 100), momentum: cosinespace(0.8, 1, 100) }),
  'OptimizerPolicy([linspace(0, 1, 100), cosinespace(1, 0, 200), linspace(0, .5, 100), linspace(.5, .1, 300)])': () =>
    new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 100) }), new Phase({ lr: cosinespace(1, 0, 200) }), new Phase({ lr: linspace(0, 0.5, 100) }), new Phase({ lr: linspace(0.5, 0.1, 300) })]).allSteps(),
  'OptimizerPolicy([cosinespace(1, 0, 200), cosinespace(1, 0, 400), cosinespace(1, 0, 800)])': () =>
    new OptimizerPolicy([200, 400, 800].map((n) => new Phase({ lr: cosinespace(1, 0, n) }))).allSteps(),
  'OptimizerPolicy(sgdr_phases(base_cycle_length=200, cycles=3, cycle_mult=2))': () => new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 })).allSteps(),
  'OptimizerPolicy(one_cycle_phases(steps=500))': () => new OptimizerPolicy(oneCyclePhases({ steps: 500 })).allSteps(),
  'OptimizerPolicy(one_cycle_phases(steps=500), initial_step=321), iterated': () => new OptimizerPolicy(oneCyclePhases({ steps: 500 }), { initialStep: 321 }),
};

function close(a: unknown, e: unknown, where: string): void {
  if (typeof e === 'number') {
    if (typeof a !== 'number' || !(Math.abs(a - e) <= 1e-15 * Math.max(1, Math.abs(e)))) throw new Error(`${where}: rx-policy ${String(a)}, Poutyne ${e}`);
    return;
  }
  const keys = Object.keys(e as object);
  expect(Object.keys(a as object), where).toEqual(keys);
  for (const k of keys) close((a as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], `${where}.${k}`);
}

describe('every example of the "Interface of policy" page, against Poutyne itself', () => {
  it('the fixture holds every twin, and nothing else', () => {
    expect(Object.keys(fixture.examples).sort()).toEqual(Object.keys(twins).sort());
  });

  for (const [code, expected] of Object.entries(fixture.examples)) {
    it(code, () => {
      const got = [...twins[code]!()];
      expect(got.length).toBe(expected.length);
      expected.forEach((e, i) => close(got[i], e, `${code}[${i}]`));
    });
  }
});
