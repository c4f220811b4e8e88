import type { Objective } from '@jepa-dynamics/core';
import { seededUniform } from './seededUniform.js';

/** A point of the parameter space (λ, ρ, σ² = λ/ρ, ε, u0 = ε^{1/L}, p, u*) for the spot checks. */
export interface ParameterPoint {
  readonly lam: number;
  readonly rho: number;
  readonly s2: number;
  readonly epsilon: number;
  readonly u0: number;
  readonly p: number;
  readonly uStar: number;
}

/**
 * Seeded parameter points where the critical time exists (ε < p·w̄∞), spread over
 * λ ∈ [0.1, 10], ρ ∈ [0.2, 5] log-uniformly, p ∈ [0.1, 0.9], ε from 1e-6 up to near the target.
 *
 * @param objective - decides u* and w̄∞.
 * @param L - depth.
 * @param count - number of points.
 * @param seed - generator seed.
 * @returns the points.
 */
export function spotPoints(objective: Objective, L: number, count: number, seed: number): ParameterPoint[] {
  const rand = seededUniform(seed);
  const out: ParameterPoint[] = [];
  while (out.length < count) {
    const lam = Math.pow(10, -1 + 2 * rand());
    const rho = 0.2 * Math.pow(25, rand());
    const p = 0.1 + 0.8 * rand();
    const uStar = objective === 'jepa' ? Math.pow(p, 1 / L) * rho : Math.pow(p, 1 / L) * Math.pow(rho, 1 / (L + 1));
    const target = Math.pow(uStar, L);
    const epsilon = Math.pow(10, Math.log10(target) - 0.3 - 6 * rand());
    out.push({ lam, rho, s2: lam / rho, epsilon, u0: Math.pow(epsilon, 1 / L), p, uStar });
  }
  return out;
}
