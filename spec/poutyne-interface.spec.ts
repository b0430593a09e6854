// Every code example of Poutyne's documentation page "Interface of policy"
// (GRAAL-Research/poutyne, docs/source/examples/policy_interface.rst) translated, with Poutyne's
// numbers. References:
// Poutyne's formulas (poutyne/framework/callbacks/policies.py) written out in spec/helpers.ts, and
// the values that page prints.
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { cosinespace, linspace, OptimizerPolicy, oneCyclePhases, Phase, sgdrPhases } from '../lib/index.js';
import { collect, expectClose, poutyneCosinespace, poutyneLinspace } from './helpers.js';

describe('seed: Parameter Spaces and Phases', () => {
  it('space = linspace(1, 0, 3); for i in space → 1.0, 0.5, 0.0', () => {
    const seen: number[] = [];
    for (const i of linspace(1, 0, 3)) seen.push(i);
    expect(seen).toEqual([1, 0.5, 0]);
    expect(collect(linspace(1, 0, 3))).toEqual([1, 0.5, 0]);
  });

  it('space = cosinespace(1, 0, 5); for i in space → 1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 0.0', () => {
    expectClose([...cosinespace(1, 0, 5)], [1, 0.8535533905932737, 0.5, 0.14644660940672627, 0], 15);
  });

  it('phase = Phase(lr=linspace(0, 1, 3)); for d in phase → {lr: 0.0}, {lr: 0.5}, {lr: 1.0}', () => {
    expect([...new Phase({ lr: linspace(0, 1, 3) })]).toEqual([{ lr: 0 }, { lr: 0.5 }, { lr: 1 }]);
  });

  it('Phase(lr=linspace(0, 1, 10), momentum=cosinespace(.99, .9, 10))', () => {
    const phase = new Phase({ lr: linspace(0, 1, 10), momentum: cosinespace(0.99, 0.9, 10) });
    const values = collect(phase);
    expectClose(values.map((p) => p.lr), poutyneLinspace(0, 1, 10));
    expectClose(values.map((p) => p.momentum), poutyneCosinespace(0.99, 0.9, 10));
    expectClose([values[1]!.momentum], [0.9872861679353658], 14);
  });
});

describe('seed: Visualize Different Phases / Multiple Parameters (the data the plots draw)', () => {
  it('constant, linear and cosine phases of 100 steps', () => {
    const steps = 100;
    expect([...new Phase({ lr: linspace(0.7, 0.7, steps) })].every((d) => d.lr === 0.7)).toBe(true);
    expectClose([...new Phase({ lr: linspace(0, 1, steps) })].map((d) => d.lr), poutyneLinspace(0, 1, steps));
    expectClose([...new Phase({ lr: cosinespace(1, 0, steps) })].map((d) => d.lr), poutyneCosinespace(1, 0, steps));
  });

  it('Phase(lr=linspace(1, 0.5, steps), momentum=cosinespace(.8, 1, steps))', () => {
    const phase = new Phase({ lr: linspace(1, 0.5, 100), momentum: cosinespace(0.8, 1, 100) });
    expectClose([...phase].map((d) => d.lr), poutyneLinspace(1, 0.5, 100));
    expectClose([...phase].map((d) => d.momentum), poutyneCosinespace(0.8, 1, 100));
  });
});

describe('seed: Build Complex Policies From Basic Phases', () => {
  const policy = () =>
    new OptimizerPolicy([
      new Phase({ lr: linspace(0, 1, 100) }),
      new Phase({ lr: cosinespace(1, 0, 200) }),
      new Phase({ lr: linspace(0, 0.5, 100) }),
      new Phase({ lr: linspace(0.5, 0.1, 300) }),
    ]);

  it('has 700 steps equal to the chained Poutyne spaces, with the joins repeated', () => {
    const p = policy();
    expect(p.length).toBe(700);
    const reference = [...poutyneLinspace(0, 1, 100), ...poutyneCosinespace(1, 0, 200), ...poutyneLinspace(0, 0.5, 100), ...poutyneLinspace(0.5, 0.1, 300)];
    expectClose([...p.allSteps()].map((d) => d.lr), reference);
    // Boundary values: each phase starts at its start and ends at its end, so the joins repeat a value.
    expect([0, 99, 100, 299, 300, 399, 400, 699].map((k) => p.at(k).lr)).toEqual([0, 1, 1, 0, 0, 0.5, 0.5, 0.1]);
    expect(p.phaseStarts).toEqual([0, 100, 300, 400]);
  });

  it('driven batch by batch, pushes the same values into an optimizer', () => {
    const p = policy();
    const step$ = new Subject<void>();
    const written: number[] = [];
    p.drive(step$).subscribe(({ lr }) => written.push(lr));
    for (let batch = 0; batch < 800; batch++) step$.next();
    expect(written).toEqual([...p.allSteps()].map((d) => d.lr));
  });
});

