/**
 * Matrix transpose without argument checks.
 * @module
 */

/** Writes `Aᵀ` (n×m) into `out` for `A` m×n, row-major; `out` must not overlap `a`. */
export function transposeKernel(out: Float64Array, a: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) out[j * m + i] = a[ai + j];
  }
  return out;
}
