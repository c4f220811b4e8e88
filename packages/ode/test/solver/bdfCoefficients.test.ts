import { describe, expect, it } from 'vitest';
import { rescaleDifferences } from '../../src/solver/bdfCoefficients.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

/**
 * Backward differences of the values p(t_n − j h), j = 0…k, of a polynomial p of degree k:
 * row j holds ∇^j p(t_n) for every component, as the BDF driver stores them.
 */
function backwardDifferences(values: number[][], k: number): number[][] {
  // values[j] = p(t_n − j h) per component; ∇^0 = values[0], ∇^{m+1}_j = ∇^m_j − ∇^m_{j+1}
  let level = values.map((v) => v.slice());
  const rows = [level[0].slice()];
  for (let m = 1; m <= k; m++) {
    level = level.slice(0, level.length - 1).map((v, j) => v.map((x, c) => x - level[j + 1][c]));
    rows.push(level[0].slice());
  }
  return rows;
}

describe('rescaleDifferences (the BDF step change)', () => {
  const uniform = mulberry32(20261203);
  const n = 1300; // more than two chunks of 512 and a remainder
  for (let k = 1; k <= 5; k++) {
    it(`order ${k}: the differences on the grid of step ρh are those of the same polynomial (to rounding), and the chunked path equals the plain one bit for bit`, () => {
      // p_c(s) = Σ_m a_{c,m} s^m with s = (t − t_n)/h
      const coefficients = Array.from({ length: n }, () => Array.from({ length: k + 1 }, () => 2 * uniform() - 1));
      const p = (c: number, s: number): number => coefficients[c].reduce((acc, a, m) => acc + a * s ** m, 0);
      const rho = 0.2 + 1.6 * uniform();
      const oldGrid = Array.from({ length: k + 1 }, (_, j) => Array.from({ length: n }, (_, c) => p(c, -j)));
      const newGrid = Array.from({ length: k + 1 }, (_, j) => Array.from({ length: n }, (_, c) => p(c, -j * rho)));
      const expected = backwardDifferences(newGrid, k);
      const stored = (): Float64Array => {
        const d = new Float64Array((k + 3) * n);
        backwardDifferences(oldGrid, k).forEach((row, j) => d.set(row, j * n));
        return d;
      };
      const w = k + 1;
      const chunked = stored();
      rescaleDifferences(chunked, n, k, rho, new Float64Array(3 * w * w + w * 512));
      const plain = stored();
      rescaleDifferences(plain, n, k, rho, new Float64Array(3 * w * w + w));
      // rounding: the values are sums of k + 1 terms of size ≤ scale, and each difference level
      // at most doubles the error, so 2^k · (k + 1)·scale·2⁻⁵² bounds it, with room for the R(ρ)U product
      for (let c = 0; c < n; c++) {
        let scale = 0;
        for (let j = 0; j <= k; j++) scale = Math.max(scale, Math.abs(oldGrid[j][c]), Math.abs(newGrid[j][c]));
        for (let j = 0; j <= k; j++)
          expect(Math.abs(chunked[j * n + c] - expected[j][c])).toBeLessThan(2 ** k * 64 * (k + 1) * scale * 2 ** -52);
      }
      expect(Array.from(chunked.subarray(0, w * n))).toEqual(Array.from(plain.subarray(0, w * n)));
    });
  }
});
