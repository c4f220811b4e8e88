/**
 * Matrix transpose.
 * @module
 */

/**
 * Writes `Aᵀ` (n×m) into `out` for `A` m×n, row-major. `out` must not alias `a`.
 *
 * @param out - output, length ≥ m·n.
 * @param a - m×n matrix.
 * @param m - rows of A.
 * @param n - columns of A.
 * @returns `out`.
 * @example
 * ```ts
 * transpose(new Float64Array(6), Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3);
 * // => Float64Array [1, 4, 2, 5, 3, 6]
 * ```
 */
export function transpose(out: Float64Array, a: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) out[j * m + i] = a[ai + j];
  }
  return out;
}
