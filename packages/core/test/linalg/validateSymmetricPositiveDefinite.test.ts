import { describe, expect, it } from 'vitest';
import { validateSymmetricPositiveDefinite } from '../../src/index.js';

describe('validateSymmetricPositiveDefinite', () => {
  it('accepts an SPD matrix, and asymmetry up to 1e-12 of the largest entry (rounding in a computed covariance)', () => {
    expect(() => validateSymmetricPositiveDefinite('f', 'sigmaXX', Float64Array.of(2, 1, 1, 2), 2)).not.toThrow();
    expect(() => validateSymmetricPositiveDefinite('f', 'sigmaXX', Float64Array.of(2, 1e-20, 0, 2), 2)).not.toThrow();
  });

  it('names the first asymmetric pair, the first failing Cholesky pivot, or the first non-finite entry', () => {
    expect(() => validateSymmetricPositiveDefinite('train', 'covariances.sigmaXX', Float64Array.of(1, 0.5, 0.4, 1), 2)).toThrow(
      'train: invalid argument covariances.sigmaXX: must be symmetric (entries [0][1] and [1][0] differ); got [0.5, 0.4].',
    );
    expect(() => validateSymmetricPositiveDefinite('train', 'sigmaXX', Float64Array.of(1, 2, 2, 1), 2)).toThrow(
      'train: invalid argument sigmaXX: must be positive definite (Cholesky pivot 1 is -3); got [1, 2, 2, 1].',
    );
    expect(() => validateSymmetricPositiveDefinite('train', 'sigmaXX', Float64Array.of(1, 0, 0, Infinity), 2)).toThrow(
      'train: invalid argument sigmaXX[1][1]: must be a finite number; got Infinity.',
    );
  });

  it('rejects a semidefinite matrix (a zero pivot): [[1, 1], [1, 1]]', () => {
    expect(() => validateSymmetricPositiveDefinite('f', 'a', Float64Array.of(1, 1, 1, 1), 2)).toThrow(/Cholesky pivot 1 is 0/);
  });
});
