/**
 * Plain i-k-j triple-loop matrix products: the reference every fast kernel is
 * tested against (bit for bit) and the baseline of the benchmarks.
 *
 * All matrices are dense, row-major `Float64Array`s. Each entry `c_ij` is
 * accumulated as `((0 + a_i0 b_0j) + a_i1 b_1j) + …` in ascending inner index, with a
 * separate multiply and add (JavaScript never fuses them); the fast kernels
 * ({@link matmulBlocked}, the WebAssembly SIMD kernel of {@link createMatrixWorkspace})
 * keep exactly this order, which is why their results are identical.
 *
 * @module
 */
import { matmulReferenceKernel, matmulTransAReferenceKernel, matmulTransBReferenceKernel } from './kernels/matmulReferenceKernels.js';
import { validateProduct } from './validateProduct.js';

/**
 * `C = A·B` with `A` m×k, `B` k×n, `C` m×n (row-major), by the plain i-k-j loop.
 * Cost: m·k·n multiply-adds; no allocation.
 *
 * @param c - output, length ≥ m·n, overwritten; must not overlap `a` or `b`.
 * @param a - left factor, length ≥ m·k.
 * @param b - right factor, length ≥ k·n.
 * @param m - rows of A and C.
 * @param k - columns of A, rows of B.
 * @param n - columns of B and C.
 * @returns `c`.
 * @throws `InvalidArgumentError` when a dimension is not an integer ≥ 0, an array is
 *   not a `Float64Array` or too short, or `c` overlaps `a` or `b`.
 * @example
 * ```ts
 * const c = matmulReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [19, 22, 43, 50]
 * ```
 */
export function matmulReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  validateProduct('matmulReference', c, a, b, m, k, n);
  return matmulReferenceKernel(c, a, b, m, k, n);
}

/**
 * `C = Aᵀ·B` with `A` k×m, `B` k×n, `C` m×n, by the plain i-k-j loop on `Aᵀ`.
 * Cost: m·k·n multiply-adds; no allocation.
 *
 * @param c - output, length ≥ m·n, overwritten; must not overlap `a` or `b`.
 * @param a - k×m matrix whose transpose is the left factor.
 * @param b - k×n right factor.
 * @param m - columns of A, rows of C.
 * @param k - rows of A and B.
 * @param n - columns of B and C.
 * @returns `c`.
 * @throws `InvalidArgumentError` as {@link matmulReference}.
 * @example
 * ```ts
 * const c = matmulTransAReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [26, 30, 38, 44]
 * ```
 */
export function matmulTransAReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  validateProduct('matmulTransAReference', c, a, b, m, k, n);
  return matmulTransAReferenceKernel(c, a, b, m, k, n);
}

/**
 * `C = A·Bᵀ` with `A` m×k, `B` n×k, `C` m×n, by the plain i-k-j loop on `Bᵀ`.
 * Cost: m·k·n multiply-adds; no allocation.
 *
 * @param c - output, length ≥ m·n, overwritten; must not overlap `a` or `b`.
 * @param a - m×k left factor.
 * @param b - n×k matrix whose transpose is the right factor.
 * @param m - rows of A and C.
 * @param k - columns of A and B.
 * @param n - rows of B, columns of C.
 * @returns `c`.
 * @throws `InvalidArgumentError` as {@link matmulReference}.
 * @example
 * ```ts
 * const c = matmulTransBReference(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [17, 23, 39, 53]
 * ```
 */
export function matmulTransBReference(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  validateProduct('matmulTransBReference', c, a, b, m, k, n);
  return matmulTransBReferenceKernel(c, a, b, m, k, n);
}
