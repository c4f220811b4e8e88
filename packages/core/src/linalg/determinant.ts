/**
 * The determinant of a dense square matrix, from its LU factorisation.
 * @module
 */
import { luDecomposeKernel } from './kernels/luKernels.js';
import { validateSquareMatrix } from './validateMatrix.js';

/**
 * `det A` of an n×n row-major matrix: the product of the pivots of `P A = L U`
 * ({@link luDecompose}), negated once per row swap. Exactly 0 when elimination meets
 * an exactly zero pivot column (A singular to working precision); NaN when an entry is
 * not finite or the elimination overflows. `a` is not modified. Cost n³/3 multiply–adds; allocates a copy of A.
 * Rounding: the relative error is of the order of n·ε times the growth of the
 * elimination; the sign is reliable unless A is within that of a singular matrix.
 *
 * @param a - n×n matrix, row-major.
 * @param n - its order, an integer ≥ 1.
 * @returns det A.
 * @throws `InvalidArgumentError` when n is not an integer ≥ 1 or `a` is not a `Float64Array` of n² entries at least.
 * @example
 * ```ts
 * determinant(Float64Array.of(0, 2, 1, 1), 2); // => -2
 * determinant(Float64Array.of(1, 2, 2, 4), 2); // => 0
 * ```
 */
export function determinant(a: Float64Array, n: number): number {
  const where = 'determinant';
  const size = validateSquareMatrix(where, 'a', a, n);
  const lu = Float64Array.from(a.subarray(0, size));
  if (!lu.every(Number.isFinite)) return Number.NaN;
  const pivots = new Int32Array(n);
  const info = luDecomposeKernel(lu, n, pivots);
  if (info !== 0) {
    // the kernel stops at the first column whose largest candidate pivot is 0, or not
    // finite (entries are finite, so only through overflow in the elimination)
    const k = info - 1;
    return lu[pivots[k] * n + k] === 0 ? 0 : Number.NaN;
  }
  let det = 1;
  for (let k = 0; k < n; k++) det *= pivots[k] === k ? lu[k * n + k] : -lu[k * n + k];
  return det;
}
