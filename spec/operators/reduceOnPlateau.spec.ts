// Expected reductions worked out by hand from PyTorch's ReduceLROnPlateau.step (torch/optim/lr_scheduler.py):
// better → best = m, bad = 0, else bad += 1; in cooldown → cooldown -= 1, bad = 0; bad > patience →
// lr = max(lr·factor, min_lr) unless that changes it by ≤ eps, cooldown = cooldown, bad = 0.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { filter, map, NEVER, type Observable, Subject, Subscriber, take, takeUntil, tap } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import { constant, fitCallbacks, kerasPlateau, linspace, OptimizerPolicy, Phase, reduceOnPlateau, schedule, tfjsOptimizerSink, type PlateauOptions, type PlateauState, type TrainingEvent, type TrainingEventOf } from '../../lib/index.js';

await tf.setBackend('cpu');

/** Feeds metrics one by one, and after each, one lr=1 value; returns the lr seen after each metric. */
function run(metrics: number[], options: PlateauOptions, base: Record<string, number> = { lr: 1 }): Record<string, number>[] {
  const values$ = new Subject<Record<string, number>>();
  const metric$ = new Subject<number>();
  const out: Record<string, number>[] = [];
  values$.pipe(reduceOnPlateau(metric$, options)).subscribe((v) => out.push(v));
  values$.next(base);
  out.length = 0;
  for (const m of metrics) {
    metric$.next(m);
    values$.next(base);
  }
  return out;
}

