import { describe, expect, it } from 'vitest';
import { luDecompose, luSolve } from '@jepa-dynamics/core';
import { bandLuDecomposeKernel, bandLuSolveKernel, bandStorageWidth } from '../../../src/solver/linear/bandLu.js';
import { mulberry32 } from '../../mulberry32.js';

/** A random n×n band matrix (dense, row-major) with `lower`/`upper` diagonals, seeded. */
function randomBand(n: number, lower: number, upper: number, seed: number, diagonal = 0): Float64Array {
  const random = mulberry32(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - lower); j <= Math.min(n - 1, i + upper); j++) a[i * n + j] = 2 * random() - 1;
    a[i * n + i] += diagonal;
  }
  return a;
}

function toBand(a: Float64Array, n: number, lower: number, upper: number): Float64Array {
  const w = bandStorageWidth(lower, upper);
  const b = new Float64Array(n * w);
  for (let i = 0; i < n; i++)
    for (let j = Math.max(0, i - lower); j <= Math.min(n - 1, i + upper); j++) b[i * w + j - i + lower] = a[i * n + j];
  return b;
}

describe('bandLuDecomposeKernel / bandLuSolveKernel', () => {
  it('solve A x = b like dense LU with partial pivoting (random bands, no diagonal dominance: pivoting happens)', () => {
    for (const [n, lower, upper, seed] of [
      [1, 0, 0, 1],
      [7, 1, 1, 2],
      [20, 3, 1, 3],
      [20, 0, 4, 4],
      [33, 5, 5, 5],
      [12, 11, 11, 6],
    ]) {
      const a = randomBand(n, lower, upper, seed);
      const random = mulberry32(seed + 100);
      const rhs = Float64Array.from({ length: n }, () => random() - 0.5);
      const dense = a.slice();
      const piv = new Int32Array(n);
      expect(luDecompose(dense, n, piv)).toBe(0);
      const xDense = rhs.slice();
      luSolve(dense, n, piv, xDense);
      const band = toBand(a, n, lower, upper);
      const bpiv = new Int32Array(n);
      expect(bandLuDecomposeKernel(band, n, lower, upper, bpiv)).toBe(0);
      const x = rhs.slice();
      bandLuSolveKernel(band, n, lower, upper, bpiv, x);
      // Both are backward stable with the same pivots; the residual of x is at rounding level.
      let resid = 0;
      for (let i = 0; i < n; i++) {
        let s = -rhs[i];
        for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
        resid = Math.max(resid, Math.abs(s));
      }
      expect(resid).toBeLessThan(1e-12);
      for (let i = 0; i < n; i++) expect(Math.abs(x[i] - xDense[i])).toBeLessThan(1e-10 * Math.max(1, Math.abs(xDense[i])));
    }
  });

  it('reports the first zero pivot as k + 1', () => {
    // [[1, 1], [1, 1]]: after eliminating column 0 the pivot of column 1 is 0.
    const band = toBand(Float64Array.of(1, 1, 1, 1), 2, 1, 1);
    expect(bandLuDecomposeKernel(band, 2, 1, 1, new Int32Array(2))).toBe(2);
  });
});
