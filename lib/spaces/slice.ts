import { count, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/**
 * Steps `[from, to)` of a space, as a space of `to − from` values: value `i` is `space.at(from + i)`.
 * What cutting a schedule at another schedule's phase boundaries needs (see `scalePolicy`), and a
 * way to start a curve part-way. An unbounded constant may be sliced anywhere. O(1) `at`.
 *
 * @param space the space to cut.
 * @param from the first step kept, a non-negative integer.
 * @param to one past the last step kept, `from ≤ to ≤ space.length`.
 * @returns the slice; the space itself when the slice is the whole of it.
 * @throws RangeError for steps outside the space or `to < from`.
 * @example
 * import { slice, linspace } from 'rx-policy';
 * [...slice(linspace(0, 1, 5), 1, 4)]; // [0.25, 0.5, 0.75]
 */
export function slice(space: Space, from: number, to: number): Space {
  if (!(space instanceof Space)) throw new TypeError(`slice: space must be a Space, got ${show(space)}`);
  count('slice', 'from', from);
  count('slice', 'to', to);
  if (to < from || to > space.length) throw new RangeError(`slice: steps must satisfy from ≤ to ≤ ${space.length} (the space's length), got from ${from}, to ${to}`);
  if (from === 0 && to === space.length) return space;
  if (space instanceof SliceSpace) return new SliceSpace(space.space, space.from + from, space.from + to);
  return new SliceSpace(space, from, to);
}

/** @internal The class behind `slice`; the plot layer reads its parts. */
export class SliceSpace extends Space {
  readonly length: number;

  protected override get label(): string {
    return 'slice';
  }

  constructor(
    readonly space: Space,
    readonly from: number,
    readonly to: number,
  ) {
    super();
    this.length = to - from;
  }

  _at(i: number): number {
    return this.space._at(this.from + i);
  }

  override toString(): string {
    return `slice(${this.space.toString()}, ${this.from}, ${this.to})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'slice', space: this.space.toJSON(), from: this.from, to: this.to };
  }
}
