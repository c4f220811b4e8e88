/**
 * Types shared by the JEPA and MAE gradient flows (MATH.md §1–3).
 *
 * Conventions: one feature is the scalar problem of MATH.md §2, given by any two of
 * `(σ², λ, ρ)`; time is gradient-flow time `t = kη` unless a function takes a
 * {@link TimeUnit} and is told `'paper'` (τ = L·t).
 *
 * @module
 */

/** Training objective: `'jepa'` (StopGrad target `W̄ y`) or `'mae'` (target `y`). MATH.md §1. */
export type Objective = 'jepa' | 'mae';

/**
 * Unit of time.
 * - `'gradient-flow'`: `t = kη` (k steps of learning rate η). The project's default.
 * - `'paper'`: the paper's `τ = L·t` (its eqs. 7–8 omit the factor L of the end-to-end flow).
 */
export type TimeUnit = 'gradient-flow' | 'paper';

/**
 * A feature given by any two (or all three, if consistent) of its second moments
 * (MATH.md §1): `sigma2 = σ² = E[x_i²] > 0`, `lambda = λ = E[y_i x_i]` (the
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
 * The three formulations of a per-feature flow (MATH.md §2).
 * - `'per-layer'`: the balanced per-layer weight `u` (`v = w_a = u`, `w̄ = u^L`); state `[u]`.
 * - `'end-to-end'`: the end-to-end weight `w̄`; state `[w̄]` (requires `w̄ > 0`).
 * - `'layerwise'`: the full system; state `[v, w_1, …, w_L]`, any initial values.
 */
export type Formulation = 'per-layer' | 'end-to-end' | 'layerwise';

/** Why a critical time does not exist. */
export type NoCriticalTimeReason =
  /** `ρ ≤ 0`: from the positive balanced start `w̄` decays to 0 and never approaches `w̄∞`. */
  | 'rho-not-positive'
  /** `ε ≥ p·w̄∞`: the start is not below the target, so there is no time of reaching it from below. */
  | 'start-not-below-target';

/**
 * Result of a critical-time computation: either the time, or why there is none.
 * Never a sentinel number.
 */
export type CriticalTimeResult =
  | {
      readonly exists: true;
      /** The critical time t*_p in the requested {@link TimeUnit}. */
      readonly t: number;
      /** The per-layer weight `u*` at which `w̄ = p·w̄∞` (MATH.md §3). */
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
