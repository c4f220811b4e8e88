/**
 * 'bdf' on the standard stiff problems: accuracy against the committed references,
 * and work at equal error against SUNDIALS CVODE 6.4.1 (BDF, Newton, dense, analytic
 * Jacobian), measured on this machine with bench/cvode/cvodeReference.c (the issue's
 * table quotes 2,174 / 1,455 / 4,304 f from another build; ours: 2,181 / 1,451 / 4,274):
 *
 * | problem (tol)            | CVODE f / J | CVODE max error      |
 * | Van der Pol μ=1000 (1e-6)| 2181 / 32   | 3.60e-5 (relative)   |
 * | Robertson (1e-6)         | 1451 / 20   | 9.09e-5 (relative)   |
 * | HIRES (1e-6)             | 435 / 8     | 3.07e-3 (relative)   |
 * | 50 features (1e-8)       | 4274 / 56   | 8.03e-7 (absolute)   |
 */
import { describe, expect, it } from 'vitest';
import { coupledFlow } from '../../src/flows/coupledFlow.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';
import { EPS, exactU, L, rho, sigma2, T } from '../fiftyFeatures.js';
import { ref, relErr, robertson, vdp, vdpJac } from './stiffProblems.js';

const robJac: JacobianFunction = (_t, y, J) => {
  J[0] = -0.04;
  J[1] = 1e4 * y[2];
  J[2] = 1e4 * y[1];
  J[3] = 0.04;
  J[4] = -1e4 * y[2] - 6e7 * y[1];
  J[5] = -1e4 * y[1];
  J[6] = 0;
  J[7] = 6e7 * y[1];
  J[8] = 0;
};
// HIRES (Hairer–Wanner's test set), our own copy (the RADAU5 branch adds a shared one).
const hires: RhsFunction = (_t, y, d) => {
  d[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
  d[1] = 1.71 * y[0] - 8.75 * y[1];
  d[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
  d[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
  d[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
  d[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
  d[6] = 280 * y[5] * y[7] - 1.81 * y[6];
  d[7] = -d[6];
};
const hiresY0 = [1, 0, 0, 0, 0, 0, 0, 0.0057];
// y(321.8122): scipy Radau at rtol 1e-13 (one-off), equal to the Test Set's published values to 2e-13 relative.
const hiresRef = [
  7.371312573325541e-4, 1.4424857263161596e-4, 5.888729740967344e-5, 1.1756513432831254e-3, 2.386356198830966e-3, 6.238968252741673e-3,
  2.8499983951855e-3, 2.8500016048145197e-3,
];
const flow = coupledFlow(
  sigma2.map((s, i) => ({ sigma2: s, rho: rho[i] })),
  'jepa',
  L,
);
const fiftyExact = Array.from({ length: sigma2.length }, (_, i) => exactU(T, i));
const fiftyErr = (y: Float64Array): number => Math.max(...fiftyExact.map((u, i) => Math.abs(y[i] - u)));

describe("'bdf' on standard stiff problems", () => {
  it('Van der Pol (μ = 1000) and Robertson: error follows the tolerance (finite-difference and analytic Jacobian)', () => {
    for (const tol of [1e-4, 1e-6, 1e-8]) {
      for (const jacobian of [undefined, vdpJac]) {
        const r = solveIvp(vdp, [0, 2], [2, 0], { method: 'bdf', rtol: tol, atol: tol, tEval: ref.vdp.t, jacobian });
        expect(r.status).toBe('success');
        const e = Math.max(...r.y.map((y, k) => relErr(y, ref.vdp.y[k])));
        // Measured err/tol 12–25 (BDF's global error on VdP, like CVODE's 36–70 at the same tolerances).
        expect(e).toBeLessThan(60 * tol);
        expect(e).toBeGreaterThan(0.1 * tol);
      }
      const atol = [1e-6 * tol, 1e-10 * tol, 1e-6 * tol];
      const r = solveIvp(robertson, [0, 1e11], [1, 0, 0], { method: 'bdf', rtol: tol, atol, tEval: ref.robertson.t });
      expect(r.status).toBe('success');
      // In units of the tolerance, |Δy_i|/(atol_i + rtol|y_i|) (at t = 1e11, y₁ ≈ 2e-8 sits below
      // atol₁/rtol, so its relative error is set by atol): measured 0.2 … 9.0 over t = 40 … 1e11.
      r.y.forEach((y, k) =>
        y.forEach((v, i) => {
          const yr = ref.robertson.y[k][i];
          expect(Math.abs(v - yr) / (atol[i] + tol * Math.abs(yr))).toBeLessThan(20);
        }),
      );
      for (const y of r.y) expect(Math.abs(y[0] + y[1] + y[2] - 1)).toBeLessThan(1e-12);
    }
  });

  it('work at equal error: no more f-evaluations than CVODE for at most its error (analytic Jacobians, as CVODE+J)', () => {
    const v = solveIvp(vdp, [0, 2], [2, 0], { method: 'bdf', rtol: 3e-6, atol: 3e-6, jacobian: vdpJac });
    expect(relErr(v.y[v.y.length - 1], ref.vdp.published_t2)).toBeLessThan(3.6e-5);
    expect(v.stats.nfev).toBeLessThanOrEqual(2181);
    const r = solveIvp(robertson, [0, 1e11], [1, 0, 0], { method: 'bdf', rtol: 1e-6, atol: [1e-12, 1e-16, 1e-12], jacobian: robJac });
    expect(relErr(r.y[r.y.length - 1], ref.robertson.published_t1e11)).toBeLessThan(9.09e-5);
    expect(r.stats.nfev).toBeLessThanOrEqual(1451);
    // HIRES with finite differences (its 8 columns per Jacobian counted) against CVODE with the analytic J.
    const h = solveIvp(hires, [0, 321.8122], hiresY0, { method: 'bdf', rtol: 3e-6, atol: 3e-6 });
    expect(relErr(h.y[h.y.length - 1], hiresRef)).toBeLessThan(3.07e-3);
    expect(h.stats.nfev).toBeLessThanOrEqual(435);
    const f = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'bdf', rtol: 2e-8, atol: 2e-8, jacobian: flow.jacobian });
    expect(fiftyErr(f.y[f.y.length - 1])).toBeLessThan(8.03e-7);
    expect(f.stats.nfev).toBeLessThanOrEqual(4274);
    // Reuse: Jacobians and factorizations are a small fraction of the steps (CVODE: 32 J, 259 LU on VdP).
    for (const s of [v.stats, r.stats, f.stats]) {
      expect(s.njev ?? Infinity).toBeLessThan(0.05 * s.naccepted);
      expect(s.nlu ?? Infinity).toBeLessThan(0.3 * s.nsteps);
    }
  });

  it('50 features without any Jacobian: diagonal sparsity, dense columns and matrix-free GMRES stay far below 20 000 f-evaluations', () => {
    const errs: number[] = [];
    for (const options of [{ jacobianSparsity: 'diagonal' as const }, {}, { linearSolver: 'gmres' as const }]) {
      const r = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'bdf', rtol: 1e-6, atol: 1e-6, ...options });
      expect(r.status).toBe('success');
      expect(r.stats.nfev).toBeLessThanOrEqual(20_000);
      errs.push(fiftyErr(r.y[r.y.length - 1]));
    }
    // At rtol = atol = 1e-6 the error is 1.2e-5–2.5e-5 (measured; CVODE 1.0e-4, scipy BDF 4.2e-5): above the
    // issue's 1e-5. BDF's global error is ~25× its per-step tolerance on this growth problem, so 1e-5 needs rtol 1e-7:
    for (const e of errs) expect(e).toBeLessThan(3e-5);
    const tight = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'bdf', rtol: 1e-7, atol: 1e-7, jacobianSparsity: 'diagonal' });
    expect(fiftyErr(tight.y[tight.y.length - 1])).toBeLessThan(1e-5);
    expect(tight.stats.nfev).toBeLessThanOrEqual(20_000);
  });

  it('50 features without any Jacobian at rtol = atol = 1e-6: radau5 with diagonal sparsity is within 1e-5 in under 20 000 f-evaluations', () => {
    // The issue's figure at its tolerance: radau5's global error stays near its tolerance (measured 3.0e-7 with
    // 4829 f, one finite-difference evaluation per Jacobian; with 50 dense columns per Jacobian 25 605 f).
    const r = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'radau5', rtol: 1e-6, atol: 1e-6, jacobianSparsity: 'diagonal' });
    expect(r.status).toBe('success');
    expect(fiftyErr(r.y[r.y.length - 1])).toBeLessThan(1e-5);
    expect(r.stats.nfev).toBeLessThanOrEqual(20_000);
  });
});
