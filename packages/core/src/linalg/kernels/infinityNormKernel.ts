/**
 * The ∞-norm of a square matrix, without argument checks.
 *
 * @module
 */

/**
 * `‖A‖∞ = max_i Σ_j |a_ij|`, the largest absolute row sum of the n×n row-major `a`: an
 * upper bound of the spectral radius of A (the stiff solvers' eigenvalue estimate of
 * ∂f/∂y). Kernel: no argument checks. Cost n² additions.
 *
 * @param a - the matrix, row-major, length ≥ n².
 * @param n - the order (not checked).
 * @returns the largest absolute row sum (0 for n = 0).
 * @example
 * ```ts
 * infinityNormKernel(Float64Array.of(1, -2, 3, 4), 2); // => 7
 * ```
 */
export function infinityNormKernel(a: Float64Array, n: number): number {
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(a[i * n + j]);
    if (row > norm) norm = row;
  }
  return norm;
}
