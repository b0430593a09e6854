/**
 * An easing function: maps progress `t ∈ [0, 1]` to a weight, with `ease(0) = 0` and
 * `ease(1) = 1`. A space's value is `start + (end - start) · ease(t)`, so one mechanism serves
 * every curve, and a new curve is one function.
 *
 * @example
 * import { cosineEase, linspace } from 'rx-policy';
 * cosineEase(0.5); // 0.5
 */
export type Ease = (t: number) => number;

/** Straight line: Poutyne's `linspace`. @example linearEase(0.25) // 0.25 */
export const linearEase: Ease = (t) => t;

/**
 * Half a cosine wave, flat at both ends: Poutyne's `cosinespace`
 * (`end + (start - end)(1 + cos πt)/2`, rewritten as a weight of `t`).
 * @example cosineEase(1) // 1 (exactly, since cos π = -1)
 */
export const cosineEase: Ease = (t) => (1 - Math.cos(Math.PI * t)) / 2;
