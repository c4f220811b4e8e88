/**
 * Dense LU decomposition with partial (row) pivoting, and the triangular solves
 * that go with it: the linear algebra of the stiff method RODAS4 of `@jepa-dynamics/ode`,
 * and of {@link determinant}.
 *
 * Matrices are row-major `Float64Array`s of length n² (`a[i * n + j]` is row i,
 * column j). The factorization overwrites the matrix: below the diagonal the unit
 * lower factor L (its ones not stored), on and above it the upper factor U, with
 * `P A = L U` where `P` is recorded as the row swaps in `pivots`.
 *
 * @module
 */

import { luDecomposeKernel, luSolveKernel } from './kernels/luKernels.js';
import { validateFloat64Array, validateInt32Array, validateSquareMatrix } from './validateMatrix.js';

/**
 * Factors the n×n row-major matrix `a` in place as `P a = L U` (Doolittle form,
 * partial pivoting: at step k the row with the largest |a[i][k]|, i ≥ k, is swapped
 * into row k). Cost: n³/3 multiply–adds. No allocation.
 *
 * @param a - the matrix, row-major, length n²; overwritten by L (strictly below the diagonal) and U.
 * @param n - the order of the matrix (integer ≥ 1).
 * @param pivots - length ≥ n; receives the swaps: row k was exchanged with row `pivots[k]` (≥ k) at step k.
 * @returns 0 when the factorization succeeded, otherwise k + 1 where k is the first
 *   column whose pivot is exactly zero (the matrix is singular to working precision;
 *   the contents of `a` are then unusable). It mirrors LINPACK's DGEFA `INFO`.
 * @throws `InvalidArgumentError` when `n` is not an integer ≥ 1 or an array has the wrong type or is too short.
 * @example
 * ```ts
 * const a = new Float64Array([0, 2, 1, 1]); // [[0, 2], [1, 1]]
 * const piv = new Int32Array(2);
 * luDecompose(a, 2, piv); // => 0
 * Array.from(piv); // => [1, 1]
 * Array.from(a); // => [1, 1, 0, 2]  (L = [[1, 0], [0, 1]], U = [[1, 1], [0, 2]])
 * ```
 */
export function luDecompose(a: Float64Array, n: number, pivots: Int32Array): number {
  checkShape('luDecompose', a, n, pivots);
  return luDecomposeKernel(a, n, pivots);
}

/**
 * Solves `A x = b` in place, given the output of {@link luDecompose} for A.
 * Cost: n² multiply–adds. No allocation.
 *
 * @param lu - the factored matrix from {@link luDecompose} (row-major, length n²).
 * @param n - the order (integer ≥ 1).
 * @param pivots - the row swaps from {@link luDecompose}.
 * @param b - the right-hand side, length ≥ n; overwritten by the solution x.
 * @throws `InvalidArgumentError` when `n` is not an integer ≥ 1 or an array has the wrong type or is too short.
 * @example
 * ```ts
 * const a = new Float64Array([0, 2, 1, 1]); // [[0, 2], [1, 1]]
 * const piv = new Int32Array(2);
 * luDecompose(a, 2, piv);
 * const b = new Float64Array([4, 3]);
 * luSolve(a, 2, piv, b);
 * Array.from(b); // => [1, 2]
 * ```
 */
export function luSolve(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array): void {
  checkShape('luSolve', lu, n, pivots);
  validateFloat64Array('luSolve', 'b', b, n, `n = ${n}`);
  luSolveKernel(lu, n, pivots, b);
}

function checkShape(where: string, a: Float64Array, n: number, pivots: Int32Array): void {
  validateSquareMatrix(where, 'a', a, n);
  validateInt32Array(where, 'pivots', pivots, n, `n = ${n}`);
}
