import { linearEase } from '../ease.js';
import { createSpace, noExtraArguments, type Space, type SpaceDefinition } from '../space.js';
import { EasedSpace, easedDefaults } from './eased.js';

const definition: SpaceDefinition = {
  name: 'constant',
  args: [
    { name: 'value', type: 'number', range: 'finite', doc: 'The value held.' },
    { name: 'steps', type: 'number', range: 'count', optional: true, doc: "How many values; left out, the phase's length." },
  ],
  options: {},
  build: ([value, steps]: readonly (number | undefined)[], _options: object, declaration) =>
    new EasedSpace('constant', value!, value!, steps ?? Infinity, linearEase, easedDefaults, declaration),
};

/**
 * A space that holds `value`. Given `steps`, it has that length (like Poutyne's
 * `linspace(v, v, steps)`); without, it is unbounded and, inside a `Phase`, takes the phase's length.
 *
 * @param value the value, a finite number.
 * @param steps how many values, a non-negative integer; leave it out for the phase's length.
 * @returns the space.
 * @throws RangeError or TypeError naming `constant`, the argument and the value.
 * @example
 * import { constant, linspace, Phase } from 'rx-policy';
 * [...constant(0.7, 3)]; // → [0.7, 0.7, 0.7]
 * new Phase({ lr: linspace(0, 1, 10), momentum: constant(0.9) }).length; // → 10
 */
export function constant(value: number, steps?: number): Space {
  noExtraArguments(definition, arguments);
  return createSpace(definition, [value, steps]);
}
/** `constant`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
constant.definition = definition;
