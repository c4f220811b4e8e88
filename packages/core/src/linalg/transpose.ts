/**
 * Matrix transpose.
 * @module
 */
import { transposeKernel } from './kernels/transposeKernel.js';
import { validateDimension, validateFloat64Array, validateNoOverlap } from './validateMatrix.js';

/**
 * Writes `Aᵀ` (n×m) into `out` for `A` m×n, row-major. Cost m·n moves; no allocation.
 *
 * @param out - output, length ≥ m·n; must not overlap `a`.
 * @param a - m×n matrix.
 * @param m - rows of A.
 * @param n - columns of A.
 * @returns `out`.
 * @throws `InvalidArgumentError` when m or n is not an integer ≥ 0, an array is not a
 *   `Float64Array` or shorter than m·n, or `out` overlaps `a`.
 * @example
 * ```ts
 * transpose(new Float64Array(6), Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3);
 * // => Float64Array [1, 4, 2, 5, 3, 6]
 * ```
 */
export function transpose(out: Float64Array, a: Float64Array, m: number, n: number): Float64Array {
  const where = 'transpose';
  const size = validateDimension(where, 'm', m) * validateDimension(where, 'n', n);
  validateNoOverlap(
    where,
    'out',
    validateFloat64Array(where, 'out', out, size, `m·n = ${size}`),
    size,
    'a',
    validateFloat64Array(where, 'a', a, size, `m·n = ${size}`),
    size,
  );
  return transposeKernel(out, a, m, n);
}
