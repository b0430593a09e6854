// Where a step falls among restart cycles whose lengths grow (or shrink) geometrically, in
// closed form: no loop over the cycles before it, however many there are.

/**
 * The cycle holding time `t` when cycle `i` lasts `T·mul^i`: its index, start and length. The
 * closed form is timm's and Keras' (`floor(log(1 − t/T·(1 − mul)) / log(mul))`), corrected by a
 * cycle either way for rounding. With `mul` < 1 the cycles end at `T/(1 − mul)`, where that
 * logarithm fails (timm raises, Keras gives NaN): `undefined` from there on.
 * @internal
 */
export function cycleAt(T: number, mul: number, t: number): { i: number; start: number; length: number } | undefined {
  if (mul === 1) {
    const i = Math.floor(t / T);
    return { i, start: i * T, length: T };
  }
  const x = 1 - (t / T) * (1 - mul);
  if (!(x > 0)) return undefined;
  let i = Math.max(0, Math.floor(Math.log(x) / Math.log(mul)));
  if (!Number.isFinite(i)) return undefined;
  const at = (j: number) => ({ i: j, start: (T * (1 - mul ** j)) / (1 - mul), length: T * mul ** j });
  let c = at(i);
  while (i > 0 && c.start > t) c = at(--i);
  for (let guard = 0; c.start + c.length <= t && guard < 64; guard++) c = at(++i);
  return c.start + c.length > t && c.length > 0 ? c : undefined;
}

/** Where cycles of `T·mul^i` end when `mul` < 1: every step from here on has no cycle. */
export const limitPoint = (T: number, mul: number): number => T / (1 - mul);
