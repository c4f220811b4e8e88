/**
 * Products with diagonal matrices, without forming them: O(m·n).
 * @module
 */

/**
 * `out = A·diag(s)` (column j of A scaled by `s[j]`), A m×n row-major. `out` may alias `a`.
 *
 * @param out - output, length ≥ m·n.
 * @param a - m×n matrix.
 * @param s - the diagonal, length n.
 * @param m - rows.
 * @param n - columns.
 * @returns `out`.
 * @example
 * ```ts
 * scaleColumns(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 100), 2, 2);
 * // => Float64Array [10, 200, 30, 400]
 * ```
 */
export function scaleColumns(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) out[o + j] = a[o + j] * s[j];
  }
  return out;
}

/**
 * `out = diag(s)·A` (row i of A scaled by `s[i]`), A m×n row-major. `out` may alias `a`.
 *
 * @param out - output, length ≥ m·n.
 * @param a - m×n matrix.
 * @param s - the diagonal, length m.
 * @param m - rows.
 * @param n - columns.
 * @returns `out`.
 * @example
 * ```ts
 * scaleRows(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 100), 2, 2);
 * // => Float64Array [10, 20, 300, 400]
 * ```
 */
export function scaleRows(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const si = s[i];
    for (let j = 0; j < n; j++) out[o + j] = si * a[o + j];
  }
  return out;
}
