import { integerPower } from './integerPower.js';
import { resolveFeature } from './resolveFeature.js';
import { validateDepth, validateObjective, type Objective } from '@jepa-dynamics/core';
import type { FeatureInput } from './types.js';

/** Where the balanced flow started at `u(0) > 0` ends as t → ∞. */
export interface FixedPoint {
  /** Per-layer weight `u∞` (= v∞ = w_a∞). */
  readonly u: number;
  /** End-to-end weight `w̄∞ = u∞^L`. */
  readonly wbar: number;
}

/** Kernel of {@link fixedPoint}; no validation. */
export function fixedPointKernel(objective: Objective, rho: number, depth: number): FixedPoint {
  if (!(rho > 0)) return { u: 0, wbar: 0 };
  switch (objective) {
    case 'jepa':
      return { u: rho, wbar: integerPower(rho, depth) };
    case 'mae': {
      const u = Math.pow(rho, 1 / (depth + 1));
      return { u, wbar: integerPower(u, depth) };
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/**
 * The limit of the balanced flow from any positive start (docs/math.md §2): for ρ > 0,
 * JEPA `u∞ = ρ`, `w̄∞ = ρ^L`; MAE `u∞ = ρ^{1/(L+1)}`, `w̄∞ = ρ^{L/(L+1)}`. For ρ ≤ 0
 * the positive balanced flow decays to the fixed point 0 (the nonzero fixed points
 * are not reachable from `u > 0`), and `{ u: 0, wbar: 0 }` is returned.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer ≥ 1.
 * @returns `{ u, wbar }`.
 * @throws {@link InvalidArgumentError} for an invalid feature, objective or depth.
 * @example
 * ```ts
 * fixedPoint({ lambda: 1, rho: 4 }, 'jepa', 2); // => { u: 4, wbar: 16 }
 * fixedPoint({ lambda: 1, rho: 8 }, 'mae', 2);  // => { u: 2, wbar: 4 }
 * ```
 */
export function fixedPoint(feature: FeatureInput, objective: Objective, depth: number): FixedPoint {
  const where = 'fixedPoint';
  const { rho } = resolveFeature(feature, where);
  return fixedPointKernel(validateObjective(where, objective), rho, validateDepth(where, depth));
}
