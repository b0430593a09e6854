import { createSpace, FormulaSpace, noExtraArguments, type Space, type SpaceDefinition } from '../space.js';

const definition: SpaceDefinition = {
  name: 'invsqrtspace',
  args: [
    { name: 'start', type: 'number', range: 'finite', doc: 'The value at step 0.' },
    { name: 'timescale', type: 'number', range: 'positive', doc: 'Steps over which the value falls to 1/√2 of `start`.' },
    { name: 'steps', type: 'number', range: 'count', doc: 'How many values.' },
  ],
  options: {},
  build: ([start, timescale, steps]: readonly number[], _options: object, declaration) =>
    new FormulaSpace(declaration, steps!, (i) => (i === 0 ? start! : start! / Math.sqrt((i + timescale!) / timescale!))),
};

/**
 * Inverse-square-root decay: `start · sqrt(timescale / (i + timescale))`, so `start` at step 0
 * (Hugging Face `get_inverse_sqrt_schedule` in `src/transformers/optimization.py` after its
 * warmup, the Transformer's "Noam" decay).
 *
 * @param start the value at step 0.
 * @param timescale a finite number > 0.
 * @param steps how many values, a non-negative integer.
 * @returns the space.
 * @throws RangeError or TypeError naming `invsqrtspace`, the argument and the value.
 * @example
 * import { invsqrtspace } from 'rx-policy';
 * [...invsqrtspace(1, 4, 3)]; // → [1, 0.894427191, 0.816496580928]
 */
export function invsqrtspace(start: number, timescale: number, steps: number): Space {
  noExtraArguments(definition, arguments);
  return createSpace(definition, [start, timescale, steps]);
}
/** `invsqrtspace`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
invsqrtspace.definition = definition;
