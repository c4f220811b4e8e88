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
import { logGrowthOfGap } from './logGrowth.js';
import { maeAntiderivativeDifference } from './maeAntiderivative.js';
import { resolveFeature } from './resolveFeature.js';
import type { FeatureInput } from './types.js';
import { timeFactor } from './timeFactor.js';

/**
 * Kernel of {@link implicitTime}: gradient-flow time for the balanced flow to go from
 * `u0` to `u` (docs/math.md §3), for `0 < u0 ≤ u < u∞`, ρ > 0. No validation. The one
 * formula behind `implicitTime`, `criticalTime` (method `'exact'`), `criticalTimeBatch`
 * and `implicitTimeBatch`, so the scalar and batched paths agree to the last bit.
 *
 * JEPA: `t = (1/σ²)[ρ^{−2L} ln(u(ρ−u0)/(u0(ρ−u))) + Σ_{k=2}^{2L} ρ^{k−2L−1}(u0^{1−k} − u^{1−k})/(k−1)]`.
 * With m = k − 1, `q = u0/u` and `c_m = (1 − q^m)/m = (1 − q)(1 + q + … + q^{m−1})/m` (a
 * positive sum: no cancellation, also for u close to u0), it is evaluated by Horner's rule in
 * `1/ρ`: `H_0 = ln(u/u0) + ln(1 + (u−u0)/(ρ−u))`, `H_m = H_{m−1}/ρ + u0^{−m} c_m`,
 * `t = H_{2L−1}/(ρσ²)`. Every term is positive and every power a running product: no `pow`
 * (the 4L of the term-by-term form dominated its cost), and no `ρ^{−2L}` that could overflow
 * on its own.
 * MAE:  `t = (1/λ)[(u0^{1−L} − u^{1−L})/(L−1) + G(u) − G(u0)]` (`ln(u/u0)` for L = 1), the
 * difference formed as `−expm1(·)`.
 * `ln(u/u0)` is {@link logGrowth}: `log1p((u − u0)/u0)` for `u ≤ 2u0`, where `u − u0` is exact
 * (Sterbenz), so a ratio near 1 keeps full relative accuracy (`Math.log(u/u0)` would lose
 * `ulp/ln(u/u0)`); `Math.log(u/u0)` above.
 * For `u ≤ u0` (possible only by rounding: ε below p·w̄∞ by less than an ulp) the time is 0.
 * `gap` is `u − u0` (default), or the critical time's more accurate `criticalGap`: the
 * differences `u − u0` of the formulas are taken from it.
 */
export function implicitTimeKernel(
  objective: Objective,
  sigma2: number,
  lambda: number,
  rho: number,
  depth: number,
  u0: number,
  u: number,
  gap: number = u - u0,
): number {
  // u ≤ u0 reaches criticalTime when ε is below p·w̄∞ by less than the rounding of u0 = ε^{1/L} and
  // u*: the start is the target to double precision, and 0 is the time (not the negative of one ulp's)
  if (!(u > u0) || !(gap > 0)) return 0;
  const growth = logGrowthOfGap(u0, u, gap); // ln(u/u0) > 0, to a few ulps also for u close to u0
  switch (objective) {
    case 'jepa': {
      const a = 1 / rho;
      const b = 1 / u0;
      const q = u0 / u;
      const d = gap / u; // 1 − q
      let horner = growth + Math.log1p(gap / (rho - u));
      let bPower = 1; // u0^{−m}
      let qPower = 1; // q^{m−1}
      let geometric = 0; // 1 + q + … + q^{m−1}
      for (let m = 1; m < 2 * depth; m++) {
        bPower *= b;
        geometric += qPower;
        qPower *= q;
        horner = horner * a + (bPower * d * geometric) / m;
      }
      return (horner * a) / sigma2;
    }
    case 'mae': {
      const power = depth === 1 ? growth : (Math.pow(u0, 1 - depth) * -Math.expm1(-(depth - 1) * growth)) / (depth - 1);
      return (power + maeAntiderivativeDifference(rho, depth, u0, u, growth, gap)) / lambda;
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
