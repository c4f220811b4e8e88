import { describe, expect, it } from 'vitest';
import { householderQr } from '../../src/index.js';
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

  it('matches the hand-computed factors of [[3, 0], [4, 5]]: Q = −[[0.6, 0.8], [0.8, −0.6]], R = [[−5, −4], [0, 3]]', () => {
    const { q, r } = householderQr(Float64Array.of(3, 0, 4, 5), 2);
    expect(maxAbsDiff(q, [-0.6, -0.8, -0.8, 0.6])).toBeLessThan(1e-15);
    expect(maxAbsDiff(r, [-5, -4, 0, 3])).toBeLessThan(1e-14);
  });

  it('rejects a bad order', () => {
    expect(() => householderQr(new Float64Array(4), 1.5)).toThrow('householderQr: invalid argument n: must be an integer ≥ 1; got 1.5.');
  });
});
