/**
 * Cholesky factorisation and the positive-definiteness test built on it.
 * @module
 */

/**
 * The lower-triangular Cholesky factor `L` with `A = L·Lᵀ` of a symmetric n×n
 * matrix (only its lower triangle is read), or `null` when A is not (numerically)
 * positive definite: a pivot ≤ 0 or non-finite. Cost n³/3 flops.
 *
 * @param a - n×n symmetric matrix, row-major.
 * @param n - its order.
 * @returns L (row-major, zeros above the diagonal) or `null`.
 * @example
 * ```ts
 * cholesky(Float64Array.of(4, 2, 2, 5), 2); // => Float64Array [2, 0, 1, 2]
 * cholesky(Float64Array.of(1, 2, 2, 1), 2); // => null
 * ```
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}
