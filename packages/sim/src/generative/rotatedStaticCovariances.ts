/**
 * A family of population covariances that interpolates from simultaneously diagonal to
 * strongly non-diagonal by one rotation angle θ between the signal and the noise bases
 * (docs/math.md §8).
 * @module
 */
import { InvalidArgumentError, validateFinite, validatePositive } from '@jepa-dynamics/core';

/** Σxx and Σyx (d×d row-major) of {@link rotatedStaticCovariances}. */
export interface RotatedCovariances {
  d: number;
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
  /** The rotation R(θ) of the signal basis (d×d row-major, orthogonal). */
  rotation: Float64Array;
}

/**
 * The static generative model (docs/math.md §4) with its signal covariance rotated:
 * `x = z + ξ`, `y = z + ξ'`, `Cov z = S = R(θ) diag(s) R(θ)ᵀ`, `Cov ξ = Cov ξ' = diag(γ²)`,
 * so `Σyx = S` and `Σxx = S + diag(γ²)`. Feature i at θ = 0 is given by (λ_i, ρ_i) with
 * 0 < ρ_i ≤ 1: `s_i = λ_i`, `γ²_i = λ_i/ρ_i − λ_i`. The rotation is the chain of plane
 * rotations `R(θ) = G_{d−2}(θ) ⋯ G_1(θ) G_0(θ)`, `G_i` turning the plane (e_i, e_{i+1}) by θ,
 * so every feature mixes with its neighbours; R(0) = I exactly (the covariances are then
 * diagonal, σ²_i = λ_i/ρ_i), and θ = π/4 mixes each pair half and half. Cost O(d³).
 *
 * @param features - (λ_i, ρ_i) at θ = 0, λ > 0 and 0 < ρ ≤ 1 (the static model has ρ = s/(s + γ²) ≤ 1).
 * @param theta - the rotation angle θ (radians, finite).
 * @returns Σxx, Σyx and R(θ).
 * @throws `InvalidArgumentError` for no features, λ ≤ 0, ρ outside (0, 1], or θ not finite.
 * @example
 * ```ts
 * const c = rotatedStaticCovariances([{ lambda: 1, rho: 0.5 }, { lambda: 2, rho: 1 }], 0);
 * [...c.sigmaXX]; // => [2, 0, 0, 2]
 * [...c.sigmaYX]; // => [1, 0, 0, 2]
 * ```
 */
export function rotatedStaticCovariances(features: readonly { lambda: number; rho: number }[], theta: number): RotatedCovariances {
  const where = 'rotatedStaticCovariances';
  if (!Array.isArray(features) || features.length === 0)
    throw new InvalidArgumentError(where, 'features', 'must be a non-empty array', features);
  features.forEach((f, i) => {
    validatePositive(where, `features[${i}].lambda`, f.lambda);
    if (!(f.rho > 0 && f.rho <= 1)) throw new InvalidArgumentError(where, `features[${i}].rho`, 'must be in (0, 1] (static model)', f.rho);
  });
  validateFinite(where, 'theta', theta);
  const d = features.length;
  const r = new Float64Array(d * d);
  for (let i = 0; i < d; i++) r[i * d + i] = 1;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  // R ← G_i R for i = 0 … d−2: rows i and i+1 of R turn by θ
  for (let i = 0; i + 1 < d; i++) {
    for (let j = 0; j < d; j++) {
      const a = r[i * d + j];
      const b = r[(i + 1) * d + j];
      r[i * d + j] = c * a - s * b;
      r[(i + 1) * d + j] = s * a + c * b;
    }
  }
  const sigmaYX = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += r[i * d + k] * features[k].lambda * r[j * d + k];
      sigmaYX[i * d + j] = sigmaYX[j * d + i] = sum;
    }
  }
  const sigmaXX = Float64Array.from(sigmaYX);
  for (let i = 0; i < d; i++) sigmaXX[i * d + i] += features[i].lambda / features[i].rho - features[i].lambda;
  return { d, sigmaXX, sigmaYX, rotation: r };
}
