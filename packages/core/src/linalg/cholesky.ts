/**
 * Cholesky factorisation and the positive-definiteness test built on it.
 * @module
 */
import { choleskyKernel } from './kernels/choleskyKernel.js';
import { validateFloat64Array, validateNoOverlap, validateSquareMatrix } from './validateMatrix.js';

/**
 * Factors a symmetric n×n matrix as `A = L·Lᵀ` into `l` (only the lower triangle of
 * `a` is read): the in-place, allocation-free form of {@link cholesky}, reporting where
 * positive definiteness fails as LAPACK's DPOTRF does. Cost n³/3 flops.
 *
 * @param a - n×n symmetric matrix, row-major.
 * @param n - its order, an integer ≥ 1.
 * @param l - output, length ≥ n²: L row-major with zeros above the diagonal. May be `a`
 *   itself; must not otherwise overlap it.
 * @returns 0 on success; otherwise k + 1 for the first column k (0-based) whose pivot
 *   is not positive or not finite, a negative or zero pivot meaning A is not
 *   (numerically) positive definite. That pivot is left in `l[k·n + k]`.
 * @throws `InvalidArgumentError` when n is not an integer ≥ 1, an array is not a
 *   `Float64Array` or shorter than n², or `l` overlaps `a` without being it.
 * @example
 * ```ts
 * const l = new Float64Array(4);
 * choleskyDecompose(Float64Array.of(4, 2, 2, 5), 2, l); // => 0
 * l; // => Float64Array [2, 0, 1, 2]
 * choleskyDecompose(Float64Array.of(1, 2, 2, 1), 2, l); // => 2
 * l[3]; // => -3  (the second pivot, 1 − 2²)
 * ```
 */
export function choleskyDecompose(a: Float64Array, n: number, l: Float64Array): number {
  const where = 'choleskyDecompose';
  const size = validateSquareMatrix(where, 'a', a, n);
  const output = validateFloat64Array(where, 'l', l, size, `n² = ${size}`);
  if (output !== a) validateNoOverlap(where, 'l', output, size, 'a', a, size);
  return choleskyKernel(a, n, l);
}

/**
 * The lower-triangular Cholesky factor `L` with `A = L·Lᵀ` of a symmetric n×n
 * matrix (only its lower triangle is read), or `null` when A is not (numerically)
 * positive definite: a pivot ≤ 0 or non-finite. Cost n³/3 flops; allocates L.
 *
 * @param a - n×n symmetric matrix, row-major.
 * @param n - its order, an integer ≥ 1.
 * @returns L (row-major, zeros above the diagonal) or `null`.
 * @throws `InvalidArgumentError` when n is not an integer ≥ 1 or `a` is not a `Float64Array` of n² entries at least.
 * @example
 * ```ts
 * cholesky(Float64Array.of(4, 2, 2, 5), 2); // => Float64Array [2, 0, 1, 2]
 * cholesky(Float64Array.of(1, 2, 2, 1), 2); // => null
 * ```
 */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const where = 'cholesky';
  const l = new Float64Array(validateSquareMatrix(where, 'a', a, n));
  return choleskyKernel(a, n, l) === 0 ? l : null;
}
