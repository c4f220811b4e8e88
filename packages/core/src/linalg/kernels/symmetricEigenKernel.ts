/**
 * {@link symmetricEigen} without argument checks (see there for the method and its cost).
 * @module
 */
import type { SymmetricEigen } from '../symmetricEigen.js';

/** {@link symmetricEigen} for a valid order n ≥ 1 and `a` of at least n² entries. */
export function symmetricEigenKernel(a: Float64Array, n: number): SymmetricEigen {
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) s[i * n + j] = s[j * n + i] = a[i * n + j];
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += s[i] * s[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += 2 * s[i * n + j] * s[i * n + j];
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n - 1; p++) {
      for (let r = p + 1; r < n; r++) {
        const apr = s[p * n + r];
        if (apr === 0) continue;
        // the rotation that annihilates s[p][r] (Golub & Van Loan, Alg. 8.5.1)
        const theta = (s[r * n + r] - s[p * n + p]) / (2 * apr);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
        const c = 1 / Math.sqrt(1 + t * t);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const skp = s[k * n + p],
            skr = s[k * n + r];
          s[k * n + p] = c * skp - sn * skr;
          s[k * n + r] = sn * skp + c * skr;
        }
        for (let k = 0; k < n; k++) {
          const spk = s[p * n + k],
            srk = s[r * n + k];
          s[p * n + k] = c * spk - sn * srk;
          s[r * n + k] = sn * spk + c * srk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = q[k * n + p],
            qkr = q[k * n + r];
          q[k * n + p] = c * qkp - sn * qkr;
          q[k * n + r] = sn * qkp + c * qkr;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => s[j * n + j] - s[i * n + i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = s[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = q[k * n + src];
  });
  return { values, vectors };
}
