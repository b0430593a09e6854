// fastai's four learning-rate suggestions (`fastai/callback/schedule.py` in fastai/fastai: valley, slide, minimum,
// steep), on a recorded range test. Computed in doubles; fastai holds the curve in float32
// tensors, so its values agree with these to float32 rounding.
import { declare, derivedFinite, integer, number, type ShapeOptionsOf } from '../internal/options.js';
import { count, show } from '../internal/validate.js';

/** A suggested rate, and the point of the curve to mark for it (fastai returns both). */
export interface Suggestion {
  /** The suggested learning rate. */
  readonly lr: number;
  /** The point of the loss curve that marks the suggestion on a plot (for `minimum`, the lowest loss, at ten times `lr`). */
  readonly point: {
    /** The rate of the point, on the curve's axis. */
    readonly lr: number;
    /** The smoothed loss there (for `slide`, interpolated on log10 of the rates). */
    readonly loss: number;
  };
}

/** fastai's four suggestions. `slide` needs more than `lrDiff` (15) points, and is `null` below that. */
export interface LrSuggestions {
  /** fastai's default: about two thirds down the longest valley of falling losses (see `suggestValley`). */
  readonly valley: Suggestion;
  /** A tenth of the rate at the lowest loss (see `suggestMinimum`). */
  readonly minimum: Suggestion;
  /** Where the loss falls fastest against log(lr) (see `suggestSteep`). */
  readonly steep: Suggestion;
  /** fastai's `slide`, found walking left from the end with a window of `lrDiff` points (see `suggestSlide`); `null` when the window holds 15 points or fewer. */
  readonly slide: Suggestion | null;
}

function checkCurve(fn: string, lrs: readonly number[], losses: readonly number[], least = 1): void {
  if (!Array.isArray(lrs) || !Array.isArray(losses)) throw new TypeError(`${fn}: lrs and losses must be arrays of numbers, got ${show(lrs)} and ${show(losses)}`);
  if (lrs.length !== losses.length) throw new RangeError(`${fn}: lrs and losses must have equal lengths, got ${lrs.length} and ${losses.length}`);
  if (lrs.length < least) throw new RangeError(`${fn}: needs at least ${least} points, got ${lrs.length}`);
  for (let i = 0; i < lrs.length; i++) {
    // A non-number (a string, a hole) is a TypeError; a number out of range a RangeError.
    if (!(lrs[i]! > 0) || !Number.isFinite(lrs[i])) throw new (typeof lrs[i] === 'number' ? RangeError : TypeError)(`${fn}: lrs[${i}] must be a finite number > 0, got ${show(lrs[i])}`);
    if (!Number.isFinite(losses[i])) throw new (typeof losses[i] === 'number' ? RangeError : TypeError)(`${fn}: losses[${i}] must be a finite number, got ${show(losses[i])}`);
  }
}

/**
 * fastai's `valley`: the longest valley (longest run, in order, of ever-lower losses), and the rate
 * at about two thirds of it: with the valley `[start, end]`, `s = (end − start)/3`, the index
 * `start + int(s) + int(s/2)`. Where several runs end at one point, fastai keeps the start from the
 * first time that point became the longest, and an index of -1 (a two-point valley at the very
 * start) is Python's last point; this does the same.
 * @param lrs the rates, increasing.
 * @param losses the smoothed losses at them.
 * @returns the suggestion. O(n²), as fastai.
 * @throws RangeError for unequal lengths, an empty curve, or a non-finite value.
 * @example
 * import { suggestValley } from 'rx-policy';
 * suggestValley([1, 2, 3, 4, 5, 6, 7], [5, 4, 3, 2, 1, 0, 9]).lr; // → 3
 */
export function suggestValley(lrs: readonly number[], losses: readonly number[]): Suggestion {
  checkCurve('suggestValley', lrs, losses);
  const n = losses.length;
  const lds = new Array<number>(n).fill(1);
  let maxStart = 0;
  let maxEnd = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (losses[i]! < losses[j]! && lds[i]! < lds[j]! + 1) lds[i] = lds[j]! + 1;
      if (lds[maxEnd]! < lds[i]!) {
        maxEnd = i;
        maxStart = maxEnd - lds[maxEnd]!;
      }
    }
  }
  const sections = (maxEnd - maxStart) / 3;
  let idx = maxStart + Math.trunc(sections) + Math.trunc(sections / 2);
  // A valley of two points at the very start gives -1, which Python reads as the last point.
  if (idx < 0) idx += n;
  return { lr: lrs[idx]!, point: { lr: lrs[idx]!, loss: losses[idx]! } };
}

/** numpy's `gradient` with unit spacing: one-sided at the ends, central inside. */
function gradient(values: readonly number[]): number[] {
  const n = values.length;
  const out = new Array<number>(n);
  out[0] = values[1]! - values[0]!;
  out[n - 1] = values[n - 1]! - values[n - 2]!;
  for (let i = 1; i < n - 1; i++) out[i] = (values[i + 1]! - values[i - 1]!) / 2;
  return out;
}

/** numpy's `interp` for increasing `xs`: linear inside, the end values outside. */
function interp(x: number, xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const t = (x - xs[lo]!) / (xs[hi]! - xs[lo]!);
  return ys[lo]! + t * (ys[hi]! - ys[lo]!);
}

const slideOptions = declare('suggestSlide', {
  lrDiff: integer({ doc: 'Points in the window walked left from the end.', min: 1, default: 15 }),
  thresh: number({ doc: 'Largest difference of the loss gradient at both ends of the window that counts as flat.', min: 0, default: 0.005 }),
  adjustValue: number({ doc: 'Multiplier of the suggested rate.', above: 0, default: 1 }),
});

