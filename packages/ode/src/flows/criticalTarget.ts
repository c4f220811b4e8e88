import { fixedPointKernel } from './fixedPoint.js';
import type { NoCriticalTimeReason, Objective } from '@jepa-dynamics/core';

/** The target of a critical time, or why there is none. Internal (kernel level, no validation). */
export type CriticalTarget =
  | {
      readonly exists: true;
      /** Start `u0 = ε^{1/L}`. */
      readonly u0: number;
      /** `u*`: JEPA `p^{1/L} ρ`, MAE `p^{1/L} ρ^{1/(L+1)}` (docs/math.md §3). */
      readonly uStar: number;
      /** `p·w̄∞`. */
      readonly wbarTarget: number;
    }
  | { readonly exists: false; readonly reason: NoCriticalTimeReason; readonly message: string };

/**
 * The target `p·w̄∞` of the critical time, ρ > 0 assumed (docs/math.md §3). Kernel shared by
 * {@link criticalTarget} and the batched path, so both compare ε with the same number.
 */
export function criticalWbarTarget(objective: Objective, rho: number, depth: number, fraction: number): number {
  return fraction * fixedPointKernel(objective, rho, depth).wbar;
}

/**
 * `u*`, the per-layer weight at which `w̄ = p·w̄∞`: JEPA `p^{1/L} ρ`, MAE `p^{1/L} ρ^{1/(L+1)}`
 * (docs/math.md §3), from `pRoot = p^{1/L}` (computed once per batch by the batched path). ρ > 0 assumed.
 */
export function criticalUStar(objective: Objective, rho: number, depth: number, pRoot: number): number {
  switch (objective) {
    case 'jepa':
      return pRoot * rho;
    case 'mae':
      return pRoot * Math.pow(rho, 1 / (depth + 1));
    default: {
      const never: never = objective;
      return never;
    }
  }
}

/** The sentence of a {@link CriticalTarget} that does not exist, with the numbers involved. */
export function noCriticalTimeMessage(
  reason: NoCriticalTimeReason,
  objective: Objective,
  rho: number,
  depth: number,
  epsilon: number,
  fraction: number,
): string {
  switch (reason) {
    case 'rho-not-positive':
      return `no critical time: rho = ${rho} ≤ 0, so from the positive balanced start w̄ decays to 0 under ${objective.toUpperCase()} and never reaches a fraction of a nonzero fixed point.`;
    case 'start-not-below-target': {
      const { wbar } = fixedPointKernel(objective, rho, depth);
      return `no critical time: epsilon = ${epsilon} is not below the target p·w̄∞ = ${fraction}·${wbar} = ${criticalWbarTarget(objective, rho, depth, fraction)}.`;
    }
    default: {
      const never: never = reason;
      return never;
    }
  }
}

/**
 * Start, target and existence of the critical time t*_p (docs/math.md §3). It exists iff
 * ρ > 0 (otherwise the positive balanced flow decays to 0, for MAE too: `v w̄ = u^{L+1} > 0`
 * can never reach a negative ρ) and ε < p·w̄∞.
 */
export function criticalTarget(objective: Objective, rho: number, depth: number, epsilon: number, fraction: number): CriticalTarget {
  if (!(rho > 0)) {
    const reason = 'rho-not-positive';
    return { exists: false, reason, message: noCriticalTimeMessage(reason, objective, rho, depth, epsilon, fraction) };
  }
  const wbarTarget = criticalWbarTarget(objective, rho, depth, fraction);
  if (!(epsilon < wbarTarget)) {
    const reason = 'start-not-below-target';
    return { exists: false, reason, message: noCriticalTimeMessage(reason, objective, rho, depth, epsilon, fraction) };
  }
  const uStar = criticalUStar(objective, rho, depth, Math.pow(fraction, 1 / depth));
  return { exists: true, u0: Math.pow(epsilon, 1 / depth), uStar, wbarTarget };
}
