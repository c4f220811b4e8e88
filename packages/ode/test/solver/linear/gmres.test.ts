import { describe, expect, it } from 'vitest';
import { luDecompose, luSolve } from '@jepa-dynamics/core';
import { gmres, GmresWorkspace } from '../../../src/solver/linear/gmres.js';
import { mulberry32 } from '../../../../../test/support/oracles/index.js';

function randomSystem(n: number, seed: number, shift: number): { a: Float64Array; b: Float64Array } {
  const random = mulberry32(seed);
  const a = Float64Array.from({ length: n * n }, () => (random() - 0.5) / Math.sqrt(n));
  for (let i = 0; i < n; i++) a[i * n + i] += shift;
  return { a, b: Float64Array.from({ length: n }, () => random() - 0.5) };
}

const matvec = (a: Float64Array, n: number) => (v: Float64Array, out: Float64Array) => {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * v[j];
    out[i] = s;
  }
};

describe('gmres', () => {
  it('solves a nonsymmetric system to the requested residual, agreeing with LU', () => {
    const n = 40;
    const { a, b } = randomSystem(n, 7, 2);
    const x = new Float64Array(n);
    const r = gmres(matvec(a, n), b, x, 1e-12, 10, new GmresWorkspace(n, 15));
    expect(r.converged).toBe(true);
    const lu = a.slice();
    const piv = new Int32Array(n);
    luDecompose(lu, n, piv);
    const ref = b.slice();
    luSolve(lu, n, piv, ref);
    // ‖x − x*‖ ≤ ‖A⁻¹‖ ‖r‖ with ‖A⁻¹‖ ≲ 1 for this shifted matrix: 1e-12 residual → ≤ 1e-11 error.
    for (let i = 0; i < n; i++) expect(Math.abs(x[i] - ref[i])).toBeLessThan(1e-10);
    // The reported residual is the true one to rounding.
    const ax = new Float64Array(n);
    matvec(a, n)(x, ax);
    expect(Math.hypot(...Array.from(ax, (v, i) => v - b[i]))).toBeLessThan(2e-12);
  });

  it('restarts: GMRES(3) needs several cycles, and stops unconverged when restarts run out', () => {
    const n = 30;
    const { a, b } = randomSystem(n, 11, 1.2);
    const restarted = gmres(matvec(a, n), b, new Float64Array(n), 1e-10, 200, new GmresWorkspace(n, 3));
    expect(restarted.converged).toBe(true);
    expect(restarted.iterations).toBeGreaterThan(3);
    // One true-residual product per restart on top of the Arnoldi steps.
    expect(restarted.products).toBeGreaterThan(restarted.iterations);
    const capped = gmres(matvec(a, n), b, new Float64Array(n), 1e-10, 0, new GmresWorkspace(n, 3));
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
    expect(capped.residualNorm).toBeGreaterThan(1e-10);
  });

  it('b = 0 gives x = 0 without products; the identity converges in one iteration', () => {
    const n = 5;
    const zero = gmres(
      matvec(new Float64Array(n * n), n),
      new Float64Array(n),
      new Float64Array(n).fill(3),
      1e-12,
      0,
      new GmresWorkspace(n, 2),
    );
    expect(zero).toEqual({ converged: true, products: 0, iterations: 0, residualNorm: 0 });
    const x = new Float64Array(n);
    const id = gmres((v, out) => out.set(v), Float64Array.of(1, 2, 3, 4, 5), x, 1e-14, 0, new GmresWorkspace(n, 2));
    expect(id.iterations).toBe(1);
    // x = β · (b/β): exact up to two roundings.
    x.forEach((v, i) => expect(Math.abs(v - (i + 1))).toBeLessThan(4e-15 * (i + 1)));
  });

  it('right preconditioning: x = M u solves A x = b (agreeing with LU); an exact M = A⁻¹ converges in one iteration, a rough one with restarts still to the true residual', () => {
    const n = 40;
    const { a, b } = randomSystem(n, 19, 1.5);
    const lu = a.slice();
    const piv = new Int32Array(n);
    luDecompose(lu, n, piv);
    const ref = b.slice();
    luSolve(lu, n, piv, ref);
    const exact = (v: Float64Array, z: Float64Array): void => {
      z.set(v);
      luSolve(lu, n, piv, z);
    };
    const x = new Float64Array(n);
    const one = gmres(matvec(a, n), b, x, 1e-12, 0, new GmresWorkspace(n, 5), exact);
    expect(one.converged).toBe(true);
    expect(one.iterations).toBe(1);
    for (let i = 0; i < n; i++) expect(Math.abs(x[i] - ref[i])).toBeLessThan(1e-10);
    // M = diag(A)⁻¹ (Jacobi), GMRES(3) with restarts: the residual GMRES minimises is the true b − A x
    const jacobi = (v: Float64Array, z: Float64Array): void => {
      for (let i = 0; i < n; i++) z[i] = v[i] / a[i * n + i];
    };
    const y = new Float64Array(n);
    const rough = gmres(matvec(a, n), b, y, 1e-10, 200, new GmresWorkspace(n, 3), jacobi);
    expect(rough.converged).toBe(true);
    expect(rough.iterations).toBeGreaterThan(3);
    const ay = new Float64Array(n);
    matvec(a, n)(y, ay);
    expect(Math.hypot(...Array.from(ay, (v, i) => v - b[i]))).toBeLessThan(2e-10);
    for (let i = 0; i < n; i++) expect(Math.abs(y[i] - ref[i])).toBeLessThan(1e-8);
  });
});