describe('reduceOnPlateau (PyTorch ReduceLROnPlateau semantics)', () => {
  it('mode min, rel threshold, patience 2, factor 0.5: reductions after the 5th and 10th metrics', () => {
    const lrs = run([1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85], { patience: 2, factor: 0.5 }).map((v) => v.lr);
    expect(lrs).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  it('cooldown delays counting after a reduction', () => {
    const flat = Array(9).fill(1);
    expect(run(flat, { patience: 2, factor: 0.5 }).map((v) => v.lr)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25]);
    expect(run(flat, { patience: 2, factor: 0.5, cooldown: 2 }).map((v) => v.lr)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25]);
  });

  it('mode max and abs threshold: an improvement must beat best + threshold', () => {
    // best 0.5; 0.55 is not > 0.5 + 0.1 → bad; patience 1 → reduce on the 3rd metric.
    expect(run([0.5, 0.55, 0.58], { mode: 'max', thresholdMode: 'abs', threshold: 0.1, patience: 1, factor: 0.5 }).map((v) => v.lr)).toEqual([1, 1, 0.5]);
    // 0.61 > 0.6 → improvement: no reduction.
    expect(run([0.5, 0.61, 0.72], { mode: 'max', thresholdMode: 'abs', threshold: 0.1, patience: 1, factor: 0.5 }).map((v) => v.lr)).toEqual([1, 1, 1]);
  });

  it('rel threshold: 1e-4 of the best is not an improvement (PyTorch default)', () => {
    expect(run([1, 0.99995, 0.99991], { patience: 1, factor: 0.1 }).map((v) => v.lr)).toEqual([1, 1, 0.1]);
  });

  it('minValue bounds the value and eps skips reductions that change nothing', () => {
    const lrs = run(Array(7).fill(1), { patience: 0, factor: 0.1, minValue: 0.05 }).map((v) => v.lr);
    expect(lrs[0]).toBe(1); // first metric is an improvement over +∞
    expect(lrs[1]).toBeCloseTo(0.1, 12);
    expect(lrs.slice(2)).toEqual([0.05, 0.05, 0.05, 0.05, 0.05]);
  });

  it('scales only the chosen params', () => {
    const out = run([1, 1, 1], { patience: 1, factor: 0.5, params: ['lr'] }, { lr: 1, momentum: 0.9 });
    expect(out.at(-1)).toEqual({ lr: 0.5, momentum: 0.9 });
  });

  it('rejects bad options by name', () => {
    const m$ = new Subject<number>();
    expect(() => reduceOnPlateau(m$, { factor: 1 })).toThrow(new RangeError('reduceOnPlateau: factor must be a number in (0, 1), got 1'));
    expect(() => reduceOnPlateau(m$, { patience: -1 })).toThrow(/reduceOnPlateau: patience must be a non-negative integer, got -1/);
    expect(() => reduceOnPlateau(m$, { mode: 'median' as 'min' })).toThrow(new TypeError(`reduceOnPlateau: mode must be one of 'min', 'max', got "median"`));
    expect(() => reduceOnPlateau(m$, { thresholdMode: 'relative' as 'rel' })).toThrow(`reduceOnPlateau: thresholdMode must be one of 'rel', 'abs', got "relative"`);
    expect(() => reduceOnPlateau(m$, { threshold: -1e-4 })).toThrow(new RangeError('reduceOnPlateau: threshold must be a finite number ≥ 0, got -0.0001'));
    expect(() => reduceOnPlateau(m$, { eps: NaN })).toThrow(new RangeError('reduceOnPlateau: eps must be a finite number, got NaN'));
    expect(() => reduceOnPlateau(m$, { onState: 'save' as never })).toThrow(/reduceOnPlateau: onState must be a function \(state: PlateauState\) => void, got "save"/);
    expect(() => reduceOnPlateau(m$, { patiense: 2 } as PlateauOptions)).toThrow(/unknown option "patiense"/);
    // null is a value to check, not a default; a string of names would be a set of letters; metric$ is checked at once.
    expect(() => reduceOnPlateau(m$, { factor: null } as never)).toThrow(new TypeError('reduceOnPlateau: factor must be a number in (0, 1), got null'));
    expect(() => reduceOnPlateau(m$, { mode: null } as never)).toThrow(new TypeError("reduceOnPlateau: mode must be one of 'min', 'max', got null"));
    expect(() => reduceOnPlateau(m$, { patience: '3' } as never)).toThrow(new TypeError('reduceOnPlateau: patience must be a non-negative integer, got "3"'));
    expect(() => reduceOnPlateau(m$, { params: 'lr' } as never)).toThrow(new TypeError('reduceOnPlateau: params must be an array of parameter names, got "lr"'));
    // eslint-disable-next-line no-sparse-arrays
    expect(() => reduceOnPlateau(m$, { params: ['lr', , 'momentum'] } as never)).toThrow(/^reduceOnPlateau: params must be an array of parameter names, got a sparse array/);
    expect(() => reduceOnPlateau(null as never)).toThrow(new TypeError('reduceOnPlateau: metric$ must be an Observable of numbers, got null'));
    expect(() => reduceOnPlateau([0.5, 0.4] as never)).toThrow(/^reduceOnPlateau: metric\$ must be an Observable of numbers, got \[0.5,0.4\]/);
  });

  it('takes params as a list of names: a bare string is an error, not its letters', () => {
    const m$ = new Subject<number>();
    expect(() => reduceOnPlateau(m$, { params: 'lr' as never })).toThrow(new TypeError('reduceOnPlateau: params must be an array of parameter names, got "lr"'));
    expect(() => reduceOnPlateau(m$, { params: ['lr', ''] })).toThrow(new TypeError('reduceOnPlateau: params[1] must be a parameter name, got ""'));
    expect(() => reduceOnPlateau(m$, { params: ['lr', 1 as never] })).toThrow(new TypeError('reduceOnPlateau: params[1] must be a parameter name, got 1'));
  });
});

