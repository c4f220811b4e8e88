/**
 * The objects training works on: covariances and networks (the objectives are
 * `@jepa-dynamics/core`'s `Objective`).
 * @module
 */

/**
 * Second moments of the two views (docs/math.md §1), either diagonal in the feature
 * basis (the paper's assumption; length-d vectors of the diagonals) or full
 * d×d row-major matrices (e.g. empirical covariances of a finite sample).
 * `sigmaYY = E[yyᵀ]` only enters the loss value, never the gradients; when
 * omitted it is taken equal to `sigmaXX` (true for both generative models of docs/math.md §4).
 */
export type Covariances =
  | { kind: 'diagonal'; sigmaXX: Float64Array; sigmaYX: Float64Array; sigmaYY?: Float64Array }
  | { kind: 'full'; sigmaXX: Float64Array; sigmaYX: Float64Array; sigmaYY?: Float64Array };

/**
 * A deep linear network: encoder layers `W_1 … W_L` (each d×d row-major,
 * `layers[a−1] = W_a`, so `W̄ = W_L ⋯ W_1`) and the predictor (JEPA) or decoder (MAE) `V`.
 */
export interface Network {
  /** Width d. */
  d: number;
  /** Encoder layers, `layers[a − 1] = W_a`. */
  layers: Float64Array[];
  /** Predictor / decoder V, d×d. */
  predictor: Float64Array;
}
