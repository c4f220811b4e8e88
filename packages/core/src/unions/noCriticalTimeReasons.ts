/**
 * Why a critical time does not exist.
 *
 * @module
 */

/**
 * The reasons a critical time `t*_p` does not exist (docs/math.md §3):
 * - `'rho-not-positive'`: `ρ ≤ 0`, so from the positive balanced start `w̄` decays to 0
 *   and never approaches `w̄∞`;
 * - `'start-not-below-target'`: `ε ≥ p·w̄∞`, so the start is not below the target and
 *   there is no time of reaching it from below.
 *
 * @example
 * ```ts
 * NO_CRITICAL_TIME_REASONS;
 * // => ["rho-not-positive", "start-not-below-target"]
 * ```
 */
export const NO_CRITICAL_TIME_REASONS = ['rho-not-positive', 'start-not-below-target'] as const;

/** Why a critical time does not exist: one of {@link NO_CRITICAL_TIME_REASONS}. */
export type NoCriticalTimeReason = (typeof NO_CRITICAL_TIME_REASONS)[number];
