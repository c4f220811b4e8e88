import {
  InvalidArgumentError,
  validateDepth,
  validateEpsilon,
  validateObjective,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { fixedPointKernel } from './fixedPoint.js';
import { logGrowth } from './logGrowth.js';
import { maeAntiderivativeDifference } from './maeAntiderivative.js';
import { resolveFeature } from './resolveFeature.js';
import type { FeatureInput } from './types.js';
import { timeFactor } from './timeFactor.js';

/**
 * Kernel of {@link implicitTime}: gradient-flow time for the balanced flow to go from
 * `u0` to `u` (docs/math.md §3), for `0 < u0 ≤ u < u∞`, ρ > 0. No validation.
 *
 * JEPA: `t = (1/σ²)[ρ^{−2L} ln(u(ρ−u0)/(u0(ρ−u))) + Σ_{k=2}^{2L} ρ^{k−2L−1}(u0^{1−k} − u^{1−k})/(k−1)]`.
 * MAE:  `t = (1/λ)[(u0^{1−L} − u^{1−L})/(L−1) + G(u) − G(u0)]` (`ln(u/u0)` for L = 1).
 * Every difference is formed as `−expm1(·)` or `log1p(·)`, so all terms are positive sums
 * with no cancellation, also for u close to u0.
 */
export function implicitTimeKernel(
  objective: Objective,
  sigma2: number,
  lambda: number,
  rho: number,
  depth: number,
  u0: number,
  u: number,
): number {
  const logRatio = -logGrowth(u0, u); // ln(u0/u) ≤ 0, accurate also for u close to u0
  switch (objective) {
    case 'jepa': {
      const n = 2 * depth;
      let sum = Math.pow(rho, -n) * (-logRatio + Math.log1p((u - u0) / (rho - u)));
      for (let k = 2; k <= n; k++) {
        sum += (Math.pow(rho, k - n - 1) * Math.pow(u0, 1 - k) * -Math.expm1((k - 1) * logRatio)) / (k - 1);
      }
      return sum / sigma2;
    }
    case 'mae': {
      const power = depth === 1 ? -logRatio : (Math.pow(u0, 1 - depth) * -Math.expm1((depth - 1) * logRatio)) / (depth - 1);
      return (power + maeAntiderivativeDifference(rho, depth, u0, u)) / lambda;
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/** Settings of {@link implicitTime}. */
export interface ImplicitTimeOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0: the flow starts at `u0 = ε^{1/L}`. */
  epsilon: number;
  /** The per-layer weight reached, `u0 ≤ u < u∞`. */
  u: number;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/**
 * The exact time for the balanced flow to carry the per-layer weight from `ε^{1/L}` to `u`:
 * the closed-form implicit solution `t(u)` of docs/math.md §3 (JEPA: a finite partial-fraction
 * sum; MAE: a power term plus `G(u) − G(u0)`, with G summed as a power series or, for
 * `u^{L+1}/ρ > ½`, through the z → 1 − z continuation of its hypergeometric form).
 *
 * @param feature - any two of σ², λ, ρ; requires ρ > 0.
 * @param options - objective, depth, epsilon, u, timeUnit.
 * @returns the time in the requested unit.
 * @throws {@link InvalidArgumentError} for invalid input, ρ ≤ 0, or `u` outside `[ε^{1/L}, u∞)`.
 * @example
 * ```ts
 * // MAE, L = 1: t(u) = (1/λ)[ln(u/u0) − ½ ln((ρ − u²)/(ρ − u0²))]
 * implicitTime({ lambda: 1, rho: 1 }, { objective: 'mae', depth: 1, epsilon: 0.5, u: 0.5 }); // => 0
 * ```
 */
export function implicitTime(feature: FeatureInput, options: ImplicitTimeOptions): number {
  const where = 'implicitTime';
  const { sigma2, lambda, rho } = resolveFeature(feature, where);
  const objective = validateObjective(where, options.objective);
  const depth = validateDepth(where, options.depth);
  const epsilon = validateEpsilon(where, options.epsilon);
  const factor = timeFactor(validateTimeUnit(where, options.timeUnit), depth);
  if (!(rho > 0))
    throw new InvalidArgumentError(where, 'feature.rho', 'must be > 0 (for ρ ≤ 0 the flow decays and t(u) is not this formula)', rho);
  const u0 = Math.pow(epsilon, 1 / depth);
  const uInf = fixedPointKernel(objective, rho, depth).u;
  const u = options.u;
  if (typeof u !== 'number' || !(u >= u0 && u < uInf)) {
    throw new InvalidArgumentError(where, 'u', `must satisfy ε^{1/L} = ${u0} ≤ u < u∞ = ${uInf}`, u);
  }
  return factor * implicitTimeKernel(objective, sigma2, lambda, rho, depth, u0, u);
}
