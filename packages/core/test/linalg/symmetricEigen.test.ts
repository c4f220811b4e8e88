import { describe, expect, it } from 'vitest';
import { randomOrthogonal, symmetricEigen } from '../../src/index.js';
import { maxAbsDiff, normalSource, orthogonalityError } from '../../../../test/support/oracles/index.js';

describe('symmetricEigen', () => {
  it('recovers the eigenvalues (descending) and eigenvectors of Q diag(λ) Qᵀ', () => {
    const n = 6;
    const q = randomOrthogonal(n, normalSource(3));
    const lambda = [5, 3, 1, 0.5, -0.25, -2];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += q[i * n + k] * lambda[k] * q[j * n + k];
    const { values, vectors } = symmetricEigen(a, n);
    // forming A costs ~n ulps of ‖A‖ = 5; Jacobi is backward stable
    expect(maxAbsDiff(values, lambda)).toBeLessThan(1e-14 * 5 * n);
    expect(orthogonalityError(vectors, n)).toBeLessThan(1e-13);
    for (let k = 0; k < n; k++) {
      // eigenvector equals ± the k-th column of Q
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[i * n + k] * q[i * n + k];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-12);
    }
  });

  it('gives the closed form of a 2×2: eigenvalues of [[2, 1], [1, 2]] are 3 and 1', () => {
    expect(maxAbsDiff(symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values, [3, 1])).toBeLessThan(1e-15);
  });

  it('rejects a short matrix', () => {
    expect(() => symmetricEigen(new Float64Array(3), 2)).toThrow(
      'symmetricEigen: invalid argument a: must have length at least n² = 4; got 3.',
    );
  });
});
