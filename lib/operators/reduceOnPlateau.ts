import { defer, ignoreElements, isObservable, map, merge, tap, type MonoTypeOperatorFunction, type Observable } from 'rxjs';
import { Stepped } from '../events/stepped.js';
import { custom, declare, fn as fnField, integer, names, number, oneOf, type ShapeOptionsOf } from '../internal/options.js';
import { knownKeys, plainObject, show } from '../internal/validate.js';
import type { ParamNames } from '../internal/paramNames.js';

/**
 * What `reduceOnPlateau` remembers between metrics (PyTorch's `ReduceLROnPlateau.state_dict()`
 * holds the same): the best metric so far (`null` before the first), the metrics without
 * improvement, the cooldown left, and the scale applied to each parameter so far.
 */
export interface PlateauState {
  /** The best metric so far (the lowest in `'min'` mode, the highest in `'max'`); `null` before the first. */
  readonly best: number | null;
  /** Metrics in a row without improvement since the best or the last reduction (a reduction comes when this passes `patience`). */
  readonly badMetrics: number;
  /** Metrics still to wait, after the last reduction, before bad metrics count again; 0 outside a cooldown. */
  readonly cooldownLeft: number;
  /**
   * Each reduced parameter's multiplier, the product of the factors applied to it so far, in
   * (0, 1]; the values passed on are `max(value × scale, minValue)`. A parameter not listed is unscaled.
   */
  readonly scale: Readonly<Record<string, number>>;
}

function readState(fn: string, arg: string, given: unknown): PlateauState {
  const state = plainObject(fn, arg, given);
  knownKeys(fn, `key of ${arg}`, state, ['best', 'badMetrics', 'cooldownLeft', 'scale']);
  const best = state['best'];
  if (best !== null && (typeof best !== 'number' || !Number.isFinite(best))) throw new TypeError(`${fn}: ${arg}.best must be a finite number or null, got ${show(best)}`);
  for (const key of ['badMetrics', 'cooldownLeft'] as const) {
    const v = state[key];
    if (!Number.isSafeInteger(v) || (v as number) < 0) throw new RangeError(`${fn}: ${arg}.${key} must be a non-negative integer, got ${show(v)}`);
  }
  const scale = plainObject(fn, `${arg}.scale`, state['scale']);
  for (const [name, v] of Object.entries(scale)) {
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw new RangeError(`${fn}: ${arg}.scale.${name} must be a number in (0, 1], got ${show(v)}`);
  }
  return { best, badMetrics: state['badMetrics'] as number, cooldownLeft: state['cooldownLeft'] as number, scale: scale as Record<string, number> };
}

const plateauOptions = declare('reduceOnPlateau', {
  mode: oneOf(['min', 'max'] as const, { doc: "'min': lower is better, e.g. a loss; 'max': higher is better, e.g. an accuracy.", default: 'min' }),
  factor: number({ doc: 'Multiplier applied at each reduction.', above: 0, below: 1, default: 0.1 }),
  patience: integer({ doc: 'Metrics without improvement tolerated before a reduction.', default: 10 }),
  threshold: number({ doc: 'Minimum change that counts as an improvement.', min: 0, default: 1e-4 }),
  thresholdMode: oneOf(['rel', 'abs'] as const, { doc: "'rel': relative to the best; 'abs': absolute.", default: 'rel' }),
  cooldown: integer({ doc: 'Metrics to wait after a reduction before counting again.', default: 0 }),
  minValue: number({ doc: 'Lower bound of a reduced value.', default: 0 }),
  eps: number({ doc: 'A reduction smaller than this is skipped.', default: 1e-8 }),
  params: names({ doc: 'The parameters to scale; every parameter when left out.' }),
  initialState: custom<PlateauState, { readonly doc: string }>('object', 'a state saved by onState', { doc: 'Where to start from: a state saved by onState in an earlier run (checkpoint and resume).' }, readState),
  onState: fnField<(state: PlateauState) => void>({ doc: "Called after each metric with the operator's state, plain JSON, for checkpoints.", signature: '(state: PlateauState) => void' }),
});

// `PlateauOptions` is written as a mapped type of its own, not as an alias of the generic one, so
// that tools which read types (TypeDoc, editors) name it where `kerasPlateau` returns it.
type PlateauShapeOptions = ShapeOptionsOf<typeof plateauOptions.shape>;
/**
 * Options of `reduceOnPlateau`, with PyTorch `ReduceLROnPlateau`'s defaults.
 * @typeParam K the names `params` may hold: `reduceOnPlateau` types them by the values it scales.
 */
export type PlateauOptions<K extends string = string> = { readonly [O in keyof PlateauShapeOptions]: O extends 'params' ? readonly K[] : PlateauShapeOptions[O] };

/** The parameter names of a values stream's values (bare or `Stepped`). */
type NamesOf<V> = (V extends Stepped<infer W> ? keyof W : keyof V) & string;

