import { Observable, Subscriber } from 'rxjs';
import { ParamStream } from './internal/paramStream.js';
import { count, show } from './internal/validate.js';
import { Phase, type PhaseValues } from './phase.js';
import { Sequence } from './sequence.js';
import type { SpaceSpec } from './space.js';

/** Options of `OptimizerPolicy`. */
export interface PolicyOptions {
  /**
   * The step to start at, for restarting a run (Poutyne's `initial_step`). O(log phases): no
   * replay of the skipped steps. A step at or past the end is valid: the driven stream completes at once.
   */
  readonly initialStep?: number;
}

/**
 * The values a policy emits: the union of its phases' dicts. With phases of `{ lr }` and
 * `{ lr, momentum }`, `lr` is always there and `momentum` is reached with `'momentum' in v`.
 * @example type V = PolicyValues<OptimizerPolicy<Phase<'lr' | 'momentum'>>>; // { lr: number; momentum: number }
 */
export type PolicyValues<T> = T extends OptimizerPolicy<infer P> ? PhaseValues<P> : never;

/**
 * Phases run one after the other: Poutyne's `OptimizerPolicy`. A policy is a pure function of the
 * step (`at(step)`, O(log phases)) with a cursor, `currentStep`, that a step stream advances:
 * `policy.drive(step$)` emits the next parameter dict on each emission of `step$`, and completes
 * when the phases run out (later steps change nothing, as Poutyne keeps the last values).
 *
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, linspace, cosinespace } from 'rx-policy';
 * const policy = new OptimizerPolicy([
 *   new Phase({ lr: linspace(0, 1, 100) }),
 *   new Phase({ lr: cosinespace(1, 0, 200) }),
 * ]);
 * const step$ = new Subject<void>();
 * const optimizer = { lr: 0 };
 * policy.drive(step$).subscribe(({ lr }) => (optimizer.lr = lr));
 * step$.next(); // optimizer.lr === 0, policy.currentStep === 1
 * policy.at(150); // { lr: 0.5 }, whatever the cursor
 */
export class OptimizerPolicy<P extends Phase = Phase> implements Iterable<PhaseValues<P>> {
  readonly phases: readonly P[];
  /** Total number of steps: the sum of the phases' lengths. */
  readonly length: number;
  // starts[p] is the first step of phase p; a binary search over it gives at(step) in O(log phases).
  readonly #starts: Float64Array;
  #step: number;
  #driver: Subscriber<PhaseValues<P>> | undefined;
  #allSteps: Sequence<PhaseValues<P>> | undefined;
  #params: readonly string[] | undefined;

  constructor(phases: readonly P[], options: PolicyOptions = {}) {
    // An empty list is the empty schedule (length 0), what a preset gives for `steps: 0`.
    if (!Array.isArray(phases)) throw new TypeError(`OptimizerPolicy: phases must be an array of Phase, got ${show(phases)}`);
    const starts = new Float64Array(phases.length);
    let total = 0;
    for (let p = 0; p < phases.length; p++) {
      // A hole of a sparse array is refused here, not when its step is reached.
      const phase: unknown = p in phases ? phases[p] : undefined;
      if (!(phase instanceof Phase)) {
        throw new TypeError(`OptimizerPolicy: phases[${p}] must be a Phase, got ${show(phase)}`);
      }
      starts[p] = total;
      total += phase.length;
    }
    if (!Number.isSafeInteger(total)) {
      throw new RangeError(`OptimizerPolicy: the phases' total length must be a safe integer, got ${total}`);
    }
    const initialStep = options.initialStep ?? 0;
    count('OptimizerPolicy', 'initialStep', initialStep);
    this.phases = Object.freeze([...phases]);
    this.length = total;
    this.#starts = starts;
    this.#step = initialStep;
  }

  /** Every parameter name of every phase, in first-seen order: what sinks check up front. */
  get params(): readonly string[] {
    // Computed once: the phases never change, and drive() hands the names to every sink.
    this.#params ??= Object.freeze([...new Set(this.phases.flatMap((phase) => phase.names))]);
    return this.#params;
  }

  /** The step whose values come next; advanced by `drive` and by iteration. */
  get currentStep(): number {
    return this.#step;
  }

