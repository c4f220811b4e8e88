/**
 * The check of a covariance matrix: symmetric and positive definite.
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { choleskyKernel } from './kernels/choleskyKernel.js';
import { validateSquareMatrix } from './validateMatrix.js';

/**
 * Checks that an n×n row-major matrix is a covariance the dynamics can use: finite
 * entries, symmetric to 1e-12 relative to its largest entry (what rounding leaves in a
 * computed covariance), and positive definite (the Cholesky factorisation of its lower
 * triangle, {@link choleskyDecompose}, finds positive pivots). Cost n³/3 flops; allocates
 * one n×n scratch.
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name, e.g. `covariances.sigmaXX`.
 * @param a - the matrix, row-major.
 * @param n - its order, an integer ≥ 1.
 * @throws `InvalidArgumentError` naming the first offending entry, the first asymmetric
 *   pair (`must be symmetric (entries [0][1] and [1][0] differ)`) or the first
 *   non-positive Cholesky pivot (`must be positive definite (Cholesky pivot 1 is -3)`).
 * @example
 * ```ts
 * validateSymmetricPositiveDefinite('train', 'sigmaXX', Float64Array.of(2, 1, 1, 2), 2); // => undefined
 * validateSymmetricPositiveDefinite('train', 'sigmaXX', Float64Array.of(1, 2, 2, 1), 2);
 * // => throws InvalidArgumentError: train: invalid argument sigmaXX: must be positive definite (Cholesky pivot 1 is -3)
 * ```
 */
export function validateSymmetricPositiveDefinite(where: string, name: string, a: Float64Array, n: number): void {
  const size = validateSquareMatrix(where, name, a, n);
  let largest = 0;
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(a[i]))
      throw new InvalidArgumentError(where, `${name}[${Math.floor(i / n)}][${i % n}]`, 'must be a finite number', a[i]);
    largest = Math.max(largest, Math.abs(a[i]));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = a[i * n + j],
        lower = a[j * n + i];
      if (Math.abs(upper - lower) > 1e-12 * largest) {
        throw new InvalidArgumentError(where, name, `must be symmetric (entries [${i}][${j}] and [${j}][${i}] differ)`, [upper, lower]);
      }
    }
  }
  const l = new Float64Array(size);
  const info = choleskyKernel(a, n, l);
  if (info !== 0) {
    const k = info - 1;
    throw new InvalidArgumentError(where, name, `must be positive definite (Cholesky pivot ${k} is ${l[k * n + k]})`, a);
  }
}
