import { linearEase } from '../ease.js';
import { count, finite } from '../internal/validate.js';
import type { Space } from '../space.js';
import { EasedSpace } from './eased.js';

/**
 * A space that holds `value`. Given `steps`, it has that length (like Poutyne's
 * `linspace(v, v, steps)`); without, it is unbounded and, inside a `Phase`, takes the phase's length.
 *
 * @example
 * import { constant, linspace, Phase } from 'rx-policy';
 * [...constant(0.7, 3)]; // [0.7, 0.7, 0.7]
 * new Phase({ lr: linspace(0, 1, 10), momentum: constant(0.9) }).length; // 10
 */
export function constant(value: number, steps?: number): Space {
  finite('constant', 'value', value);
  if (steps !== undefined) count('constant', 'steps', steps);
  return new ConstantSpace(value, steps ?? Infinity);
}

class ConstantSpace extends EasedSpace {
  constructor(value: number, steps: number) {
    super('constant', value, value, steps, linearEase);
  }

  protected override mayBeUnbounded(): boolean {
    return true;
  }

  override toString(): string {
    return this.unbounded ? `constant(${this.start})` : `constant(${this.start}, ${this.steps})`;
  }

  override toJSON() {
    return this.unbounded ? { type: 'constant', value: this.start } : { type: 'constant', value: this.start, steps: this.steps };
  }
}
