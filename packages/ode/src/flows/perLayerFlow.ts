import type { RhsFunction } from '../solver/types.js';
import type { Objective, TimeUnit } from '@jepa-dynamics/core';
import type { FeatureInput } from './types.js';
import { scalarFlow } from './scalarFlow.js';

/**
 * Kernel of the balanced per-layer flow, gradient-flow time (docs/math.md §2):
 * JEPA `du/dt = σ² u^{2L} (ρ − u)`, MAE `du/dt = σ² u^L (ρ − u^{L+1})`. No validation:
 * for hot loops, after the settings were checked once (see {@link perLayerFlow}).
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param sigma2 - σ² > 0.
 * @param rho - ρ = λ/σ².
 * @param depth - encoder depth L, integer ≥ 1.
 * @param u - the per-layer weight.
 * @returns `du/dt` in gradient-flow time.
 * @example
 * ```ts
 * // JEPA, σ² = ρ = 1, L = 2, u = ½: u⁴(1 − u) = 1/32
 * perLayerRate('jepa', 1, 1, 2, 0.5); // => 0.03125
 * // MAE: u²(1 − u³) = 7/32
 * perLayerRate('mae', 1, 1, 2, 0.5); // => 0.21875
 * ```
 */
export function perLayerRate(objective: Objective, sigma2: number, rho: number, depth: number, u: number): number {
  switch (objective) {
    case 'jepa':
      return sigma2 * Math.pow(u, 2 * depth) * (rho - u);
    case 'mae': {
      const uL = Math.pow(u, depth);
      return sigma2 * uL * (rho - uL * u);
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/**
 * The balanced per-layer flow of one feature as a right-hand side for {@link solveIvp}:
 * state `[u]` with `v = w_1 = … = w_L = u` and `w̄ = u^L` (docs/math.md §2; balance is
 * preserved because `v² − w_a²` is conserved). JEPA `du/dt = σ² u^{2L}(ρ − u)`,
 * MAE `du/dt = σ² u^L(ρ − u^{L+1})`; in paper time the rate is divided by L (`τ = L t`).
 * Start at `u(0) = ε^{1/L}` for `w̄(0) = ε`.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer ≥ 1.
 * @param timeUnit - `'gradient-flow'` (default) or `'paper'`.
 * @returns `f(t, y, dydt)` writing `du/dt` into `dydt[0]`.
 * @throws {@link InvalidArgumentError} for an invalid feature, objective, depth or time unit.
 * @example
 * ```ts
 * const f = perLayerFlow({ lambda: 1, rho: 2 }, 'jepa', 1);
 * const d = new Float64Array(1);
 * f(0, Float64Array.of(1), d);
 * d[0]; // => 0.5
 * ```
 */
export function perLayerFlow(
  feature: FeatureInput,
  objective: Objective,
  depth: number,
  timeUnit: TimeUnit = 'gradient-flow',
): RhsFunction {
  return scalarFlow('perLayerFlow', perLayerRate, feature, objective, depth, timeUnit);
}