// Real PyTorch 1.13 (Debian's python3-torch), recorded by scripts/pytorch-reference.py: an SGD
// optimizer, ReduceLROnPlateau with these options, one metric per epoch, the lr read before each
// step(metric). The metric sequences are bumpy losses with plateaus, so every rule fires.
interface PlateauCase {
  readonly options: PlateauOptions;
  readonly lr0: number;
  readonly torch: string;
  readonly metrics: number[];
  readonly lr: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/pytorch.json', import.meta.url), 'utf8')) as { torch: string; plateau: PlateauCase[] };

describe(`reduceOnPlateau against real PyTorch ${fixture.torch}`, () => {
  for (const c of fixture.plateau) {
    it(`${c.torch}: ${new Set(c.lr).size - 1} reductions over ${c.metrics.length} epochs`, () => {
      const values$ = new Subject<{ lr: number }>();
      const metric$ = new Subject<number>();
      const seen: number[] = [];
      values$.pipe(reduceOnPlateau(metric$, c.options)).subscribe((v) => seen.push(v.lr));
      // Each epoch: the schedule emits (a constant lr here), the epoch trains with it, the metric arrives.
      for (const m of c.metrics) {
        values$.next({ lr: c.lr0 });
        metric$.next(m);
      }
      expect(seen.length).toBe(c.lr.length);
      // PyTorch multiplies the lr in place each time; rx-policy multiplies a scale: equal to rounding.
      c.lr.forEach((e, k) => {
        if (!(Math.abs(seen[k]! - e) <= 1e-12 * e)) throw new Error(`${c.torch}: epoch ${k} lr ${seen[k]}, PyTorch ${e}`);
      });
    });
  }

  it('checkpoint and resume: stopped after any epoch and restarted from the saved state (through JSON), every case still gives PyTorch\'s lrs', () => {
    const epochs = (options: PlateauOptions, lr0: number, metrics: number[]) => {
      const values$ = new Subject<{ lr: number }>();
      const metric$ = new Subject<number>();
      const seen: number[] = [];
      let state: PlateauState | undefined;
      values$.pipe(reduceOnPlateau(metric$, { ...options, onState: (s) => (state = s) })).subscribe((v) => seen.push(v.lr));
      for (const m of metrics) {
        values$.next({ lr: lr0 });
        metric$.next(m);
      }
      return { seen, state };
    };
    for (const c of fixture.plateau) {
      const uninterrupted = epochs(c.options, c.lr0, c.metrics).seen;
      for (let k = 0; k <= c.metrics.length; k += 3) {
        const first = epochs(c.options, c.lr0, c.metrics.slice(0, k));
        const saved = first.state === undefined ? undefined : (JSON.parse(JSON.stringify(first.state)) as PlateauState);
        const second = epochs({ ...c.options, ...(saved && { initialState: saved }) }, c.lr0, c.metrics.slice(k));
        expect([...first.seen, ...second.seen], `${c.torch}, resumed after epoch ${k}`).toEqual(uninterrupted);
      }
    }
  });
});

describe('reduceOnPlateau state', () => {
  it('is plain JSON after each metric: best (null before any), bad metrics, cooldown left, scales', () => {
    const states: PlateauState[] = [];
    const values$ = new Subject<{ lr: number; momentum: number }>();
    const metric$ = new Subject<number>();
    values$.pipe(reduceOnPlateau(metric$, { patience: 0, factor: 0.5, cooldown: 1, params: ['lr'], onState: (s) => states.push(s) })).subscribe();
    values$.next({ lr: 1, momentum: 0.9 });
    for (const m of [3, 3, 3]) metric$.next(m);
    expect(states).toEqual([
      { best: 3, badMetrics: 0, cooldownLeft: 0, scale: {} },
      { best: 3, badMetrics: 0, cooldownLeft: 1, scale: { lr: 0.5 } },
      { best: 3, badMetrics: 0, cooldownLeft: 0, scale: { lr: 0.5 } },
    ]);
  });

  it('a malformed initialState is refused by name, before anything runs', () => {
    const m$ = new Subject<number>();
    const bad = (initialState: unknown) => () => reduceOnPlateau(m$, { initialState: initialState as PlateauState });
    expect(bad([])).toThrow(/reduceOnPlateau: initialState must be/);
    expect(bad({ best: 'x', badMetrics: 0, cooldownLeft: 0, scale: {} })).toThrow('reduceOnPlateau: initialState.best must be a finite number or null, got "x"');
    expect(bad({ best: 1, badMetrics: -1, cooldownLeft: 0, scale: {} })).toThrow('reduceOnPlateau: initialState.badMetrics must be a non-negative integer, got -1');
    expect(bad({ best: 1, badMetrics: 0, cooldownLeft: 0, scale: { lr: 2 } })).toThrow('reduceOnPlateau: initialState.scale.lr must be a number in (0, 1], got 2');
    expect(bad({ best: 1, badMetrics: 0, cooldownLeft: 0, scale: {}, step: 3 })).toThrow(/unknown key of initialState "step"/);
  });
});

describe('reduceOnPlateau sees every metric, the last epoch\'s too', () => {
  it('after the policy runs out, the last metric still reaches onState; the stream completes when both inputs have', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 1, 4) })]); // 2 epochs × 2 batches
    const events$ = new Subject<TrainingEvent>();
    const metric$ = new Subject<number>();
    const states: PlateauState[] = [];
    let completed = false;
    events$.pipe(schedule(policy), reduceOnPlateau(metric$, { patience: 0, factor: 0.5, onState: (s) => states.push(s) })).subscribe({ complete: () => (completed = true) });
    for (let e = 0; e < 2; e++) {
      events$.next({ type: 'epochBegin', epoch: e });
      for (let b = 0; b < 2; b++) events$.next({ type: 'batchBegin', epoch: e, batch: b });
      metric$.next(3); // the same loss each epoch: the second epoch's is no improvement
    }
    expect(policy.currentStep).toBe(4);
    expect(states).toHaveLength(2);
    expect(states[1]).toEqual({ best: 3, badMetrics: 0, cooldownLeft: 0, scale: { lr: 0.5 } });
    expect(completed).toBe(false);
    metric$.complete();
    expect(completed).toBe(true);
  });
});

