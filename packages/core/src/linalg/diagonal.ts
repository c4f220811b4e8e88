/**
 * Products with diagonal matrices, without forming them: O(m·n).
 * @module
 */
import { scaleColumnsKernel, scaleRowsKernel } from './kernels/diagonalKernels.js';
import { validateDimension, validateFloat64Array } from './validateMatrix.js';

/** Checks A and `out` (m×n) and the diagonal `s` (m or n entries). */
function validateScaling(where: string, out: unknown, a: unknown, s: unknown, m: unknown, n: unknown, diagonal: 'm' | 'n'): void {
  const rows = validateDimension(where, 'm', m);
  const cols = validateDimension(where, 'n', n);
  validateFloat64Array(where, 'out', out, rows * cols, `m·n = ${rows * cols}`);
  validateFloat64Array(where, 'a', a, rows * cols, `m·n = ${rows * cols}`);
  validateFloat64Array(where, 's', s, diagonal === 'm' ? rows : cols, `${diagonal} = ${diagonal === 'm' ? rows : cols}`);
}

/**
 * `out = A·diag(s)` (column j of A scaled by `s[j]`), A m×n row-major. `out` may be
 * `a` itself. Cost m·n multiplications; no allocation.
 *
 * @param out - output, length ≥ m·n.
 * @param a - m×n matrix.
 * @param s - the diagonal, length ≥ n.
 * @param m - rows.
 * @param n - columns.
 * @returns `out`.
 * @throws `InvalidArgumentError` when m or n is not an integer ≥ 0 or an array is not a `Float64Array` or too short.
 * @example
 * ```ts
 * scaleColumns(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 100), 2, 2);
 * // => Float64Array [10, 200, 30, 400]
 * ```
 */
export function scaleColumns(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  validateScaling('scaleColumns', out, a, s, m, n, 'n');
  return scaleColumnsKernel(out, a, s, m, n);
}

/**
 * `out = diag(s)·A` (row i of A scaled by `s[i]`), A m×n row-major. `out` may be `a`
 * itself. Cost m·n multiplications; no allocation.
 *
 * @param out - output, length ≥ m·n.
 * @param a - m×n matrix.
 * @param s - the diagonal, length ≥ m.
 * @param m - rows.
 * @param n - columns.
 * @returns `out`.
 * @throws `InvalidArgumentError` as {@link scaleColumns}.
 * @example
 * ```ts
 * scaleRows(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(10, 100), 2, 2);
 * // => Float64Array [10, 20, 300, 400]
 * ```
 */
export function scaleRows(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  validateScaling('scaleRows', out, a, s, m, n, 'm');
  return scaleRowsKernel(out, a, s, m, n);
}
