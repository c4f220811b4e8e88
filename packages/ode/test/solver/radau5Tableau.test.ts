/**
 * The constants of RADAU5 checked against their definitions, not taken on trust: the
 * Radau IIA nodes, the Runge–Kutta matrix A built here from the collocation conditions,
 * the eigenvalues of A⁻¹ as roots of the stability function's denominator, T and T⁻¹ as
 * its real block-diagonalisation, and the error-estimate weights.
 */
import { describe, expect, it } from 'vitest';
import { RADAU5_TABLEAU as R } from '../../src/solver/radau5Tableau.js';

type M3 = number[][];
const mul = (a: M3, b: M3): M3 => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

/** Inverse of a 3×3 matrix by cofactors. */
function inv3(a: M3): M3 {
  const [[a0, a1, a2], [b0, b1, b2], [c0, c1, c2]] = a;
  const det = a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);
  return [
    [(b1 * c2 - b2 * c1) / det, (a2 * c1 - a1 * c2) / det, (a1 * b2 - a2 * b1) / det],
    [(b2 * c0 - b0 * c2) / det, (a0 * c2 - a2 * c0) / det, (a2 * b0 - a0 * b2) / det],
    [(b0 * c1 - b1 * c0) / det, (a1 * c0 - a0 * c1) / det, (a0 * b1 - a1 * b0) / det],
  ];
}

const c = [R.c1, R.c2, 1];
// Collocation: Σ_j a_ij c_j^{k−1} = c_i^k / k for k = 1, 2, 3, i.e. A V = W with V_jk = c_j^{k−1}.
const V: M3 = c.map((cj) => [1, cj, cj * cj]);
const W: M3 = c.map((ci) => [ci, (ci * ci) / 2, (ci * ci * ci) / 3]);
const A = mul(W, inv3(V));
const Ainv = inv3(A);
const Tm: M3 = [
  [R.t11, R.t12, R.t13],
  [R.t21, R.t22, R.t23],
  [R.t31, 1, 0],
];
const TI: M3 = [
  [R.ti11, R.ti12, R.ti13],
  [R.ti21, R.ti22, R.ti23],
  [R.ti31, R.ti32, R.ti33],
];

describe('RADAU5 constants', () => {
  it('nodes: c1, c2 are the roots of 10x² − 8x + 1 (with c3 = 1, the Radau IIA nodes of order 5), and A reproduces the last row b = (16 − √6, 16 + √6, 2)/36', () => {
    for (const x of [R.c1, R.c2]) expect(Math.abs(10 * x * x - 8 * x + 1)).toBeLessThan(1e-15);
    // Stiff accuracy: the last row of A is the weight vector b of Radau IIA (order 5).
    const s6 = Math.sqrt(6);
    const b = [(16 - s6) / 36, (16 + s6) / 36, 1 / 9];
    A[2].forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThan(1e-15));
  });

  it('γ = u1 and α ± iβ are the roots of z³ − 9z² + 36z − 60 (the eigenvalues of A⁻¹; 60·Q(1/z)·z³ for the denominator Q of the stability function)', () => {
    const p = (z: number): number => ((z - 9) * z + 36) * z - 60;
    // |p'(u1)| ≈ 13, so a residual of 1e-13 means u1 within 1e-14.
    expect(Math.abs(p(R.u1))).toBeLessThan(1e-13);
    // The complex pair: sum and product of the roots (9 and 60) and the quadratic factor.
    expect(Math.abs(R.u1 + 2 * R.alpha - 9)).toBeLessThan(1e-14);
    expect(Math.abs(R.u1 * (R.alpha * R.alpha + R.beta * R.beta) - 60)).toBeLessThan(1e-12);
    // ...and the closed forms quoted in the tableau, evaluated here with the engine's cube roots.
    const q81 = Math.cbrt(81);
    const q9 = Math.cbrt(9);
    expect(Math.abs(R.u1 - 30 / (6 + q81 - q9))).toBeLessThan(1e-15);
    const at = (12 - q81 + q9) / 60;
    const bt = ((q81 + q9) * Math.sqrt(3)) / 60;
    expect(Math.abs(R.alpha - at / (at * at + bt * bt))).toBeLessThan(1e-15);
    expect(Math.abs(R.beta - bt / (at * at + bt * bt))).toBeLessThan(1e-15);
  });

  it('T⁻¹ A⁻¹ T = [[γ, 0, 0], [0, α, −β], [0, β, α]] and T⁻¹ T = I to rounding', () => {
    const D = mul(mul(TI, Ainv), Tm);
    const want = [
      [R.u1, 0, 0],
      [0, R.alpha, -R.beta],
      [0, R.beta, R.alpha],
    ];
    // Entries of A⁻¹ are O(10): 1e-13 is a few hundred ulps of the products.
    D.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - want[i][j])).toBeLessThan(1e-13)));
    const I = mul(TI, Tm);
    I.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - (i === j ? 1 : 0))).toBeLessThan(1e-15)));
  });

  it('error weights: h·f0 + dd1 Z1 + dd2 Z2 + dd3 Z3 vanishes for solutions that are cubic polynomials (so the estimate is O(h⁴))', () => {
    // For y' = t^k (k = 0, 1, 2) from t0 = 0: f0 = [k = 0], Z_i = c_i^{k+1} h^{k+1}/(k + 1).
    const dd = [R.dd1, R.dd2, R.dd3];
    for (let k = 0; k <= 2; k++) {
      const f0 = k === 0 ? 1 : 0;
      const sum = f0 + dd.reduce((s, d, i) => s + (d * c[i] ** (k + 1)) / (k + 1), 0);
      expect(Math.abs(sum)).toBeLessThan(1e-14);
    }
    // ...but not for a quartic: the estimate is not identically zero.
    expect(Math.abs(dd.reduce((s, d, i) => s + (d * c[i] ** 4) / 4, 0))).toBeGreaterThan(1e-3);
  });
});
