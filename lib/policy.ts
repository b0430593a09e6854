import { filter, from, isObservable as isRxObservable, observable, type Observable, type InteropObservable, type Subscriber } from 'rxjs';
import { ParamStream } from './internal/paramStream.js';
import { plotSchedule, type PlotOptions, type Schedule } from './internal/plotHook.js';
import { declare, integer } from './internal/options.js';
import { count, show } from './internal/validate.js';
import { Phase, type PhaseValues } from './phase.js';
import { Sequence } from './sequence.js';

/** Options of `OptimizerPolicy`. */
export interface PolicyOptions {
  /**
   * The step to start at, for restarting a run (Poutyne's `initial_step`). O(log phases): no
   * replay of the skipped steps. A step at or past the end is valid: the driven stream completes at once.
   */
  readonly initialStep?: number;
}

const policyOptions = declare('OptimizerPolicy', {
  initialStep: integer({ doc: "The step to start at, for restarting a run (Poutyne's initial_step).", default: 0 }),
});

/**
 * The values a policy emits: the union of its phases' dicts. With phases of `{ lr }` and
 * `{ lr, momentum }`, `lr` is always there and `momentum` is reached with `'momentum' in v`.
 * @example
 * import { OptimizerPolicy, Phase, linspace, type PolicyValues } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: linspace(1, 0, 3), momentum: linspace(0.9, 0.8, 3) })]);
 * const values: PolicyValues<typeof policy> = policy.at(1); // { lr: number; momentum: number }
 * values; // → { lr: 0.5, momentum: 0.85 }
 */
export type PolicyValues<T> = T extends OptimizerPolicy<infer P> ? PhaseValues<P> : never;

/**
 * Phases run one after the other: Poutyne's `OptimizerPolicy` (`poutyne/framework/callbacks/policies.py`). A policy is a pure function of the
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
 * step$.next();
 * optimizer.lr; // → 0
 * policy.currentStep; // → 1
 * policy.at(100); // → { lr: 1 }
 */
