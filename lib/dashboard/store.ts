import { knownKeys, plainObject, show } from '../internal/validate.js';
import { bucketWidth, HISTORY_COLUMNS, History, plannedColumns, type Columns } from './history.js';

/**
 * What `watch` needs of a policy: its length, parameter names, values by step and cursor. An
 * `OptimizerPolicy` is one; checked by shape, so that a page bundling its own copy of the
 * library is accepted too.
 */
export interface PolicyLike {
  /** Total steps: the planned curve spans them. */
  readonly length: number;
  /** The parameter names, one chart each. */
  readonly params: readonly string[];
  /**
   * The step whose values come next. A bare value is placed at `currentStep − 1` (the step just
   * emitted), or one past the last placed step when the cursor has not moved.
   */
  readonly currentStep: number;
  /**
   * The planned values at one step, for the planned curve.
   * @param step a step in `[0, length)`.
   * @returns the parameter dict of that step.
   */
  at(step: number): Readonly<Record<string, number>>;
}

/** Anything with an RxJS-style `subscribe(observer)`: an `Observable`, a `Subject`. */
export interface Subscribable<T> {
  /**
   * Starts delivering values to `observer`.
   * @param observer receives each value, then an error or the completion.
   * @returns the subscription; the dashboard unsubscribes when it closes.
   */
  subscribe(observer: { next: (value: T) => void; error: (err: unknown) => void; complete: () => void }): {
    /** Stops the delivery. */
    unsubscribe(): void;
  };
}

/** A value `watch` accepts: a parameter dict, or `{ step, values }` with the step it applies at. */
export type WatchedValue =
  | Readonly<Record<string, number>>
  | {
      /** The policy step the values apply at, 0-based. */
      readonly step: number;
      /** The parameter dict applied at `step`; non-finite values are left off the chart. */
      readonly values: Readonly<Record<string, number>>;
    };

/** A value `metric` accepts: a number, or `{ step, value }` to place it at an explicit step. */
export type MetricValue =
  | number
  | {
      /** The step to place the value at: a non-negative integer, or the metric stops with an error. */
      readonly step: number;
      /** The metric's value; NaN and ±Infinity are counted but not drawn. */
      readonly value: number;
    };

/** Options of `watch`. */
export interface WatchOptions {
  /** The run's title on the page and its key for `metric(..., { run })`; default `run 1`, `run 2`, … */
  readonly name?: string;
}

/** Options of `metric`. */
export interface MetricOptions {
  /**
   * The run whose step places each point (its last applied step when the point arrives); default
   * the run watched last. Before any run, points are numbered 0, 1, 2, … A `{ step, value }`
   * emission places itself.
   */
  readonly run?: string;
}

/** The run's state as the page shows it. */
export interface RunStatus {
  /** The last applied step; -1 before the first value. */
  readonly step: number;
  /** Values applied so far. */
  readonly count: number;
  /** Milliseconds from the first value to the last one (to now while running). */
  readonly elapsed: number;
  /** Values per second over the last update interval. */
  readonly rate: number;
  readonly state: 'waiting' | 'running' | 'completed' | 'errored';
  readonly error?: string;
}

export interface RunPatch {
  readonly id: number;
  readonly name: string;
  readonly length: number;
  readonly params: readonly string[];
  /** The planned schedule per parameter: sent with a run's first patch and in every snapshot. */
  readonly planned?: Readonly<Record<string, Columns>>;
  readonly applied: Readonly<Record<string, Columns>>;
  /** Each parameter's last applied value. */
  readonly last: Readonly<Record<string, number>>;
  /** The planned values at the last applied step (exact, where the curve is decimated). */
  readonly plannedNow: Readonly<Record<string, number>>;
  readonly status: RunStatus;
}

export interface MetricPatch {
  readonly id: number;
  readonly name: string;
  /** The run whose steps place the points, when the metric names one. */
  readonly run?: string;
  readonly points?: Columns;
  readonly count: number;
  readonly last: { readonly step: number; readonly value: number } | null;
  readonly state: 'waiting' | 'running' | 'completed' | 'errored';
  readonly error?: string;
}

/**
 * Computes a policy's planned curve as min/max buckets (see `plannedColumns`), or returns
 * `undefined` to leave it to the store's sampling pass. The Node server reads the curve from the
 * spaces' shapes, exactly and in about a millisecond whatever the length.
 */
export type PlannedCurve = (policy: PolicyLike, columns: number) => Record<string, Columns> | undefined;

/** How a store keeps its series: buckets per series, and how planned curves are computed. */
export interface StoreOptions {
  readonly columns?: number;
  readonly planned?: PlannedCurve;
}

/** One update for the page: everything (`snapshot`) or what changed since the last delta. */
export interface DashboardMessage {
  readonly kind: 'snapshot' | 'delta';
  readonly runs: readonly RunPatch[];
  readonly metrics: readonly MetricPatch[];
}

