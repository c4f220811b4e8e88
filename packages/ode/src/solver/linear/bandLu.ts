/**
 * LU decomposition with partial pivoting of a banded matrix and its solve, in the
 * compact row storage the banded linear solver of {@link BDF} uses; without argument
 * checks (the solver's hot path; `bandLu.test.ts` checks them against dense LU).
 *
 * Storage: an n×n matrix with `lower` sub- and `upper` superdiagonals is held row by
 * row in `n · w` numbers, `w = 2·lower + upper + 1`: entry (i, j) at
 * `a[i·w + (j − i + lower)]` for `−lower ≤ j − i ≤ lower + upper`. The extra `lower`
 * superdiagonals receive the fill-in that row interchanges create (as in LINPACK's
 * `dgbfa`); they must be zero on entry. The multipliers of step k stay where the
 * eliminated entries were, and the interchanges are replayed in the same order by the
 * solve, so no stored multiplier is ever moved.
 *
 * @module
 */

/** Row width of the band storage: `2·lower + upper + 1`. */
export function bandStorageWidth(lower: number, upper: number): number {
  return 2 * lower + upper + 1;
}

/**
 * Factors the band matrix `a` in place as `P a = L U` (Gaussian elimination with
 * partial pivoting restricted to the `lower` rows below the diagonal). Cost
 * O(n · lower · (lower + upper)) multiply–adds; no allocation.
 *
 * @param a - band storage (see the module comment), overwritten by the factors.
 * @param n - the order.
 * @param lower - the number of subdiagonals.
 * @param upper - the number of superdiagonals.
 * @param pivots - length ≥ n; receives the row interchanges.
 * @returns 0, or k + 1 for the first column k whose pivot is zero or non-finite.
 * @example
 * ```ts
 * // [[0, 1], [2, 3]] with one sub- and one superdiagonal: w = 4, entry (i, j) at i·4 + j − i + 1
 * const a = Float64Array.of(0, 0, 1, 0, 2, 3, 0, 0);
 * bandLuDecomposeKernel(a, 2, 1, 1, new Int32Array(2)); // => 0
 * ```
 */
export function bandLuDecomposeKernel(a: Float64Array, n: number, lower: number, upper: number, pivots: Int32Array): number {
  const w = 2 * lower + upper + 1;
  for (let k = 0; k < n; k++) {
    const last = Math.min(n - 1, k + lower);
    let p = k;
    let big = Math.abs(a[k * w + lower]);
    for (let i = k + 1; i <= last; i++) {
      const v = Math.abs(a[i * w + k - i + lower]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (big === 0 || !Number.isFinite(big)) return k + 1;
    const jEnd = Math.min(n - 1, k + lower + upper);
    if (p !== k) {
      for (let j = k; j <= jEnd; j++) {
        const ik = k * w + j - k + lower;
        const ip = p * w + j - p + lower;
        const tmp = a[ik];
        a[ik] = a[ip];
        a[ip] = tmp;
      }
    }
    const rk = k * w - k + lower;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i <= last; i++) {
      const ri = i * w - i + lower;
      const m = a[ri + k] * inv;
      a[ri + k] = m;
      if (m !== 0) for (let j = k + 1; j <= jEnd; j++) a[ri + j] -= m * a[rk + j];
    }
  }
  return 0;
}

/**
 * Solves `A x = b` in place from the output of {@link bandLuDecomposeKernel}.
 * Cost O(n · (2·lower + upper)); no allocation.
 *
 * @param lu - the factors (band storage).
 * @param n - the order.
 * @param lower - subdiagonals.
 * @param upper - superdiagonals.
 * @param pivots - the interchanges.
 * @param b - the right-hand side, overwritten by x.
 * @example
 * ```ts
 * const a = Float64Array.of(0, 0, 1, 0, 2, 3, 0, 0), piv = new Int32Array(2), b = Float64Array.of(1, 5);
 * bandLuDecomposeKernel(a, 2, 1, 1, piv);
 * bandLuSolveKernel(a, 2, 1, 1, piv, b);
 * b; // => Float64Array [1, 1]
 * ```
 */
export function bandLuSolveKernel(lu: Float64Array, n: number, lower: number, upper: number, pivots: Int32Array, b: Float64Array): void {
  const w = 2 * lower + upper + 1;
  // L y = P b, replaying interchange and elimination k in order.
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
    const bk = b[k];
    if (bk === 0) continue;
    const last = Math.min(n - 1, k + lower);
    for (let i = k + 1; i <= last; i++) b[i] -= lu[i * w + k - i + lower] * bk;
  }
  // U x = y: row i of U spans columns i … i + lower + upper.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * w - i + lower;
    const jEnd = Math.min(n - 1, i + lower + upper);
    let s = b[i];
    for (let j = i + 1; j <= jEnd; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}
