/**
 * Second moments of a finite sample.
 * @module
 */
import type { Covariances } from '../model/types.js';

/**
 * Uncentred second moments `XᵀX/m`, `YᵀX/m`, `YᵀY/m` of rows [from, from + m) of two
 * row-major n×d sample matrices (sample r in row r), as full d×d matrices.
 * Kernel: inputs assumed valid. Cost: 3·m·d² multiply-adds.
 *
 * @param x - samples of view x, row-major.
 * @param y - samples of view y, row-major.
 * @param from - first row.
 * @param m - number of rows (≥ 1).
 * @param d - width.
 * @returns the moments as `{ kind: 'full', sigmaXX, sigmaYX, sigmaYY }`.
 * @example
 * ```ts
 * // d = 1, samples (x, y) = (1, 2) and (3, 4): E x² = 5, E yx = 7, E y² = 10
 * const m = empiricalMoments(Float64Array.of(1, 3), Float64Array.of(2, 4), 0, 2, 1);
 * m.kind;    // => 'full'
 * m.sigmaXX; // => Float64Array [5]
 * m.sigmaYX; // => Float64Array [7]
 * m.sigmaYY; // => Float64Array [10]
 * ```
 */
export function empiricalMoments(x: Float64Array, y: Float64Array, from: number, m: number, d: number): Covariances {
  const sxx = new Float64Array(d * d),
    syx = new Float64Array(d * d),
    syy = new Float64Array(d * d);
  for (let r = from; r < from + m; r++) {
    const o = r * d;
    for (let i = 0; i < d; i++) {
      const xi = x[o + i],
        yi = y[o + i];
      for (let j = 0; j < d; j++) {
        sxx[i * d + j] += xi * x[o + j];
        syx[i * d + j] += yi * x[o + j];
        syy[i * d + j] += yi * y[o + j];
      }
    }
  }
  for (let i = 0; i < d * d; i++) {
    sxx[i] /= m;
    syx[i] /= m;
    syy[i] /= m;
  }
  return { kind: 'full', sigmaXX: sxx, sigmaYX: syx, sigmaYY: syy };
}