interface Run {
  readonly id: number;
  readonly name: string;
  readonly policy: PolicyLike;
  readonly params: readonly string[];
  readonly applied: History[];
  readonly last: number[];
  planned: Record<string, Columns> | undefined;
  sentPlanned: boolean;
  lastStep: number;
  count: number;
  firstAt: number;
  lastAt: number;
  rate: number;
  rateCount: number;
  rateAt: number;
  state: RunStatus['state'];
  error: string | undefined;
  changed: boolean;
  subscription: { unsubscribe(): void } | undefined;
}

interface Metric {
  readonly id: number;
  readonly name: string;
  readonly run: string | undefined;
  readonly history: History;
  state: MetricPatch['state'];
  error: string | undefined;
  changed: boolean;
  subscription: { unsubscribe(): void } | undefined;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isPolicy(value: unknown): value is PolicyLike {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<PolicyLike>;
  return Number.isSafeInteger(p.length) && Array.isArray(p.params) && typeof p.at === 'function' && typeof p.currentStep === 'number';
}

function isSubscribable(value: unknown): value is Subscribable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { subscribe?: unknown }).subscribe === 'function';
}

function knownOptions(fn: string, options: unknown, keys: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  const bag = plainObject(fn, 'options', options);
  knownKeys(fn, 'option', bag, keys);
  return bag;
}

/**
 * The dashboard's state, shared by the Node server and the in-page dashboard: the runs and metrics
 * being watched, each kept as a bounded history, and the messages that bring a page up to date.
 * `onChange` is called once when the state first changes after a `delta()`: the caller schedules
 * the next update then, at its display rate, so a burst of values costs one message.
 */
export class DashboardStore {
  readonly #runs: Run[] = [];
  readonly #metrics: Metric[] = [];
  #nextId = 1;
  #pending = false;
  #closed = false;
  readonly #columns: number;
  readonly #planned: PlannedCurve | undefined;

