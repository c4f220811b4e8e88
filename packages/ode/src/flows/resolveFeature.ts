import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { Feature, FeatureInput } from './types.js';

/**
 * Relative tolerance for accepting all three of σ², λ, ρ: `|λ − σ²ρ| ≤ 1e-9·max(|λ|, |σ²ρ|)`,
 * loose enough for values typed with ten significant digits, tight enough to catch a
 * genuinely inconsistent triple.
 *
 * @example
 * ```ts
 * FEATURE_CONSISTENCY_RTOL; // => 1e-9
 * resolveFeature({ sigma2: 2, lambda: 6 * (1 + 1e-10), rho: 3 }).rho; // => 3
 * resolveFeature({ sigma2: 2, lambda: 6 * (1 + 1e-8), rho: 3 }); // => throws InvalidArgumentError: feature.lambda
 * ```
 */
export const FEATURE_CONSISTENCY_RTOL = 1e-9;

/**
 * Validates a feature given by any two of `(σ², λ, ρ)` (docs/math.md §1) and fills in the
 * third: `λ = σ² ρ`. When all three are given they must agree to
 * {@link FEATURE_CONSISTENCY_RTOL}; then λ and ρ are kept and σ² = λ/ρ.
 *
 * Rules: every given value finite; `σ² > 0`; λ and ρ of the same sign (both zero
 * allowed only together with σ², which they cannot determine).
 *
 * @param input - the feature: at least two of `sigma2`, `lambda`, `rho`.
 * @param where - the public function to name in error messages.
 * @returns the feature with `sigma2`, `lambda` and `rho` all set.
 * @throws {@link InvalidArgumentError} naming `feature.sigma2`, `feature.lambda` or `feature.rho` and the broken rule.
 * @example
 * ```ts
 * resolveFeature({ lambda: 1, rho: 4 }); // => { sigma2: 0.25, lambda: 1, rho: 4 }
 * resolveFeature({ sigma2: 2, rho: 3 }); // => { sigma2: 2, lambda: 6, rho: 3 }
 * ```
 */
export function resolveFeature(input: FeatureInput, where = 'resolveFeature'): Feature {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidArgumentError(where, 'feature', 'must be an object with two of sigma2, lambda, rho', input);
  }
  const { sigma2, lambda, rho } = input;
  for (const [name, value] of [
    ['sigma2', sigma2],
    ['lambda', lambda],
    ['rho', rho],
  ] as const) {
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new InvalidArgumentError(where, `feature.${name}`, 'must be a finite number', value);
    }
  }
  if (sigma2 !== undefined && !(sigma2 > 0)) {
    throw new InvalidArgumentError(where, 'feature.sigma2', 'must be > 0 (it is a variance)', sigma2);
  }
  if (lambda !== undefined && rho !== undefined) {
    if (lambda === 0 && rho !== 0) {
      // name the zero: with σ² > 0, λ = σ²ρ vanishes exactly when ρ does
      throw new InvalidArgumentError(
        where,
        'feature.lambda',
        `must be nonzero when rho (${rho}) is, since lambda = sigma2·rho with sigma2 > 0`,
        lambda,
      );
    }
    if (Math.sign(lambda) !== Math.sign(rho)) {
      throw new InvalidArgumentError(
        where,
        'feature.rho',
        `must have the same sign as lambda (${lambda}) since rho = lambda/sigma2 with sigma2 > 0`,
        rho,
      );
    }
    if (rho === 0) {
      if (sigma2 === undefined) {
        throw new InvalidArgumentError(where, 'feature.sigma2', 'must be given when lambda = rho = 0 (they do not determine it)', sigma2);
      }
      return { sigma2, lambda: 0, rho: 0 };
    }
    if (sigma2 !== undefined) {
      const product = sigma2 * rho;
      if (Math.abs(lambda - product) > FEATURE_CONSISTENCY_RTOL * Math.max(Math.abs(lambda), Math.abs(product))) {
        throw new InvalidArgumentError(
          where,
          'feature.lambda',
          `must equal sigma2·rho = ${product} (relative tolerance ${FEATURE_CONSISTENCY_RTOL}) when all three are given`,
          lambda,
        );
      }
    }
    return { sigma2: lambda / rho, lambda, rho };
  }
  // not both λ and ρ: two given means σ² and one of them
  if (sigma2 !== undefined && lambda !== undefined) return { sigma2, lambda, rho: lambda / sigma2 };
  if (sigma2 !== undefined && rho !== undefined) return { sigma2, lambda: sigma2 * rho, rho };
  throw new InvalidArgumentError(where, 'feature', 'must give at least two of sigma2, lambda, rho', input);
}
