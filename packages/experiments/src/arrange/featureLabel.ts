/**
 * The printed name of a feature.
 * @module
 */

/**
 * The label of a feature under a legend titled "feature (λ, ρ)".
 * @param feature - its cross-covariance λ and regression coefficient ρ.
 * @returns `(λ, ρ)`.
 * @example
 * ```ts
 * featureLabel({ lambda: 1, rho: 2 }); // => '(1, 2)'
 * ```
 */
export function featureLabel(feature: { lambda: number; rho: number }): string {
  return `(${feature.lambda}, ${feature.rho})`;
}