  constructor(
    /** The name errors carry: `serveDashboard` or `mountDashboard`. */
    private readonly owner: string,
    private readonly onChange: () => void,
    private readonly onError: (err: Error) => void,
    { columns = HISTORY_COLUMNS, planned }: StoreOptions = {},
  ) {
    this.#columns = columns;
    this.#planned = planned;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Applied values held, over every run (what the page shows as `data-applied`). */
  get appliedCount(): number {
    return this.#runs.reduce((n, r) => n + r.count, 0);
  }

  get metricCount(): number {
    return this.#metrics.reduce((n, m) => n + m.history.count, 0);
  }

  watch(policy: unknown, values$: unknown, options?: WatchOptions): void {
    const fn = `${this.owner}.watch`;
    if (this.#closed) throw new Error(`${fn}: the dashboard is closed`);
    if (!isPolicy(policy)) {
      throw new TypeError(`${fn}: policy must be an OptimizerPolicy (length, params, currentStep and at(step)), got ${show(policy)}`);
    }
    if (!isSubscribable(values$)) throw new TypeError(`${fn}: values$ must be an Observable of the policy's values, got ${show(values$)}`);
    const opts = knownOptions(fn, options, ['name']);
    const name = opts['name'] ?? `run ${this.#runs.length + 1}`;
    if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`${fn}: name must be a non-empty string, got ${show(name)}`);
    if (this.#runs.some((r) => r.name === name)) {
      throw new Error(`${fn}: a run named ${JSON.stringify(name)} is already watched; give each run its own { name }`);
    }
    const params = [...policy.params];
    // The page draws a run across its whole length: buckets finer than that length needs would
    // be sent only to be merged on the page as the run grows.
    const width = bucketWidth(policy.length, this.#columns);
    const run: Run = {
      id: this.#nextId++,
      name,
      policy,
      params,
      applied: params.map(() => new History(this.#columns, width)),
      last: params.map(() => Number.NaN),
      planned: undefined,
      sentPlanned: false,
      lastStep: -1,
      count: 0,
      firstAt: 0,
      lastAt: 0,
      rate: 0,
      rateCount: 0,
      rateAt: 0,
      state: 'waiting',
      error: undefined,
      changed: true,
      subscription: undefined,
    };
    this.#runs.push(run);
    const fail = (error: string, report: string): void => {
      run.lastAt = now();
      run.state = 'errored';
      run.error = error;
      run.subscription?.unsubscribe();
      this.#touch(run);
      this.onError(new Error(`${fn}: ${report}`));
    };
    const subscription = values$.subscribe({
      next: (value) => {
        if (run.state === 'errored') return;
        // Read below as a dict, anything else would throw from RxJS's unhandled-error timer.
        if (typeof value !== 'object' || value === null) {
          const error = `${JSON.stringify(run.name)} emitted a value that is not an object of parameter values, got ${show(value)}`;
          return fail(error, error);
        }
        const problem = this.#applied(run, value);
        if (problem !== undefined) return fail(problem, problem);
      },
      error: (err) => fail(message(err), `the values of ${JSON.stringify(run.name)} errored: ${message(err)}`),
      complete: () => {
        if (run.state !== 'errored') run.state = 'completed';
        run.lastAt = now();
        this.#touch(run);
      },
    });
    // A synchronous source may have ended (or failed) while subscribing.
    if (run.state === 'completed' || run.state === 'errored') subscription.unsubscribe();
    else run.subscription = subscription;
    this.#touch(run);
  }

  metric(name: unknown, metric$: unknown, options?: MetricOptions): void {
    const fn = `${this.owner}.metric`;
    if (this.#closed) throw new Error(`${fn}: the dashboard is closed`);
    if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`${fn}: name must be a non-empty string, got ${show(name)}`);
    if (this.#metrics.some((m) => m.name === name)) throw new Error(`${fn}: a metric named ${JSON.stringify(name)} is already shown; give each metric its own name`);
    if (!isSubscribable(metric$)) throw new TypeError(`${fn}: ${name}$ must be an Observable of numbers, got ${show(metric$)}`);
    const opts = knownOptions(fn, options, ['run']);
    const runName = opts['run'];
    if (runName !== undefined && (typeof runName !== 'string' || !this.#runs.some((r) => r.name === runName))) {
      throw new Error(`${fn}: run must name a watched run (${this.#runs.map((r) => JSON.stringify(r.name)).join(', ') || 'none yet'}), got ${show(runName)}`);
    }
    // Placed at the steps of the run it follows, a metric is drawn across that run's length too.
    const followed = runName !== undefined ? this.#runs.find((r) => r.name === runName) : this.#runs[this.#runs.length - 1];
    const metric: Metric = {
      id: this.#nextId++,
      name,
      run: runName as string | undefined,
      history: new History(this.#columns, followed === undefined ? 1 : bucketWidth(followed.policy.length, this.#columns)),
      state: 'waiting',
      error: undefined,
      changed: true,
      subscription: undefined,
    };
    this.#metrics.push(metric);
    const fail = (error: string): void => {
      metric.state = 'errored';
      metric.error = error;
      metric.subscription?.unsubscribe();
      this.#touch(metric);
      this.onError(new Error(`${fn}: ${error}`));
    };
    const subscription = metric$.subscribe({
      next: (value) => {
        if (metric.state === 'errored') return;
        let step: number;
        let v: unknown = value;
        if (typeof value === 'object' && value !== null && 'value' in value) {
          step = (value as unknown as { step: number }).step;
          v = (value as { value: unknown }).value;
          if (!Number.isSafeInteger(step) || step < 0) return fail(`${name} emitted a step that is not a non-negative integer, got ${show(step)}`);
        } else {
          step = this.#metricStep(metric);
        }
        if (typeof v !== 'number') return fail(`${name} emitted a non-number, got ${show(v)}`);
        // NaN and ±Infinity (a diverged loss) are counted but leave no point to draw.
        metric.state = 'running';
        if (Number.isFinite(v)) metric.history.push(step, v);
        else metric.history.count++;
        this.#touch(metric);
      },
      error: (err) => fail(`${name} errored: ${message(err)}`),
      complete: () => {
        if (metric.state !== 'errored') metric.state = 'completed';
        this.#touch(metric);
      },
    });
    if (metric.state === 'completed' || metric.state === 'errored') subscription.unsubscribe();
    else metric.subscription = subscription;
    this.#touch(metric);
  }

  /** Everything, for a page that connects (or reconnects, or fell behind). */
  snapshot(): DashboardMessage {
    const t = now();
    return {
      kind: 'snapshot',
      runs: this.#runs.map((run) => this.#runPatch(run, t, true)),
      metrics: this.#metrics.map((m) => this.#metricPatch(m, true)),
    };
  }

  /** What changed since the previous delta; clears the change marks. */
  delta(): DashboardMessage {
    const t = now();
    this.#pending = false;
    const runs: RunPatch[] = [];
    for (const run of this.#runs) {
      if (!run.changed) continue;
      run.changed = false;
      if (run.rateAt === 0 || t - run.rateAt >= 250) {
        if (run.rateAt !== 0) run.rate = ((run.count - run.rateCount) * 1000) / (t - run.rateAt);
        run.rateAt = t;
        run.rateCount = run.count;
      }
      runs.push(this.#runPatch(run, t, false));
    }
    const metrics: MetricPatch[] = [];
    for (const m of this.#metrics) {
      if (!m.changed) continue;
      m.changed = false;
      metrics.push(this.#metricPatch(m, false));
    }
    return { kind: 'delta', runs, metrics };
  }

  /** Unsubscribes from every stream; later `watch`/`metric` calls throw. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const r of this.#runs) r.subscription?.unsubscribe();
    for (const m of this.#metrics) m.subscription?.unsubscribe();
  }

  /** Records one value of a run; returns what is wrong with it instead, recording nothing. */
  #applied(run: Run, value: unknown): string | undefined {
    let values = value as Record<string, unknown>;
    let step: number;
    const explicit = (value as { step?: unknown }).step;
    const inner = (value as { values?: unknown }).values;
    if (typeof explicit === 'number' && typeof inner === 'object' && inner !== null) {
      // As a metric's: a step the history cannot place would be drawn nowhere, or anywhere.
      if (!Number.isSafeInteger(explicit) || explicit < 0) return `${JSON.stringify(run.name)} emitted a step that is not a non-negative integer, got ${show(explicit)}`;
      step = explicit;
      values = inner as Record<string, unknown>;
    } else {
      // drive() advances the cursor before it emits, so the value just emitted is the one at
      // currentStep - 1; a stream that does not move the cursor is numbered by arrival.
      const cursor = run.policy.currentStep - 1;
      step = cursor > run.lastStep ? cursor : run.lastStep + 1;
    }
    const params = run.params;
    for (let p = 0; p < params.length; p++) {
      const v = values[params[p]!];
      if (v !== undefined && typeof v !== 'number') return `${JSON.stringify(run.name)} emitted a non-number ${params[p]}, got ${show(v)}`;
    }
    for (let p = 0; p < params.length; p++) {
      const v = values[params[p]!];
      if (typeof v === 'number' && v - v === 0) {
        run.applied[p]!.push(step, v);
        run.last[p] = v;
      }
    }
    run.lastStep = step;
    run.count++;
    // The clock is read once per run and per update, never per value: it costs more than the rest.
    if (run.state === 'waiting') {
      run.state = 'running';
      run.firstAt = now();
    }
    if (!run.changed) this.#touch(run);
    return undefined;
  }

  #metricStep(metric: Metric): number {
    const run = metric.run !== undefined ? this.#runs.find((r) => r.name === metric.run) : this.#runs[this.#runs.length - 1];
    if (run === undefined) return metric.history.count;
    return Math.max(0, run.lastStep);
  }

  #touch(item: { changed: boolean }): void {
    item.changed = true;
    if (!this.#pending && !this.#closed) {
      this.#pending = true;
      this.onChange();
    }
  }

  #runPatch(run: Run, t: number, full: boolean): RunPatch {
    const applied: Record<string, Columns> = {};
    const last: Record<string, number> = {};
    run.params.forEach((name, p) => {
      const h = run.applied[p]!;
      // A snapshot leaves the change marks alone: the other pages still need their delta.
      const cols = full ? h.columns() : h.patch();
      if (cols !== undefined) applied[name] = cols;
      const v = run.last[p]!;
      if (v === v) last[name] = v;
    });
    let planned: Record<string, Columns> | undefined;
    if (full || !run.sentPlanned) {
      run.planned ??=
        this.#planned?.(run.policy, this.#columns) ?? plannedColumns(run.policy.length, run.params, (k) => run.policy.at(k) as Record<string, number>, this.#columns);
      planned = run.planned;
      if (!full) run.sentPlanned = true;
    }
    const elapsed = run.state === 'waiting' ? 0 : (run.state === 'running' ? t : run.lastAt) - run.firstAt;
    const status: RunStatus = {
      step: run.lastStep,
      count: run.count,
      elapsed,
      rate: run.state === 'running' ? run.rate : run.count > 1 && elapsed > 0 ? (run.count * 1000) / elapsed : 0,
      state: run.state,
      ...(run.error !== undefined && { error: run.error }),
    };
    const plannedNow: Record<string, number> = {};
    if (run.lastStep >= 0 && run.lastStep < run.policy.length) {
      const at = run.policy.at(run.lastStep) as Record<string, unknown>;
      for (const name of run.params) if (typeof at[name] === 'number') plannedNow[name] = at[name];
    }
    return { id: run.id, name: run.name, length: run.policy.length, params: run.params, ...(planned && { planned }), applied, last, plannedNow, status };
  }

  #metricPatch(m: Metric, full: boolean): MetricPatch {
    const points = full ? m.history.columns() : m.history.patch();
    const h = m.history;
    return {
      id: m.id,
      name: m.name,
      ...(m.run !== undefined && { run: m.run }),
      ...(points && { points }),
      count: h.count,
      last: h.lastStep === h.lastStep ? { step: h.lastStep, value: h.lastValue } : null,
      state: m.state,
      ...(m.error !== undefined && { error: m.error }),
    };
  }
}
