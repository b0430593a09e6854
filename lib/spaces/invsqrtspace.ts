import { count, finite, num, positive } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/**
 * Inverse-square-root decay: `start · sqrt(timescale / (i + timescale))`, so `start` at step 0
 * (Hugging Face `get_inverse_sqrt_schedule` after its warmup, the Transformer's "Noam" decay).
 *
 * @example
 * import { invsqrtspace } from 'rx-policy';
 * [...invsqrtspace(1, 4, 3)]; // [1, 0.894…, 0.816…]
 */
export function invsqrtspace(start: number, timescale: number, steps: number): Space {
  return new InvSqrtSpace(finite('invsqrtspace', 'start', start), positive('invsqrtspace', 'timescale', timescale), count('invsqrtspace', 'steps', steps));
}

class InvSqrtSpace extends Space {
  protected override get label(): string {
    return 'invsqrtspace';
  }

  constructor(
    readonly start: number,
    readonly timescale: number,
    readonly length: number,
  ) {
    super();
  }

  _at(i: number): number {
    return i === 0 ? this.start : this.start / Math.sqrt((i + this.timescale) / this.timescale);
  }

  override toString(): string {
    return `invsqrtspace(${num(this.start)}, ${num(this.timescale)}, ${this.length})`;
  }

  toJSON(): SpaceSpec {
    return { type: 'invsqrtspace', start: this.start, timescale: this.timescale, steps: this.length };
  }
}
