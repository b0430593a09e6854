import { count, finite, knownKeys, plainObject, show } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { CumprodSpace } from '../spaces/cumprod.js';

/** Options of `pytorch.multiplicativeLR`. */
export interface MultiplicativeLROptions {
  /** The optimizer's rate at step 0. */
  readonly baseLr: number;
  /** PyTorch's `lr_lambda`: the factor by which step `epoch ≥ 1` multiplies the previous rate. Must be pure. */
  readonly lrLambda: (epoch: number) => number;
  readonly steps: number;
}

/**
 * PyTorch `MultiplicativeLR` (`torch/optim/lr_scheduler.py` in pytorch/pytorch): `lr₀ = baseLr`, `lrₖ = lrₖ₋₁ · lrLambda(k)`, multiplied in PyTorch's
 * order (the same doubles). `at(k)` never replays from step 0 on every call: the running product
 * is checkpointed every 1024 steps (see `cumprod`); the first visit to a step `k` (a resume there)
 * costs the `k` calls of `lrLambda` that PyTorch made to get there, once. It holds a function, so
 * it has no JSON form; with a constant factor use `pytorch.exponentialLR`, which has one.
 *
 * @param options `baseLr`, `lrLambda`, `steps`.
 * @returns one phase of `steps` steps.
 * @throws TypeError for a missing or unknown option or a non-function `lrLambda`; on access, an
 *   error naming the step when `lrLambda` returns a non-finite value.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: (epoch) => 0.95, steps: 100 }));
 * policy.at(2); // { lr: 0.09025 } (0.1 · 0.95 · 0.95)
 */
export function multiplicativeLR(given: MultiplicativeLROptions): Phase<'lr'>[] {
  const fn = 'pytorch.multiplicativeLR';
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as unknown as Record<string, unknown>, ['baseLr', 'lrLambda', 'steps']);
  const f = given.lrLambda;
  if (typeof f !== 'function') throw new TypeError(`${fn}: lrLambda must be a function (epoch) => number, got ${show(f)}`);
  const space = new CumprodSpace(finite(fn, 'baseLr', given.baseLr), f, count(fn, 'steps', given.steps), f.name || 'lrLambda', fn);
  return [new Phase({ lr: space })];
}
