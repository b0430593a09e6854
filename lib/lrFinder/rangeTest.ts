// The LR range test as streams: the exponential schedule, fastai's loss smoothing and its stop
// rule as operators over a loss stream, for any training loop. `lrFinder` is these, fed by TF.js.
import { defer, map, take, takeWhile, tap, type MonoTypeOperatorFunction, type OperatorFunction } from 'rxjs';
import { readOptions, type OptionsOf, type OptionTable, type ResolvedOf } from '../internal/options.js';
import { finite, show } from '../internal/validate.js';
import type { Space } from '../space.js';
import { expspace } from '../spaces/expspace.js';

/** The range of a range test, declared once, with fastai's defaults. */
export const rangeOptions = {
  startLr: { type: 'number', range: 'positive', default: 1e-7, doc: 'The first rate tried.' },
  endLr: { type: 'number', range: 'positive', default: 10, doc: 'The rate approached at the last step (never reached, as in fastai); must exceed `startLr`.' },
  steps: { type: 'number', range: 'positiveCount', default: 100, doc: 'Batches to run at most; at least 2.' },
} as const satisfies OptionTable;

/** The range test's options, declared once: the range, fastai's smoothing and its stop rule. */
export const rangeTestOptions = {
  ...rangeOptions,
  beta: { type: 'number', range: 'nonNegative', default: 0.98, doc: "Weight of the past in the smoothed loss (fastai's `AvgSmoothLoss`), in [0, 1)." },
  stopDiv: { type: 'boolean', default: true, doc: 'Whether to stop once the smoothed loss exceeds `divergence ×` its minimum.' },
  divergence: { type: 'number', range: 'positive', default: 4, doc: "The divergence factor (fastai: 4), above 1; only with `stopDiv: true`." },
} as const satisfies OptionTable;

/** The range of a range test: `startLr` (1e-7), `endLr` (10), `steps` (100). */
export type RangeOptions = OptionsOf<typeof rangeOptions>;

/** Options of `lrRangeTest`: the range, `beta` (0.98), `stopDiv` (true), `divergence` (4). */
export type RangeTestOptions = OptionsOf<typeof rangeTestOptions>;

/** One batch of a range test: the rate it trained with and its loss, smoothed and raw. */
export interface RangePoint {
  /** The batch's index in the test, 0-based. */
  readonly step: number;
  /** The rate the batch trained with: `lrFinderSchedule(options).at(step)`. */
  readonly lr: number;
  /** fastai's smoothed loss (debiased exponential average). */
  readonly loss: number;
  /** The batch's own loss. */
  readonly raw: number;
}

/** @internal Reads options against `table` (a table holding the range) and checks what one declaration cannot: the order of the ends, the ranges of beta and divergence. */
export function readRange<T extends OptionTable>(fn: string, table: T, given: unknown): ResolvedOf<T> & ResolvedOf<typeof rangeOptions> {
  const o = readOptions(fn, table, given).resolved as ResolvedOf<T> & ResolvedOf<typeof rangeOptions> & Partial<ResolvedOf<typeof rangeTestOptions>>;
  if (!(o.endLr > o.startLr)) throw new RangeError(`${fn}: endLr must be greater than startLr (${o.startLr}), got ${show(o.endLr)}`);
  // The schedule's rate is endLr / startLr: ends 1e308 apart would make it Infinity.
  if (!Number.isFinite(o.endLr / o.startLr)) throw new RangeError(`${fn}: endLr / startLr must be a finite ratio, got endLr ${show(o.endLr)} and startLr ${show(o.startLr)}`);
  if (o.steps < 2) throw new RangeError(`${fn}: steps must be an integer ≥ 2, got ${show(o.steps)}`);
  if (o.beta !== undefined && !(o.beta < 1)) throw new RangeError(`${fn}: beta must be in [0, 1), got ${show(o.beta)}`);
  if (o.divergence !== undefined && !(o.divergence > 1)) throw new RangeError(`${fn}: divergence must be a finite number > 1, got ${show(o.divergence)}`);
  // Without the stop rule a divergence factor would be silently unused.
  const bag = given as Readonly<Record<string, unknown>>;
  if (o.stopDiv === false && bag['divergence'] !== undefined) throw new TypeError(`${fn}: divergence applies only with stopDiv: true; leave divergence out, got divergence ${show(bag['divergence'])} with stopDiv false`);
  return o;
}

/**
 * The rates of a range test: `startLr · (endLr / startLr)^(i / steps)` for `i` in `[0, steps)`,
 * fastai's `SchedExp` at position `i / steps` (so `endLr` itself is never tried). A space: O(1)
 * `at`, a stream, an iterable.
 *
 * @param options `startLr` (1e-7), `endLr` (10), `steps` (100).
 * @returns a space of `steps` rates.
 * @throws RangeError for `endLr ≤ startLr`, `steps < 2`, a rate ≤ 0.
 * @example
 * import { lrFinderSchedule } from 'rx-policy';
 * [...lrFinderSchedule({ startLr: 1e-3, endLr: 1, steps: 3 })]; // → [0.001, 0.01, 0.1]
 */
export function lrFinderSchedule(options: RangeOptions = {}): Space {
  const { startLr, endLr, steps } = readRange('lrFinderSchedule', rangeOptions, options);
  return expspace(startLr, endLr / startLr, steps, { every: steps });
}