// Keras 3's ReduceLROnPlateau.on_epoch_end (keras-team/keras: keras/src/callbacks/reduce_lr_on_plateau.py),
// restated as the reference: cooldown counter decremented first (wait reset), then an improvement
// (abs min_delta) resets wait, else outside cooldown wait += 1 and at wait ≥ patience a value above
// min_lr becomes max(lr·factor, min_lr), with cooldown and wait reset.
function kerasReference(metrics: number[], o: { factor: number; patience: number; minDelta: number; cooldown: number; minLr: number; mode: 'min' | 'max' }, lr0 = 1): number[] {
  let lr = lr0;
  let best = o.mode === 'min' ? Infinity : -Infinity;
  let wait = 0;
  let cooldownCounter = 0;
  const better = (a: number, b: number) => (o.mode === 'min' ? a < b - o.minDelta : a > b + o.minDelta);
  return metrics.map((current) => {
    if (cooldownCounter > 0) {
      cooldownCounter -= 1;
      wait = 0;
    }
    if (better(current, best)) {
      best = current;
      wait = 0;
    } else if (!(cooldownCounter > 0)) {
      wait += 1;
      if (wait >= o.patience && lr > o.minLr) {
        lr = Math.max(lr * o.factor, o.minLr);
        cooldownCounter = o.cooldown;
        wait = 0;
      }
    }
    return lr;
  });
}

