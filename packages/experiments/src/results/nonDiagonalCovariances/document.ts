/**
 * JSON document of result 7.
 * @module
 */
import type { NonDiagonalCovariancesData } from './compute.js';

/**
 * The JSON document of result 7: conventions, settings, the features per seed, the θ = 0
 * check, every run (per mode: ρ, σ², λ, predicted and measured t*), the θ-curves, the
 * leakage study with its fitted slopes, and the width study where there is one (extended mode).
 * @param data - what {@link computeNonDiagonalCovariances} returned.
 * @returns a JSON-compatible object.
 */
export function nonDiagonalCovariancesDocument(data: NonDiagonalCovariancesData): Record<string, unknown> {
  return {
    description:
      'Training on the static model with its signal basis rotated by θ (Σyx = R(θ)diag(λ)R(θ)ᵀ, Σxx = Σyx + diag(λ/ρ − λ)), read in the modes of Σyx v = ρ Σxx v, against the per-feature critical times of each mode.',
    conventions: {
      time: 'gradient-flow time t = kη',
      modes: 'ρ_k generalised eigenvalues (largest first); u_k = Σxx v_k/‖Σxx v_k‖; σ²_k = u_kᵀΣxx u_k; λ_k = ρ_k σ²_k (docs/math.md §8)',
      measured:
        'first time the amplitude ‖W̄u_k‖ reaches p·w̄∞(ρ_k) and stays at or above it to the end (linear interpolation between records)',
      predicted: 'exact per-feature t*_p of (λ_k, ρ_k) (docs/math.md §3)',
      leakage: 'max_{j≠k}|Ŵ_jk| / max_k|Ŵ_kk|, Ŵ = Pᵀ W̄ Σxx P, read at ½ min_k t*_k (predicted); slope fitted by least squares on log-log',
      flowChecks:
        'matrix flow (ode matrixFlow, BDF with GMRES on its exact Jacobian-vector product and block preconditioner, rtol 1e-8, atol 1e-12) from the same start, timed like training on equally spaced output times',
      rotation: 'R(θ) = G_{d−2}(θ)⋯G_0(θ), G_i the rotation by θ of the plane (e_i, e_{i+1})',
      ...(data.widths === undefined
        ? {}
        : {
            widths:
              'the width study (settings.width): per width d, the features, θ = 0 check, runs and θ-curves computed as the main grid, with the matrix flow for the first seed at settings.width.flowThetas, at its L, ε, θ and seeds',
          }),
    },
    settings: data.settings,
    features: data.features,
    thetaZeroDeviation: data.thetaZeroDeviation,
    points: data.points,
    leakage: data.leakage,
    leakageFits: data.leakageFits,
    flowChecks: data.flowChecks,
    runs: data.runs,
    ...(data.widths === undefined ? {} : { widths: data.widths }),
  };
}
