import { declare, fn, number, type OptionsOf } from '../internal/options.js';
import { Phase } from '../phase.js';
import { CumprodSpace } from '../spaces/cumprod.js';
import { preset, steps } from './preset.js';

/** PyTorch's `lr_lambda` for `MultiplicativeLR`: the factor of step `epoch ≥ 1`. */
export type LrLambda = (epoch: number) => number;

const multiplicativeLROptions = declare('pytorch.multiplicativeLR', {
  baseLr: number({ doc: "The optimizer's rate at step 0 (PyTorch's base_lr).", required: true }),
  lrLambda: fn<LrLambda>({ doc: "PyTorch's lr_lambda: the factor by which step epoch ≥ 1 multiplies the previous rate; pure (not JSON-serialisable).", signature: '(epoch: number) => number', required: true }),
  steps: steps(),
});

/** Options of `pytorch.multiplicativeLR`. */
export type MultiplicativeLROptions = Omit<OptionsOf<typeof multiplicativeLROptions.shape>, 'lrLambda'> & {
  /** PyTorch's `lr_lambda`: the factor by which step `k ≥ 1` multiplies the previous rate (pure; not JSON-serialisable). */
  readonly lrLambda: LrLambda;
};

/**
 * PyTorch `MultiplicativeLR` (`torch/optim/lr_scheduler.py` in pytorch/pytorch): `lr₀ = baseLr`,
 * `lrₖ = lrₖ₋₁ · lrLambda(k)`, multiplied in PyTorch's order (the same doubles). `at(k)` never
 * replays from step 0 on every call: the running product is checkpointed every 1024 steps (see
 * `cumprod`); the first visit to a step `k` (a resume there) costs the `k` calls of `lrLambda`
 * that PyTorch made to get there, once. So the values are checked as they are reached (an error
 * names the step), not all at build time. It holds a function, so it has no JSON form; with a
 * constant factor use `pytorch.exponentialLR`, which has one.
 *
 * @param given `baseLr`, `lrLambda`, `steps`.
 * @returns one phase of `steps` steps.
 * @throws TypeError for a missing or unknown option or a non-function `lrLambda`; on access, an
 *   error naming the step when `lrLambda` returns a non-finite value.
 * @example
 * import { OptimizerPolicy, pytorch } from 'rx-policy';
 * const policy = new OptimizerPolicy(pytorch.multiplicativeLR({ baseLr: 0.1, lrLambda: (epoch) => 0.95, steps: 100 }));
 * policy.at(2); // → { lr: 0.1 * 0.95 * 0.95 }
 */
function multiplicativeLR(given: MultiplicativeLROptions): Phase<'lr'>[] {
  const o = multiplicativeLROptions.read(given);
  const f = o.lrLambda;
  // No steps: the empty schedule, which (holding no function) has a JSON form like any other.
  if (o.steps === 0) return [];
  return [new Phase({ lr: new CumprodSpace(o.baseLr, f, o.steps, f.name || 'lrLambda', multiplicativeLROptions.fn) })];
}

/** `pytorch.multiplicativeLR`, with its declaration (for the registry and the CLI). */
const multiplicativeLRPreset = preset(multiplicativeLROptions, 'PyTorch MultiplicativeLR: each step multiplies the rate by lrLambda(step) (code only)', multiplicativeLR);
export { multiplicativeLRPreset as multiplicativeLR };
