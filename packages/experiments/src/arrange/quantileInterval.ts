/**
 * Distribution-free confidence interval of a quantile from order statistics.
 * @module
 */

/**
 * A confidence interval of the q-quantile of a continuous distribution from a sample of n,
 * by order statistics: [x₍ⱼ₎, x₍ₖ₎] with j the largest and k the smallest ranks such that
 * P(B < j) ≤ α/2 and P(B ≥ k) ≤ α/2 for B ~ Binomial(n, q) (the number of sample points
 * below the quantile), so the coverage is at least 1 − α whatever the distribution. Where the
 * sample is too small for a rank on one side, that end is null (unbounded). Cost O(n log n).
 * @param xs - the sample (not modified).
 * @param q - the level, 0 < q < 1.
 * @param alpha - 1 − coverage (default 0.05).
 * @returns [lower, upper], an end null where no order statistic bounds it.
 * @example
 * ```ts
 * // n = 10, median: ranks 2 and 9 (P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024)
 * quantileInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5); // => [2, 9]
 * ```
 */
export function quantileInterval(xs: readonly number[], q: number, alpha = 0.05): [number | null, number | null] {
  const n = xs.length;
  const sorted = [...xs].sort((a, b) => a - b);
  // cdf[i] = P(B ≤ i), by the recurrence of binomial probabilities (in logs: no overflow for large n)
  const logPmf: number[] = [n * Math.log1p(-q)];
  for (let i = 1; i <= n; i++) logPmf.push(logPmf[i - 1] + Math.log((n - i + 1) / i) + Math.log(q / (1 - q)));
  const cdf: number[] = [];
  let sum = 0;
  for (let i = 0; i <= n; i++) cdf.push((sum += Math.exp(logPmf[i])));
  // lower rank j (1-based): the largest with P(B ≤ j − 1) ≤ α/2
  let j = 0;
  while (j < n && cdf[j] <= alpha / 2) j++;
  // upper rank k: the smallest with P(B ≥ k) = 1 − P(B ≤ k − 1) ≤ α/2
  let k = n + 1;
  while (k - 2 >= 0 && 1 - cdf[k - 2] <= alpha / 2) k--;
  return [j >= 1 ? sorted[j - 1] : null, k <= n ? sorted[k - 1] : null];
}