/** Options of `suggestSlide`, with fastai's defaults: `lrDiff` (15), `thresh` (0.005), `adjustValue` (1). */
export type SlideOptions = ShapeOptionsOf<typeof slideOptions.shape>;

/**
 * fastai's `slide`: walking left from the end with a window of `lrDiff` points, the first left
 * edge where the loss gradient (numpy's `gradient`) at both ends of the window differs by at most
 * `thresh`; the suggestion is the last left edge visited while they still differed, times
 * `adjustValue`. Its point's loss is interpolated on log10 of the rates.
 * @param lrs the rates, increasing.
 * @param losses the smoothed losses at them.
 * @param options `lrDiff` (15), `thresh` (0.005), `adjustValue` (1), fastai's defaults.
 * @returns the suggestion.
 * @throws RangeError if the curve has `lrDiff` points or fewer (fastai raises an IndexError);
 *   TypeError or RangeError naming an unknown or bad option.
 * @example
 * import { suggestSlide } from 'rx-policy';
 * const lrs = Array.from({ length: 40 }, (_, i) => 10 ** (i / 10));
 * // the flat part starts the window:
 * suggestSlide(lrs, lrs.map((_, i) => (i < 20 ? 30 - i : 10))).lr === lrs[24]; // → true
 */
export function suggestSlide(lrs: readonly number[], losses: readonly number[], options: SlideOptions = {}): Suggestion {
  const { lrDiff, thresh, adjustValue: adjust } = slideOptions.read(options);
  checkCurve('suggestSlide', lrs, losses, lrDiff + 1);
  const grad = gradient(losses);
  const n = losses.length;
  let r = n - 1;
  let l = r - lrDiff;
  let local = lrs[l]!;
  while (l >= 0 && Math.abs(grad[r]! - grad[l]!) > thresh) {
    local = lrs[l]!;
    r--;
    l--;
  }
  const lr = derivedFinite('suggestSlide', local * adjust, 'the suggested rate × adjustValue', 'adjustValue', adjust);
  return { lr, point: { lr, loss: interp(Math.log10(lr), lrs.map(Math.log10), losses) } };
}

/**
 * fastai's `minimum`: a tenth of the rate at the lowest loss (its first occurrence). Its point is
 * the lowest loss itself.
 * @param lrs the rates, increasing.
 * @param losses the smoothed losses at them.
 * @returns the suggestion.
 * @throws RangeError for unequal lengths, an empty curve, or a non-finite value.
 * @example
 * import { suggestMinimum } from 'rx-policy';
 * suggestMinimum([1, 2, 3], [3, 1, 2]).lr; // → 0.2
 */
export function suggestMinimum(lrs: readonly number[], losses: readonly number[]): Suggestion {
  checkCurve('suggestMinimum', lrs, losses);
  let k = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i]! < losses[k]!) k = i;
  return { lr: lrs[k]! / 10, point: { lr: lrs[k]!, loss: losses[k]! } };
}

/**
 * fastai's `steep`: the rate where the loss falls fastest against log(lr), the left end of the
 * steepest segment `(loss[i+1] − loss[i]) / (ln lr[i+1] − ln lr[i])`.
 * @param lrs the rates, increasing.
 * @param losses the smoothed losses at them.
 * @returns the suggestion.
 * @throws RangeError for fewer than 2 points, unequal lengths, or a non-finite value.
 * @example
 * import { suggestSteep } from 'rx-policy';
 * suggestSteep([1, 10, 100, 1000], [4, 3.5, 1, 0.8]).lr; // → 10
 */
export function suggestSteep(lrs: readonly number[], losses: readonly number[]): Suggestion {
  checkCurve('suggestSteep', lrs, losses, 2);
  let k = 0;
  let best = Infinity;
  for (let i = 0; i + 1 < losses.length; i++) {
    const g = (losses[i + 1]! - losses[i]!) / (Math.log(lrs[i + 1]!) - Math.log(lrs[i]!));
    if (g < best) {
      best = g;
      k = i;
    }
  }
  return { lr: lrs[k]!, point: { lr: lrs[k]!, loss: losses[k]! } };
}

/**
 * The four suggestions on a recorded range test, on fastai's window: the points from
 * `floor(steps / 10)` to the fifth from the end (fastai drops the first tenth, still noisy, and the
 * last five, already diverging).
 * @param lrs the rates tried, increasing.
 * @param losses the smoothed losses at them.
 * @param steps the range test's `steps` (which sets the window's start).
 * @returns the suggestions, or `null` when the window holds fewer than 2 points (a run that
 *   diverged at once; lower `startLr`).
 * @throws RangeError for unequal lengths or non-finite values.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { lrFinder, suggestLrs } from 'rx-policy';
 * const xs = tf.randomUniform([512, 1], -1, 1);
 * const ys = xs.mul(3).add(1);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
 * const result = await lrFinder(model, xs, ys, { steps: 100 });
 * suggestLrs(result.lrs, result.losses, 100)?.valley.lr === result.suggestions?.valley.lr; // → true
 */
export function suggestLrs(lrs: readonly number[], losses: readonly number[], steps: number): LrSuggestions | null {
  checkCurve('suggestLrs', lrs, losses, 0);
  count('suggestLrs', 'steps', steps);
  const from = Math.floor(steps / 10);
  const to = lrs.length - 5;
  if (to - from < 2) return null;
  const x = lrs.slice(from, to);
  const y = losses.slice(from, to);
  return { valley: suggestValley(x, y), minimum: suggestMinimum(x, y), steep: suggestSteep(x, y), slide: x.length > 15 ? suggestSlide(x, y) : null };
}
