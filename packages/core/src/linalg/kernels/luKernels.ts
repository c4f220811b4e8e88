/**
 * Dense LU decomposition with partial pivoting and its triangular solves, without
 * argument checks: the hot path of the stiff solver (RODAS4 factors once per step and
 * solves six systems). Layout and conventions as {@link luDecompose}.
 *
 * @module
 */

/**
 * {@link luDecompose} without argument checks: factors the n×n row-major `a` in place
 * as `P a = L U`, records the swaps in `pivots`, returns 0 or k + 1 for the first zero
 * (or non-finite) pivot. Cost n³/3 multiply–adds; no allocation.
 *
 * @param a - the matrix, row-major, length ≥ n²; overwritten by L and U.
 * @param n - the order, an integer ≥ 1 (not checked).
 * @param pivots - length ≥ n; receives the row swaps.
 * @returns 0, or k + 1 for the first column k whose pivot is zero or non-finite.
 * @example
 * ```ts
 * const a = Float64Array.of(0, 2, 1, 1);
 * luDecomposeKernel(a, 2, new Int32Array(2)); // => 0
 * a; // => Float64Array [1, 1, 0, 2]
 * ```
 */
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

/**
 * {@link luSolve} without argument checks: solves `A x = b` in place from the output of
 * {@link luDecomposeKernel}. Cost n² multiply–adds; no allocation.
 *
 * @param lu - the factored matrix.
 * @param n - the order (not checked).
 * @param pivots - the row swaps.
 * @param b - the right-hand side, length ≥ n; overwritten by x.
 * @param luOffset - where the factored matrix starts in `lu` (default 0): many small
 *   factorizations can share one array without a view per solve.
 * @param pivotOffset - where its row swaps start in `pivots` (default 0).
 * @example
 * ```ts
 * const a = Float64Array.of(0, 2, 1, 1), piv = new Int32Array(2), b = Float64Array.of(4, 3);
 * luDecomposeKernel(a, 2, piv);
 * luSolveKernel(a, 2, piv, b);
 * b; // => Float64Array [1, 2]
 * ```
 */
export function luSolveKernel(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array, luOffset = 0, pivotOffset = 0): void {
  // Forward substitution L y = P b, applying the swaps in the order they were made.
  for (let k = 0; k < n; k++) {
    const p = pivots[pivotOffset + k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = luOffset + i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * b[j];
    b[i] = s;
  }
  // Back substitution U x = y.
  for (let i = n - 1; i >= 0; i--) {
    const ri = luOffset + i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}
