// timm's CosineLRScheduler (timm/scheduler/cosine_lr.py), stepped per update.
import { count, finite, knownKeys, plainObject, positive, positiveCount } from '../internal/validate.js';
import { Phase } from '../phase.js';
import { constant } from '../spaces/constant.js';
import { cosinespace } from '../spaces/cosinespace.js';
import { kcosinespace } from '../spaces/kcosinespace.js';
import { linspace } from '../spaces/linspace.js';
import { noisy } from '../spaces/noisy.js';

/** Options of `timm.cosineLR`, with the class's defaults (timm's factory uses other ones). */
export interface TimmCosineOptions {
  readonly baseLr: number;
  readonly tInitial: number;
  readonly lrMin?: number;
  /** Cycle length multiplier, any positive real. Default 1. */
  readonly cycleMul?: number;
  /** Peak multiplier per cycle. Default 1. */
  readonly cycleDecay?: number;
  /** Cycles before holding `lrMin`. Default 1. */
  readonly cycleLimit?: number;
  readonly warmupT?: number;
  readonly warmupLrInit?: number;
  /** Whether the cosine starts after the warmup (`true`) or overlaps it (default `false`: the peak is never applied). */
  readonly warmupPrefix?: boolean;
  readonly kDecay?: number;
  /** Steps `[from, to)` (or `[from]`) where the lr `v` becomes `v + v·noise`, as in timm; default none. */
  readonly noiseRangeT?: readonly [number, number?];
  readonly noisePct?: number;
  readonly noiseType?: 'normal' | 'uniform';
  readonly noiseSeed?: number;
  readonly steps: number;
}

/**
 * timm `CosineLRScheduler`: warmup `warmupLrInit → baseLr` over `warmupT` steps, then cosine cycles
 * `tInitial·cycleMul^i` long with peaks `baseLr·cycleDecay^i`, `lrMin` after `cycleLimit` cycles,
 * and optional k-decay. Without `warmupPrefix` the warmup overlaps the first cycle, as in timm.
 * Noise (`noiseRangeT`, `noisePct`, `noiseType`, `noiseSeed`) is timm's own draws, bit for bit:
 * `torch.randn(1)` after `manual_seed(noiseSeed + t)`, reproduced by `noisy`.
 * @example timm.cosineLR({ baseLr: 1, tInitial: 10, warmupT: 3, warmupPrefix: true, steps: 14 })
 */
function cosineLR(given: TimmCosineOptions): Phase<'lr'>[] {
  const fn = 'timm.cosineLR';
  plainObject(fn, 'options', given);
  knownKeys(fn, 'option', given as unknown as Record<string, unknown>, ['baseLr', 'tInitial', 'lrMin', 'cycleMul', 'cycleDecay', 'cycleLimit', 'warmupT', 'warmupLrInit', 'warmupPrefix', 'kDecay', 'noiseRangeT', 'noisePct', 'noiseType', 'noiseSeed', 'steps']);
  const base = finite(fn, 'baseLr', given.baseLr);
  const tInit = positiveCount(fn, 'tInitial', given.tInitial);
  const lrMin = finite(fn, 'lrMin', given.lrMin ?? 0);
  const mul = positive(fn, 'cycleMul', given.cycleMul ?? 1);
  const decay = finite(fn, 'cycleDecay', given.cycleDecay ?? 1);
  const limit = positiveCount(fn, 'cycleLimit', given.cycleLimit ?? 1);
  const W = count(fn, 'warmupT', given.warmupT ?? 0);
  const warmupInit = finite(fn, 'warmupLrInit', given.warmupLrInit ?? 0);
  const prefix = given.warmupPrefix ?? false;
  const k = positive(fn, 'kDecay', given.kDecay ?? 1);
  const steps = count(fn, 'steps', given.steps);

  const phases: Phase<'lr'>[] = [];
  const w = Math.min(W, steps);
  if (w > 0) phases.push(new Phase({ lr: linspace(warmupInit, base, w, { span: W }) }));
  // The cosine's own clock t: k − W with the prefix, k without; it covers steps w … steps − 1.
  const shift = prefix ? W : 0;
  let t = w - shift; // first t still to produce
  const tEnd = steps - shift;
  let start = 0;
  for (let i = 0, length = tInit; i < limit && t < tEnd; i++, start += length, length *= mul) {
    const next = Math.min(Math.ceil(start + length), tEnd);
    if (next <= t) continue;
    const peak = base * decay ** i;
    const opts = { offset: t - start, span: length };
    phases.push(new Phase({ lr: k === 1 ? cosinespace(peak, lrMin, next - t, opts) : kcosinespace(peak, lrMin, next - t, k, opts) }));
    t = next;
  }
  if (t < tEnd) phases.push(new Phase({ lr: constant(lrMin, tEnd - t) }));
  if (phases.length === 0) phases.push(new Phase({ lr: constant(base, 0) }));
  if (given.noiseRangeT === undefined) return phases;
  let offset = 0;
  return phases.map((phase) => {
    const lr = noisy(phase.spaces.lr, { range: given.noiseRangeT!, pct: given.noisePct ?? 0.67, type: given.noiseType ?? 'normal', seed: given.noiseSeed ?? 42, offset });
    offset += phase.length;
    return new Phase({ lr });
  });
}

/**
 * timm's schedulers, by their timm names in camelCase.
 * @example
 * import { timm, OptimizerPolicy } from 'rx-policy';
 * new OptimizerPolicy(timm.cosineLR({ baseLr: 0.1, tInitial: 1000, warmupT: 50, warmupPrefix: true, steps: 1050 }));
 */
export const timm = { cosineLR } as const;
