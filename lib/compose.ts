import { count, finite, positive, positiveCount, show } from './internal/validate.js';
import type { Phase } from './phase.js';

/**
 * Splits `steps` into whole-step lengths by fractions (fastai's `combine_scheds` percentages):
 * the boundaries are `round(cumulative fraction · steps)`, so the lengths add up to `steps`
 * exactly. The fractions must be ≥ 0 and sum to 1 within 1e-9 (fastai tests `== 1.` exactly,
 * which `[0.1] * 10` fails).
 *
 * @example
 * import { splitSteps, Phase, linspace, cosinespace, OptimizerPolicy } from 'rx-policy';
 * const [up, down] = splitSteps(1000, [0.25, 0.75]); // [250, 750]
 * new OptimizerPolicy([new Phase({ lr: linspace(0.01, 1, up) }), new Phase({ lr: cosinespace(1, 0, down) })]);
 */
export function splitSteps(steps: number, fractions: readonly number[]): number[] {
  count('splitSteps', 'steps', steps);
  if (!Array.isArray(fractions) || fractions.length === 0) throw new TypeError(`splitSteps: fractions must be a non-empty array of numbers, got ${show(fractions)}`);
  fractions.forEach((f, i) => {
    finite('splitSteps', `fractions[${i}]`, f);
    if (f < 0) throw new RangeError(`splitSteps: fractions[${i}] must be ≥ 0, got ${f}`);
  });
  const sum = fractions.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`splitSteps: fractions must sum to 1 (within 1e-9), got ${sum} from ${show(fractions)}`);
  const out: number[] = [];
  let cumulative = 0;
  let previous = 0;
  fractions.forEach((f, i) => {
    cumulative += f;
    const boundary = i === fractions.length - 1 ? steps : Math.round(cumulative * steps);
    out.push(boundary - previous);
    previous = boundary;
  });
  return out;
}

/**
 * Repeats a phase shape in cycles whose lengths grow by `lengthMult` (any positive real; each
 * length rounded to whole steps), as SGDR does; `make(steps, cycle)` builds cycle `cycle`, so a
 * peak decay is `decay ** cycle` inside it.
 *
 * @example
 * import { repeatPhases, Phase, cosinespace } from 'rx-policy';
 * repeatPhases({ cycles: 3, baseLength: 100, lengthMult: 1.5 }, (n, i) => new Phase({ lr: cosinespace(0.5 ** i, 0, n) }));
 */
export function repeatPhases<P extends Phase>(options: { readonly cycles: number; readonly baseLength: number; readonly lengthMult?: number }, make: (steps: number, cycle: number) => P): P[] {
  const cycles = positiveCount('repeatPhases', 'cycles', options?.cycles);
  const base = positiveCount('repeatPhases', 'baseLength', options.baseLength);
  const mult = positive('repeatPhases', 'lengthMult', options.lengthMult ?? 1);
  if (typeof make !== 'function') throw new TypeError(`repeatPhases: make must be a function (steps, cycle) => Phase, got ${show(make)}`);
  return Array.from({ length: cycles }, (_, i) => {
    const steps = Math.round(base * mult ** i);
    if (steps < 1) throw new RangeError(`repeatPhases: cycle ${i} would have ${base * mult ** i} steps, which rounds to 0`);
    return make(steps, i);
  });
}
