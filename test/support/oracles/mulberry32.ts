/**
 * mulberry32, a tiny 32-bit PRNG (Tommy Ettinger's, public domain), so that a seeded
 * test or benchmark sees the same cases on every run. Not for statistics.
 *
 * @param seed - any 32-bit integer.
 * @returns a function returning uniform numbers in [0, 1), multiples of 2⁻³².
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
