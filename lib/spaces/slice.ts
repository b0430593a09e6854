import { deferFiniteChecks } from '../internal/finite.js';
import { createSpace, DeclaredSpace, FormulaSpace, noExtraArguments, Space, type SpaceDefinition } from '../space.js';

const definition: SpaceDefinition = {
  name: 'slice',
  args: [
    { name: 'space', type: 'space', doc: 'The space cut.' },
    { name: 'from', type: 'number', range: 'count', doc: 'The first step kept.' },
    { name: 'to', type: 'number', range: 'count', doc: 'One past the last step kept.' },
  ],
  options: {},
  build: ([space, from, to]: readonly [Space, number, number], _options: object, declaration) => {
    if (to < from || to > space.length) throw new RangeError(`slice: steps must satisfy from ≤ to ≤ ${space.length} (the space's length), got from ${from}, to ${to}`);
    return new FormulaSpace(declaration, to - from, (i) => space._at(from + i));
  },
};

/**
 * Steps `[from, to)` of a space, as a space of `to − from` values: value `i` is `space.at(from + i)`.
 * What cutting a schedule at another schedule's phase boundaries needs (see `scalePolicy`), and a
 * way to start a curve part-way. An unbounded constant may be sliced anywhere. O(1) `at`.
 *
 * @param space the space to cut.
 * @param from the first step kept, a non-negative integer.
 * @param to one past the last step kept, `from ≤ to ≤ space.length`.
 * @returns the slice; the space itself when the slice is the whole of it; a slice of a slice is one slice.
 * @throws RangeError for steps outside the space or `to < from`.
 * @example
 * import { slice, linspace } from 'rx-policy';
 * [...slice(linspace(0, 1, 5), 1, 4)]; // → [0.25, 0.5, 0.75]
 */
export function slice(space: Space, from: number, to: number): Space {
  noExtraArguments(definition, arguments);
  if (space instanceof Space && from === 0 && to === space.length) return space;
  if (space instanceof DeclaredSpace && space.declaration.definition === definition && Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && to >= from && to <= space.length) {
    const [inner, start] = space.declaration.args as [Space, number];
    return deferFiniteChecks(() => createSpace(definition, [inner, start + from, start + to]));
  }
  // A slice's values are its space's, checked where that space was made: the ends are not re-read.
  return deferFiniteChecks(() => createSpace(definition, [space, from, to]));
}
/** `slice`'s declared arguments and options (type, range, default, doc): what its checks, `toJSON`, `spaceFromJSON` and the CLI read. */
slice.definition = definition;
