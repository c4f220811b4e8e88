import { describe, expect, it } from 'vitest';
import { IntegrationError, InvalidArgumentError } from '@jepa-dynamics/core';
import { coupledFlow, coupledTrajectories } from '../../src/flows/coupledFlow.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import { EPS, exactU, L, N, rho, sigma2, T } from '../fiftyFeatures.js';

// The problem (fiftyFeatures.ts): L = 3, ε = 1e-3, σ² = logspace(−2, 2, 50), ρ uniform in (0.1, 0.9), seed 2024.

describe('the 50-feature stiff problem, integrated as one coupled system with rodas4', () => {
  const features = sigma2.map((s, i) => ({ sigma2: s, rho: rho[i] }));
  const flow = coupledFlow(features, 'jepa', L);

  it('is stiff: the settled fast features have |∂f/∂u| = σ² ρ^{2L} up to ~50 while T ≈ 1e5', () => {
    expect(T).toBeGreaterThan(5e4);
    expect(Math.max(...rho.map((p, i) => sigma2[i] * p ** (2 * L)))).toBeGreaterThan(10);
  });

  it('with the exact Jacobian: every u_i(T) within 1e-5 of the exact solution, in ≤ 20,000 evaluations (RHS + Jacobian calls)', () => {
    const r = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'rodas4', rtol: 1e-6, atol: 1e-6, jacobian: flow.jacobian });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    let worst = 0;
    for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(y[i] - exactU(T, i)));
    expect(worst).toBeLessThan(1e-5); // the requirement; measured 3.5e-7
    const njev = r.stats.njev ?? Number.NaN;
    // Measured: nfev 5691, njev 762 (each Jacobian call costs about one RHS call here).
    expect(r.stats.nfev + njev).toBeLessThanOrEqual(20_000);
  });

  it('with a finite-difference Jacobian and the declared diagonal sparsity: within 1e-5, ≤ 20,000 evaluations with every Jacobian column counted', () => {
    const r = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'rodas4', rtol: 1e-6, atol: 1e-6, jacobianSparsity: flow.sparsity });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    for (let i = 0; i < N; i++) expect(Math.abs(y[i] - exactU(T, i))).toBeLessThan(1e-5);
    // One evaluation gives all 50 columns: per accepted step 1 (columns) + 1 (∂f/∂t) + 1 (new point).
    expect(r.stats.nfev).toBe(2 + 3 * r.stats.naccepted + 5 * r.stats.nsteps);
    expect(r.stats.nfev).toBeLessThanOrEqual(20_000); // measured 6463 (worst |Δu| 3.0e-7)
  });

  it('with a dense finite-difference Jacobian: same accuracy (its 50 columns per step are counted in nfev)', () => {
    const r = solveIvp(flow.rhs, [0, T], flow.initial(EPS), { method: 'rodas4', rtol: 1e-6, atol: 1e-6 });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    for (let i = 0; i < N; i++) expect(Math.abs(y[i] - exactU(T, i))).toBeLessThan(1e-5);
    // (measured nfev 43,801: the 20,000 budget is met only with the sparsity or the exact Jacobian)
    // RODAS needs a fresh Jacobian every accepted step: N columns per accepted step on top of ∂f/∂t, f(new point) and 5 stages per attempt.
    expect(r.stats.nfev).toBe(2 + (N + 2) * r.stats.naccepted + 5 * r.stats.nsteps);
  });

  it('coupledTrajectories returns w̄_i = u_i^L on a grid, matching the exact solution', () => {
    const r = coupledTrajectories(features, { objective: 'jepa', depth: L, epsilon: EPS, times: [0, T / 4, T], rtol: 1e-6, atol: 1e-6 });
    expect(r.wbar).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      expect(r.wbar[i][0]).toBeCloseTo(EPS, 15);
      for (let k = 1; k < 3; k++) {
        const u = exactU(r.t[k], i);
        // |Δw̄| = L u^{L−1} |Δu| ≤ 3 · 0.81 · 1e-5.
        expect(Math.abs(r.wbar[i][k] - u ** L)).toBeLessThan(3e-5);
      }
    }
  });

  it('coupledFlow.jacobian is the derivative of coupledFlow.rhs (JEPA and MAE, central differences)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      const c = coupledFlow(features.slice(0, 5), objective, L);
      const y = Float64Array.from({ length: 5 }, (_, i) => 0.2 + 0.1 * i);
      const J = new Float64Array(25);
      c.jacobian(0, y, J);
      const fp = new Float64Array(5);
      const fm = new Float64Array(5);
      for (let j = 0; j < 5; j++) {
        const yp = Float64Array.from(y);
        const ym = Float64Array.from(y);
        yp[j] += 1e-6;
        ym[j] -= 1e-6;
        c.rhs(0, yp, fp);
        c.rhs(0, ym, fm);
        for (let i = 0; i < 5; i++)
          expect(Math.abs(J[i * 5 + j] - (fp[i] - fm[i]) / 2e-6)).toBeLessThan(1e-8 * Math.max(1, Math.abs(J[i * 5 + j])));
      }
    }
  });

  it('coupledTrajectories with an explicit method stops with IntegrationError status stiff (never a silent number)', () => {
    let caught: unknown;
    try {
      coupledTrajectories(features, { objective: 'jepa', depth: L, epsilon: EPS, times: [0, T], rtol: 1e-6, atol: 1e-6, method: 'dopri5' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IntegrationError);
    expect((caught as IntegrationError).status).toBe('stiff');
  });

  it('coupledFlow and coupledTrajectories reject bad input, naming the argument', () => {
    expect(() => coupledFlow([], 'jepa', 3)).toThrow(InvalidArgumentError);
    expect(() => coupledFlow([{ sigma2: -1, rho: 0.5 }], 'jepa', 3)).toThrow(/features\[0\]/);
    expect(() =>
      coupledTrajectories(features, { objective: 'jepa', depth: L, epsilon: EPS, tEnd: 1, jacobian: 'exact' as 'analytic' }),
    ).toThrow(/invalid argument jacobian/);
    expect(() => coupledTrajectories(features, { objective: 'jepa', depth: L, epsilon: 0, tEnd: 1 })).toThrow(/epsilon/);
  });
});
