import { Observable, type Subscriber } from 'rxjs';
import { show } from './internal/validate.js';

/**
 * A finite (or, for an unbounded constant, endless) sequence known by index: the one idea behind
 * every space, phase and policy view. Its three faces all read `at(i)`:
 * - a cold `Observable` that emits `at(0) … at(length - 1)` synchronously, then completes, and
 *   stops the moment it is unsubscribed;
 * - an iterable over the same values;
 * - random access in O(1) (a policy view: O(log phases)).
 *
 * @example
 * import { linspace } from 'rx-policy';
 * const space = linspace(1, 0, 3);
 * space.subscribe(console.log); // 1, 0.5, 0
 * [...space]; // → [1, 0.5, 0]
 * space.at(1); // → 0.5
 */
export abstract class Sequence<T> extends Observable<T> implements Iterable<T> {
  /** Number of values; `Infinity` only for an unbounded `constant`. */
  abstract readonly length: number;

  constructor() {
    super(replay);
  }

  /**
   * The value at index `i`, a non-negative integer below `length`.
   * @throws RangeError for any other number (Poutyne's spaces raise IndexError there), TypeError for a non-number.
   */
  at(i: number): T {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new (typeof i === 'number' ? RangeError : TypeError)(`${this.label}.at: index must be an integer in [0, ${this.length}), got ${show(i)}`);
    }
    return this._at(i);
  }

  /** How errors name this sequence: the factory the user called (`linspace`), not an internal class. */
  protected get label(): string {
    return this.constructor.name;
  }

  /**
   * Unchecked `at`: what a subclass implements, and what the hot paths call once `i` is known to
   * be valid. Prefer `at` everywhere else.
   * @example
   * import { Sequence } from 'rx-policy';
   * class Squares extends Sequence<number> {
   *   readonly length = 4;
   *   _at(i: number) { return i * i; }
   * }
   * [...new Squares()]; // → [0, 1, 4, 9]
   * new Squares().at(3); // → 9
   */
  abstract _at(i: number): T;

  /** Yields the values in order, from index 0 to `length - 1` (an unbounded sequence never ends). */
  *[Symbol.iterator](): Iterator<T> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this._at(i);
  }
}

/**
 * Every sequence's subscribe function, shared: a plain function, not an arrow, since RxJS calls it
 * as a method of the observable, so `this` is the sequence and every subscription replays from
 * index 0 (a cold stream).
 */
function replay<T>(this: Observable<T>, subscriber: Subscriber<T>): void {
  const self = this as Sequence<T>;
  const n = self.length;
  // `closed` is checked before each value so that `take(3)` on 10^12 steps returns at once.
  for (let i = 0; i < n && !subscriber.closed; i++) subscriber.next(self._at(i));
  subscriber.complete();
}
