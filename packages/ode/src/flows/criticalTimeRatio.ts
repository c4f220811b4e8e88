import { criticalTimesFor, type CriticalTimeOptions } from './criticalTime.js';
import type { NoCriticalTimeReason } from '@jepa-dynamics/core';
import type { FeatureInput } from './types.js';

/** Result of {@link criticalTimeRatio}. */
export type CriticalTimeRatio =
  | {
      readonly exists: true;
      /** `t*_A / t*_B`: below 1 means A is learned first. */
      readonly ratio: number;
      /** t*_A in the requested unit. */
      readonly tA: number;
      /** t*_B in the requested unit. */
      readonly tB: number;
    }
  | {
      readonly exists: false;
      /** Which feature has no critical time (A if both have none). */
      readonly feature: 'A' | 'B';
      readonly reason: NoCriticalTimeReason;
      readonly message: string;
    };

/**
 * The ratio of the critical times of two features under one setting (docs/math.md §3), the
 * quantity of the depth experiment: `t*_A / t*_B < 1` means A is learned first.
 *
 * @param a - feature A, any two of σ², λ, ρ.
 * @param b - feature B.
 * @param options - as for {@link criticalTime} (method default `'exact'`).
 * @returns the ratio and both times, or which feature has no critical time and why.
 * @throws as {@link criticalTime}.
 * @example
 * ```ts
 * // JEPA, L = 1, ε = 0.01: t*_A ≈ 101.23, t*_B ≈ 51.30, so B (λ=2, ρ=1) is learned first
 * const r = criticalTimeRatio({ lambda: 1, rho: 3 }, { lambda: 2, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.01 });
 * r.exists && r.ratio > 1; // => true
 * ```
 */
export function criticalTimeRatio(a: FeatureInput, b: FeatureInput, options: CriticalTimeOptions): CriticalTimeRatio {
  const [ra, rb] = criticalTimesFor('criticalTimeRatio', [a, b], options);
  if (!ra.exists) return { exists: false, feature: 'A', reason: ra.reason, message: `feature A: ${ra.message}` };
  if (!rb.exists) return { exists: false, feature: 'B', reason: rb.reason, message: `feature B: ${rb.message}` };
  return { exists: true, ratio: ra.t / rb.t, tA: ra.t, tB: rb.t };
}
