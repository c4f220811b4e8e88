/**
 * `ln(u/u0)` for `0 < u0 ≤ u`, to a few ulps relative even when u is within rounding
 * distance of u0. Kernel helper of the critical-time methods (internal, no validation).
 *
 * `Math.log(u / u0)` rounds the quotient first: an absolute error of up to 1.1e-16 on a
 * logarithm that may itself be 1e-9 (ε a millionth below the target at L = 50), i.e. a
 * relative error of 1e-7 carried into t*. For `u ≤ 2u0` the difference `u − u0` is exact
 * (Sterbenz), so `log1p((u − u0)/u0)` rounds only once, relative to the result.
 *
 * @param u0 - the start, > 0.
 * @param u - the end, ≥ u0.
 * @returns `ln(u/u0)` ≥ 0.
 */
export function logGrowth(u0: number, u: number): number {
  return logGrowthOfGap(u0, u, u - u0);
}

/**
 * `ln(u/u0)` from `gap = u − u0` known more accurately than the difference of the doubles u and
 * u0 (the critical time's `u* − u0`, see `criticalGap`): `log1p(gap/u0)` for `u ≤ 2u0`, as in
 * {@link logGrowth}, which is this function with `gap = u − u0` (exact there, by Sterbenz).
 * Internal kernel helper.
 *
 * @param u0 - the start, > 0.
 * @param u - the end, ≥ u0.
 * @param gap - `u − u0`, ≥ 0.
 * @returns `ln(u/u0)` ≥ 0.
 */
export function logGrowthOfGap(u0: number, u: number, gap: number): number {
  return u <= 2 * u0 ? Math.log1p(gap / u0) : Math.log(u / u0);
}
