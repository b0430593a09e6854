/**
 * PyTorch's CPU random generator (`torch.Generator()`), as far as timm's noise uses it:
 * `manual_seed`, then `torch.randn(1)` or `torch.rand(1)` in float32. Reproducing it is what lets
 * a timm recipe with `noise_range_t` give the same learning rates here as in Python.
 *
 * What PyTorch does (ATen's CPUGeneratorImpl, DistributionsHelper.h, TransformationHelper.h):
 * - the engine is the standard 32-bit Mersenne Twister (MT19937), seeded with the low 32 bits of
 *   the seed (`manual_seed(2**32 + 42)` draws what `manual_seed(42)` draws);
 * - a 64-bit draw is two 32-bit outputs, the first the high word;
 * - `randn` of fewer than 16 values draws each with a double Box–Muller: `u1`, `u2` from 53-bit
 *   draws, `r = sqrt(-2 log1p(-u2))`, `θ = 2π u1`, returns `r cos θ` and keeps `r sin θ` for the
 *   next call (a new seed clears it), then rounds to float32;
 * - `rand` in float32 is the low 24 bits of one 32-bit output over 2^24.
 *
 * The state lives in one preallocated buffer, and the twist is done lazily, word by word as
 * outputs are taken: a step's noise needs a handful of outputs, not all 624.
 */
export class TorchGenerator {
  readonly #mt = new Uint32Array(624);
  /** How many words of the seeded (not yet twisted) state have been computed. */
  #seeded = 0;
  /** The next output's index in the current block of 624. */
  #index = 0;
  /** Outputs taken since seeding: the first block twists lazily from the seeded state. */
  #taken = 0;
  #cachedNormal: number | undefined;

  /** `torch.Generator().manual_seed(seed)`: any integer; only its low 32 bits matter. */
  manualSeed(seed: number): this {
    // ToUint32 is the seed modulo 2^32, also for negative seeds (torch maps them to 2^64 + seed).
    this.#mt[0] = seed >>> 0;
    this.#seeded = 1;
    this.#index = 0;
    this.#taken = 0;
    this.#cachedNormal = undefined;
    return this;
  }

  /** Computes the seeded state up to word `n - 1` (MT19937's initialisation recurrence). */
  #seedUpTo(n: number): void {
    const mt = this.#mt;
    for (let i = this.#seeded; i < n; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    if (n > this.#seeded) this.#seeded = n;
  }

  /** One 32-bit output, `engine_()`. */
  next32(): number {
    const mt = this.#mt;
    const k = this.#index;
    // Twisting word k in place, in increasing order, is the standard block twist done piecemeal.
    if (this.#taken < 624) this.#seedUpTo(Math.min(624, k + 398));
    const k1 = k + 1 === 624 ? 0 : k + 1;
    const k397 = k + 397 >= 624 ? k + 397 - 624 : k + 397;
    const y = (mt[k]! & 0x80000000) | (mt[k1]! & 0x7fffffff);
    mt[k] = mt[k397]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    let z = mt[k]!;
    this.#index = k1;
    this.#taken++;
    z ^= z >>> 11;
    z ^= (z << 7) & 0x9d2c5680;
    z ^= (z << 15) & 0xefc60000;
    z ^= z >>> 18;
    return z >>> 0;
  }

  /** A double in [0, 1) from the low 53 bits of a 64-bit draw. */
  #uniform53(): number {
    const hi = this.next32() & 0x1fffff;
    const lo = this.next32();
    return (hi * 4294967296 + lo) / 9007199254740992;
  }

  /** `torch.randn(1, generator=g).item()` for the default float32 dtype. */
  randnFloat32(): number {
    const cached = this.#cachedNormal;
    if (cached !== undefined) {
      this.#cachedNormal = undefined;
      return Math.fround(cached);
    }
    const u1 = this.#uniform53();
    const u2 = this.#uniform53();
    const r = Math.sqrt(-2 * Math.log1p(-u2));
    const theta = 2 * Math.PI * u1;
    this.#cachedNormal = r * Math.sin(theta);
    return Math.fround(r * Math.cos(theta));
  }

  /** `torch.rand(1, generator=g).item()` for the default float32 dtype. */
  randFloat32(): number {
    return (this.next32() & 0xffffff) / 16777216;
  }
}
