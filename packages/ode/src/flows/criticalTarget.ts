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
 * Start, target and existence of the critical time t*_p (docs/math.md §3). It exists iff
 * ρ > 0 (otherwise the positive balanced flow decays to 0, for MAE too: `v w̄ = u^{L+1} > 0`
 * can never reach a negative ρ) and ε < p·w̄∞.
 */
export function criticalTarget(objective: Objective, rho: number, depth: number, epsilon: number, fraction: number): CriticalTarget {
  if (!(rho > 0)) {
    return {
      exists: false,
      reason: 'rho-not-positive',
      message: `no critical time: rho = ${rho} ≤ 0, so from the positive balanced start w̄ decays to 0 under ${objective.toUpperCase()} and never reaches a fraction of a nonzero fixed point.`,
    };
  }
  const { wbar } = fixedPointKernel(objective, rho, depth);
  const wbarTarget = fraction * wbar;
  if (!(epsilon < wbarTarget)) {
    return {
      exists: false,
      reason: 'start-not-below-target',
      message: `no critical time: epsilon = ${epsilon} is not below the target p·w̄∞ = ${fraction}·${wbar} = ${wbarTarget}.`,
    };
  }
  const pRoot = Math.pow(fraction, 1 / depth);
  let uStar: number;
  switch (objective) {
    case 'jepa':
      uStar = pRoot * rho;
      break;
    case 'mae':
      uStar = pRoot * Math.pow(rho, 1 / (depth + 1));
      break;
    default: {
      const never: never = objective;
      uStar = never;
    }
  }
  return { exists: true, u0: Math.pow(epsilon, 1 / depth), uStar, wbarTarget };
}
