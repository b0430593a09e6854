// fitSteps counts batches as TF.js's fit does (tfjs-layers engine/training.ts: splitAt =
// floor(rows·(1 − validationSplit)); makeBatches: ceil(rows / batchSize) batches an epoch, the
// last one shorter). The real runs in spec/operators/schedule.spec.ts confirm it on fit.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fitSteps, type FitStepsOptions } from '../../lib/index.js';

describe('fitSteps', () => {
  it("counts a fit's batches: validation split, last short batch, initialEpoch, TF.js's default batch size", () => {
    expect(fitSteps({ samples: 1000, batchSize: 32, epochs: 10, validationSplit: 0.2 })).toBe(250); // 800 rows: 25 batches
    expect(fitSteps({ samples: 1000, batchSize: 32, epochs: 10 })).toBe(320); // 31.25 → 32 batches
    expect(fitSteps({ samples: 1000, epochs: 1 })).toBe(32); // batchSize 32 by default
    expect(fitSteps({ samples: 16, batchSize: 4, epochs: 3, validationSplit: 0.3 })).toBe(9); // floor(11.2) = 11 rows: 3 batches
    expect(fitSteps({ samples: 2048, batchSize: 64, epochs: 12, initialEpoch: 4 })).toBe(256);
    expect(fitSteps({ samples: 100, epochs: 3, initialEpoch: 3 })).toBe(0);
    expect(fitSteps({ batchesPerEpoch: 50, epochs: 4 })).toBe(200);
  });

  it('equals ceil(floor(N·(1 − split)) / batchSize) · (epochs − initialEpoch)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 512 }), fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (samples, batchSize, epochs, validationSplit) => {
        const rows = Math.floor(samples * (1 - validationSplit));
        expect(fitSteps({ samples, batchSize, epochs, validationSplit })).toBe(Math.ceil(rows / batchSize) * epochs);
      }),
    );
  });

  it('bad arguments are named errors', () => {
    const bad = (o: unknown) => () => fitSteps(o as FitStepsOptions);
    expect(bad({ epochs: 2 })).toThrow(/^fitSteps: give samples \(model.fit\) or batchesPerEpoch \(model.fitDataset\)/);
    expect(bad({ samples: 10, batchesPerEpoch: 2 })).toThrow(/fitSteps: give samples or batchesPerEpoch, not both/);
    expect(bad({ batchesPerEpoch: 2, validationSplit: 0.1 })).toThrow(/validationSplit and batchSize apply to samples/);
    expect(bad({ samples: 10, validationSplit: 1 })).toThrow('fitSteps: validationSplit must be a number in [0, 1), got 1');
    expect(bad({ samples: 10, batchSize: 0 })).toThrow('fitSteps: batchSize must be a positive integer, got 0');
    expect(bad({ samples: 10, initialEpoch: -1 })).toThrow('fitSteps: initialEpoch must be a non-negative integer, got -1');
    expect(bad({ samples: 10, initialEpoch: 1.5 })).toThrow('fitSteps: initialEpoch must be a non-negative integer, got 1.5');
    expect(bad({ samples: 10, epoch: 3 })).toThrow(/fitSteps: unknown option "epoch"/);
    // A count past 2^53 − 1 was returned rounded.
    expect(bad({ batchesPerEpoch: 2 ** 40, epochs: 2 ** 20 })).toThrow("fitSteps: the run's 1099511627776 batches an epoch × 1048576 epochs must be a safe integer of steps, got 1152921504606847000");
    expect(bad({ samples: 2 ** 53 - 1, batchSize: 1, epochs: 2 })).toThrow(RangeError);
  });
});

describe('fitSteps: types', () => {
  it("fit's arguments or fitDataset's batchesPerEpoch, one of the two, as the run checks", () => {
    expectTypeOf({ samples: 100, batchSize: 10, epochs: 2 }).toExtend<FitStepsOptions>();
    expectTypeOf({ batchesPerEpoch: 5, epochs: 2, initialEpoch: 1 }).toExtend<FitStepsOptions>();
    expect(fitSteps({ samples: 100, batchSize: 10, epochs: 2 })).toBe(20);
    // @ts-expect-error neither samples nor batchesPerEpoch
    expect(() => fitSteps({ epochs: 2 })).toThrow(/^fitSteps: give samples \(model.fit\) or batchesPerEpoch \(model.fitDataset\)/);
    // @ts-expect-error both
    expect(() => fitSteps({ samples: 10, batchesPerEpoch: 2 })).toThrow(/fitSteps: give samples or batchesPerEpoch, not both/);
    // @ts-expect-error a dataset batches itself
    expect(() => fitSteps({ batchesPerEpoch: 2, batchSize: 4 })).toThrow(/validationSplit and batchSize apply to samples/);
    // @ts-expect-error `epoch` is misspelt
    expect(() => fitSteps({ samples: 10, epoch: 3 })).toThrow(/fitSteps: unknown option "epoch" \(did you mean "epochs"\?\)/);
  });
});
