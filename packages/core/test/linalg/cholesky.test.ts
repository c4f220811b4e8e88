import { describe, expect, it } from 'vitest';
import { cholesky, choleskyDecompose } from '../../src/index.js';
import { dotProduct, maxAbsDiff, normalSource, randomMatrix, transposed } from '../../../../test/support/oracles/index.js';

describe('cholesky and choleskyDecompose', () => {
  const n = 5;
  const g = randomMatrix(normalSource(5), n, n);
  // A = GᵀG + 0.1 I: symmetric positive definite
  const a = dotProduct(transposed(g, n, n), g, n, n, n);
  for (let i = 0; i < n; i++) a[i * n + i] += 0.1;

  it('cholesky(A) gives a lower-triangular L with L Lᵀ = A to rounding (1e-13 relative to ‖A‖ ≈ 10)', () => {
    const l = cholesky(a, n);
    expect(l).not.toBeNull();
    if (l === null) return;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
    expect(maxAbsDiff(dotProduct(l, transposed(l, n, n), n, n, n), a)).toBeLessThan(1e-13 * 10);
  });

  it('matches the factor worked by hand, [[4, 2], [2, 5]] = [[2, 0], [1, 2]]·[[2, 1], [0, 2]], and gives null for indefinite or singular A', () => {
    expect(Array.from(cholesky(Float64Array.of(4, 2, 2, 5), 2) ?? [])).toEqual([2, 0, 1, 2]);
    expect(cholesky(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
    expect(cholesky(Float64Array.of(1, 0, 0, Number.NaN), 2)).toBeNull();
  });

  it('choleskyDecompose reports the first failing pivot (1-based, as LAPACK INFO) and leaves its value in l', () => {
    const l = new Float64Array(9);
    // pivots 1, 1, then 1 − 1² − 1² = −1 in column 2
    expect(choleskyDecompose(Float64Array.of(1, 0, 1, 0, 1, 1, 1, 1, 1), 3, l)).toBe(3);
    expect(l[8]).toBe(-1);
    expect(choleskyDecompose(Float64Array.of(0, 0, 0, 1), 2, l)).toBe(1);
    expect(l[0]).toBe(0);
  });

  it('choleskyDecompose may factor in place, with the same L as cholesky', () => {
    const inPlace = a.slice();
    expect(choleskyDecompose(inPlace, n, inPlace)).toBe(0);
    expect(inPlace).toEqual(cholesky(a, n));
  });

  it('rejects a bad order, short arrays and a partly overlapping output', () => {
    expect(() => cholesky(new Float64Array(4), 0)).toThrow('cholesky: invalid argument n: must be an integer ≥ 1; got 0.');
    expect(() => cholesky(new Float64Array(3), 2)).toThrow('cholesky: invalid argument a: must have length at least n² = 4; got 3.');
    const memory = new Float64Array(6);
    expect(() => choleskyDecompose(memory.subarray(0, 4), 2, memory.subarray(2, 6))).toThrow(
      /choleskyDecompose: invalid argument l: must not overlap a/,
    );
  });
});