describe('seed: Use Already Defined Complex Policies', () => {
  it('the page\'s manual build: cosinespace(1, 0, 200 | 400 | 800), 1400 steps, restarting at 200 and 600', () => {
    const manual = new OptimizerPolicy([new Phase({ lr: cosinespace(1, 0, 200) }), new Phase({ lr: cosinespace(1, 0, 400) }), new Phase({ lr: cosinespace(1, 0, 800) })]);
    expect(manual.length).toBe(200 + 400 + 800);
    expect(manual.phaseStarts).toEqual([0, 200, 600]);
    expect([0, 199, 200, 599, 600, 1399].map((k) => manual.at(k).lr)).toEqual([1, 0, 1, 0, 1, 0]);
    expectClose([...manual.allSteps()].map((d) => d.lr), [...poutyneCosinespace(1, 0, 200), ...poutyneCosinespace(1, 0, 400), ...poutyneCosinespace(1, 0, 800)]);
    // The pre-defined one is the same build with sgdr's lr option set to the manual (1, 0).
    expect([...new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2, lr: [1, 0] })).allSteps()]).toEqual([...manual.allSteps()]);
  });

  it('sgdr_phases(base_cycle_length=200, cycles=3, cycle_mult=2) with its default lr (1, 0.1): each cycle ends at 0.1, not 0 as in the manual build', () => {
    const preset = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }));
    expect([0, 199, 200, 599, 600, 1399].map((k) => preset.at(k).lr)).toEqual([1, 0.1, 1, 0.1, 1, 0.1]);
  });

  it('sgdr_phases(base_cycle_length=200, cycles=3, cycle_mult=2) is the manual build with lr (1, 0.1)', () => {
    const preset = new OptimizerPolicy(sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 }));
    const manual = new OptimizerPolicy([200, 400, 800].map((n) => new Phase({ lr: cosinespace(1, 0.1, n) })));
    expect(preset.length).toBe(1400);
    expect([...preset.allSteps()]).toEqual([...manual.allSteps()]);
  });

  it('pre-defined ones are just a list of phases, printable', () => {
    const phases = sgdrPhases({ baseCycleLength: 200, cycles: 3, cycleMult: 2 });
    expect(Array.isArray(phases)).toBe(true);
    expect(phases.map(String)).toEqual(['Phase:\n    lr: cosinespace(1, 0.1, 200)', 'Phase:\n    lr: cosinespace(1, 0.1, 400)', 'Phase:\n    lr: cosinespace(1, 0.1, 800)']);
  });

  it('tp = OptimizerPolicy(one_cycle_phases(steps=500))', () => {
    const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
    expect(tp.length).toBe(500);
    const lr = [...tp.allSteps()].map((d) => d.lr);
    expectClose(lr, [...poutyneLinspace(0.1, 1, 225), ...poutyneLinspace(1, 0.1, 225), ...poutyneLinspace(0.1, 0.01, 50)]);
    const momentum = [...tp.allSteps()].map((d) => d.momentum);
    expectClose(momentum, [...poutyneLinspace(0.95, 0.85, 225), ...poutyneLinspace(0.85, 0.95, 225), ...Array(50).fill(0.95)]);
  });

  it('one_cycle_phases(500): phase lengths 225 / 225 / 50 (a = int(500·0.1), up = (500 - a)//2) and the values at the joins', () => {
    const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
    expect(tp.phases.map((p) => p.length)).toEqual([225, 225, 50]);
    expect(tp.phaseStarts).toEqual([0, 225, 450]);
    const at = (k: number) => tp.at(k);
    expect(at(0)).toEqual({ lr: 0.1, momentum: 0.95 });
    expect(at(224)).toEqual({ lr: 1, momentum: 0.85 }); // the peak, twice
    expect(at(225)).toEqual({ lr: 1, momentum: 0.85 });
    expect(at(449)).toEqual({ lr: 0.1, momentum: 0.95 }); // back at the start, twice
    expect(at(450)).toEqual({ lr: 0.1, momentum: 0.95 });
    expect(at(499)).toEqual({ lr: 0.01, momentum: 0.95 });
    // lr at step 100 of the way up: 0.1 + 100/224 · 0.9
    expect(at(100).lr).toBeCloseTo(0.1 + (100 / 224) * 0.9, 14);
  });
});
