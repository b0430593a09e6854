import type { NumberRange, OptionsOf, OptionTable, ResolvedOf } from '../internal/options.js';
import { FormulaSpace, type Space, type SpaceDefinition } from '../space.js';

/** The options of the rated spaces (`expspace`, `invtimespace`), declared once. */
export const ratedOptions = {
  every: { type: 'number', range: 'positive', default: 1, doc: "Steps per application of `rate`: PyTorch's `step_size`, optax's `transition_steps`, Keras' `decay_steps`." },
  staircase: { type: 'boolean', default: false, doc: 'Whether the exponent is `floor(i / every)` (a staircase, PyTorch `StepLR`) or `i / every` (smooth).' },
  offset: { type: 'number', range: 'count', default: 0, doc: 'Progress is `(i + offset) / every`: a clock that started `offset` steps before this space.' },
} as const satisfies OptionTable;

/** Options of the rated spaces (`expspace`, `invtimespace`): `every`, `staircase`, `offset`. */
export type RatedOptions = OptionsOf<typeof ratedOptions>;

/**
 * Declares a space `(start, rate, steps, { every, staircase, offset })` whose value is a function
 * of the progress `p = (i + offset) / every`, floored with `staircase`: the decays that advance by
 * a rate per period.
 */
export function rated(name: string, rateRange: NumberRange, valueAt: (start: number, rate: number, p: number) => number): SpaceDefinition {
  return {
    name,
    args: [
      { name: 'start', type: 'number', range: 'finite', doc: 'The value at progress 0.' },
      { name: 'rate', type: 'number', range: rateRange, doc: 'The rate applied once per `every` steps.' },
      { name: 'steps', type: 'number', range: 'count', doc: 'How many values.' },
    ],
    options: ratedOptions,
    build: ([start, rate, steps]: readonly number[], { every, staircase, offset }: ResolvedOf<typeof ratedOptions>, declaration) => {
      const at = staircase ? (i: number) => valueAt(start!, rate!, Math.floor((i + offset) / every)) : (i: number) => valueAt(start!, rate!, (i + offset) / every);
      return new FormulaSpace(declaration, steps!, at) as Space;
    },
  } as SpaceDefinition;
}
