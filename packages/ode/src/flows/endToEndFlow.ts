import type { RhsFunction } from '../solver/types.js';
import type { Objective, TimeUnit } from '@jepa-dynamics/core';
import type { FeatureInput } from './types.js';
import { scalarFlow } from './scalarFlow.js';

/**
 * Kernel of the end-to-end flow, gradient-flow time (docs/math.md §2), for `w̄ > 0`:
 * JEPA `dw̄/dt = L σ² w̄^{3−1/L} (ρ − w̄^{1/L})`, MAE `dw̄/dt = L σ² w̄^{2−1/L} (ρ − w̄^{1+1/L})`
 * (the table's `L(λ w̄^{3−1/L} − (λ/ρ) w̄³)` etc. with `λ/ρ = σ²`, valid also at ρ = 0).
 * No validation: for hot loops, after the settings were checked once (see {@link endToEndFlow}).
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param sigma2 - σ² > 0.
 * @param rho - ρ = λ/σ².
 * @param depth - encoder depth L, integer ≥ 1.
 * @param wbar - the end-to-end weight w̄ > 0.
 * @returns `dw̄/dt` in gradient-flow time.
 * @example
 * ```ts
 * // JEPA, σ² = ½, ρ = 2, L = 2, w̄ = 1: 2·½·1·(2 − 1) = 1 (the endToEndFlow example)
 * endToEndRate('jepa', 0.5, 2, 2, 1); // => 1
 * // MAE, σ² = 1, ρ = 1, L = 1, w̄ = ½: w̄(1 − w̄²) = 3/8
 * endToEndRate('mae', 1, 1, 1, 0.5); // => 0.375
 * ```
 */
export function endToEndRate(objective: Objective, sigma2: number, rho: number, depth: number, wbar: number): number {
  const root = Math.pow(wbar, 1 / depth); // w̄^{1/L} = u
  switch (objective) {
    case 'jepa':
      return depth * sigma2 * ((wbar * wbar * wbar) / root) * (rho - root);
    case 'mae':
      return depth * sigma2 * ((wbar * wbar) / root) * (rho - wbar * root);
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/**
 * The end-to-end flow of one feature as a right-hand side for {@link solveIvp}: state `[w̄]`,
 * JEPA `dw̄/dt = L(λ w̄^{3−1/L} − (λ/ρ) w̄³)`, MAE `dw̄/dt = L(λ w̄^{2−1/L} − (λ/ρ) w̄³)`
 * (docs/math.md §2, balanced init). In paper time the factor L disappears (the paper's eqs. 7–8).
 * Defined for `w̄ > 0` (the fractional powers); start at `w̄(0) = ε`.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer ≥ 1.
 * @param timeUnit - `'gradient-flow'` (default) or `'paper'`.
 * @returns `f(t, y, dydt)` writing `dw̄/dt` into `dydt[0]`.
 * @throws {@link InvalidArgumentError} for an invalid feature, objective, depth or time unit.
 * @example
 * ```ts
 * const f = endToEndFlow({ lambda: 1, rho: 2 }, 'jepa', 2);
 * const d = new Float64Array(1);
 * f(0, Float64Array.of(1), d);
 * d[0]; // => 1
 * ```
 */
export function endToEndFlow(
  feature: FeatureInput,
  objective: Objective,
  depth: number,
  timeUnit: TimeUnit = 'gradient-flow',
): RhsFunction {
  return scalarFlow('endToEndFlow', endToEndRate, feature, objective, depth, timeUnit);
}
