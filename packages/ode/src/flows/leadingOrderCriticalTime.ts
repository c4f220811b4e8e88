import { criticalTarget } from './criticalTarget.js';
import { resolveFeature } from './resolveFeature.js';
import {
  validateDepth,
  validateEpsilon,
  validateFraction,
  validateObjective,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import type { CriticalTimeResult, FeatureInput } from './types.js';
import { timeFactor } from './timeFactor.js';

/** Settings of {@link leadingOrderCriticalTime}. */
export interface LeadingOrderOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0 (`w̄(0) = ε`). */
  epsilon: number;
  /** Fraction p of `w̄∞`, 0 < p < 1; default ½. Only MAE at L = 1 depends on it. */
  fraction?: number;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/** Kernel of {@link leadingOrderCriticalTime} in gradient-flow time; no validation, ρ > 0 assumed. */
export function leadingOrderKernel(
  objective: Objective,
  lambda: number,
  rho: number,
  depth: number,
  epsilon: number,
  fraction: number,
): number {
  switch (objective) {
    case 'jepa': {
      // docs/math.md §3: (1/λ) Σ_{n=1}^{2L−1} 1 / (n ρ^{2L−1−n} ε^{n/L})
      let sum = 0;
      for (let n = 1; n <= 2 * depth - 1; n++) sum += 1 / (n * Math.pow(rho, 2 * depth - 1 - n) * Math.pow(epsilon, n / depth));
      return sum / lambda;
    }
    case 'mae': {
      if (depth === 1) {
        // docs/math.md §3, exact at L = 1: (1/(2λ)) ln[(p²/(1−p²)) (ρ − ε²)/ε²]
        const p2 = fraction * fraction;
        return Math.log((p2 / (1 - p2)) * ((rho - epsilon * epsilon) / (epsilon * epsilon))) / (2 * lambda);
      }
      return Math.pow(epsilon, -(depth - 1) / depth) / ((depth - 1) * lambda);
    }
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/**
 * The leading-order approximation of the critical time as ε → 0 (docs/math.md §3), an
 * APPROXIMATION offered so its distance from the exact value can be seen:
 *
 * - JEPA: `t* ≈ (1/λ) Σ_{n=1}^{2L−1} 1/(n ρ^{2L−1−n} ε^{n/L})` (error O(log 1/ε); independent of p).
 * - MAE, L ≥ 2: `t* ≈ ε^{−(L−1)/L} / ((L−1) λ)` (error O(1); independent of ρ and p).
 * - MAE, L = 1: `t* = (1/(2λ)) ln[(p²/(1−p²)) (ρ − ε²)/ε²]`, which is exact.
 *
 * Returns `{ exists: false, reason }` exactly when the exact critical time does not exist.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param options - objective, depth, epsilon, fraction (default ½), timeUnit (default gradient-flow; paper multiplies by L).
 * @returns a {@link CriticalTimeResult}.
 * @throws {@link InvalidArgumentError} for invalid input.
 * @example
 * ```ts
 * const r = leadingOrderCriticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.01 });
 * r.exists && r.t; // => 100
 * ```
 */
export function leadingOrderCriticalTime(feature: FeatureInput, options: LeadingOrderOptions): CriticalTimeResult {
  const where = 'leadingOrderCriticalTime';
  const { lambda, rho } = resolveFeature(feature, where);
  const objective = validateObjective(where, options.objective);
  const depth = validateDepth(where, options.depth);
  const epsilon = validateEpsilon(where, options.epsilon);
  const fraction = validateFraction(where, options.fraction ?? 0.5);
  const factor = timeFactor(validateTimeUnit(where, options.timeUnit), depth);
  const target = criticalTarget(objective, rho, depth, epsilon, fraction);
  if (!target.exists) return target;
  return {
    exists: true,
    t: factor * leadingOrderKernel(objective, lambda, rho, depth, epsilon, fraction),
    uStar: target.uStar,
    wbarTarget: target.wbarTarget,
  };
}
