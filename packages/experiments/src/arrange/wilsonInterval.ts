/**
 * Wilson score interval of a binomial proportion.
 * @module
 */

/**
 * The Wilson score interval (Wilson 1927) of a proportion with k successes in n trials at
 * the normal quantile z (1.96 for 95 %): centre (k + z²/2)/(n + z²), half-width
 * z√(k(n − k)/n + z²/4)/(n + z²). Unlike the Wald interval it stays inside [0, 1] and is
 * not empty at k = 0 or k = n. Cost O(1).
 * @param k - successes, 0 ≤ k ≤ n.
 * @param n - trials, n ≥ 1.
 * @param z - normal quantile (default 1.959963984540054, two-sided 95 %).
 * @returns [lower, upper].
 * @example
 * ```ts
 * wilsonInterval(0, 10).map((x) => x.toFixed(4)); // => ['0.0000', '0.2775']
 * wilsonInterval(5, 10).map((x) => x.toFixed(4)); // => ['0.2366', '0.7634']
 * ```
 */
export function wilsonInterval(k: number, n: number, z = 1.959963984540054): [number, number] {
  const z2 = z * z;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
