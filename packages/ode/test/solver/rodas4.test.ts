import { describe, expect, it } from 'vitest';
import { RODAS4_TABLEAU, Rodas4Stepper } from '../../src/solver/rodas4.js';
import { CountedRhs } from '../../src/solver/countedRhs.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';
import {
  expectOrdersBetween,
  fixedStepErrors,
  nonlinear,
  nonlinearExact,
  nonlinearJac,
  observedOrders,
  type FixedStepErrors,
} from './stepKernelOrders.js';

// The non-autonomous nonlinear test problem with known solution g of stepKernelOrders.ts.
const g = nonlinearExact;
const f = nonlinear;
const jac = nonlinearJac;

function stepper(fn: RhsFunction, n: number, jacobian?: JacobianFunction): Rodas4Stepper {
  return new Rodas4Stepper({ rhs: new CountedRhs(fn), n, rtol: 0, atol: new Float64Array(n).fill(1), dense: true, jacobian });
}

describe('RODAS (rodas4) step kernel', () => {
  // Fixed steps on [0, 1.5]: final error, largest error estimate, largest dense-output error at θ = 0.37.
  const runs = [24, 48, 96, 192].map((N) => fixedStepErrors(stepper(f, 2, jac), N, 1.5, [0.37]));
  const orders = (key: keyof FixedStepErrors): number[] => observedOrders(runs, key);

  it('has global order 4 on a non-autonomous nonlinear system with known solution', () => {
    // Observed orders log2(e_N / e_2N) for N = 24 … 192 (measured 3.82, 3.94, 4.32; N = 12 → 24
    // is still pre-asymptotic at 3.5). An order-3 method would give ≈ 3, order 5 ≈ 5.
    expectOrdersBetween(orders('global'), 3.7, 4.5);
    expect(runs[3].global).toBeLessThan(1e-10);
  });

  it('has an embedded order-3 solution: the error estimate k6 = y4 − y3 shrinks like h⁴ per step', () => {
    // Measured 3.96, 3.94, 3.81 (the last approaches the floor set by the ∂f/∂t difference quotient).
    expectOrdersBetween(orders('estimate'), 3.7, 4.3);
  });

  it('has a continuous extension of order 3: interpolation error shrinks at least like h³ (here ≈ h⁴ locally)', () => {
    for (const p of orders('dense')) expect(p).toBeGreaterThan(2.9);
    // The interpolant reproduces both ends of each step exactly.
    const st = stepper(f, 2, jac);
    const y = Float64Array.from(g(0));
    const yNew = new Float64Array(2);
    const coef = new Float64Array(st.denseSize);
    const out = new Float64Array(2);
    st.start(0, y);
    st.attempt(0, y, 0.1, yNew);
    st.accept(0, y, 0.1, yNew, coef);
    st.interpolate(coef, 0, 0, out);
    expect(Array.from(out)).toEqual(Array.from(y));
    st.interpolate(coef, 0, 1, out);
    expect(Array.from(out)).toEqual(Array.from(yNew));
  });

  it('has a stability function R(z) with R(z) − e^z = O(z⁵), |R| ≤ 1 on the left half-plane axes, and R(−∞) = 0 (L-stable)', () => {
    // y' = λ y, one step of size 1: y1 = R(λ).
    const R = (z: number): number => {
      const st = stepper(
        (_t, y, d) => {
          d[0] = z * y[0];
        },
        1,
        (_t, _y, J) => {
          J[0] = z;
        },
      );
      const y = Float64Array.of(1);
      const yNew = new Float64Array(1);
      st.start(0, y);
      st.attempt(0, y, 1, yNew);
      return yNew[0];
    };
    const e1 = Math.abs(R(-0.04) - Math.exp(-0.04));
    const e2 = Math.abs(R(-0.02) - Math.exp(-0.02));
    expect(Math.log2(e1 / e2)).toBeGreaterThan(4.7); // local error order 5
    for (const z of [-1e-3, -0.5, -1, -4, -10, -100, -1e4]) expect(Math.abs(R(z))).toBeLessThanOrEqual(1);
    expect(Math.abs(R(-1e12))).toBeLessThan(1e-10);
  });

  it('satisfies the Rosenbrock order conditions: all 8 of order 4 for the solution, the 4 of order 3 (not order 4) for the embedded one', () => {
    // Back-transform the "k carries h" coefficients (Hairer–Wanner IV.7.25): Γ⁻¹ = diag(1/γ) − C,
    // α = A Γ, b = m Γ with m the weights of y_new = y + Σ m_i k_i, here m = (a51 … a54, 1, 1)
    // (embedded: (a51 … a54, 1, 0)). Then check Table IV.7.1 with β_ij = α_ij + γ_ij (j < i),
    // β'_i = Σ_j β_ij, α_i = Σ_j α_ij.
    const T = RODAS4_TABLEAU;
    const g = T.gamma;
    const s = 6;
    const A = [[], [T.a21], [T.a31, T.a32], [T.a41, T.a42, T.a43], [T.a51, T.a52, T.a53, T.a54], [T.a51, T.a52, T.a53, T.a54, 1]];
    const C = [[], [T.c21], [T.c31, T.c32], [T.c41, T.c42, T.c43], [T.c51, T.c52, T.c53, T.c54], [T.c61, T.c62, T.c63, T.c64, T.c65]];
    const at = (m: number[][], i: number, j: number): number => (j < m[i].length ? m[i][j] : 0);
    // Γ = (diag(1/γ) − C)⁻¹, lower triangular: column by column forward substitution.
    const G = Array.from({ length: s }, () => new Array<number>(s).fill(0));
    for (let j = 0; j < s; j++) {
      G[j][j] = g;
      for (let i = j + 1; i < s; i++) {
        let sum = 0;
        for (let k = j; k < i; k++) sum += at(C, i, k) * G[k][j];
        G[i][j] = g * sum;
      }
    }
    const alpha = Array.from({ length: s }, (_, i) =>
      Array.from({ length: s }, (_, j) => {
        let v = 0;
        for (let k = 0; k < s; k++) v += at(A, i, k) * G[k][j];
        return v;
      }),
    );
    const weights = (m: number[]): number[] => Array.from({ length: s }, (_, j) => m.reduce((acc, mk, k) => acc + mk * G[k][j], 0));
    const b = weights([T.a51, T.a52, T.a53, T.a54, 1, 1]);
    const bHat = weights([T.a51, T.a52, T.a53, T.a54, 1, 0]);
    const ai = alpha.map((row) => row.reduce((x, y) => x + y, 0));
    const beta = (i: number, j: number): number => (j < i ? alpha[i][j] + G[i][j] : 0);
    const bp = Array.from({ length: s }, (_, i) => Array.from({ length: s }, (_, j) => beta(i, j)).reduce((x, y) => x + y, 0));
    const sumB = (f: (i: number) => number, w: number[]): number => w.reduce((acc, wi, i) => acc + wi * f(i), 0);
    const dot = (row: (k: number) => number, v: (k: number) => number): number =>
      Array.from({ length: s }, (_, k) => row(k) * v(k)).reduce((x, y) => x + y, 0);
    const residuals = (w: number[]): number[] => [
      sumB(() => 1, w) - 1,
      sumB((i) => bp[i], w) - (0.5 - g),
      sumB((i) => ai[i] ** 2, w) - 1 / 3,
      sumB(
        (i) =>
          dot(
            (k) => beta(i, k),
            (k) => bp[k],
          ),
        w,
      ) -
        (1 / 6 - g + g * g),
      sumB((i) => ai[i] ** 3, w) - 1 / 4,
      sumB(
        (i) =>
          ai[i] *
          dot(
            (k) => alpha[i][k],
            (k) => bp[k],
          ),
        w,
      ) -
        (1 / 8 - g / 3),
      sumB(
        (i) =>
          dot(
            (k) => beta(i, k),
            (k) => ai[k] ** 2,
          ),
        w,
      ) -
        (1 / 12 - g / 3),
      sumB(
        (i) =>
          dot(
            (k) => beta(i, k),
            (k) =>
              dot(
                (l) => beta(k, l),
                (l) => bp[l],
              ),
          ),
        w,
      ) -
        (1 / 24 - g / 2 + 1.5 * g * g - g ** 3),
    ];
    // The coefficients are given to 16 digits; the conditions hold to rounding (measured ≤ 2e-15).
    for (const r of residuals(b)) expect(Math.abs(r)).toBeLessThan(1e-13);
    const rh = residuals(bHat);
    for (const r of rh.slice(0, 4)) expect(Math.abs(r)).toBeLessThan(1e-13);
    expect(Math.max(...rh.slice(4).map(Math.abs))).toBeGreaterThan(1e-3); // order exactly 3 (measured 0.10)
    // Stage times c_i = Σ_j α_ij and the ∂f/∂t weights d_i = Σ_j γ_ij agree with the tableau.
    ai.forEach((c, i) => expect(Math.abs(c - T.c[i])).toBeLessThan(1e-14));
    G.forEach((row, i) => expect(Math.abs(row.reduce((x, y) => x + y, 0) - T.d[i])).toBeLessThan(1e-14));
    // Stiffly accurate: c5 = c6 = 1 and the solution weights are the last stage's row, b_j = α_6j + γ_6j.
    expect(T.c[4]).toBe(1);
    expect(T.c[5]).toBe(1);
    b.forEach((bj, j) => expect(Math.abs(bj - (alpha[5][j] + G[5][j]))).toBeLessThan(1e-14));
  });

  it('counts its work: per attempt 5 f-evaluations and 1 LU; per new point 1 Jacobian (+1 f for ∂f/∂t, +n with finite differences)', () => {
    const rhs = new CountedRhs(f);
    const st = new Rodas4Stepper({ rhs, n: 2, rtol: 1e-6, atol: new Float64Array(2).fill(1e-6), dense: false });
    const y = Float64Array.from(g(0));
    const yNew = new Float64Array(2);
    st.start(0, y); // 1
    st.attempt(0, y, 0.1, yNew); // 2 (FD columns) + 1 (∂f/∂t) + 5 (stages)
    st.attempt(0, y, 0.05, yNew); // retry from the same point: Jacobian kept, 5 stages
    expect(rhs.count).toBe(1 + 3 + 5 + 5);
    expect(st.workCounters).toEqual({ njev: 1, nlu: 2 });
    st.accept(0, y, 0.05, yNew, null); // f at the new point
    st.attempt(0.05, yNew, 0.05, y); // new point: new Jacobian
    expect(rhs.count).toBe(14 + 1 + 3 + 5);
    expect(st.workCounters).toEqual({ njev: 2, nlu: 3 });
  });
});
