import { fixedPointKernel } from './fixedPoint.js';
import { targetExcess } from './targetExcess.js';
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
      /** `u* − u0`, from ε and `p·w̄∞` when ε is near the target (see {@link criticalGap}). */
      readonly gap: number;
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
  const u0 = Math.pow(epsilon, 1 / depth);
  return { exists: true, u0, uStar, wbarTarget, gap: criticalGap(objective, rho, depth, fraction, epsilon, wbarTarget, u0, uStar) };
}

/**
 * `u* − u0` for the critical time, `0 < ε < p·w̄∞` assumed. Kernel shared by the scalar and
 * batched paths.
 *
 * `u0 = ε^{1/L}` and `u*` are each rounded to a double; when ε is close to the target their
 * difference keeps only the digits the roundings leave: ε a fraction δ below the target gives
 * `u* − u0 ≈ δ·u* / L`, so one ulp of each costs about `2.2e-16·L/δ` relative in t* (1.2e-9 at
 * L = 7, δ = 1e-6: issue 12's example). Since `u*^L = p·w̄∞` and `u0^L = ε` (docs/math.md §3),
 * `u* − u0 = u0·expm1(log1p((p·w̄∞ − ε)/ε)/L)`, with `p·w̄∞ − ε` from {@link targetExcess}
 * (the target in double-double, so its own rounding does not enter either): a few ulps
 * relative. Below half the target the plain difference is as accurate, and is used (so t*
 * there keeps its bits).
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param rho - ρ > 0.
 * @param depth - L.
 * @param fraction - p.
 * @param epsilon - ε > 0.
 * @param wbarTarget - `p·w̄∞` > ε, as a double.
 * @param u0 - `ε^{1/L}` as the caller formed it.
 * @param uStar - `u*` as the caller formed it.
 * @returns `u* − u0` > 0 (≤ 0 only when ε is within rounding of the target).
 */
export function criticalGap(
  objective: Objective,
  rho: number,
  depth: number,
  fraction: number,
  epsilon: number,
  wbarTarget: number,
  u0: number,
  uStar: number,
): number {
  if (epsilon < wbarTarget / 2) return uStar - u0;
  return u0 * Math.expm1(Math.log1p(targetExcess(objective, rho, depth, fraction, epsilon, wbarTarget) / epsilon) / depth);
}
