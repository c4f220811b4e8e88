import { describe, expect, it } from 'vitest';
import { determinant, randomOrthogonal } from '../../src/index.js';
import { normalSource } from '../../../../test/support/oracles/index.js';

describe('determinant', () => {
  it('equals ad − bc for 2×2 and the rule of Sarrus for 3×3, including a zero leading entry (pivoting)', () => {
    expect(determinant(Float64Array.of(3, 8, 4, 6), 2)).toBe(3 * 6 - 8 * 4);
    expect(determinant(Float64Array.of(0, 2, 1, 1), 2)).toBe(-2);
    const [a, b, c, d, e, f, g, h, i] = [2, -3, 1, 2, 0, -1, 1, 4, 5];
    const sarrus = a * e * i + b * f * g + c * d * h - c * e * g - b * d * i - a * f * h;
    expect(determinant(Float64Array.of(a, b, c, d, e, f, g, h, i), 3)).toBeCloseTo(sarrus, 12);
  });

  it('equals the Vandermonde product Π_{i<j} (x_j − x_i) to 1e-12 relative (n = 6, integer nodes)', () => {
    // the product is exact in double precision (an integer below 2⁵³); elimination rounds
    // at ~n·u times the growth, a few ulps here
    const x = [-2, -1, 0.5, 1, 3, 4];
    const n = x.length;
    const v = Float64Array.from({ length: n * n }, (_, k) => x[Math.floor(k / n)] ** (k % n));
    let exact = 1;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) exact *= x[j] - x[i];
    expect(Math.abs(determinant(v, n) / exact - 1)).toBeLessThan(1e-12);
  });

  it('is exactly 0 for a matrix with a zero column after elimination, and NaN for a non-finite entry', () => {
    expect(determinant(Float64Array.of(1, 2, 3, 2, 4, 1, 3, 6, 2), 3)).toBe(0);
    expect(determinant(Float64Array.of(0, Number.NaN, 0, 1), 2)).toBeNaN();
  });

  it('is ±1 for orthogonal matrices and scales as c^n: det(cQ) = c^n det Q', () => {
    const q = randomOrthogonal(5, normalSource(12));
    const det = determinant(q, 5);
    expect(Math.abs(Math.abs(det) - 1)).toBeLessThan(1e-13);
    expect(
      determinant(
        q.map((v) => 2 * v),
        5,
      ) / det,
    ).toBeCloseTo(32, 11);
  });

  it('does not modify its argument and rejects a bad order', () => {
    const a = Float64Array.of(0, 2, 1, 1);
    determinant(a, 2);
    expect(a).toEqual(Float64Array.of(0, 2, 1, 1));
    expect(() => determinant(a, 3)).toThrow('determinant: invalid argument a: must have length at least n² = 9; got 4.');
  });
});
