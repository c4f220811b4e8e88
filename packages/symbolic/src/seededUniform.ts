/**
 * A small seeded uniform generator (mulberry32) for the numeric spot checks of the
 * certificates, so that every certificate is reproducible. Not for statistics.
 *
 * @param seed - any 32-bit integer.
 * @returns a function returning uniform numbers in [0, 1).
 * @example
 * const next = seededUniform(1);
 * next() === seededUniform(1)(); // => true
 */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
