/**
 * Products with diagonal matrices, without forming them or checking arguments: O(m·n).
 * @module
 */

/** `out = A·diag(s)`, A m×n row-major; `out` may be `a` itself. */
export function scaleColumnsKernel(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) out[o + j] = a[o + j] * s[j];
  }
  return out;
}

/** `out = diag(s)·A`, A m×n row-major; `out` may be `a` itself. */
export function scaleRowsKernel(out: Float64Array, a: Float64Array, s: Float64Array, m: number, n: number): Float64Array {
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const si = s[i];
    for (let j = 0; j < n; j++) out[o + j] = si * a[o + j];
  }
  return out;
}
