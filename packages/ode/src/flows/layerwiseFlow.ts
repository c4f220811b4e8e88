import type { RhsFunction } from '../solver/types.js';
import { resolveFeature } from './resolveFeature.js';
import type { Objective, TimeUnit } from '@jepa-dynamics/core';
import type { FeatureInput } from './types.js';
import { flowSettings } from './flowSettings.js';

/**
 * The full per-layer gradient flow of one feature as a right-hand side for
 * {@link solveIvp}: state `[v, w_1, …, w_L]` (length L + 1), any initial values,
 * balanced or not (docs/math.md §2, re-derived from the scalar losses
 * `½E(v w̄ x − sg(w̄) y)²` and `½E(v w̄ x − y)²`, `w̄ = Π_a w_a`):
 *
 * - JEPA: `dv/dt = w̄² (λ − σ² v)`, `dw_a/dt = (Π_{b≠a} w_b) · w̄ v (λ − σ² v)`
 * - MAE:  `dv/dt = w̄ (λ − σ² v w̄)`, `dw_a/dt = (Π_{b≠a} w_b) · v (λ − σ² v w̄)`
 *
 * `Π_{b≠a} w_b` (the table's `w̄/w_a`) is formed from prefix and suffix products, so a
 * layer weight equal to 0 is no singularity. Along every solution `v² − w_a²` is conserved.
 * In paper time the rates are divided by L.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer ≥ 1.
 * @param timeUnit - `'gradient-flow'` (default) or `'paper'`.
 * @returns `f(t, y, dydt)` for a state of length L + 1. Allocates one scratch buffer, once.
 * @throws {@link InvalidArgumentError} for an invalid feature, objective, depth or time unit.
 * @example
 * ```ts
 * const f = layerwiseFlow({ sigma2: 1, lambda: 2 }, 'mae', 2);
 * const d = new Float64Array(3);
 * f(0, Float64Array.of(1, 1, 1), d);
 * Array.from(d); // => [1, 1, 1]
 * ```
 */
export function layerwiseFlow(
  feature: FeatureInput,
  objective: Objective,
  depth: number,
  timeUnit: TimeUnit = 'gradient-flow',
): RhsFunction {
  const where = 'layerwiseFlow';
  const { sigma2, lambda } = resolveFeature(feature, where);
  const { objective: obj, depth: L, rateScale: scale } = flowSettings(where, objective, depth, timeUnit);
  const prefix = new Float64Array(L + 1); // prefix[a] = w_1 ⋯ w_a, prefix[0] = 1
  return (_t, y, dydt) => {
    prefix[0] = 1;
    for (let a = 1; a <= L; a++) prefix[a] = prefix[a - 1] * y[a];
    const v = y[0];
    const wbar = prefix[L];
    let common: number; // dw_a/dt = common · Π_{b≠a} w_b
    switch (obj) {
      case 'jepa': {
        const residual = lambda - sigma2 * v;
        dydt[0] = scale * wbar * wbar * residual;
        common = scale * wbar * v * residual;
        break;
      }
      case 'mae': {
        const residual = lambda - sigma2 * v * wbar;
        dydt[0] = scale * wbar * residual;
        common = scale * v * residual;
        break;
      }
      default: {
        const never: never = obj;
        common = never;
      }
    }
    let suffix = 1; // w_{a+1} ⋯ w_L
    for (let a = L; a >= 1; a--) {
      dydt[a] = common * prefix[a - 1] * suffix;
      suffix *= y[a];
    }
  };
}
