/**
 * {@link householderQr} without argument checks (see there for the method and its cost).
 * @module
 */
import type { QrFactors } from '../householderQr.js';

/** {@link householderQr} for a valid order n ≥ 1 and `a` of at least n² entries. */
export function householderQrKernel(a: Float64Array, n: number): QrFactors {
  const r = Float64Array.from(a.subarray(0, n * n));
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let j = 0; j < n - 1; j++) {
    let norm2 = 0;
    for (let i = j; i < n; i++) norm2 += r[i * n + j] * r[i * n + j];
    const norm = Math.sqrt(norm2);
    if (norm === 0) continue;
    const x0 = r[j * n + j];
    // v = x + sign(x0)‖x‖e1 avoids cancellation (Golub & Van Loan §5.1.2)
    const alpha = x0 >= 0 ? -norm : norm;
    for (let i = j; i < n; i++) v[i] = r[i * n + j];
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    // R ← (I − 2vvᵀ/vᵀv) R on rows j..n−1
    for (let c = j; c < n; c++) {
      let s = 0;
      for (let i = j; i < n; i++) s += v[i] * r[i * n + c];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) r[i * n + c] -= f * v[i];
    }
    for (let i = j + 1; i < n; i++) r[i * n + j] = 0;
    // Q ← Q (I − 2vvᵀ/vᵀv) on columns j..n−1
    for (let rr = 0; rr < n; rr++) {
      let s = 0;
      for (let i = j; i < n; i++) s += q[rr * n + i] * v[i];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) q[rr * n + i] -= f * v[i];
    }
  }
  return { q, r };
}
