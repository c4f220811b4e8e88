/**
 * Critical times of docs/math.md §3 for the tests, independently of the packages: the exact
 * t*_p = t(u*), the leading order as ε → 0, and the explicit forms at depth 1.
 */
import type { Objective } from '@jepa-dynamics/core';
import { fixedPointWbar, targetU } from './balancedFlow.js';
import { timeOfU } from './timeOfU.js';

/**
 * Exact t*_p in gradient-flow time: the time w̄ takes from ε to p·w̄∞ (docs/math.md §3),
 * t(u*) with u* = p^{1/L}u∞. Undefined when there is none: ρ ≤ 0 or ε ≥ p·w̄∞.
 */
export function closedFormCriticalTime(
  objective: Objective,
  L: number,
  lambda: number,
  rho: number,
  epsilon: number,
  p = 0.5,
): number | undefined {
  if (!(rho > 0 && epsilon < p * fixedPointWbar(objective, L, rho))) return undefined;
  return timeOfU(objective, L, lambda, rho, epsilon, targetU(objective, L, rho, p));
}

/**
 * MAE at L = 1, in closed form: w̄ = u with (u²)' = 2λ u²(1 − u²/ρ), a logistic equation, so
 * t*_p = (1/(2λ)) ln[(p²/(1 − p²)) (ρ − ε²)/ε²].
 */
export function maeDepthOneCriticalTime(lambda: number, rho: number, epsilon: number, p = 0.5): number {
  return Math.log(((p * p) / (1 - p * p)) * ((rho - epsilon * epsilon) / (epsilon * epsilon))) / (2 * lambda);
}

/** MAE at L = 1: u(t) = √(ρ/(1 + C e^{−2λt})), C = (ρ − ε²)/ε² (the logistic solution above). */
export function maeDepthOneU(lambda: number, rho: number, epsilon: number, t: number): number {
  return Math.sqrt(rho / (1 + ((rho - epsilon * epsilon) / (epsilon * epsilon)) * Math.exp(-2 * lambda * t)));
}

/**
 * The leading order of t*_p as ε → 0 (docs/math.md §3): JEPA (1/λ) Σ_{n=1}^{2L−1} 1/(n ρ^{2L−1−n} ε^{n/L});
 * MAE ε^{−(L−1)/L}/((L−1)λ) for L ≥ 2, and the exact form at L = 1.
 */
export function leadingOrderTime(objective: Objective, L: number, lambda: number, rho: number, epsilon: number, p = 0.5): number {
  if (objective === 'jepa') {
    let s = 0;
    for (let n = 1; n <= 2 * L - 1; n++) s += 1 / (n * rho ** (2 * L - 1 - n) * epsilon ** (n / L));
    return s / lambda;
  }
  if (L === 1) return maeDepthOneCriticalTime(lambda, rho, epsilon, p);
  return epsilon ** (-(L - 1) / L) / ((L - 1) * lambda);
}
