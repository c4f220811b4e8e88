import { describe, expect, it } from 'vitest';
import { complexLuDecomposeKernel, complexLuSolveKernel, luDecompose, luSolve } from '../../../src/index.js';
import { maxAbsDiff, normalSource, randomMatrix } from '../../../../../test/support/oracles/index.js';

/** (re + i im) x for a row-major complex matrix, written out. */
function complexMatVec(re: Float64Array, im: Float64Array, n: number, xr: Float64Array, xi: Float64Array): [Float64Array, Float64Array] {
  const yr = new Float64Array(n);
  const yi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = re[i * n + j];
      const b = im[i * n + j];
      yr[i] += a * xr[j] - b * xi[j];
      yi[i] += a * xi[j] + b * xr[j];
    }
  }
  return [yr, yi];
}

describe('complexLuDecomposeKernel / complexLuSolveKernel', () => {
  it('solve (re + i·im) x = b for random complex matrices: x recovered, and equal to the real 2n×2n embedding [[A, −B], [B, A]] solved by luSolve', () => {
    const src = normalSource(2024);
    for (const n of [1, 2, 3, 8, 25]) {
      const re = randomMatrix(src, n, n);
      const im = randomMatrix(src, n, n);
      const xr = randomMatrix(src, 1, n);
      const xi = randomMatrix(src, 1, n);
      const [br, bi] = complexMatVec(re, im, n, xr, xi);
      // The embedding, an independent route through the real LU of core.
      const m = 2 * n;
      const big = new Float64Array(m * m);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          big[i * m + j] = re[i * n + j];
          big[i * m + n + j] = -im[i * n + j];
          big[(n + i) * m + j] = im[i * n + j];
          big[(n + i) * m + n + j] = re[i * n + j];
        }
      }
      const bigPiv = new Int32Array(m);
      expect(luDecompose(big, m, bigPiv)).toBe(0);
      const rhs = new Float64Array(m);
      rhs.set(br, 0);
      rhs.set(bi, n);
      luSolve(big, m, bigPiv, rhs);

      const lr = re.slice();
      const li = im.slice();
      const piv = new Int32Array(n);
      expect(complexLuDecomposeKernel(lr, li, n, piv)).toBe(0);
      const sr = br.slice();
      const si = bi.slice();
      complexLuSolveKernel(lr, li, n, piv, sr, si);
      // Random Gaussian matrices of these sizes have condition numbers ≲ 1e3: errors ≲ 1e3 · n · ε.
      expect(maxAbsDiff(sr, xr)).toBeLessThan(1e-11);
      expect(maxAbsDiff(si, xi)).toBeLessThan(1e-11);
      expect(maxAbsDiff(sr, rhs.subarray(0, n))).toBeLessThan(1e-11);
      expect(maxAbsDiff(si, rhs.subarray(n))).toBeLessThan(1e-11);
    }
  });

  it('pivots on |Re| + |Im| and reports a zero pivot column (1-based), like the real kernel', () => {
    // Column 0 = (1, 2i): |2i| wins, so row 1 is the first pivot.
    const re = Float64Array.of(1, 1, 0, 1);
    const im = Float64Array.of(0, 0, 2, 0);
    const piv = new Int32Array(2);
    expect(complexLuDecomposeKernel(re, im, 2, piv)).toBe(0);
    expect(piv[0]).toBe(1);
    // A singular matrix: the second row is i times the first.
    const sr = Float64Array.of(1, 2, 0, 0);
    const si = Float64Array.of(0, 0, 1, 2);
    expect(complexLuDecomposeKernel(sr, si, 2, new Int32Array(2))).toBe(2);
    // A non-finite entry counts as singular.
    expect(complexLuDecomposeKernel(Float64Array.of(Number.NaN), Float64Array.of(0), 1, new Int32Array(1))).toBe(1);
  });
});