describe('kerasPlateau: Keras ReduceLROnPlateau behaviour from reduceOnPlateau', () => {
  // Worked by hand from Keras's on_epoch_end; the lr in use after each metric.
  it('patience counts to wait ≥ patience: patience 2 on a flat metric reduces at the 3rd and 5th', () => {
    const lrs = run(Array(6).fill(1), kerasPlateau({ patience: 2, factor: 0.5, minDelta: 0 })).map((v) => v.lr);
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    // PyTorch's own rule with the same numbers reduces one metric later.
    expect(run(Array(6).fill(1), { patience: 2, factor: 0.5, threshold: 0 }).map((v) => v.lr)).toEqual([1, 1, 1, 0.5, 0.5, 0.5]);
  });

  it('cooldown 2 skips one metric after a reduction', () => {
    const lrs = run(Array(8).fill(1), kerasPlateau({ patience: 2, cooldown: 2, factor: 0.5 })).map((v) => v.lr);
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25]);
  });

  it('min_delta is absolute; mode max; min_lr bounds and stops reductions', () => {
    expect(run([0.5, 0.55, 0.58, 0.7], kerasPlateau({ mode: 'max', minDelta: 0.1, patience: 1, factor: 0.5 })).map((v) => v.lr)).toEqual([1, 0.5, 0.25, 0.25]);
    expect(run([1, 1, 1, 1], kerasPlateau({ patience: 1, factor: 0.1, minLr: 0.05 })).map((v) => v.lr)).toEqual([1, 0.1, 0.05, 0.05]);
  });

  it('matches the Keras rules on random metric sequences (patience 0–4, cooldown 0–3, min_delta, min_lr, both modes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 0.99, 0.95, 0.9, 1.05, 0.97), { minLength: 1, maxLength: 40 }),
        fc.record({
          factor: fc.constantFrom(0.5, 0.1, 0.2),
          patience: fc.integer({ min: 0, max: 4 }),
          minDelta: fc.constantFrom(0, 0.01, 0.04),
          cooldown: fc.integer({ min: 0, max: 3 }),
          minLr: fc.constantFrom(0, 0.01, 0.3),
          mode: fc.constantFrom('min' as const, 'max' as const),
        }),
        (metrics, o) => {
          const ours = run(metrics, kerasPlateau(o)).map((v) => v.lr!);
          const keras = kerasReference(metrics, o);
          ours.forEach((lr, k) => {
            if (!(Math.abs(lr - keras[k]!) <= 1e-12 * keras[k]!)) throw new Error(`epoch ${k}: ${lr}, Keras ${keras[k]} (${JSON.stringify(o)}; ${metrics.join(' ')})`);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses bad Keras options by name', () => {
    expect(() => kerasPlateau({ factor: 1 })).toThrow('kerasPlateau: factor must be a number in (0, 1), got 1');
    expect(() => kerasPlateau({ patience: -1 })).toThrow('kerasPlateau: patience must be a non-negative integer, got -1');
    expect(() => kerasPlateau({ min_delta: 0.1 } as never)).toThrow(/kerasPlateau: unknown option "min_delta"/);
  });
});

describe('reduceOnPlateau on a real TF.js fit, monitoring val_loss from the bridge', () => {
  // 24 rows of noise, validationSplit 0.25: 18 to train on (5 batches of 4, the last of 2), 6 to validate.
  const rows = 24;
  const x = () => tf.tensor2d(Array.from({ length: rows * 2 }, (_, i) => Math.sin(7 * i)), [rows, 2]);
  const y = () => tf.tensor2d(Array.from({ length: rows }, (_, i) => Math.cos(11 * i)), [rows, 1]);
  const epochs = 10;
  const lr0 = 0.2;

  async function fitWith(options: PlateauOptions) {
    const optimizer = tf.train.sgd(1);
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2], activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }), tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) })] });
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const policy = new OptimizerPolicy([new Phase({ lr: constant(lr0, epochs * 5) })]);
    const { events$, callbacks, fail } = fitCallbacks({ tf });
    const valLoss$ = events$.pipe(
      filter((e): e is TrainingEventOf<'epochEnd'> => e.type === 'epochEnd'),
      map((e) => e.logs?.['val_loss'] ?? NaN),
      takeUntil(events$.pipe(filter((e) => e.type === 'trainEnd'))),
    );
    let last: PlateauState | undefined;
    let completed = false;
    events$.pipe(schedule(policy, { horizon: 'error' }), reduceOnPlateau(valLoss$, { ...options, onState: (st) => (last = st) })).subscribe({ ...tfjsOptimizerSink(optimizer), error: fail, complete: () => (completed = true) });
    const perEpoch: number[][] = [];
    const probe = new tf.CustomCallback({
      onEpochBegin: async () => void perEpoch.push([]),
      onBatchEnd: async () => void perEpoch.at(-1)!.push((optimizer as unknown as { learningRate: number }).learningRate),
    });
    const history = await model.fit(x(), y(), { epochs, batchSize: 4, validationSplit: 0.25, shuffle: false, verbose: 0, callbacks: [callbacks, probe] });
    return { perEpoch, valLosses: history.history['val_loss'] as number[], last, completed };
  }

  it("Keras's rules (kerasPlateau): every batch of epoch e runs on the rate Keras sets after epoch e − 1's val_loss", async () => {
    const keras = { factor: 0.5, patience: 2, minDelta: 1e-3, cooldown: 1, minLr: 0.01, mode: 'min' as const };
    const { perEpoch, valLosses, last, completed } = await fitWith(kerasPlateau(keras));
    expect(valLosses).toHaveLength(epochs);
    const expected = [lr0, ...kerasReference(valLosses, keras, lr0).slice(0, -1)];
    expect(new Set(expected).size, 'the run reduces at least once').toBeGreaterThan(1);
    perEpoch.forEach((lrs, e) => {
      expect(lrs, `epoch ${e}`).toHaveLength(5);
      lrs.forEach((lr) => expect(lr, `epoch ${e}`).toBeCloseTo(expected[e]!, 12));
    });
    expect(completed).toBe(true);
    // onState saw the last epoch's metric too: its best is the best of all ten by Keras's rule.
    expect(last?.best).toBe(valLosses.reduce((best, m) => (m < best - keras.minDelta ? m : best), Infinity));
  });

  it("PyTorch's rules: every batch runs on the rate after the previous epoch's val_loss, as the operator alone gives it", async () => {
    const options = { factor: 0.5, patience: 1, threshold: 1e-3 };
    const { perEpoch, valLosses } = await fitWith(options);
    const expected = [lr0, ...run(valLosses, options, { lr: lr0 }).map((v) => v['lr']!).slice(0, -1)];
    expect(new Set(expected).size, 'the run reduces at least once').toBeGreaterThan(1);
    perEpoch.forEach((lrs, e) => lrs.forEach((lr) => expect(lr, `epoch ${e}`).toBeCloseTo(expected[e]!, 12)));
  });
});