  /** The first step of each phase: `[0, len0, len0 + len1, …]`. */
  get phaseStarts(): readonly number[] {
    return Array.from(this.#starts);
  }

  /**
   * Moves the cursor to `step` (any non-negative integer; at or past the end, the next step
   * completes the driven stream) without emitting anything: for resuming.
   * @example policy.seek(1_000); policy.currentStep; // 1000
   */
  seek(step: number): void {
    count('OptimizerPolicy.seek', 'step', step);
    this.#step = step;
  }

  /**
   * The values at `step` (an integer in [0, length)), in O(log phases). Does not move the cursor.
   * @example new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 })).at(4); // { lr: 1 }
   */
  at(step: number): PhaseValues<P> {
    if (!Number.isInteger(step) || step < 0 || step >= this.length) {
      throw new RangeError(`OptimizerPolicy.at: step must be an integer in [0, ${this.length}), got ${show(step)}`);
    }
    return this._at(step);
  }

  /** @internal */
  _setStep(step: number): void {
    this.#step = step;
  }

  /** @internal */
  _phaseStart(p: number): number {
    return this.#starts[p]!;
  }

  /** @internal */
  _at(step: number): PhaseValues<P> {
    const p = this.phaseIndexAt(step);
    return this.phases[p]!._at(step - this.#starts[p]!) as PhaseValues<P>;
  }

  /**
   * Which phase `step` falls in (empty phases are skipped).
   * @example new OptimizerPolicy(oneCyclePhases({ steps: 20 })).phaseIndexAt(9); // 1
   */
  phaseIndexAt(step: number): number {
    const starts = this.#starts;
    // The last phase that starts at or before `step`; an empty phase shares its start with the
    // next one, so the search lands past it.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= step) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Every step's values, from step 0, as a sequence (stream, iterable, `at`) that does not move
   * the cursor: the concatenation of the phases, computed by index.
   * @example new OptimizerPolicy(oneCyclePhases({ steps: 500 })).allSteps().subscribe(console.log);
   */
  allSteps(): Sequence<PhaseValues<P>> {
    this.#allSteps ??= new PolicySteps(this);
    return this.#allSteps;
  }

  /**
   * Advances the policy once per emission of `step$` (a `Subject<void>`, training events, any
   * Observable) and emits that step's values; completes once the last step has been emitted (at
   * once if the cursor is already at the end) or when `step$` completes.
   *
   * One subscription owns the cursor: subscribing a second time while one is active errors, since
   * two subscribers would each advance it. To feed several sinks, `share()` the returned stream.
   *
   * @example
   * const step$ = new Subject<void>();
   * policy.drive(step$).subscribe(({ lr }) => optimizer.setLearningRate(lr));
   * step$.next();
   */
  drive(step$: Observable<unknown>): Observable<PhaseValues<P>> {
    if (!(step$ instanceof Observable)) {
      throw new TypeError(`OptimizerPolicy.drive: step$ must be an Observable, got ${show(step$)}`);
    }
    // A ParamStream: a sink subscribed to it checks the parameter names before the first step.
    return new ParamStream<PhaseValues<P>>(this.params, (subscriber) => {
      if (this.#driver !== undefined) {
        subscriber.error(
          new Error('OptimizerPolicy.drive: this policy is already driven by another subscription; share() the driven stream to feed several sinks'),
        );
        return;
      }
      if (this.#step >= this.length) {
        subscriber.complete();
        return;
      }
      this.#driver = subscriber;
      // The DriveSubscriber adds itself to `subscriber` before subscribing, so that completing
      // inside a synchronous step$ stops it at once.
      step$.subscribe(new DriveSubscriber(this, subscriber));
      return () => {
        if (this.#driver === subscriber) this.#driver = undefined;
      };
    });
  }

  /**
   * Iterates from the cursor to the end, advancing it, like Poutyne's `iter(policy)`. Use
   * `allSteps()` to look without advancing.
   */
  *[Symbol.iterator](): Iterator<PhaseValues<P>> {
    while (this.#step < this.length) {
      const step = this.#step;
      this.#step = step + 1;
      yield this._at(step);
    }
  }

  /**
   * The phases as JSON (the cursor is not part of it): `policyFromJSON` rebuilds the policy.
   * @example JSON.stringify(new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]));
   */
  toJSON(): { phases: Record<string, SpaceSpec>[] } {
    return { phases: this.phases.map((phase) => phase.toJSON()) };
  }

  /**
   * Draws a parameter (or several, side by side) to SVG, like Poutyne's `plot(param_name)`;
   * writes the file when `out` is given (`.svg` or `.png`). The charting code loads only now.
   * @example await policy.plot('lr', { out: 'lr.svg' });
   */
  async plot(param: string | readonly string[] = 'lr', options: Omit<import('./plot/plot.js').PlotOptions, 'param'> = {}): Promise<string> {
    // A computed specifier: bundlers for the browser leave the Node-only plotting code out.
    const module = './plot/plot.js';
    const { plot } = (await import(module)) as typeof import('./plot/plot.js');
    return plot(this as never, { ...options, param });
  }

  /** A summary with the right labels (Poutyne's `__repr__` swaps them). */
  toString(): string {
    return [
      'OptimizerPolicy:',
      `    phases: ${this.phases.length}`,
      `    steps: ${this.length}`,
      `    currentStep: ${this.#step}`,
    ].join('\n');
  }
}

class PolicySteps<P extends Phase> extends Sequence<PhaseValues<P>> {
  readonly length: number;

  constructor(readonly policy: OptimizerPolicy<P>) {
    super();
    this.length = policy.length;
  }

  _at(i: number): PhaseValues<P> {
    return this.policy._at(i);
  }

  protected override get label(): string {
    return 'OptimizerPolicy.allSteps()';
  }
}

/**
 * Subscribes to the step stream on behalf of one `drive` subscription. A subclass rather than an
 * observer object: it saves a call per step on the hottest path. The phase under the cursor is
 * cached so that stepping is O(1); it is looked up again only at a phase boundary or after a `seek`.
 */
class DriveSubscriber<P extends Phase> extends Subscriber<unknown> {
  #expected = -1;
  #local = 0;
  #phase: P;

  constructor(
    private readonly policy: OptimizerPolicy<P>,
    private readonly out: Subscriber<PhaseValues<P>>,
  ) {
    // `out` as destination: errors and completion of step$ pass through, and `out` owns this.
    super(out);
    this.#phase = policy.phases[0]!;
  }

  protected override _next(): void {
    const policy = this.policy;
    const out = this.out;
    const step = policy.currentStep;
    if (step !== this.#expected) {
      if (step >= policy.length) return out.complete();
      const p = policy.phaseIndexAt(step);
      this.#phase = policy.phases[p]!;
      this.#local = step - policy._phaseStart(p);
    }
    const phase = this.#phase;
    const local = this.#local;
    const values = phase._at(local) as PhaseValues<P>;
    this.#local = local + 1;
    policy._setStep(step + 1);
    this.#expected = local + 1 < phase.length ? step + 1 : -1;
    out.next(values);
    if (step + 1 >= policy.length) out.complete();
  }
}
