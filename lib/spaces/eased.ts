import { type Ease, linearEase } from '../ease.js';
import { count, finite, flag, num, show } from '../internal/validate.js';
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
  /**
   * Progress is `(i + offset) / span`. By default `offset` is 0 and `span` is `steps - 1` (or
   * `steps` without the endpoint). Set them for curves whose ends fall between steps (PyTorch's
   * `OneCycleLR` puts its phase ends at `pct·N - 1`) or that run past their span
   * (`CosineAnnealingLR` keeps oscillating after `T_max`).
   */
  readonly offset?: number;
  /** See `offset`; a positive number. */
  readonly span?: number;
  /** Whether progress wraps to [0, 1) (the curve restarts every `span` steps, which need not be whole). */
  readonly wrap?: boolean;
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
  readonly offset: number;
  /** Progress is `(i + offset) / span`; by default 1 for a single step, so that it is `[start]` (Poutyne divides by zero there). */
  readonly span: number;
  readonly wrap: boolean;
  readonly #defaultSpan: boolean;
  /** @internal */
  readonly _delta: number;
  /** @internal `end - start` overflows (ends near ±Number.MAX_VALUE): interpolate without it. */
  readonly _wide: boolean;

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
    const endpoint = flag(name, 'endpoint', options.endpoint, true);
    this.length = steps;
    this.endpoint = endpoint;
    this.offset = options.offset === undefined ? 0 : finite(name, 'offset', options.offset);
    this.#defaultSpan = options.span === undefined;
    if (options.span !== undefined && !(finite(name, 'span', options.span) > 0)) {
      throw new RangeError(`${name}: span must be a finite number > 0, got ${show(options.span)}`);
    }
    this.span = options.span ?? (endpoint ? Math.max(steps - 1, 1) : Math.max(steps, 1));
    this._delta = end - start;
    this._wide = !Number.isFinite(this._delta);
    this.wrap = flag(name, 'wrap', options.wrap, false);
    // Their checks stay off the common path: two branches a step cost ~10% of `drive`.
    if (this.wrap || this._wide) this._at = (i) => this.#generalAt(i);
  }

  protected override get label(): string {
    return this.name;
  }

  /** Only a flat curve (`constant` without steps) may be endless: any other needs its end. */
  protected mayBeUnbounded(): boolean {
    return false;
  }

  _at(i: number): number {
    const t = (i + this.offset) / this.span;
    const ease = this.ease;
    // The identity ease is tested, not called: it saves a call on the commonest curve.
    const w = ease === linearEase ? t : ease(t);
    // Exact at the end too: `start + (end - start)` can miss `end` by an ulp.
    return w === 1 ? this.end : this.start + this._delta * w;
  }

  /** `_at` for the rare curves that wrap or whose `end − start` overflows; see the constructor. */
  #generalAt(i: number): number {
    let t = (i + this.offset) / this.span;
    if (this.wrap) t -= Math.floor(t);
    const w = this.ease(t);
    if (w === 1) return this.end;
    return this._wide ? this.start * (1 - w) + this.end * w : this.start + this._delta * w;
  }


  override toString(): string {
    const args = [num(this.start), num(this.end), num(this.steps), ...this.extraArgs().map((x) => num(x))];
    const options = Object.entries(this.options()).map(([k, v]) => `${k}: ${String(v)}`);
    if (options.length > 0) args.push(`{ ${options.join(', ')} }`);
    return `${this.name}(${args.join(', ')})`;
  }

  /** Positional arguments after `steps` (a subclass's own, e.g. a power). */
  protected extraArgs(): number[] {
    return [];
  }

  /** The options that differ from their defaults. */
  protected options(): Record<string, number | boolean> {
    const out: Record<string, number | boolean> = {};
    if (!this.endpoint) out['endpoint'] = false;
    if (this.offset !== 0) out['offset'] = this.offset;
    if (!this.#defaultSpan) out['span'] = this.span;
    if (this.wrap) out['wrap'] = true;
    return out;
  }

  toJSON(): SpaceSpec {
    return { type: this.name, start: this.start, end: this.end, steps: this.steps, ...this.options() };
  }
}

/**
 * An eased space whose curve has numeric parameters of its own (a power, a k, tanh bounds): they
 * follow `steps` in `toString()` and join `toJSON()`, so one class serves every such curve.
 *
 * @example
 * import { ParametricSpace } from 'rx-policy';
 * const square = new ParametricSpace('powspace', 0, 1, 3, { power: 2 }, (t) => t ** 2);
 * String(square); // 'powspace(0, 1, 3, 2)'
 */
export class ParametricSpace extends EasedSpace {
  constructor(name: string, start: number, end: number, steps: number, readonly params: Readonly<Record<string, number>>, ease: Ease, options?: SpaceOptions) {
    super(name, start, end, steps, ease, options);
  }

  protected override extraArgs(): number[] {
    return Object.values(this.params);
  }

  override toJSON(): SpaceSpec {
    return { ...super.toJSON(), ...this.params };
  }
}
