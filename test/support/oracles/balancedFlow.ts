/**
 * The balanced per-feature flow of docs/math.md §2, written out for the tests: its rate,
 * its fixed point and the target of a critical time. Independent of the packages.
 */
import type { Objective } from '@jepa-dynamics/core';

/**
 * Per-layer rate du/dt of the balanced flow in gradient-flow time, σ² = λ/ρ:
 * JEPA σ² u^{2L}(ρ − u), MAE σ² u^L(ρ − u^{L+1}).
 */
export function balancedRate(objective: Objective, L: number, lambda: number, rho: number, u: number): number {
  const sigma2 = lambda / rho;
  return objective === 'jepa' ? sigma2 * u ** (2 * L) * (rho - u) : sigma2 * u ** L * (rho - u ** (L + 1));
}

/** Per-layer fixed point u∞ (ρ > 0): JEPA ρ, MAE ρ^{1/(L+1)}. */
export function fixedPointU(objective: Objective, L: number, rho: number): number {
  return objective === 'jepa' ? rho : rho ** (1 / (L + 1));
}

/** End-to-end fixed point w̄∞ = u∞^L (ρ > 0): JEPA ρ^L, MAE ρ^{L/(L+1)}. */
export function fixedPointWbar(objective: Objective, L: number, rho: number): number {
  return objective === 'jepa' ? rho ** L : rho ** (L / (L + 1));
}

/** The per-layer weight at which w̄ = p·w̄∞: u* = p^{1/L}·u∞. */
export function targetU(objective: Objective, L: number, rho: number, p = 0.5): number {
  return p ** (1 / L) * fixedPointU(objective, L, rho);
}
