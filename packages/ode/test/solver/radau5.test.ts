/**
 * The RADAU5 step (src/solver/radau5Stepper.ts) with fixed steps, driven directly:
 * its orders (solution 5, error estimate h⁴, collocation polynomial), its stability
 * function, and the collocation polynomial in the stiff limit.
 */
import { describe, expect, it } from 'vitest';
import { CountedRhs } from '../../src/solver/countedRhs.js';
import { Radau5Stepper } from '../../src/solver/radau5Stepper.js';
import { RADAU5_TABLEAU } from '../../src/solver/radau5Tableau.js';
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

/**
 * A stepper whose Newton iteration is converged far below the errors measured: at
 * tol = 1e-13 Hairer's transformed tolerance is 2e-10 and the iteration stops at
 * increments below 1.5e-5 of it, i.e. ≈ 3e-15.
 */
function stepper(fn: RhsFunction, n: number, jacobian: JacobianFunction, tol = 1e-13): Radau5Stepper {
  return new Radau5Stepper({ rhs: new CountedRhs(fn), n, rtol: tol, atol: new Float64Array(n).fill(tol), dense: true, jacobian });
}

describe('RADAU5 step kernel', () => {
  // Fixed steps on [0, 1.5], each completed whatever the error test said (accepted or rejected,
  // never a Newton failure): final error, largest error estimate, dense output at θ = j/10.
  const thetas = Array.from({ length: 9 }, (_, j) => (j + 1) / 10);
  const runs = [12, 24, 48].map((N) =>
    fixedStepErrors(stepper(f, 2, jac), N, 1.5, thetas, (status) => expect(['accepted', 'rejected']).toContain(status)),
  );
  const orders = (key: keyof FixedStepErrors): number[] => observedOrders(runs, key);

  it('has global order 5 on a non-autonomous nonlinear system with known solution', () => {
    // Measured log2(e_N / e_2N): 4.99, 5.00 (N = 96 → 192 reaches the rounding floor, 2e-13).
    expectOrdersBetween(orders('global'), 4.8, 5.2);
    expect(runs[2].global).toBeLessThan(1e-10);
  });

  it('has an error estimate of order 3: it shrinks like h⁴ per step', () => {
    // Measured 3.96, 3.98.
    expectOrdersBetween(orders('estimate'), 3.8, 4.2);
  });

  it('has a collocation polynomial of dense order 3: its error between the nodes shrinks like h⁴', () => {
    // Measured 3.96, 3.98 (the stage order of Radau IIA is 3).
    expectOrdersBetween(orders('dense'), 3.8, 4.2);
    // The polynomial ends exactly at y_new and passes through y_old (to rounding).
    const st = stepper(f, 2, jac);
    const y = Float64Array.from(g(0));
    const yNew = new Float64Array(2);
    const coef = new Float64Array(st.denseSize);
    const out = new Float64Array(2);
    st.start(0, y);
    st.attempt(0, y, 0.1, yNew);
    st.accept(0, y, 0.1, yNew, coef, false);
    st.interpolate(coef, 0, 1, out);
    expect(Array.from(out)).toEqual(Array.from(yNew));
    st.interpolate(coef, 0, 0, out);
    for (let i = 0; i < 2; i++) expect(Math.abs(out[i] - y[i])).toBeLessThan(1e-15);
  });

  it('has the stability function of Radau IIA, R(z) = (1 + 2z/5 + z²/20)/(1 − 3z/5 + 3z²/20 − z³/60): A-stable, R(−∞) = 0 (L-stable)', () => {
    // One step of y' = Λy, Λ = [[a, −b], [b, a]] (eigenvalues a ± ib) from (1, 0): y1 = (Re R, Im R)(h(a + ib)).
    const R = (zr: number, zi: number): [number, number] => {
      const mulc = (p: [number, number], q: [number, number]): [number, number] => [p[0] * q[0] - p[1] * q[1], p[0] * q[1] + p[1] * q[0]];
      const z: [number, number] = [zr, zi];
      const z2 = mulc(z, z);
      const z3 = mulc(z2, z);
      const num: [number, number] = [1 + (2 * zr) / 5 + z2[0] / 20, (2 * zi) / 5 + z2[1] / 20];
      const den: [number, number] = [1 - (3 * zr) / 5 + (3 * z2[0]) / 20 - z3[0] / 60, -(3 * zi) / 5 + (3 * z2[1]) / 20 - z3[1] / 60];
      const d = den[0] * den[0] + den[1] * den[1];
      return [(num[0] * den[0] + num[1] * den[1]) / d, (num[1] * den[0] - num[0] * den[1]) / d];
    };
    for (const [a, b] of [
      [-1, 0],
      [-30, 0],
      [-1e8, 0],
      [0, 1],
      [0, 50],
      [-2, 7],
      [0.5, 0],
    ]) {
      const lin: RhsFunction = (_t, y, d) => {
        d[0] = a * y[0] - b * y[1];
        d[1] = b * y[0] + a * y[1];
      };
      const linJac: JacobianFunction = (_t, _y, J) => J.set([a, -b, b, a]);
      const st = stepper(lin, 2, linJac);
      const y = Float64Array.of(1, 0);
      const yNew = new Float64Array(2);
      st.start(0, y);
      st.attempt(0, y, 1, yNew);
      const [re, im] = R(a, b);
      // Newton with the exact Jacobian solves the linear stage equations in one iteration;
      // the second confirms it, so y1 = R(z) to rounding times the conditioning (|z| ≤ 1e8).
      expect(Math.abs(yNew[0] - re)).toBeLessThan(1e-12);
      expect(Math.abs(yNew[1] - im)).toBeLessThan(1e-12);
      if (a <= 0) expect(Math.hypot(yNew[0], yNew[1])).toBeLessThanOrEqual(1 + 1e-15);
    }
  });

  it('stiff limit (Prothero–Robinson, μ = 1e10): step values follow g, and sol(t) is the cubic interpolant of g at t0, t0 + c1 h, t0 + c2 h, t0 + h (error O(h⁴), dense order 3 without order reduction)', () => {
    const mu = 1e10;
    const gs = (t: number): number => Math.sin(t) + Math.cos(2 * t);
    const pr: RhsFunction = (t, y, d) => {
      d[0] = -mu * (y[0] - gs(t)) + Math.cos(t) - 2 * Math.sin(2 * t);
    };
    const prJac: JacobianFunction = (_t, _y, J) => {
      J[0] = -mu;
    };
    // |g''''| ≤ 1 + 16 = 17; the nodal polynomial θ(θ − c1)(θ − c2)(θ − 1) is at most 0.0183 in [0, 1].
    const { c1, c2 } = RADAU5_TABLEAU;
    let omega = 0;
    for (let j = 0; j <= 1000; j++) {
      const th = j / 1000;
      omega = Math.max(omega, Math.abs(th * (th - c1) * (th - c2) * (th - 1)));
    }
    const errors = [16, 32, 64].map((N) => {
      const st = stepper(pr, 1, prJac);
      const h = 2 / N;
      const y = Float64Array.of(gs(0));
      const yNew = new Float64Array(1);
      const coef = new Float64Array(st.denseSize);
      const out = new Float64Array(1);
      let dense = 0;
      st.start(0, y);
      for (let k = 0; k < N; k++) {
        const t = k * h;
        expect(st.attempt(t, y, h, yNew).status).toBe('accepted');
        st.accept(t, y, h, yNew, coef, false);
        // Step values: exact up to O(h³/μ) and rounding (measured ≤ 4e-14).
        expect(Math.abs(yNew[0] - gs(t + h))).toBeLessThan(1e-13);
        for (let j = 1; j < 20; j++) {
          st.interpolate(coef, 0, j / 20, out);
          dense = Math.max(dense, Math.abs(out[0] - gs(t + (j / 20) * h)));
        }
        y.set(yNew);
      }
      // Cubic interpolation error bound |g''''|/4! · h⁴ · max|ω(θ)|.
      expect(dense).toBeLessThan((17 / 24) * h ** 4 * omega);
      return dense;
    });
    // Measured orders 3.99, 4.00.
    for (let i = 1; i < errors.length; i++) expect(Math.log2(errors[i - 1] / errors[i])).toBeGreaterThan(3.8);
  });
});