export class OptimizerPolicy<P extends Phase = Phase> implements Iterable<PhaseValues<P>> {
  /** The phases, in order (a frozen copy of the array given). */
  readonly phases: readonly P[];
  /** Total number of steps: the sum of the phases' lengths. */
  readonly length: number;
  // starts[p] is the first step of phase p; a binary search over it gives at(step) in O(log phases).
  readonly #starts: Float64Array;
  #step: number;
  #driven = false;
  #allSteps: Sequence<PhaseValues<P>> | undefined;
  #params: readonly P['names'][number][] | undefined;

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
    // A misspelt key (`initalStep`) is an error naming the right one: a resumed run never silently restarts.
    const { initialStep } = policyOptions.read(options);
    this.phases = Object.freeze([...phases]);
    this.length = total;
    this.#starts = starts;
    this.#step = initialStep;
  }

  /** Every parameter name of every phase, in first-seen order: what sinks check up front (typed: pass it as a sink's `params`). */
  get params(): readonly P['names'][number][] {
    // Computed once: the phases never change, and drive() hands the names to every sink.
    if (this.#params === undefined) {
      const names: P['names'][number][] = [];
      for (const phase of this.phases) for (const name of phase.names) if (!names.includes(name)) names.push(name);
      this.#params = Object.freeze(names);
    }
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
   * @example
   * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
   * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 2_000 }));
   * policy.seek(1_000);
   * policy.currentStep; // → 1000
   */
  seek(step: number): void {
    count('OptimizerPolicy.seek', 'step', step);
    this.#step = step;
  }

  /**
   * The values at `step` (an integer in [0, length)), in O(log phases). Does not move the cursor.
   * @example
   * import { OptimizerPolicy, sgdrPhases } from 'rx-policy';
   * new OptimizerPolicy(sgdrPhases({ baseCycleLength: 4, cycles: 2 })).at(4); // → { lr: 1 }
   */
  at(step: number): PhaseValues<P> {
    if (!Number.isInteger(step) || step < 0 || step >= this.length) {
      // A string or other non-number is a TypeError, as everywhere else; a number out of range a RangeError.
      throw new (typeof step === 'number' ? RangeError : TypeError)(`OptimizerPolicy.at: step must be an integer in [0, ${this.length}), got ${show(step)}`);
    }
    return this._at(step);
  }

  /** @internal */
  _at(step: number): PhaseValues<P> {
    const p = this.phaseIndexAt(step);
    return this.phases[p]!._at(step - this.#starts[p]!) as PhaseValues<P>;
  }

  /**
   * Which phase `step` falls in (empty phases are skipped).
   * @example
   * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
   * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 20 }));
   * policy.phaseIndexAt(8); // → 0
   * policy.phaseIndexAt(9); // → 1
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
   * @example
   * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
   * const steps = new OptimizerPolicy(oneCyclePhases({ steps: 500 })).allSteps();
   * steps.length; // → 500
   * steps.at(224); // → { lr: 1, momentum: 0.85 }
   * steps.subscribe(({ lr, momentum }) => console.log(lr, momentum)); // all 500 steps
   */
  allSteps(): Sequence<PhaseValues<P>> {
    this.#allSteps ??= new PolicySteps(this);
    return this.#allSteps;
  }

  /**
   * Advances the policy once per emission of `step$` and emits that step's values; completes once
   * the last step has been emitted (at once if the cursor is already at the end) or when `step$`
   * completes, and then unsubscribes from `step$`. Later steps change nothing.
   *
   * `step$` is any Observable: a `Subject<void>`, training events, an Observable of another copy
   * of RxJS (a second version in node_modules, a bundled dependency), or any interop observable
   * (an object with `[Symbol.observable]()`), as RxJS's `from` takes them.
   *
   * One subscription owns the cursor: subscribing a second time while one is active errors, since
   * two subscribers would each advance it. To feed several sinks, `share()` the returned stream.
   *
   * @param step$ the step stream; its values are ignored.
   * @returns the values of each step, a stream that moves the policy's cursor.
   * @throws TypeError `OptimizerPolicy.drive: step$ must be an Observable` for anything else; the
   * returned stream errors for a second concurrent subscriber.
   * @example
   * import { Subject } from 'rxjs';
   * import { OptimizerPolicy, Phase, linspace } from 'rx-policy';
   * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]);
   * const step$ = new Subject<void>();
   * const seen: number[] = [];
   * policy.drive(step$).subscribe(({ lr }) => seen.push(lr));
   * step$.next();
   * step$.next();
   * seen; // → [0, 0.5]
   */
  drive(step$: Observable<unknown> | InteropObservable<unknown>): Observable<PhaseValues<P>> {
    if (!isObservable(step$)) {
      throw new TypeError(`OptimizerPolicy.drive: step$ must be an Observable, got ${show(step$)}`);
    }
    const source$ = from(step$);
    // A ParamStream: a sink subscribed to it checks the parameter names before the first step.
    return new ParamStream<PhaseValues<P>>(this.params, (subscriber) => {
      if (this.#driven) {
        subscriber.error(
          new Error('OptimizerPolicy.drive: this policy is already driven by another subscription; share() the driven stream to feed several sinks'),
        );
        return;
      }
      if (this.#step >= this.length) {
        subscriber.complete();
        return;
      }
      this.#driven = true;
      // Added before step$ is subscribed, so that an unsubscription in the middle of a synchronous
      // step$ frees the cursor at once (a new drive may start from inside next).
      subscriber.add(() => {
        this.#driven = false;
      });
      // Each step emits from inside `filter` (which lets no step$ value through) and completes the
      // subscriber with the last one. Subscribed with the subscriber itself, so that completing or
      // unsubscribing it ends step$ at once, even in the middle of a synchronous one (range, an
      // endless loop), and between two steps too (the events a schedule reads are not all steps).
      source$.pipe(filter(this.#stepper(subscriber))).subscribe(subscriber);
    });
  }

  /**
   * One step for `drive`, as a `filter` predicate that lets nothing through: emits the values
   * under the cursor, advances it, and completes `out` after the last step (or at once when the
   * cursor is already at the end). The phase under the cursor is kept, so a step is O(1); it is looked up again only at a
   * phase boundary or after a `seek`.
   */
  #stepper(out: Subscriber<PhaseValues<P>>): (value: unknown) => value is never {
    const phases = this.phases;
    const starts = this.#starts;
    let expected = -1;
    let local = 0;
    let phase = phases[0]!;
    return (_value: unknown): _value is never => {
      const step = this.#step;
      if (step !== expected) {
        if (step >= this.length) {
          out.complete();
          return false;
        }
        const p = this.phaseIndexAt(step);
        phase = phases[p]!;
        local = step - starts[p]!;
      }
      const values = phase._at(local) as PhaseValues<P>;
      local += 1;
      this.#step = step + 1;
      expected = local < phase.length ? step + 1 : -1;
      out.next(values);
      if (step + 1 >= this.length) out.complete();
      return false;
    };
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
   * @example
   * import { OptimizerPolicy, Phase, linspace } from 'rx-policy';
   * const policy = new OptimizerPolicy([new Phase({ lr: linspace(0, 1, 3) })]);
   * JSON.stringify(policy); // → '{"phases":[{"lr":{"type":"linspace","start":0,"end":1,"steps":3}}]}'
   */
  toJSON(): {
    /** Each phase's spaces in JSON form, by parameter name (typed by the phase's names). */
    phases: ReturnType<P['toJSON']>[];
  } {
    return { phases: this.phases.map((phase) => phase.toJSON() as ReturnType<P['toJSON']>) };
  }

  /**
   * Draws a parameter (or several, side by side) to SVG, like Poutyne's `plot(param_name)`;
   * writes the file when `out` is given (`.svg` or `.png`). Plotting lives in `rx-policy/plot`,
   * which registers itself when imported: import it once in the app that plots.
   *
   * @param param the parameter name, or several for side-by-side panels (typed: a name the policy lacks is a compile error). Default `'lr'`.
   * @param options `title`, `width`, `height`, `out`.
   * @returns the SVG text.
   * @throws RangeError `OptimizerPolicy.plot: no parameter …` naming the ones there are; Error when `rx-policy/plot` is not loaded.
   * @example
   * import { OptimizerPolicy, oneCyclePhases } from 'rx-policy';
   * import 'rx-policy/plot';
   * const policy = new OptimizerPolicy(oneCyclePhases({ steps: 500 }));
   * const svg = await policy.plot(['lr', 'momentum'], { out: 'one-cycle.svg' });
   * svg.startsWith('<svg'); // → true
   */
  // `'lr'` is the default the untyped policy shares with `plot`; a policy without it says so at run time.
  plot(param: P['names'][number] | readonly P['names'][number][] = 'lr' as P['names'][number], options: Omit<PlotOptions, 'param'> = {}): Promise<string> {
    return plotSchedule('OptimizerPolicy.plot', this as Schedule & { readonly params: readonly string[] }, param, options);
  }

  /** A summary with the right labels (Poutyne's `__repr__` swaps them). */
  toString(): string {
    return `OptimizerPolicy:\n    phases: ${this.phases.length}\n    steps: ${this.length}\n    currentStep: ${this.#step}`;
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
 * Whether `value` is a stream `drive` can follow: an Observable of this or any other copy of
 * RxJS, or any interop observable (`Symbol.observable`), as RxJS's own `from` takes.
 */
function isObservable(value: unknown): value is InteropObservable<unknown> {
  return isRxObservable(value) || typeof (value as Record<PropertyKey, unknown> | null | undefined)?.[observable] === 'function';
}
