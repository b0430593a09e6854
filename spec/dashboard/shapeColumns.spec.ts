import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnPoints, plannedColumns } from '../../lib/dashboard/history.js';
import { shapeColumns } from '../../lib/dashboard/shapeColumns.js';
import { OptimizerPolicy, oneCyclePhases, optax, pytorch, sgdrPhases } from '../../lib/index.js';

const policies = {
  oneCycle: (steps: number) => new OptimizerPolicy(oneCyclePhases({ steps })),
  sgdr: (steps: number) => new OptimizerPolicy(sgdrPhases({ baseCycleLength: Math.max(1, Math.floor(steps / 7)), cycles: 3, cycleMult: 2 })),
  cyclic: (steps: number) => new OptimizerPolicy(pytorch.cyclicLR({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: 37, steps })),
  warmupCosine: (steps: number) => new OptimizerPolicy(optax.warmupCosineDecay({ initValue: 0, peakValue: 1, warmupSteps: Math.floor(steps / 10), decaySteps: steps, steps })),
};

describe('shapeColumns', () => {
  it('gives the same buckets as reading every step (property over presets and lengths)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(policies)), fc.integer({ min: 1, max: 6000 }), fc.constantFrom(16, 64, 1024), (kind, steps, columns) => {
        const policy = policies[kind as keyof typeof policies](steps);
        const read = plannedColumns(policy.length, policy.params, (k) => policy.at(k) as Record<string, number>, columns, Infinity);
        const shaped = shapeColumns(policy, columns)!;
        for (const param of policy.params) {
          expect(shaped[param]!.width).toBe(read[param]!.width);
          expect(columnPoints(shaped[param]!)).toEqual(columnPoints(read[param]!));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('draws a 10^7-step one-cycle run in 1024 buckets with its exact peak and trough', () => {
    const policy = new OptimizerPolicy(oneCyclePhases({ steps: 10_000_000 }));
    const lr = shapeColumns(policy, 1024)!['lr']!;
    expect(lr.width).toBe(16_384);
    const { steps, values } = columnPoints(lr);
    expect(Math.max(...values)).toBe(1);
    expect(Math.min(...values)).toBeCloseTo(0.01, 12);
    // The peak is where Poutyne's rising phase ends: step trunc(0.9·10^7 / 2) - 1.
    expect(steps[values.indexOf(1)]).toBe(4_499_999);
  });

  it('leaves a policy-like object of another copy to the sampling pass', () => {
    const like = { length: 3, params: ['lr'], currentStep: 0, at: (k: number) => ({ lr: k }) };
    expect(shapeColumns(like, 1024)).toBeUndefined();
  });
});
