import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';

/**
 * A seeded uniform stream for the numeric spot checks of the certificates, so that every
 * certificate is reproducible: pure-rand 8.4.2's `mersenne(seed)` (MT19937, seeded by
 * its standard initialisation) read through pure-rand's `uniformFloat64` (two 32-bit
 * draws per number, a multiple of 2⁻⁵³ in [0, 1)). MT19937 rather than the
 * `xoroshiro128plus` that `sim` uses: that generator takes the seed into one word of its
 * state, so its first number is within 2⁻²⁶ of 1 for every small seed and its second
 * numbers for seeds n and n + 1 differ by about 1/16, while the spot checks use
 * neighbouring seeds (one per depth). Not for statistics.
 *
 * @param seed - any 32-bit integer.
 * @returns a function returning uniform numbers in [0, 1).
 * @example
 * const next = seededUniform(1);
 * next() === seededUniform(1)(); // => true
 */
export function seededUniform(seed: number): () => number {
  const rng = mersenne(seed);
  return () => uniformFloat64(rng);
}
