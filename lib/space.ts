import { Sequence } from './sequence.js';

/**
 * The JSON form of a space: its factory's name and arguments, enough to rebuild it.
 * @example linspace(0, 1, 3).toJSON() // { type: 'linspace', start: 0, end: 1, steps: 3 }
 */
export interface SpaceSpec {
  readonly type: string;
  readonly [option: string]: unknown;
}

/**
 * A space: a sequence of numbers for one parameter, the basic building block of a phase.
 * It is a cold `Observable<number>`, an `Iterable<number>`, and has `length` and O(1) `at(i)`.
 * Make one with `linspace`, `cosinespace` or `constant`.
 *
 * @example
 * import { cosinespace } from 'rx-policy';
 * for (const v of cosinespace(1, 0, 5)) console.log(v); // 1, 0.853…, 0.5, 0.146…, 0
 */
export abstract class Space extends Sequence<number> {
  /** Whether the space has no length of its own and takes its phase's (an unbounded constant). */
  get unbounded(): boolean {
    return this.length === Infinity;
  }

  /** The factory call that builds this space, e.g. `linspace(0, 1, 10)`. */
  abstract override toString(): string;

  /** The factory and arguments, as plain JSON. */
  abstract toJSON(): SpaceSpec;
}