/**
 * fastai's smoothed loss (`AvgSmoothLoss`, `fastai/learner.py` in fastai/fastai): `avg ← β·avg + (1 − β)·loss`, emitted debiased as
 * `avg / (1 − β^n)` after the n-th loss, so the first value is the first loss itself.
 *
 * @param beta weight of the past, in [0, 1); default 0.98.
 * @returns an operator from raw losses to smoothed losses.
 * @throws RangeError for a bad `beta`.
 * @example
 * import { of } from 'rxjs';
 * import { smoothLoss } from 'rx-policy';
 * const smoothed: number[] = [];
 * of(1, 2).pipe(smoothLoss(0.5)).subscribe((v) => smoothed.push(v));
 * smoothed; // → [1, 5 / 3]
 */
export function smoothLoss(beta = 0.98): OperatorFunction<number, number> {
  finite('smoothLoss', 'beta', beta);
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`smoothLoss: beta must be in [0, 1), got ${show(beta)}`);
  // Built from RxJS's own operators, so that unsubscribing reaches the source at once, even in
  // the middle of a synchronous one; `defer` gives each subscription its own average.
  return (source) =>
    defer(() => {
      let avg = 0;
      let n = 0;
      return source.pipe(
        map((loss) => {
          // NaN or ±Infinity is a diverged loss (the range test's signal to stop); a string is a bug.
          if (typeof loss !== 'number') throw new TypeError(`smoothLoss: a loss must be a number, got ${show(loss)}`);
          n++;
          // fastai: torch.lerp(loss, avg, beta) = loss + beta·(avg − loss).
          avg = loss + beta * (avg - loss);
          return avg / (1 - beta ** n);
        }),
      );
    });
}

/**
 * fastai's stop rule: passes smoothed losses through and completes right after the first one above
 * `factor ×` the lowest so far (that value is emitted, as fastai records it), or at a non-finite
 * loss (not emitted: a NaN or an overflow has diverged too).
 *
 * @param factor a finite number > 1; default 4.
 * @returns an operator on the smoothed loss stream.
 * @throws RangeError for a bad `factor`.
 * @example
 * import { of } from 'rxjs';
 * import { stopOnDivergence } from 'rx-policy';
 * const seen: number[] = [];
 * of(3, 1, 2, 5, 1).pipe(stopOnDivergence(4)).subscribe((v) => seen.push(v)); // 5 > 4 × 1: completes after it
 * seen; // → [3, 1, 2, 5]
 */
export function stopOnDivergence(factor = 4): MonoTypeOperatorFunction<number> {
  finite('stopOnDivergence', 'factor', factor);
  if (!(factor > 1)) throw new RangeError(`stopOnDivergence: factor must be a finite number > 1, got ${show(factor)}`);
  return (source) =>
    defer(() => {
      let best = Infinity;
      return source.pipe(
        tap((loss) => {
          if (typeof loss !== 'number') throw new TypeError(`stopOnDivergence: a loss must be a number, got ${show(loss)}`);
        }),
        takeWhile((loss) => Number.isFinite(loss)),
        takeWhile((loss) => {
          if (loss < best) best = loss;
          return !(loss > factor * best);
        }, true),
      );
    });
}

/**
 * The whole range test over a stream of batch losses: batch `i` is taken to have trained at
 * `lrFinderSchedule(options).at(i)`; each emission is that batch's rate and its smoothed and raw
 * loss. Completes after `steps` batches or when the smoothed loss diverges (see `stopOnDivergence`),
 * which is the loop's signal to stop. Give the result to `suggestLrs` for fastai's suggestions.
 *
 * @param options the range (`startLr`, `endLr`, `steps`), `beta` (0.98), `stopDiv` (true), `divergence` (4).
 * @returns an operator from batch losses to range points.
 * @throws RangeError or TypeError naming the option, before any loss is read.
 * @example
 * import { Subject } from 'rxjs';
 * import { lrFinderSchedule, lrRangeTest, suggestLrs, type RangePoint } from 'rx-policy';
 * let w = 0; // a stand-in for a model: one SGD step on the loss (2w − 6)², which diverges beyond lr 0.25
 * const trainOneBatch = (lr: number) => { const loss = (2 * w - 6) ** 2; w -= lr * 4 * (2 * w - 6); return loss; };
 * const options = { startLr: 1e-5, endLr: 1, steps: 50 };
 * const rates = lrFinderSchedule(options);
 * const loss$ = new Subject<number>();
 * let done = false;
 * const points: RangePoint[] = [];
 * loss$.pipe(lrRangeTest(options)).subscribe({ next: (p) => points.push(p), complete: () => (done = true) });
 * for (let i = 0; !done; i++) loss$.next(trainOneBatch(rates.at(i)));
 * points.length; // → 50
 * suggestLrs(points.map((p) => p.lr), points.map((p) => p.loss), options.steps)?.valley.lr; // → 0.00199526231497
 */
export function lrRangeTest(options: RangeTestOptions = {}): OperatorFunction<number, RangePoint> {
  const o = readRange('lrRangeTest', rangeTestOptions, options);
  const rates = expspace(o.startLr, o.endLr / o.startLr, o.steps, { every: o.steps });
  return (loss$) =>
    defer(() => {
      let raw = NaN;
      const smoothed$ = loss$.pipe(
        tap((loss) => {
          if (typeof loss !== 'number') throw new TypeError(`lrRangeTest: a loss must be a number, got ${show(loss)}`);
          raw = loss;
        }),
        smoothLoss(o.beta),
      );
      const watched$ = o.stopDiv ? smoothed$.pipe(stopOnDivergence(o.divergence)) : smoothed$;
      return watched$.pipe(
        takeWhile((loss) => Number.isFinite(loss)),
        map((loss, step): RangePoint => ({ step, lr: rates._at(step), loss, raw })),
        take(o.steps),
      );
    });
}
