/**
 * {@link singularValueDecomposition} without argument checks (see there for the method and its cost).
 * @module
 */
import type { SingularValueDecomposition } from '../singularValueDecomposition.js';

/** {@link singularValueDecomposition} for a valid order n ≥ 1 and `a` of at least n² entries. */
export function singularValueDecompositionKernel(a: Float64Array, n: number): SingularValueDecomposition {
  // work on columns: w = A (row-major), rotations act on column pairs
  const w = Float64Array.from(a.subarray(0, n * n));
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0,
          beta = 0,
          gamma = 0;
        for (let k = 0; k < n; k++) {
          const x = w[k * n + p],
            y = w[k * n + q];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < n; k++) {
          const x = w[k * n + p],
            y = w[k * n + q];
          w[k * n + p] = c * x - s * y;
          w[k * n + q] = s * x + c * y;
          const vx = v[k * n + p],
            vy = v[k * n + q];
          v[k * n + p] = c * vx - s * vy;
          v[k * n + q] = s * vx + c * vy;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += w[k * n + j] * w[k * n + j];
    norms[j] = Math.sqrt(s);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => norms[j] - norms[i]);
  const values = new Float64Array(n);
  const u = new Float64Array(n * n);
  const vs = new Float64Array(n * n);
  order.forEach((src, dst) => {
    const sv = norms[src];
    values[dst] = sv;
    for (let k = 0; k < n; k++) {
      u[k * n + dst] = sv > 0 ? w[k * n + src] / sv : 0;
      vs[k * n + dst] = v[k * n + src];
    }
  });
  return { values, u, v: vs };
}
