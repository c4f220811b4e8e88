import { describe, expect, it } from 'vitest';
import { randomOrthogonal, singularValueDecomposition } from '../../src/index.js';
import { maxAbsDiff, normalSource } from '../../../../test/support/oracles/index.js';

describe('singularValueDecomposition', () => {
  it('recovers singular values of U diag(s) Vᵀ, small ones to high relative accuracy, and A = U Σ Vᵀ', () => {
    const n = 6;
    const source = normalSource(4);
    const u = randomOrthogonal(n, source),
      v = randomOrthogonal(n, source);
    const s = [10, 3, 1, 1e-3, 1e-6, 1e-9];
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += u[i * n + k] * s[k] * v[j * n + k];
    const svd = singularValueDecomposition(a, n);
    // forming A costs ~n·ulp·‖A‖ absolute, so a singular value σ is determined only to ~1e-15·10/σ relative
    svd.values.forEach((x, k) => expect(Math.abs(x - s[k])).toBeLessThan(1e-13 * 10));
    const rec = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) rec[i * n + j] += svd.u[i * n + k] * svd.values[k] * svd.v[j * n + k];
    expect(maxAbsDiff(rec, a)).toBeLessThan(1e-13 * 10);
  });

  it('gives [3, 2] for the anti-diagonal [[0, 2], [3, 0]] exactly', () => {
    expect(Array.from(singularValueDecomposition(Float64Array.of(0, 2, 3, 0), 2).values)).toEqual([3, 2]);
  });

  it('rejects a bad order', () => {
    expect(() => singularValueDecomposition(new Float64Array(4), -2)).toThrow(
      'singularValueDecomposition: invalid argument n: must be an integer ≥ 1; got -2.',
    );
  });
});
