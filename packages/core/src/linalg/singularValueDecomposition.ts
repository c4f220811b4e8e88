/**
 * Singular value decomposition by one-sided Jacobi (Hestenes) rotations.
 * @module
 */
import { singularValueDecompositionKernel } from './kernels/singularValueDecompositionKernel.js';
import { validateSquareMatrix } from './validateMatrix.js';

/** `A = U·diag(values)·Vᵀ`: singular values descending; U, V n×n row-major with the singular vectors as columns. */
export interface SingularValueDecomposition {
  values: Float64Array;
  u: Float64Array;
  v: Float64Array;
}

/**
 * SVD of a square n×n matrix by one-sided Jacobi: rotate pairs of columns of
 * `A·V` until all are mutually orthogonal to 1e-15 relative (Demmel & Veselić,
 * SIAM J. Matrix Anal. Appl. 13, 1992), which gives small singular values to
 * high relative accuracy (unlike the eigenvalues of AᵀA). Cost ≈ 8n³ per sweep, a few sweeps.
 * Columns of U for zero singular values are left zero.
 *
 * @param a - n×n matrix, row-major, not modified.
 * @param n - its order, an integer ≥ 1.
 * @returns singular values (descending) and vectors.
 * @throws `InvalidArgumentError` when n is not an integer ≥ 1 or `a` is not a `Float64Array` of n² entries at least.
 * @example
 * ```ts
 * singularValueDecomposition(Float64Array.of(0, 2, 3, 0), 2).values;
 * // => Float64Array [3, 2]
 * ```
 */
export function singularValueDecomposition(a: Float64Array, n: number): SingularValueDecomposition {
  validateSquareMatrix('singularValueDecomposition', 'a', a, n);
  return singularValueDecompositionKernel(a, n);
}