/**
 * Scales the parameters of a schedule when a metric stops improving, with PyTorch
 * `ReduceLROnPlateau`'s algorithm and defaults: each value of `metric$` (one per epoch, say) is
 * compared to the best so far (`rel`: better than `best·(1 ∓ threshold)`, `abs`: `best ∓ threshold`);
 * after more than `patience` metrics without improvement the scale of each parameter is multiplied
 * by `factor`, unless that would lower the value by no more than `eps`, values never go below
 * `minValue`, and `cooldown` metrics are skipped after a reduction.
 *
 * Every metric is seen, the last epoch's too: after the values complete (the policy ran out),
 * the operator keeps listening to `metric$` and completes once both have completed (as `merge`
 * does), so `onState` reports the state after the run's last metric. Values may be bare dicts or
 * `Stepped` ones (`schedule(policy, { withStep: true })`): the step is kept.
 *
 * Keras's `ReduceLROnPlateau` counts differently (reduces when `wait ≥ patience`, its cooldown
 * skips one metric fewer, `min_delta` is absolute): `kerasPlateau({ patience, cooldown, … })`
 * gives the options that reproduce it.
 *
 * For checkpoints, `onState` hands out the operator's state after each metric, and
 * `initialState` starts a new run from it: a resumed run reduces exactly where an uninterrupted one
 * does. Save it next to `saveState(policy)`. An error thrown by `onState` ends the stream with
 * that error, as a bad metric does.
 *
 * @param metric$ The monitored metric, one number per evaluation (a validation loss per epoch).
 * @param options PyTorch's `mode` (`'min'`), `factor` (0.1), `patience` (10), `threshold` (1e-4), `thresholdMode`
 *   (`'rel'`), `cooldown` (0), `minValue` (`min_lr`, 0), `eps` (1e-8); `params` (every parameter), `initialState`, `onState`.
 * @returns A pipeable operator that scales the values (bare or `Stepped`) it passes on.
 * @throws TypeError/RangeError naming the option, for an unknown or invalid one or a malformed `initialState`.
 * @example
 * import { Subject } from 'rxjs';
 * import { OptimizerPolicy, Phase, constant, reduceOnPlateau, applyTo, type PlateauState } from 'rx-policy';
 * const policy = new OptimizerPolicy([new Phase({ lr: constant(0.1, 10) })]);
 * const step$ = new Subject<void>();
 * const valLoss$ = new Subject<number>();
 * const optimizer = { lr: 0 };
 * let plateau: PlateauState | undefined;
 * policy.drive(step$).pipe(reduceOnPlateau(valLoss$, { patience: 1, factor: 0.5, onState: (s) => (plateau = s) })).subscribe(applyTo(optimizer));
 * for (const loss of [1, 0.9, 0.95, 0.97]) {
 *   step$.next();
 *   valLoss$.next(loss);
 * }
 * step$.next();
 * optimizer.lr; // → 0.05
 * plateau; // → { best: 0.9, badMetrics: 0, cooldownLeft: 0, scale: { lr: 0.5 } }
 * // resuming: reduceOnPlateau(valLoss$, { patience: 1, factor: 0.5, initialState: plateau })
 */
export function reduceOnPlateau<V extends Readonly<Record<string, number>> | Stepped<Readonly<Record<string, number>>>, N extends string = never>(metric$: Observable<number>, options: PlateauOptions<ParamNames<N, NamesOf<V>>> = {}): MonoTypeOperatorFunction<V> {
  const fn = 'reduceOnPlateau';
  if (!isObservable(metric$)) throw new TypeError(`${fn}: metric$ must be an Observable of numbers, got ${show(metric$)}`);
  const { mode, factor, patience, threshold, thresholdMode, cooldown, minValue, eps, params, initialState: initial, onState } = plateauOptions.read(options);
  const only = params === undefined ? undefined : new Set(params);
  // A saved scale for a parameter outside params would go on scaling it, which params says not to.
  for (const name of Object.keys(initial?.scale ?? {})) {
    if (only !== undefined && !only.has(name)) throw new RangeError(`${fn}: initialState.scale.${name} scales a parameter params leaves out (params: ${[...only].join(', ')}); resume with the params of the run that saved it`);
  }
  const isBetter = (a: number, best: number): boolean => {
    if (mode === 'min') return thresholdMode === 'rel' ? a < best * (1 - threshold) : a < best - threshold;
    return thresholdMode === 'rel' ? a > best * (threshold + 1) : a > best + threshold;
  };

  return (values$) =>
    defer(() => {
      // Each subscription starts from the initial state: the operator stays cold and re-subscribable.
      let best = initial?.best ?? (mode === 'min' ? Infinity : -Infinity);
      let badMetrics = initial?.badMetrics ?? 0;
      let cooldownLeft = initial?.cooldownLeft ?? 0;
      const scale = new Map<string, number>(Object.entries(initial?.scale ?? {}));
      type Dict = Readonly<Record<string, number>>;
      let last: Dict | undefined;
      const scaled = (values: Dict): Dict => {
        const out: Record<string, number> = { ...values };
        for (const [name, s] of scale) if (name in out) out[name] = Math.max(out[name]! * s, minValue);
        return out;
      };
      const judge = (metric: number): void => {
        if (!Number.isFinite(metric)) throw new RangeError(`${fn}: the metric must be a finite number, got ${show(metric)}`);
        if (isBetter(metric, best)) {
          best = metric;
          badMetrics = 0;
        } else badMetrics += 1;
        if (cooldownLeft > 0) {
          cooldownLeft -= 1;
          badMetrics = 0;
        }
        if (badMetrics > patience) {
          const current = last === undefined ? undefined : scaled(last);
          for (const name of only ?? Object.keys(last ?? {})) {
            const old = current?.[name];
            if (old === undefined) continue;
            if (old - Math.max(old * factor, minValue) > eps) scale.set(name, (scale.get(name) ?? 1) * factor);
          }
          cooldownLeft = cooldown;
          badMetrics = 0;
        }
        onState?.({ best: Number.isFinite(best) ? best : null, badMetrics, cooldownLeft, scale: Object.fromEntries(scale) });
      };
      const pass = (input: V): V => {
        if (input instanceof Stepped) {
          const values = input.values;
          last = values;
          return (scale.size === 0 ? input : new Stepped(input.step, scaled(values))) as V;
        }
        last = input as Dict;
        return (scale.size === 0 ? input : scaled(input as Dict)) as V;
      };
      // RxJS's own operators: unsubscribing reaches both inputs at once (a synchronous values$
      // too), an error thrown by `onState` or a bad metric is an error notification, and the
      // stream completes once both inputs have.
      return merge(metric$.pipe(tap(judge), ignoreElements()), values$.pipe(map(pass)));
    });
}

