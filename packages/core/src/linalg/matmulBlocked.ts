/**
 * Register-blocked `C = A·B` in plain JavaScript.
 *
 * @module
 */
import { matmulBlockedKernel } from './kernels/matmulBlockedKernel.js';
import { validateProduct } from './validateProduct.js';

/**
 * `C = A·B` with `A` m×k, `B` k×n (row-major), 4×4 blocks of C held in registers while
 * the inner dimension streams through: the fast product where WebAssembly SIMD is
 * unavailable. Bit-identical to {@link matmulReference} (same accumulation order).
 * Cost m·k·n multiply-adds; no allocation.
 *
 * @param c - output, length ≥ m·n, overwritten; must not overlap `a` or `b`.
 * @param a - left factor, m×k.
 * @param b - right factor, k×n.
 * @param m - rows of A and C.
 * @param k - inner dimension.
 * @param n - columns of B and C.
 * @returns `c`.
 * @throws `InvalidArgumentError` as {@link matmulReference}.
 * @example
 * ```ts
 * const c = matmulBlocked(new Float64Array(4), Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * // c => Float64Array [19, 22, 43, 50]
 * ```
 */
export function matmulBlocked(c: Float64Array, a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  validateProduct('matmulBlocked', c, a, b, m, k, n);
  return matmulBlockedKernel(c, a, b, m, k, n);
}
