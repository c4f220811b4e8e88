/**
 * A row-major matrix as its rows: the JSON form of the matrices a run carries.
 * @module
 */

/**
 * The d rows of a d×d row-major matrix, as arrays of numbers.
 * @param m - the matrix (length d²).
 * @param d - its order.
 * @returns `rows[i][j] = m[i·d + j]`.
 */
export function matrixRows(m: Float64Array, d: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));
}