const kerasDecl = declare('kerasPlateau', {
  mode: oneOf(['min', 'max'] as const, { doc: "'min' for a loss; 'max' for an accuracy (Keras's 'auto' picks 'max' when the monitored name contains 'acc')", default: 'min' }),
  factor: number({ doc: 'multiplier of each reduction (Keras: new_lr = lr · factor)', above: 0, below: 1, default: 0.1 }),
  patience: integer({ doc: 'epochs with no improvement after which the value is reduced (Keras: wait ≥ patience)', default: 10 }),
  minDelta: number({ doc: 'absolute change that counts as an improvement (Keras min_delta)', min: 0, default: 1e-4 }),
  cooldown: integer({ doc: 'Keras cooldown: epochs to wait after a reduction, counting the epoch whose counter reaches 0', default: 0 }),
  minLr: number({ doc: 'lower bound of a reduced value (Keras min_lr)', min: 0, default: 0 }),
});

/** Keras `ReduceLROnPlateau`'s options, by their Keras names in camelCase, with its defaults. */
export type KerasPlateauOptions = ShapeOptionsOf<typeof kerasDecl.shape>;

/**
 * The `reduceOnPlateau` options that reproduce Keras's `ReduceLROnPlateau` (keras/src/callbacks/
 * reduce_lr_on_plateau.py), whose counting differs from PyTorch's: Keras reduces once
 * `wait ≥ patience` (PyTorch: `bad > patience`), so its `patience` p is PyTorch's `max(p − 1, 0)`;
 * its cooldown counter is decremented before the metric is judged, so a cooldown c skips
 * `max(c − 1, 0)` metrics where PyTorch's skips c; `min_delta` is absolute; a value already at
 * `min_lr` is left, where PyTorch's `eps` check would skip it too (`eps: 0`). The values match
 * Keras epoch for epoch. Two differences remain: at the floor Keras keeps counting where
 * PyTorch restarts (same values, different `onState`), and Keras resets its counters at every
 * `fit` (use a new `reduceOnPlateau` per `fit` for that).
 *
 * @param options Keras's `factor` (0.1), `patience` (10), `minDelta` (1e-4), `cooldown` (0), `minLr` (0), `mode` ('min').
 * @returns Options for `reduceOnPlateau`; spread them to add `params`, `onState`, `initialState`.
 * @throws TypeError/RangeError naming the option, for an unknown or invalid one.
 * @example
 * import { kerasPlateau } from 'rx-policy';
 * // Keras: ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=5, min_lr=0.001)
 * kerasPlateau({ factor: 0.2, patience: 5, minLr: 0.001 });
 * // → { mode: 'min', factor: 0.2, patience: 4, cooldown: 0, threshold: 0.0001, thresholdMode: 'abs', minValue: 0.001, eps: 0 }
 * // used as values$.pipe(reduceOnPlateau(valLoss$, kerasPlateau({ factor: 0.2, patience: 5, minLr: 0.001 })))
 */
export function kerasPlateau(options: KerasPlateauOptions = {}): PlateauOptions {
  const o = kerasDecl.read(options);
  return {
    mode: o.mode,
    factor: o.factor,
    patience: Math.max(o.patience - 1, 0),
    cooldown: Math.max(o.cooldown - 1, 0),
    threshold: o.minDelta,
    thresholdMode: 'abs',
    minValue: o.minLr,
    eps: 0,
  };
}
