/**
 * Types shared by the JEPA and MAE gradient flows (docs/math.md §1–3).
 *
 * Conventions: one feature is the scalar problem of docs/math.md §2, given by any two of
 * `(σ², λ, ρ)`; time is gradient-flow time `t = kη` unless a function takes a
 * `TimeUnit` and is told `'paper'` (τ = L·t).
 *
 * @module
 */
import type { NoCriticalTimeReason } from '@jepa-dynamics/core';

/**
 * A feature given by any two (or all three, if consistent) of its second moments
 * (docs/math.md §1): `sigma2 = σ² = E[x_i²] > 0`, `lambda = λ = E[y_i x_i]` (the
 * covariance), `rho = ρ = λ/σ²` (the regression coefficient, "influence").
 */
export interface FeatureInput {
  /** Variance σ² of the feature in view x; must be > 0. */
  sigma2?: number;
  /** Cross-covariance λ between the views; finite, same sign as ρ. */
  lambda?: number;
  /** Regression coefficient ρ = λ/σ²; finite, same sign as λ. */
  rho?: number;
}

/** A validated feature with all three moments filled in (`lambda = sigma2 · rho`). */
export interface Feature {
  /** σ² > 0. */
  readonly sigma2: number;
  /** λ = σ² ρ. */
  readonly lambda: number;
  /** ρ = λ / σ². */
  readonly rho: number;
}

/**
 * Result of a critical-time computation: either the time, or why there is none.
 * Never a sentinel number.
 */
export type CriticalTimeResult =
  | {
      readonly exists: true;
      /** The critical time t*_p in the requested `TimeUnit`. */
      readonly t: number;
      /** The per-layer weight `u*` at which `w̄ = p·w̄∞` (docs/math.md §3). */
      readonly uStar: number;
      /** The target `p·w̄∞`. */
      readonly wbarTarget: number;
    }
  | {
      readonly exists: false;
      /** Machine-readable reason. */
      readonly reason: NoCriticalTimeReason;
      /** One sentence for a human, with the numbers involved. */
      readonly message: string;
    };
