/**
 * Seeded standard-normal numbers, the one stream of randomness in the package.
 *
 * The stream, documented so any run can be reproduced elsewhere:
 * 1. `xoroshiro128plus(seed)` from pure-rand 8.4.2 (seed: a 32-bit integer);
 * 2. uniforms in [0, 1) by pure-rand's `uniformFloat64` (two 32-bit draws per
 *    uniform: 26 + 27 bits, a multiple of 2⁻⁵³);
 * 3. Marsaglia's polar method: draw `u = 2U₁ − 1`, `v = 2U₂ − 1` until
 *    `0 < s = u² + v² < 1`; return `u·f` now and `v·f` on the next call, with
 *    `f = sqrt(−2 ln s / s)`.
 *
 * @module
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { InvalidArgumentError } from '@jepa-dynamics/core';

/** A seeded stream of independent standard-normal numbers. */
export interface GaussianSource {
  /** The seed the stream started from. */
  readonly seed: number;
  /** The next N(0, 1) number. */
  next(): number;
  /** Fills `out` with consecutive N(0, 1) numbers (in index order) and returns it. */
  fill(out: Float64Array): Float64Array;
}

/**
 * Creates the stream described in the module comment.
 *
 * @param seed - a 32-bit signed or unsigned integer (−2³¹ ≤ seed < 2³²).
 * @throws InvalidArgumentError when the seed is not such an integer.
 * @returns the stream.
 * @example
 * ```ts
 * const a = createGaussianSource(42), b = createGaussianSource(42);
 * a.next() === b.next(); // => true
 * ```
 */
export function createGaussianSource(seed: number): GaussianSource {
  if (!Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new InvalidArgumentError('createGaussianSource', 'seed', 'must be an integer from -2147483648 to 4294967295', seed);
  }
  const rng = xoroshiro128plus(seed | 0);
  let spare = 0;
  let hasSpare = false;
  const next = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    for (;;) {
      const u = 2 * uniformFloat64(rng) - 1;
      const v = 2 * uniformFloat64(rng) - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
      }
    }
  };
  return {
    seed,
    next,
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = next();
      return out;
    },
  };
}
