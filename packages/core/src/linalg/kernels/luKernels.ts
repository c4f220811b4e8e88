/**
 * Dense LU decomposition with partial pivoting and its triangular solves, without
 * argument checks: the hot path of the stiff solver (RODAS4 factors once per step and
 * solves six systems). Layout and conventions as {@link luDecompose}.
 *
 * @module
 */

/**
 * Columns factored together by {@link luDecomposeKernel}: the rows below a panel of this many
 * columns receive its updates in one pass instead of one pass per column.
 */
const PANEL = 4;

/**
 * {@link luDecompose} without argument checks: factors the n×n row-major `a` in place
 * as `P a = L U`, records the swaps in `pivots`, returns 0 or k + 1 for the first zero
 * (or non-finite) pivot. Cost n³/3 multiply–adds; no allocation.
 *
 * Right-looking elimination with partial pivoting, the columns taken four at a time: each
 * panel of four columns is eliminated first, then the rows of U to its right, then every
 * row below receives the panel's four updates in one pass (rank-1 updates one column at a
 * time stream the whole trailing matrix through memory once per column; against that, in the
 * `lu` section of `pnpm bench matrix`, 1.2, 1.8, 2.1, 2.1, 2.2× as fast at n = 20, 60, 180,
 * 350, 500, CPU time on the 2-core development machine at load ≈ 2.6). Each entry still
 * receives the same subtractions in the same order as in column-at-a-time elimination, so the
 * factors are bit-identical to it (tested).
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
  for (let k0 = 0; k0 < n; k0 += PANEL) {
    const k1 = Math.min(k0 + PANEL, n);
    // the panel: columns k0 … k1 − 1, every row from k0 down
    for (let k = k0; k < k1; k++) {
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
        if (m !== 0) for (let j = k + 1; j < k1; j++) a[ri + j] -= m * a[rk + j];
      }
    }
    if (k1 === n) break;
    // the panel's rows of U right of it, each after the rows above it
    for (let r = k0 + 1; r < k1; r++) {
      const rr = r * n;
      for (let k = k0; k < r; k++) {
        const m = a[rr + k];
        if (m !== 0) for (let j = k1, rk = k * n; j < n; j++) a[rr + j] -= m * a[rk + j];
      }
    }
    // every row below: the panel's updates in column order, in one pass when all four apply
    const full = k1 - k0 === PANEL;
    const r0 = k0 * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let i = k1; i < n; i++) {
      const ri = i * n;
      const m0 = a[ri + k0];
      const m1 = full ? a[ri + k0 + 1] : 0;
      const m2 = full ? a[ri + k0 + 2] : 0;
      const m3 = full ? a[ri + k0 + 3] : 0;
      if (full && m0 !== 0 && m1 !== 0 && m2 !== 0 && m3 !== 0) {
        for (let j = k1; j < n; j++) {
          let x = a[ri + j];
          x -= m0 * a[r0 + j];
          x -= m1 * a[r1 + j];
          x -= m2 * a[r2 + j];
          x -= m3 * a[r3 + j];
          a[ri + j] = x;
        }
      } else {
        for (let k = k0; k < k1; k++) {
          const m = a[ri + k];
          if (m !== 0) for (let j = k1, rk = k * n; j < n; j++) a[ri + j] -= m * a[rk + j];
        }
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
