/**
 * Sample quantiles.
 * @module
 */

/**
 * The sample quantile of level q by linear interpolation between order statistics
 * (Hyndman & Fan's type 7, R's default): with x₍₁₎ ≤ … ≤ x₍ₙ₎ and h = (n − 1)q,
 * `x₍⌊h⌋+1₎ + (h − ⌊h⌋)(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎)`. q = ½ is the median. Cost O(n log n).
 * @param xs - the sample (not modified), at least one number.
 * @param q - the level, 0 ≤ q ≤ 1.
 * @returns the quantile, NaN for an empty sample.
 * @example
 * ```ts
 * quantile([3, 1, 2, 10], 0.5); // => 2.5
 * quantile([1, 2, 3, 4, 5], 0.9); // => 4.6
 * ```
 */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