describe('reduceOnPlateau: types', () => {
  it("params are typed by the values' names, bare or Stepped; the values keep their type", () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0, 3) }), new Phase({ lr: linspace(1, 0, 3), momentum: 0.9 })]);
    const step$ = new Subject<void>();
    const metric$ = new Subject<number>();
    const out: number[] = [];
    const scaled$ = policy.drive(step$).pipe(reduceOnPlateau(metric$, { patience: 0, factor: 0.5, params: ['momentum'] }));
    expectTypeOf(scaled$).toEqualTypeOf<Observable<{ lr: number } | { lr: number; momentum: number }>>();
    scaled$.subscribe((v) => out.push('momentum' in v ? v.momentum : -1));
    for (let i = 0; i < 6; i++) {
      step$.next();
      metric$.next(1);
    }
    expect(out).toEqual([-1, -1, -1, 0.9, 0.45, 0.225]);
    const events$ = new Subject<TrainingEvent>();
    // @ts-expect-error `momentun` is not a parameter of the values
    void events$.pipe(schedule(policy), reduceOnPlateau(metric$, { params: ['momentun'] }));
    // @ts-expect-error nor `lrr`, on Stepped values either
    void events$.pipe(schedule(policy, { withStep: true }), reduceOnPlateau(metric$, { params: ['lrr'] }));
    // Keras's options spread in and take params the same way.
    void events$.pipe(schedule(policy), reduceOnPlateau(metric$, { ...kerasPlateau({ factor: 0.5 }), params: ['lr'] }));
    // @ts-expect-error `minlr` is Keras's min_lr misspelt; here it is minLr
    expect(() => kerasPlateau({ minlr: 0.1 })).toThrow(/kerasPlateau: unknown option "minlr" \(did you mean "minLr"\?\)/);
  });
});

