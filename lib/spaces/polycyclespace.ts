import type { OptionTable, ResolvedOf } from '../internal/options.js';
import type { OptionsOf } from '../internal/options.js';
import { createSpace, FormulaSpace, type Space, type SpaceDefinition } from '../space.js';
import { curveArgs } from './eased.js';

const options = {
  period: { type: 'number', range: 'positiveCount', required: true, doc: 'Steps of the first horizon; each later horizon is the next multiple of it.' },
  power: { type: 'number', range: 'positive', default: 1, doc: 'The exponent of `(1 − i/h)`.' },
} as const satisfies OptionTable;

/** Options of `polycyclespace`: `period` (required) and `power`. */
export type PolyCycleOptions = OptionsOf<typeof options>;

const definition: SpaceDefinition = {
  name: 'polycyclespace',
  args: curveArgs,
  options,
  build: ([start, end, steps]: readonly number[], { period, power }: ResolvedOf<typeof options>, declaration) =>
    new FormulaSpace(declaration, steps!, (i) => {
      const horizon = period * (i === 0 ? 1 : Math.ceil(i / period));
      return (start! - end!) * (1 - i / horizon) ** power + end!;
    }),
};

/**
 * Polynomial decay that restarts on a stretching horizon (Keras `PolynomialDecay` with
 * `cycle=True`, `keras/src/optimizers/schedules/learning_rate_schedule.py`): at step `i` the
 * horizon is the first multiple of `period` not below `i` (`period` itself at step 0),
 * `h = period · max(1, ceil(i / period))`, and the value is `(start − end)·(1 − i/h)^power + end`.
 * It reaches `end` at every multiple of `period`, then jumps back up, each time less high. O(1) at
 * any step, however many restarts.
 *
 * @param start the value at step 0.
 * @param end the value at each multiple of `period`.
 * @param steps how many values, a non-negative integer.
 * @param options `period` (required), `power` (default 1).
 * @returns the space.
 * @throws RangeError or TypeError naming `polycyclespace`, the argument and the value.
 * @example
 * import { polycyclespace } from 'rx-policy';
 * [...polycyclespace(1, 0, 6, { period: 2 })]; // → [1, 0.5, 0, 0.25, 0, 1 / 6]
 */
export function polycyclespace(start: number, end: number, steps: number, options: PolyCycleOptions): Space {
  return createSpace(definition, [start, end, steps], options);
}
/** `polycyclespace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
polycyclespace.definition = definition;
