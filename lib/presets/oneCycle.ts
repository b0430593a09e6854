import { finite, fraction, knownKeys, pair, plainObject, positiveCount } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { linspace } from '../spaces/linspace.js';

/** Options of `oneCyclePhases`, with Poutyne's defaults. */
export interface OneCycleOptions {
  /** Total number of steps (a positive integer); the phases add up to exactly this. */
  readonly steps: number;
  /** `[start, peak]` of the triangular learning rate. Default `[0.1, 1]`. */
  readonly lr?: readonly [number, number];
  /** `[start, middle]` of the triangular momentum, which mirrors the lr. Default `[0.95, 0.85]`. */
  readonly momentum?: readonly [number, number];
  /** Learning rate reached at the end of the fine-tuning phase. Default `0.01`. */
  readonly finetuneLr?: number;
  /** Fraction of the steps for fine-tuning, in [0, 1). Default `0.1`. */
  readonly finetuneFraction?: number;
}

/**
 * The one-cycle phases of Smith's "Super-Convergence", as Poutyne's `one_cycle_phases`: three
 * linear phases. With `a = trunc(steps · finetuneFraction)`, `up = trunc((steps - a) / 2)` and
 * `down = steps - a - up`: lr `lr[0] → lr[1]` (up), `lr[1] → lr[0]` (down), `lr[0] → finetuneLr`
 * (a); momentum `m[0] → m[1]`, `m[1] → m[0]`, then held at `m[0]`. Every phase includes both ends,
 * so the peak and the start value appear twice at the joins, as in Poutyne.
 *
 * Unlike Poutyne it works for any `steps ≥ 1` (a one-step phase is its start value; Poutyne
 * raises ZeroDivisionError for `steps: 10`), and a phase may be empty.
 *
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
 * tp.at(224); // { lr: 1, momentum: 0.85 }: the peak
 */
export function oneCyclePhases(options: OneCycleOptions): Phase<'lr' | 'momentum'>[] {
  const fn = 'oneCyclePhases';
  plainObject(fn, 'options', options);
  knownKeys(fn, 'option', options as unknown as Record<string, unknown>, ['steps', 'lr', 'momentum', 'finetuneLr', 'finetuneFraction']);
  const steps = positiveCount(fn, 'steps', options.steps);
  const [lr0, lr1] = pair(fn, 'lr', options.lr ?? [0.1, 1]);
  const [m0, m1] = pair(fn, 'momentum', options.momentum ?? [0.95, 0.85]);
  const finetuneLr = finite(fn, 'finetuneLr', options.finetuneLr ?? 0.01);
  const finetuneFraction = fraction(fn, 'finetuneFraction', options.finetuneFraction ?? 0.1);
  const annealing = Math.trunc(steps * finetuneFraction);
  const up = Math.trunc((steps - annealing) / 2);
  const down = steps - annealing - up;
  return [
    new Phase({ lr: linspace(lr0, lr1, up), momentum: linspace(m0, m1, up) }),
    new Phase({ lr: linspace(lr1, lr0, down), momentum: linspace(m1, m0, down) }),
    new Phase({ lr: linspace(lr0, finetuneLr, annealing), momentum: linspace(m0, m0, annealing) }),
  ];
}
