import { type Ease, linearEase } from '../ease.js';
import { readOptions, type OptionsOf, type OptionTable, type ResolvedOf } from '../internal/options.js';
import { count, finite } from '../internal/validate.js';
import { createSpace, DeclaredSpace, type Space, type ArgDecl, type SpaceDeclaration, type SpaceDefinition } from '../space.js';

/** The options every eased curve takes, declared once. */
export const easedOptions = {
  endpoint: {
    type: 'boolean',
    default: true,
    doc: "Whether the last value is `end` (Poutyne's progress `i/(steps-1)`); `false` gives `i/steps`, the convention of PyTorch's warm restarts, timm, Keras and optax.",
  },
  offset: { type: 'number', range: 'finite', default: 0, doc: 'Progress is `(i + offset) / span`: where the curve starts, in steps.' },
  span: { type: 'number', range: 'positive', doc: 'Steps from progress 0 to 1; default `steps - 1` (`steps` without the endpoint), 1 for a single step.' },
  wrap: { type: 'boolean', default: false, doc: 'Whether progress wraps to [0, 1): the curve restarts every `span` steps.' },
} as const satisfies OptionTable;

/** The eased options at their defaults, resolved. */
export const easedDefaults: SpaceOptions = Object.freeze({ endpoint: true, offset: 0, span: undefined, wrap: false });

/**
 * Options shared by the eased spaces: `endpoint`, and `offset`/`span`, which place a curve's ends
 * between steps (PyTorch's `OneCycleLR` puts its phase ends at `pct·N - 1`) or let it run past its
 * span (`CosineAnnealingLR` keeps oscillating after `T_max`), and `wrap`.
 */
export type SpaceOptions = OptionsOf<typeof easedOptions>;

/** The positional arguments of every curve: `(start, end, steps)`. */
export const curveArgs: readonly ArgDecl[] = [
  { name: 'start', type: 'number', range: 'finite', doc: 'The value at progress 0.' },
  { name: 'end', type: 'number', range: 'finite', doc: 'The value at progress 1.' },
  { name: 'steps', type: 'number', range: 'count', doc: 'How many values.' },
];

/**
 * Declares a curve `start + (end − start)·ease(t)` whose ease has parameters of its own (a power,
 * a k, tanh bounds): they are options next to the eased ones, with their defaults.
 */
export function curve<const T extends OptionTable>(name: string, params: T, ease: (params: ResolvedOf<T>) => Ease): SpaceDefinition {
  const options: OptionTable = { ...params, ...easedOptions };
  return {
    name,
    args: curveArgs,
    options,
    build: ([start, end, steps]: readonly number[], o: ResolvedOf<T> & ResolvedOf<typeof easedOptions>, declaration: SpaceDeclaration) =>
      new EasedSpace(name, start!, end!, steps!, ease(o), o, declaration),
  } as SpaceDefinition;
}

/** Calls a curve's factory: `(start, end, steps, options)` checked in its name. */
export const makeCurve = (definition: SpaceDefinition, start: number, end: number, steps: number, options: unknown): Space =>
  createSpace(definition, [start, end, steps], options);

/**
 * The one mechanism behind every curve: `start + (end - start) · ease(progress)`.
 * `linspace`, `cosinespace`, `constant` and the other curves are thin factories over it.
 *
 * @example
 * import { EasedSpace, linearEase } from 'rx-policy';
 * [...new EasedSpace('myspace', 0, 1, 3, linearEase)]; // → [0, 0.5, 1]
 */
export class EasedSpace extends DeclaredSpace {
  readonly declaration: SpaceDeclaration;
  readonly length: number;
  /** Whether the last step reaches `end` (default); `false` stops one step short, as `np.linspace(endpoint=False)`. */
  readonly endpoint: boolean;
  /** Steps added to the index before the progress is computed: a curve started part-way. */
  readonly offset: number;
  /** Progress is `(i + offset) / span`; by default 1 for a single step, so that it is `[start]` (Poutyne divides by zero there). */
  readonly span: number;
  /** Whether progress wraps to [0, 1): the curve restarts every `span` steps. */
  readonly wrap: boolean;
  /** `end - start`, computed once. */
  readonly delta: number;
  /** `end - start` overflows (ends near ±Number.MAX_VALUE): interpolate without it. */
  readonly wide: boolean;

  /**
   * @param name the factory's name, used in errors, `toString()` and `toJSON()`.
   * @param steps a non-negative integer, or `Infinity` for a flat curve (`start === end`) that takes its phase's length.
   * @param declaration the factory call, when a declared factory builds the space: it has checked
   * the arguments, and `options` are then resolved (every eased option there, defaults included).
   * @throws TypeError or RangeError naming `name`, the argument and the value.
   */
  constructor(
    readonly name: string,
    /** The value at progress 0. */
    readonly start: number,
    /** The value at progress 1. */
    readonly end: number,
    readonly steps: number,
    /** Maps progress in [0, 1] to the weight of `end` (linear, cosine, …). */
    readonly ease: Ease,
    options: SpaceOptions = {},
    declaration?: SpaceDeclaration,
  ) {
    super();
    let resolved: ResolvedOf<typeof easedOptions>;
    if (declaration === undefined) {
      finite(name, 'start', start);
      finite(name, 'end', end);
      // Only a flat curve may be endless: any other needs its end.
      if (!(steps === Infinity && start === end)) count(name, 'steps', steps);
      const read = readOptions(name, easedOptions, options);
      resolved = read.resolved;
      this.declaration = { definition: { name, args: curveArgs, options: easedOptions, build: () => this }, args: [start, end, steps], options: read.given };
    } else {
      // A declared factory checked every argument and option already, in its own name, and
      // passes them resolved, defaults included.
      resolved = options as ResolvedOf<typeof easedOptions>;
      this.declaration = declaration;
    }
    this.length = steps;
    this.endpoint = resolved.endpoint;
    this.offset = resolved.offset;
    this.span = resolved.span ?? (resolved.endpoint ? Math.max(steps - 1, 1) : Math.max(steps, 1));
    this.wrap = resolved.wrap;
    this.delta = end - start;
    this.wide = !Number.isFinite(this.delta);
    // Their checks stay off the common path.
    if (this.wrap || this.wide) this._at = (i) => this.#generalAt(i);
  }

  _at(i: number): number {
    const t = (i + this.offset) / this.span;
    const ease = this.ease;
    // The identity ease is tested, not called: it saves a call on the commonest curve.
    const w = ease === linearEase ? t : ease(t);
    // Exact at the end too: `start + (end - start)` can miss `end` by an ulp.
    return w === 1 ? this.end : this.start + this.delta * w;
  }

  /** `_at` for the rare curves that wrap or whose `end − start` overflows; see the constructor. */
  #generalAt(i: number): number {
    let t = (i + this.offset) / this.span;
    if (this.wrap) t -= Math.floor(t);
    const w = this.ease(t);
    if (w === 1) return this.end;
    return this.wide ? this.start * (1 - w) + this.end * w : this.start + this.delta * w;
  }
}
