import { declare, integer, number, pair, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import { linspace } from '../spaces/linspace.js';
import { preset } from './preset.js';

const oneCycleOptions = declare('oneCyclePhases', {
  steps: integer({ doc: 'Total number of steps; the phases add up to exactly this.', required: true, min: 1 }),
  lr: pair({ doc: '[start, peak] of the triangular learning rate.', default: [0.1, 1] as const }),
  momentum: pair({ doc: '[start, middle] of the triangular momentum, which mirrors the lr.', default: [0.95, 0.85] as const }),
  finetuneLr: number({ doc: 'Learning rate reached at the end of the fine-tuning phase.', default: 0.01 }),
  finetuneFraction: number({ doc: 'Fraction of the steps for fine-tuning.', default: 0.1, min: 0, below: 1, expected: 'a fraction in [0, 1)' }),
});

/** Options of `oneCyclePhases`, with Poutyne's defaults. */
export type OneCycleOptions = OptionsOf<typeof oneCycleOptions.shape>;

/**
 * The one-cycle phases of Smith's "Super-Convergence", as Poutyne's `one_cycle_phases`: three
 * linear phases. With `a = trunc(steps · finetuneFraction)`, `up = trunc((steps - a) / 2)` and
 * `down = steps - a - up`: lr `lr[0] → lr[1]` (up), `lr[1] → lr[0]` (down), `lr[0] → finetuneLr`
 * (a); momentum `m[0] → m[1]`, `m[1] → m[0]`, then held at `m[0]`. Every phase includes both ends,
 * so the peak (step 224 of 500) and the start value appear twice at the joins, as in Poutyne.
 *
 * Unlike Poutyne it works for any `steps ≥ 1` (a one-step phase is its start value; Poutyne
 * raises ZeroDivisionError for `steps: 10`), and a phase may be empty.
 *
 * @param options `steps` (required), `lr`, `momentum`, `finetuneLr`, `finetuneFraction`.
 * @returns the phases, `steps` steps in all.
 * @throws TypeError or RangeError naming `oneCyclePhases`, the option and the value.
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * const tp = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
 * tp.at(224); // → { lr: 1, momentum: 0.85 }
 */
function oneCycle(options: OneCycleOptions): Phase<'lr' | 'momentum'>[] {
  const o = oneCycleOptions.read(options);
  const { steps } = o;
  const [lr0, lr1] = o.lr;
  const [m0, m1] = o.momentum;
  const annealing = Math.trunc(steps * o.finetuneFraction);
  const up = Math.trunc((steps - annealing) / 2);
  const down = steps - annealing - up;
  // Poutyne's three phases, an empty one included: linear between finite ends, always finite.
  return [
    new Phase({ lr: linspace(lr0, lr1, up), momentum: linspace(m0, m1, up) }),
    new Phase({ lr: linspace(lr1, lr0, down), momentum: linspace(m1, m0, down) }),
    new Phase({ lr: linspace(lr0, o.finetuneLr, annealing), momentum: linspace(m0, m0, annealing) }),
  ];
}

/**
 * Poutyne's `one_cycle_phases`: the lr rises linearly `lr[0] → lr[1]`, falls back, then anneals
 * to `finetuneLr` over the last `finetuneFraction` of the steps; the momentum mirrors it.
 * @param options `steps` (required), `lr` ([0.1, 1]), `momentum` ([0.95, 0.85]), `finetuneLr` (0.01), `finetuneFraction` (0.1).
 * @returns the three phases, `steps` steps in all.
 * @throws TypeError or RangeError naming `oneCyclePhases`, the option and the value.
 * @example
 * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
 * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
 * [0, 224, 449, 499].map((s) => policy.at(s).lr); // → [0.1, 1, 0.1, 0.01]
 */
export const oneCyclePhases = preset(oneCycleOptions, "Poutyne's one_cycle_phases: three linear phases (up, down, fine-tune)", oneCycle);
