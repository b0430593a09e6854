/**
 * An easing function: maps progress `t ∈ [0, 1]` to a weight, with `ease(0) = 0` and
 * `ease(1) = 1`. A space's value is `start + (end - start) · ease(t)`, so one mechanism serves
 * every curve, and a new curve is one function.
 *
 * @example
 * import { cosineEase, linearEase } from 'rx-policy';
 * cosineEase(0.5); // → 0.5
 * linearEase(0.25); // → 0.25
 */
export type Ease = (t: number) => number;

/**
 * Straight line: Poutyne's `linspace`.
 * @example
 * import { linearEase } from 'rx-policy';
 * linearEase(0.25); // → 0.25
 */
export const linearEase: Ease = (t) => t;

/**
 * Half a cosine wave, flat at both ends: Poutyne's `cosinespace`
 * (`end + (start - end)(1 + cos πt)/2`, rewritten as a weight of `t`). `cosineEase(1)` is exactly 1,
 * since cos π = -1.
 * @example
 * import { cosineEase } from 'rx-policy';
 * cosineEase(0.25); // → 0.146446609407
 * cosineEase(1) === 1; // → true
 */
export const cosineEase: Ease = (t) => (1 - Math.cos(Math.PI * t)) / 2;
