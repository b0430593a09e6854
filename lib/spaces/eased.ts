import { type Ease, linearEase } from '../ease.js';
import { count, finite, num } from '../internal/validate.js';
import { Space, type SpaceSpec } from '../space.js';

/** Options shared by the eased spaces. */
export interface SpaceOptions {
  /**
   * Whether the last value is `end` (default `true`, Poutyne's convention: progress `i/(steps-1)`).
   * With `false` progress is `i/steps` and `end` is never reached: the convention of PyTorch's
   * warm restarts, timm, Keras and optax, which lets phases be chained without repeating the value
   * at each join.
   */
  readonly endpoint?: boolean;
}

/**
 * The one mechanism behind every curve: `start + (end - start) · ease(progress)`.
 * `linspace`, `cosinespace` and `constant` are thin factories over it.
 *
 * @example
 * import { EasedSpace, linearEase } from 'rx-policy';
 * [...new EasedSpace('myspace', 0, 1, 3, linearEase)]; // [0, 0.5, 1]
 */
export class EasedSpace extends Space {
  readonly length: number;
  readonly endpoint: boolean;
  // Progress is `i / denominator`; 0 for a single step (Poutyne divides by zero there).
  /** @internal */
  readonly _denominator: number;
  /** @internal */
  readonly _span: number;

  /**
   * @param name the factory's name, used in errors, `toString()` and `toJSON()`.
   * @param steps a non-negative integer, or `Infinity` for an unbounded space.
   */
  constructor(
    readonly name: string,
    readonly start: number,
    readonly end: number,
    readonly steps: number,
    readonly ease: Ease,
    options: SpaceOptions = {},
  ) {
    super();
    finite(name, 'start', start);
    finite(name, 'end', end);
    if (!(steps === Infinity && this.mayBeUnbounded())) count(name, 'steps', steps);
    const endpoint = options.endpoint ?? true;
    if (typeof endpoint !== 'boolean') throw new TypeError(`${name}: endpoint must be a boolean, got ${String(endpoint)}`);
    this.length = steps;
    this.endpoint = endpoint;
    this._denominator = endpoint ? Math.max(steps - 1, 1) : Math.max(steps, 1);
    this._span = end - start;
  }

  /** Only a flat curve (`constant` without steps) may be endless: any other needs its end. */
  protected mayBeUnbounded(): boolean {
    return false;
  }

  _at(i: number): number {
    const t = i / this._denominator;
    const ease = this.ease;
    // The identity ease is tested, not called: it saves a call on the commonest curve.
    const w = ease === linearEase ? t : ease(t);
    // Exact at the end too: `start + (end - start)` can miss `end` by an ulp.
    return w === 1 ? this.end : this.start + this._span * w;
  }

  override toString(): string {
    const args = [num(this.start), num(this.end), num(this.steps)];
    if (!this.endpoint) args.push('{ endpoint: false }');
    return `${this.name}(${args.join(', ')})`;
  }

  toJSON(): SpaceSpec {
    const spec: Record<string, unknown> = { type: this.name, start: this.start, end: this.end, steps: this.steps };
    if (!this.endpoint) spec['endpoint'] = false;
    return spec as SpaceSpec;
  }
}
