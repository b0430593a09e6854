import { describe, expect, it } from 'vitest';
import { buildPolicy, OptimizerPolicy, oneCyclePhases, presets } from '../lib/index.js';

describe('buildPolicy and the presets registry', () => {
  it('builds a preset by name with its options', () => {
    const policy = buildPolicy({ preset: 'oneCycle', options: { steps: 500 } });
    expect(policy.length).toBe(500);
    expect([...policy.allSteps()]).toEqual([...new OptimizerPolicy(oneCyclePhases({ steps: 500 })).allSteps()]);
    expect(buildPolicy({ preset: 'sgdr', options: { baseCycleLength: 200, cycles: 3, cycleMult: 2 } }).length).toBe(1400);
  });

  it('builds a list of phases and passes the policy options', () => {
    const policy = buildPolicy({ phases: [{ lr: { type: 'linspace', start: 0, end: 1, steps: 3 } }] }, { initialStep: 1 });
    expect(policy.at(1)).toEqual({ lr: 0.5 });
    expect(policy.currentStep).toBe(1);
  });

  it('lists the registry with summaries and option names', () => {
    expect(Object.keys(presets)).toEqual(expect.arrayContaining(['oneCycle', 'sgdr']));
    for (const entry of Object.values(presets)) {
      expect(entry.summary.length).toBeGreaterThan(0);
      expect(entry.options.length).toBeGreaterThan(0);
    }
  });

  it('unknown presets and options are errors listing the accepted ones', () => {
    expect(() => buildPolicy({ preset: 'triangle' })).toThrow(/buildPolicy: unknown preset "triangle"; accepted: .*oneCycle.*sgdr/);
    expect(() => buildPolicy({ preset: 'oneCycle', options: { step: 5 } })).toThrow(
      /buildPolicy: preset oneCycle: unknown option "step"; accepted: steps, lr, momentum, finetuneLr, finetuneFraction/,
    );
    expect(() => buildPolicy({ preset: 'oneCycle', options: { steps: 0 } })).toThrow(/oneCyclePhases: steps must be a positive integer, got 0/);
    expect(() => buildPolicy({ preset: 'oneCycle', extra: true })).toThrow(/buildPolicy: unknown key "extra"; accepted: preset, options/);
    expect(() => buildPolicy('oneCycle')).toThrow(/buildPolicy: config must be an object, got "oneCycle"/);
  });
});
