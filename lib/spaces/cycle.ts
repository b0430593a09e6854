import { createSpace, FormulaSpace, noExtraArguments, type Space, type SpaceDefinition } from '../space.js';

const definition: SpaceDefinition = {
  name: 'cycle',
  args: [
    { name: 'space', type: 'space', doc: 'The space repeated.' },
    { name: 'steps', type: 'number', range: 'count', doc: 'How many values in all.' },
  ],
  options: {},
  build: ([space, steps]: readonly [Space, number], _options: object, declaration) => {
    if (space.unbounded || space.length === 0) throw new RangeError(`cycle: space must have a positive finite length, got ${space.length}`);
    const period = space.length;
    return new FormulaSpace(declaration, steps, (i) => space._at(i % period));
  },
};

/**
 * Repeats a space, restarting it every `space.length` steps, for `steps` values in all: a periodic
 * schedule (warm restarts of equal length, cyclic rates) in O(1) memory however many cycles run.
 *
 * @param space the space repeated, of a positive finite length.
 * @param steps how many values in all, a non-negative integer.
 * @returns the space.
 * @throws RangeError or TypeError naming `cycle`, the argument and the value.
 * @example
 * import { cycle, cosinespace } from 'rx-policy';
 * [...cycle(cosinespace(1, 0, 2), 5)]; // → [1, 0, 1, 0, 1]
 */
export function cycle(space: Space, steps: number): Space {
  noExtraArguments(definition, arguments);
  return createSpace(definition, [space, steps]);
}
/** `cycle`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
cycle.definition = definition;
