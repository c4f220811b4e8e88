/**
 * Dense LU decomposition with partial (row) pivoting, and the triangular solves
 * that go with it: the linear algebra of the stiff method {@link RODAS4}.
 *
 * Matrices are row-major `Float64Array`s of length n² (`a[i * n + j]` is row i,
 * column j). The factorization overwrites the matrix: below the diagonal the unit
 * lower factor L (its ones not stored), on and above it the upper factor U, with
 * `P A = L U` where `P` is recorded as the row swaps in `pivots`.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';

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
 * @throws {@link InvalidArgumentError} when `n` is not a positive integer or the arrays are too short.
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
 * @throws {@link InvalidArgumentError} when `n` is not a positive integer or the arrays are too short.
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
  if (b.length < n) throw new InvalidArgumentError('luSolve', 'b', `must have length at least n = ${n}`, b.length);
  luSolveKernel(lu, n, pivots, b);
}

function checkShape(where: string, a: Float64Array, n: number, pivots: Int32Array): void {
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(where, 'n', 'must be a positive integer', n);
  if (a.length < n * n) throw new InvalidArgumentError(where, 'a', `must have length at least n² = ${n * n}`, a.length);
  if (pivots.length < n) throw new InvalidArgumentError(where, 'pivots', `must have length at least n = ${n}`, pivots.length);
}

/** {@link luDecompose} without argument checks (hot path of the stiff solver). */
export function luDecomposeKernel(a: Float64Array, n: number, pivots: Int32Array): number {
  for (let k = 0; k < n; k++) {
    let p = k;
    let big = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (big === 0 || !Number.isFinite(big)) return k + 1;
    if (p !== k) {
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k] * inv;
      a[ri + k] = m;
      if (m !== 0) {
        for (let j = k + 1; j < n; j++) a[ri + j] -= m * a[rk + j];
      }
    }
  }
  return 0;
}

/** {@link luSolve} without argument checks (hot path of the stiff solver). */
export function luSolveKernel(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array): void {
  // Forward substitution L y = P b, applying the swaps in the order they were made.
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * b[j];
    b[i] = s;
  }
  // Back substitution U x = y.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}
