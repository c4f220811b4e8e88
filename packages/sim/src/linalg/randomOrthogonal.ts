/**
 * Haar-distributed random orthogonal matrices.
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { GaussianSource } from '../random/gaussianSource.js';
import { householderQr } from './householderQr.js';

/**
 * A random n×n orthogonal matrix, distributed by Haar measure on O(n): fill G
 * with n² standard normals from `source` (row-major order), factor `G = QR`
 * ({@link householderQr}) and return `Q·diag(sign(diag R))`, the sign fix that
 * makes the QR factor unique and hence Haar (Mezzadri, Notices AMS 54, 2007).
 * Consumes exactly n² numbers of the stream.
 *
 * @param n - order, a positive integer.
 * @param source - the Gaussian stream.
 * @throws InvalidArgumentError when n is not a positive integer.
 * @returns Q, row-major.
 * @example
 * ```ts
 * const q = randomOrthogonal(3, createGaussianSource(1));
 * // QᵀQ = I to rounding; the same seed gives the same Q
 * ```
 */
export function randomOrthogonal(n: number, source: GaussianSource): Float64Array {
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('randomOrthogonal', 'n', 'must be a positive integer', n);
  const g = source.fill(new Float64Array(n * n));
  const { q, r } = householderQr(g, n);
  for (let j = 0; j < n; j++) {
    if (r[j * n + j] < 0) for (let i = 0; i < n; i++) q[i * n + j] = -q[i * n + j];
  }
  return q;
}