describe('reduceOnPlateau: timing, in marble diagrams (rxjs TestScheduler)', () => {
  const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('a reduction applies from the first value after the metric that triggers it; metrics after the values end still count; it completes when both inputs have', () => {
    const states: number[] = [];
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const values$ = hot('-v-v---v-v|', { v: { lr: 1 } });
      // patience 0: the second metric (no improvement) reduces the lr by the factor; the third
      // comes after the values ended (the last epoch's metric) and still reaches onState.
      const metric$ = hot('--m---n-----o|', { m: 1, n: 1, o: 1 });
      expectObservable(values$.pipe(reduceOnPlateau(metric$, { patience: 0, factor: 0.5, onState: (st) => states.push(st.scale['lr'] ?? 1) }))).toBe('-a-a---b-b---|', { a: { lr: 1 }, b: { lr: 0.5 } });
      expectSubscriptions(values$.subscriptions).toBe('^---------!');
      expectSubscriptions(metric$.subscriptions).toBe('^------------!');
    });
    expect(states).toEqual([1, 0.5, 0.25]);
  });

  it('a bad metric errors in its frame and unsubscribes from both inputs', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const values$ = hot('-v-v-v-v|', { v: { lr: 1 } });
      const metric$ = hot('----n', { n: NaN });
      expectObservable(values$.pipe(reduceOnPlateau(metric$))).toBe('-a-a#', { a: { lr: 1 } }, new RangeError('reduceOnPlateau: the metric must be a finite number, got NaN'));
      expectSubscriptions(values$.subscriptions).toBe('^---!');
      expectSubscriptions(metric$.subscriptions).toBe('^---!');
    });
  });

  it('unsubscribing downstream unsubscribes from both inputs at once', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const values$ = hot('-v-v-v-v|', { v: { lr: 1 } });
      const metric$ = hot('--m-m-m-m', { m: 1 });
      expectObservable(values$.pipe(reduceOnPlateau(metric$)), '^--!').toBe('-a-', { a: { lr: 1 } });
      expectSubscriptions(values$.subscriptions).toBe('^--!');
      expectSubscriptions(metric$.subscriptions).toBe('^--!');
    });
  });
});

describe('reduceOnPlateau: synchronous sources and callback errors', () => {
  const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('unsubscribing downstream stops a synchronous values$ at once, from take or from inside next', () => {
    const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0, 1e6) })]);
    let pulled = 0;
    policy.allSteps().pipe(tap(() => pulled++), reduceOnPlateau(NEVER), take(2)).subscribe();
    expect(pulled).toBe(2);
    pulled = 0;
    // A Subscriber exists before the source runs, so it can unsubscribe itself mid-loop.
    const subscriber: Subscriber<unknown> = new Subscriber({ next: () => pulled === 3 && subscriber.unsubscribe(), error: () => undefined, complete: () => undefined });
    policy.allSteps().pipe(tap(() => pulled++), reduceOnPlateau(NEVER)).subscribe(subscriber);
    expect(pulled).toBe(3);
  });

  it('an error thrown by onState is the stream\'s error notification, and both inputs are unsubscribed', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const values$ = hot('-v-v-v-v|', { v: { lr: 1 } });
      const metric$ = hot('----m', { m: 1 });
      const boom = new Error('checkpoint store is full');
      expectObservable(values$.pipe(reduceOnPlateau(metric$, { onState: () => { throw boom; } }))).toBe('-a-a#', { a: { lr: 1 } }, boom);
      expectSubscriptions(values$.subscriptions).toBe('^---!');
      expectSubscriptions(metric$.subscriptions).toBe('^---!');
    });
  });

  it('cold: a second subscription starts again from the initial state', () => {
    const values$ = new Subject<Record<string, number>>();
    const metric$ = new Subject<number>();
    const plateau$ = values$.pipe(reduceOnPlateau(metric$, { patience: 0, factor: 0.5 }));
    const once = (): number[] => {
      const seen: number[] = [];
      const subscription = plateau$.subscribe((v) => seen.push(v['lr']!));
      for (let k = 0; k < 3; k++) {
        values$.next({ lr: 1 });
        metric$.next(1);
      }
      values$.next({ lr: 1 });
      subscription.unsubscribe();
      return seen;
    };
    expect(once()).toEqual([1, 1, 0.5, 0.25]);
    expect(once()).toEqual([1, 1, 0.5, 0.25]);
  });
});

describe('reduceOnPlateau: a saved state that params would not apply', () => {
  it('refuses an initialState scale for a parameter outside params, which would otherwise go on being scaled', () => {
    const initialState = { best: 1, badMetrics: 0, cooldownLeft: 0, scale: { wd: 0.5 } };
    expect(() => reduceOnPlateau(NEVER, { params: ['lr'], initialState })).toThrow(new RangeError('reduceOnPlateau: initialState.scale.wd scales a parameter params leaves out (params: lr); resume with the params of the run that saved it'));
    expect(() => reduceOnPlateau(NEVER, { params: ['lr', 'wd'], initialState })).not.toThrow();
    expect(() => reduceOnPlateau(NEVER, { initialState })).not.toThrow();
  });
});
