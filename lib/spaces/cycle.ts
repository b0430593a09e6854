import { count, show } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/**
 * Repeats a space, restarting it every `space.length` steps, for `steps` values in all: a periodic
 * schedule (warm restarts of equal length, cyclic rates) in O(1) memory however many cycles run.
 *
 * @example
 * import { cycle, cosinespace } from 'rx-policy';
 * [...cycle(cosinespace(1, 0, 2), 5)]; // [1, 0, 1, 0, 1]
 */
export function cycle(space: Space, steps: number): Space {
  if (!(space instanceof Space)) throw new TypeError(`cycle: space must be a Space, got ${show(space)}`);
  if (space.unbounded || space.length === 0) throw new RangeError(`cycle: space must have a positive finite length, got ${space.length}`);
  return new CycleSpace(space, count('cycle', 'steps', steps));
}

class CycleSpace extends Space {
  protected override get label(): string {
    return 'cycle';
  }

  constructor(
    readonly space: Space,
    readonly length: number,
  ) {
    super();
  }

  _at(i: number): number {
    return this.space._at(i % this.space.length);
  }

  override toString(): string {
    return `cycle(${this.space.toString()}, ${this.length})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'cycle', space: this.space.toJSON(), steps: this.length };
  }
}
