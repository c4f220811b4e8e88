import { describe, expect, it } from 'vitest';
import { householderQr } from '../../src/index.js';
import { householderQrKernel } from '../../src/linalg/kernels/householderQrKernel.js';
import { dotProduct, maxAbsDiff, normalSource, orthogonalityError, randomMatrix } from '../../../../test/support/oracles/index.js';

describe('householderQr', () => {
  it('householderQr(A): Q orthogonal, R upper triangular, QR = A (to 1e-13 relative), also for a singular A', () => {
    const source = normalSource(1);
    for (const n of [1, 2, 5, 16]) {
      const a = randomMatrix(source, n, n);
      if (n === 5) for (let j = 0; j < n; j++) a[4 * n + j] = a[3 * n + j]; // rank deficient
      const { q, r } = householderQr(a, n);
      expect(orthogonalityError(q, n)).toBeLessThan(1e-14 * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
      expect(maxAbsDiff(dotProduct(q, r, n, n, n), a)).toBeLessThan(1e-13 * n);
    }
  });

  it('the blocked factorization (panels of 32, several with a ragged last one) gives QR = A, Q orthogonal, R upper triangular at n = 100', () => {
    const n = 100;
    const a = randomMatrix(normalSource(2), n, n);
    const { q, r } = householderQr(a, n);
    // Householder QR is backward stable: ‖QR − A‖ and ‖QᵀQ − I‖ of order n·u·‖A‖ (Higham Thm 19.4);
    // measured 5e-15 and 1e-15.
    expect(orthogonalityError(q, n)).toBeLessThan(1e-14 * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(r[i * n + j]).toBe(0);
    expect(maxAbsDiff(dotProduct(q, r, n, n, n), a)).toBeLessThan(1e-13 * n);
  });

  it('householderQrKernel(a, n, b) gives the same factors for every panel width b (1, 3, 8, 32 and the unblocked b ≥ n) to rounding', () => {
    const n = 37;
    const a = randomMatrix(normalSource(3), n, n);
    const unblocked = householderQrKernel(a, n, n);
    for (const b of [1, 3, 8, 32]) {
      const { q, r } = householderQrKernel(a, n, b);
      // the same reflections in another association: differences of a few units of rounding per
      // entry (measured ≤ 4e-15 on entries of size ≤ 10)
      expect(maxAbsDiff(q, unblocked.q)).toBeLessThan(1e-13);
      expect(maxAbsDiff(r, unblocked.r)).toBeLessThan(1e-12);
    }
  });

  it('matches the hand-computed factors of [[3, 0], [4, 5]]: Q = −[[0.6, 0.8], [0.8, −0.6]], R = [[−5, −4], [0, 3]]', () => {
    const { q, r } = householderQr(Float64Array.of(3, 0, 4, 5), 2);
    expect(maxAbsDiff(q, [-0.6, -0.8, -0.8, 0.6])).toBeLessThan(1e-15);
    expect(maxAbsDiff(r, [-5, -4, 0, 3])).toBeLessThan(1e-14);
  });

  it('rejects a bad order', () => {
    expect(() => householderQr(new Float64Array(4), 1.5)).toThrow('householderQr: invalid argument n: must be an integer ≥ 1; got 1.5.');
  });
});
