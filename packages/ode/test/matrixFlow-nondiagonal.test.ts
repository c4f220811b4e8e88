import { describe, expect, it } from 'vitest';
import { alignedMatrixInit, matrixFlow } from '../src/flows/matrixFlow.js';
import { luDecompose, luSolve } from '@jepa-dynamics/core';
import { solveIvp } from '../src/solver/solveIvp.js';

// Σxx and Σyx symmetric positive definite but not commuting: not simultaneously diagonalizable,
// so the paper's per-feature reduction does not apply (docs/stiff.md discusses this example).
const sxx = [
  [1.0, 0.5, 0.2],
  [0.5, 1.5, 0.3],
  [0.2, 0.3, 0.8],
];
const syx = [
  [0.8, 0.3, 0.0],
  [0.3, 0.5, 0.2],
  [0.0, 0.2, 0.3],
];
const d = 3;
const L = 2;
type M = number[][];
const mm = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

/** P = Σyx Σxx⁻¹ (the population regression matrix), by LU: Pᵀ = Σxx⁻¹ Σyxᵀ (Σxx symmetric). */
function regressionMatrix(): M {
  const lu = Float64Array.from(sxx.flat());
  const piv = new Int32Array(d);
  luDecompose(lu, d, piv);
  const P: M = [[], [], []];
  for (let i = 0; i < d; i++) {
    const b = Float64Array.from(syx[i]); // row i of Σyx = column i of Σyxᵀ
    luSolve(lu, d, piv, b); // row i of P (Σxx symmetric)
    for (let j = 0; j < d; j++) P[i][j] = b[j];
  }
  return P;
}
/** Coefficients of the characteristic polynomial of a 3×3 matrix: trace, sum of principal 2×2 minors, determinant. */
function charPoly(a: M): number[] {
  const tr = a[0][0] + a[1][1] + a[2][2];
  const m2 = a[0][0] * a[1][1] - a[0][1] * a[1][0] + a[0][0] * a[2][2] - a[0][2] * a[2][0] + a[1][1] * a[2][2] - a[1][2] * a[2][1];
  const det =
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  return [tr, m2, det];
}

describe('matrixFlow with non-diagonal covariances (what the per-feature theory misses)', () => {
  const P = regressionMatrix();

  it('JEPA converges to V W̄ Σxx = W̄ Σyx, so V∞ is similar to P = Σyx Σxx⁻¹: same characteristic polynomial (not diag ρ_i)', () => {
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const r = solveIvp(flow.rhs, [0, 1e5], flow.pack(alignedMatrixInit(d, L, 1e-2)), { method: 'rodas4', rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    const { V } = flow.unpack(y);
    const W = flow.encoder(y);
    const lhs = mm(mm(V, W), sxx);
    const rhs = mm(W, syx);
    // By t = 1e5 the flow sits on its (attracting) fixed point up to rounding: measured residual 8.5e-15 and
    // characteristic-polynomial difference 6.8e-13; the bounds leave two orders for other platforms' rounding.
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(lhs[i][j] - rhs[i][j])).toBeLessThan(1e-12);
    const [a, b] = [charPoly(V), charPoly(P)];
    for (let k = 0; k < 3; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-10);
    // The per-feature theory would give V = diag(ρ) = diag(0.8, 1/3, 0.375): trace 1.508 ≠ tr P = 1.493.
    expect(Math.abs(b[0] - (0.8 + 1 / 3 + 0.375))).toBeGreaterThan(0.01);
  });

  it('MAE converges to the regression map: V W̄∞ = P = Σyx Σxx⁻¹ (the per-feature theory predicts diag(ρ))', () => {
    const flow = matrixFlow({ objective: 'mae', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const r = solveIvp(flow.rhs, [0, 1e4], flow.pack(alignedMatrixInit(d, L, 1e-2)), { method: 'rodas4', rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    const VW = mm(flow.unpack(y).V, flow.encoder(y));
    // At t = 1e4 the flow sits on its fixed point up to rounding (measured 8e-17; P itself is an LU solve).
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(VW[i][j] - P[i][j])).toBeLessThan(1e-12);
    // …and P is far from diag(ρ) = diag(0.8, 1/3, 0.375): |P₀₂ − 0| = 0.198.
    expect(Math.abs(P[0][2])).toBeGreaterThan(0.15);
  });
});
