/**
 * QR factorisation by Householder reflections.
 * @module
 */

/** The factors of {@link householderQr}: `A = Q·R`, Q orthogonal, R upper triangular (both n×n, row-major). */
export interface QrFactors {
  q: Float64Array;
  r: Float64Array;
}

/**
 * `A = Q·R` for a square n×n matrix by n−1 Householder reflections
 * (Golub & Van Loan, Alg. 5.2.1), Q accumulated explicitly. Cost ≈ (4/3)n³ + 2n³ flops.
 * Stable for any A (rank-deficient included); the signs of diag(R) are whatever
 * the reflections give (fix them with {@link randomOrthogonal}'s convention if a unique Q is needed).
 *
 * @param a - n×n matrix, not modified.
 * @param n - its order.
 * @returns Q and R.
 * @example
 * ```ts
 * const { q, r } = householderQr(Float64Array.of(3, 0, 4, 5), 2);
 * // q => ≈ Float64Array [-0.6, -0.8, -0.8, 0.6]
 * // r => Float64Array [-5, -4, 0, 3]
 * ```
 */
export function householderQr(a: Float64Array, n: number): QrFactors {
  const r = Float64Array.from(a.subarray(0, n * n));
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let j = 0; j < n - 1; j++) {
    let norm2 = 0;
    for (let i = j; i < n; i++) norm2 += r[i * n + j] * r[i * n + j];
    const norm = Math.sqrt(norm2);
    if (norm === 0) continue;
    const x0 = r[j * n + j];
    // v = x + sign(x0)‖x‖e1 avoids cancellation (Golub & Van Loan §5.1.2)
    const alpha = x0 >= 0 ? -norm : norm;
    for (let i = j; i < n; i++) v[i] = r[i * n + j];
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    // R ← (I − 2vvᵀ/vᵀv) R on rows j..n−1
    for (let c = j; c < n; c++) {
      let s = 0;
      for (let i = j; i < n; i++) s += v[i] * r[i * n + c];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) r[i * n + c] -= f * v[i];
    }
    for (let i = j + 1; i < n; i++) r[i * n + j] = 0;
    // Q ← Q (I − 2vvᵀ/vᵀv) on columns j..n−1
    for (let rr = 0; rr < n; rr++) {
      let s = 0;
      for (let i = j; i < n; i++) s += q[rr * n + i] * v[i];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) q[rr * n + i] -= f * v[i];
    }
  }
  return { q, r };
}
