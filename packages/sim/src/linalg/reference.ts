/**
 * Plain i-k-j triple-loop matrix products: the reference every fast kernel is
 * tested against (bit for bit) and the baseline of `bench/sim.ts`.
 *
 * All matrices are dense, row-major `Float64Array`s. Each entry `c_ij` is
 * accumulated as `((0 + a_i0 b_0j) + a_i1 b_1j) + …` in ascending `p`, with a
 * separate multiply and add (JavaScript never fuses them); the fast kernels keep
 * exactly this order, which is why their results are identical.
 *
 * @module
 */

/**
 * `C = A·B` with `A` m×k, `B` k×n, `C` m×n (row-major), by the plain i-k-j loop.
 * Cost: m·k·n multiply-adds. `C` must not alias `A` or `B`.
 *
 * @param c - output, length ≥ m·n, overwritten.
 * @param a - left factor, length ≥ m·k.
 * @param b - right factor, length ≥ k·n.
 * @param m - rows of A and C.
 * @param k - columns of A, rows of B.
 * @param n - columns of B and C.
 * @returns `c`.
 * @example
 * ```ts
 * const c = matmulReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [19, 22, 43, 50]
 * ```
 */
export function matmulReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
    }
  }
  return c;
}

/**
 * `C = Aᵀ·B` with `A` k×m, `B` k×n, `C` m×n, by the plain i-k-j loop on `Aᵀ`.
 *
 * @param c - output, length ≥ m·n, overwritten; must not alias `a` or `b`.
 * @param a - k×m matrix whose transpose is the left factor.
 * @param b - k×n right factor.
 * @param m - columns of A, rows of C.
 * @param k - rows of A and B.
 * @param n - columns of B and C.
 * @returns `c`.
 * @example
 * ```ts
 * const c = matmulTransAReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [26, 30, 38, 44]
 * ```
 */
export function matmulTransAReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[p * m + i];
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
    }
  }
  return c;
}

/**
 * `C = A·Bᵀ` with `A` m×k, `B` n×k, `C` m×n, by the plain i-k-j loop on `Bᵀ`.
 *
 * @param c - output, length ≥ m·n, overwritten; must not alias `a` or `b`.
 * @param a - m×k left factor.
 * @param b - n×k matrix whose transpose is the right factor.
 * @param m - rows of A and C.
 * @param k - columns of A and B.
 * @param n - rows of B, columns of C.
 * @returns `c`.
 * @example
 * ```ts
 * const c = matmulTransBReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [17, 23, 39, 53]
 * ```
 */
export function matmulTransBReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  c.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      for (let j = 0; j < n; j++) c[ci + j] += aip * b[j * k + p];
    }
  }
  return c;
}
