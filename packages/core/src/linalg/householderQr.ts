/**
 * QR factorisation by Householder reflections.
 * @module
 */
import { householderQrKernel } from './kernels/householderQrKernel.js';
import { validateSquareMatrix } from './validateMatrix.js';

/** The factors of {@link householderQr}: `A = Q·R`, Q orthogonal, R upper triangular (both n×n, row-major). */
export interface QrFactors {
  q: Float64Array;
  r: Float64Array;
}

/**
 * `A = Q·R` for a square n×n matrix by Householder reflections, blocked: panels of 32
 * columns are factored on contiguous (transposed) copies and applied to the rest of the
 * matrix as block reflectors `I − V T Vᵀ`, two matrix products each on the WebAssembly
 * kernels (Golub & Van Loan §5.2.3; LAPACK's dgeqrf and dorgqr). Q is formed explicitly.
 * Cost ≈ (8/3)n³ flops, nearly all in products (n = 1024: 0.36 s CPU on the development
 * machine; the unblocked column-wise loop it replaced took about 30 s); memory ≈ 5n²
 * doubles. The same bits on every engine (products bit-identical to the reference loop).
 * Stable for any A (rank-deficient included); the signs of diag(R) are whatever
 * the reflections give (fix them with {@link randomOrthogonal}'s convention if a unique Q is needed).
 *
 * @param a - n×n matrix, not modified.
 * @param n - its order, an integer ≥ 1.
 * @returns Q and R.
 * @throws `InvalidArgumentError` when n is not an integer ≥ 1 or `a` is not a `Float64Array` of n² entries at least.
 * @example
 * ```ts
 * const { q, r } = householderQr(Float64Array.of(3, 0, 4, 5), 2);
 * // q => ≈ Float64Array [-0.6, -0.8, -0.8, 0.6]
 * // r => Float64Array [-5, -4, 0, 3]
 * ```
 */
export function householderQr(a: Float64Array, n: number): QrFactors {
  validateSquareMatrix('householderQr', 'a', a, n);
  return householderQrKernel(a, n);
}
