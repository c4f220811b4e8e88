/**
 * The modes of covariances that are not simultaneously diagonal: the generalised
 * eigenproblem Σyx v = ρ Σxx v (docs/math.md §8).
 * @module
 */
import { InvalidArgumentError, cholesky, symmetricEigen, validateInteger, validateSymmetricPositiveDefinite } from '@jepa-dynamics/core';

/** One mode of {@link generalizedModes}, with the per-feature numbers the per-feature formulas take. */
export interface GeneralizedMode {
  /** Its regression coefficient ρ: the generalised eigenvalue of Σyx v = ρ Σxx v. */
  rho: number;
  /** Its variance σ² = uᵀ Σxx u along the unit dual direction u (docs/math.md §8). */
  sigma2: number;
  /** Its covariance λ = ρ σ² = uᵀ Σxx u · ρ. */
  lambda: number;
  /** The eigenvector v, normalised by vᵀ Σxx v = 1 (length d). */
  vector: Float64Array;
  /** The unit dual direction u = Σxx v / ‖Σxx v‖ (length d), signed so that its largest-magnitude entry is positive. */
  dual: Float64Array;
}

/**
 * The modes of a pair of covariances: the solutions of the generalised eigenproblem
 * `Σyx v = ρ Σxx v` (Σxx symmetric positive definite, Σyx symmetric), largest ρ first,
 * each with the (σ², λ) the per-feature formulas take (docs/math.md §8): with the
 * Σxx-normalised eigenvector v (vᵀΣxx v = 1) and its unit dual direction u = Σxx v/‖Σxx v‖
 * (the input direction whose image W̄u the encoder learns), `σ² = uᵀΣxx u` and `λ = ρσ²`.
 * Where the covariances are diagonal with distinct ρ_i = Σyx_ii/Σxx_ii, mode k is
 * feature i with u = e_i, σ² = Σxx_ii and λ = Σyx_ii (up to rounding).
 *
 * Method: Cholesky Σxx = CCᵀ, the symmetric eigenproblem of C⁻¹ Σyx C⁻ᵀ (Jacobi, accurate
 * to high relative precision), v = C⁻ᵀ w. Cost O(d³).
 *
 * @param sigmaXX - Σxx, d×d row-major, symmetric positive definite.
 * @param sigmaYX - Σyx, d×d row-major, symmetric (to 1e-12 relative to its largest entry).
 * @param d - the width, an integer ≥ 1.
 * @returns the d modes, ρ descending.
 * @throws `InvalidArgumentError` when d is not a positive integer, a matrix has the wrong
 *   size or a non-finite entry, Σxx is not symmetric positive definite or Σyx not symmetric.
 * @example
 * ```ts
 * // diagonal covariances: the modes are the features, ordered by ρ = λ/σ²
 * const modes = generalizedModes(Float64Array.of(4, 0, 0, 1), Float64Array.of(2, 0, 0, 0.75), 2);
 * modes.map((m) => [m.rho, m.sigma2, m.lambda]); // => [[0.75, 1, 0.75], [0.5, 4, 2]]
 * ```
 */
export function generalizedModes(sigmaXX: Float64Array, sigmaYX: Float64Array, d: number): GeneralizedMode[] {
  const where = 'generalizedModes';
  validateInteger(where, 'd', d, 1);
  validateSymmetricPositiveDefinite(where, 'sigmaXX', sigmaXX, d);
  validateSymmetric(where, 'sigmaYX', sigmaYX, d);
  return generalizedModesKernel(sigmaXX, sigmaYX, d);
}

function validateSymmetric(where: string, name: string, a: Float64Array, d: number): void {
  if (!(a instanceof Float64Array) || a.length !== d * d)
    throw new InvalidArgumentError(where, name, `must be a Float64Array of d² = ${d * d} entries`, a);
  let largest = 0;
  for (let i = 0; i < d * d; i++) {
    if (!Number.isFinite(a[i]))
      throw new InvalidArgumentError(where, `${name}[${Math.floor(i / d)}][${i % d}]`, 'must be a finite number', a[i]);
    largest = Math.max(largest, Math.abs(a[i]));
  }
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      if (Math.abs(a[i * d + j] - a[j * d + i]) > 1e-12 * largest)
        throw new InvalidArgumentError(where, name, `must be symmetric (entries [${i}][${j}] and [${j}][${i}] differ)`, [
          a[i * d + j],
          a[j * d + i],
        ]);
    }
  }
}

/** {@link generalizedModes} on valid input. */
function generalizedModesKernel(sigmaXX: Float64Array, sigmaYX: Float64Array, d: number): GeneralizedMode[] {
  const c = cholesky(sigmaXX, d);
  if (c === null) throw new InvalidArgumentError('generalizedModes', 'sigmaXX', 'must be positive definite', sigmaXX);
  // M = C⁻¹ Σyx C⁻ᵀ by two triangular solves: first Y = C⁻¹ Σyx (columns), then M = C⁻¹ Yᵀ (Σyx symmetric, so Yᵀ = Σyx C⁻ᵀ)
  const y = new Float64Array(d * d);
  for (let col = 0; col < d; col++)
    forwardSolve(
      c,
      d,
      (i) => sigmaYX[i * d + col],
      (i, x) => (y[i * d + col] = x),
    );
  const m = new Float64Array(d * d);
  for (let col = 0; col < d; col++)
    forwardSolve(
      c,
      d,
      (i) => y[col * d + i],
      (i, x) => (m[i * d + col] = x),
    );
  // symmetrise against rounding (Jacobi reads the upper triangle)
  for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) m[i * d + j] = m[j * d + i] = 0.5 * (m[i * d + j] + m[j * d + i]);
  const { values, vectors } = symmetricEigen(m, d);
  const modes: GeneralizedMode[] = [];
  for (let k = 0; k < d; k++) {
    // v = C⁻ᵀ w (back substitution with Cᵀ), so that vᵀ Σxx v = wᵀ w = 1
    const v = new Float64Array(d);
    for (let i = d - 1; i >= 0; i--) {
      let s = vectors[i * d + k];
      for (let j = i + 1; j < d; j++) s -= c[j * d + i] * v[j];
      v[i] = s / c[i * d + i];
    }
    const u = new Float64Array(d);
    let norm = 0;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += sigmaXX[i * d + j] * v[j];
      u[i] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    let big = 0;
    for (let i = 1; i < d; i++) if (Math.abs(u[i]) > Math.abs(u[big])) big = i;
    const sign = u[big] < 0 ? -1 : 1;
    for (let i = 0; i < d; i++) {
      u[i] = (sign * u[i]) / norm;
      v[i] *= sign;
    }
    let sigma2 = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) sigma2 += u[i] * sigmaXX[i * d + j] * u[j];
    const rho = values[k];
    modes.push({ rho, sigma2, lambda: rho * sigma2, vector: v, dual: u });
  }
  return modes;
}

/** Solves C x = b by forward substitution (C lower triangular, row-major), reading b and writing x through callbacks. */
function forwardSolve(c: Float64Array, d: number, b: (i: number) => number, write: (i: number, x: number) => void): void {
  const x = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b(i);
    for (let j = 0; j < i; j++) s -= c[i * d + j] * x[j];
    x[i] = s / c[i * d + i];
    write(i, x[i]);
  }
}
