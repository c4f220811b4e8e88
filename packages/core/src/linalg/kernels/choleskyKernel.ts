/**
 * The Cholesky factorisation without argument checks.
 * @module
 */

/**
 * Writes the lower-triangular `L` with `A = L·Lᵀ` into `l` (zeros above the diagonal),
 * reading only the lower triangle of the symmetric n×n `a`, column by column
 * (Golub & Van Loan, Alg. 4.2.1, the inner products in ascending index). `l` may be
 * `a` itself. Cost n³/3 flops; no allocation.
 *
 * @returns 0 on success, else k + 1 for the first column k whose pivot
 *   `a_kk − Σ_{j<k} l_kj²` is not positive or not finite (A is not numerically positive
 *   definite); that pivot is then left in `l[k·n + k]`, as LAPACK's DPOTF2 leaves it,
 *   and the rest of `l` is unusable.
 */
export function choleskyKernel(a: Float64Array, n: number, l: Float64Array): number {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) l[i * n + j] = 0;
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) {
      l[j * n + j] = d;
      return j + 1;
    }
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return 0;
}
