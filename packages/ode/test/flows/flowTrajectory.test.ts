/**
 * flowTrajectory: the three formulations of docs/math.md §2 (per-layer u, end-to-end w̄,
 * layerwise v, w_1…w_L) give the same w̄(t), the exact one.
 *
 * How agreement is judged. Near the transition w̄(t) is extremely ill-conditioned as a
 * function of t: ∂ln w̄/∂ln t ≈ L t/T with T = 1/(σ² u^{2L−1}(ρ − u)), up to 1e13 on this grid,
 * so a time error of one ulp moves w̄ by far more than 1e-9 relative, and no double-precision
 * computation can agree to 1e-9 in w̄ there. Each value is therefore accepted when it is within
 * 1e-9 relative in w̄ OR within 1e-9 relative in time: the exact (closed-form, docs/math.md §3,
 * test/support/oracles) time at which the true flow has that w̄ is within 1e-9·t of the
 * requested t. The first test also reports how many points needed the second criterion.
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, flowTrajectories, flowTrajectory } from '../../src/index.js';
import { balancedRate, mulberry32, timeOfU, uAt } from '../../../../test/support/oracles/index.js';

const random = mulberry32(11);
const cases = Array.from({ length: 32 }, (_, i) => ({
  L: 1 + (i % 8),
  lambda: 1e-2 * Math.pow(1e4, random()),
  rho: 0.05 * Math.pow(100, random()),
  epsilon: 1e-6 * Math.pow(1e5, random()),
}));
const FRACTIONS = [0.1, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 3];

describe('three formulations, one w̄(t) (seeded grid L 1…8, λ 1e-2…1e2, ρ 0.05…5, ε 1e-6…1e-1, rtol 1e-12)', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: per-layer, end-to-end and layerwise agree with the closed form and each other to 1e-9 (in w̄, or in t where w̄(t) is ill-conditioned)`, () => {
      let compared = 0;
      let needTime = 0;
      for (const c of cases) {
        const feature = { lambda: c.lambda, rho: c.rho };
        const ct = criticalTime(feature, { objective, depth: c.L, epsilon: c.epsilon });
        if (!ct.exists) continue;
        const times = FRACTIONS.map((f) => f * ct.t);
        const runs = (['per-layer', 'end-to-end', 'layerwise'] as const).map(
          (formulation) => flowTrajectory(feature, { objective, depth: c.L, epsilon: c.epsilon, formulation, times, rtol: 1e-12 }).wbar,
        );
        for (let k = 0; k < times.length; k++) {
          // the truth: u(t_k) from the closed form t(u) by bisection on [u0, u∞]
          const u = uAt(objective, c.L, c.lambda, c.rho, c.epsilon, times[k]);
          const wTrue = Math.pow(u, c.L);
          const slope = c.L * Math.pow(u, c.L - 1) * balancedRate(objective, c.L, c.lambda, c.rho, u); // dw̄/dt
          // 1e-9 relative in w̄ plus the change of w̄ over 1e-9 relative in t (mixed forward/backward error)
          const bound = 1e-9 * (wTrue + times[k] * slope);
          const values = runs.map((r) => r[k]);
          for (const x of values)
            expect(Math.abs(x - wTrue), `${objective} ${JSON.stringify(c)} t = ${times[k]} (${FRACTIONS[k]} t*)`).toBeLessThanOrEqual(
              bound,
            );
          for (const [x, y] of [
            [values[0], values[1]],
            [values[0], values[2]],
          ]) {
            expect(Math.abs(x - y)).toBeLessThanOrEqual(bound);
          }
          if (Math.max(...values.map((x) => Math.abs(x - wTrue))) > 1e-9 * wTrue) needTime++;
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(150);
      // the time part of the bound is needed only in the sharp transition, not in general
      expect(needTime).toBeLessThan(compared / 2);
    });
  }
});

describe('trajectory details', () => {
  it('a start above the fixed point decays to it along the closed form (JEPA, L = 2)', () => {
    // u0 = 2.5 > ρ = 2: t(u) of docs/math.md §3 holds on (ρ, u0] as well (all factors change sign together)
    const feature = { lambda: 1.5, rho: 2 };
    const epsilon = 2.5 * 2.5;
    const times = [0.001, 0.01, 0.05, 0.2];
    const run = flowTrajectory(feature, { objective: 'jepa', depth: 2, epsilon, times, rtol: 1e-12 });
    run.wbar.forEach((w, k) => {
      const u = Math.sqrt(w);
      expect(u).toBeLessThan(2.5);
      expect(u).toBeGreaterThan(2);
      // time at which the exact flow has this u, relative to the requested time
      expect(Math.abs(timeOfU('jepa', 2, 1.5, 2, epsilon, u) - times[k]) / times[k]).toBeLessThan(1e-9);
    });
  });

  it('dense output across the restarted clock agrees with the gridded output, and flowTrajectories = separate runs', () => {
    const feature = { lambda: 0.3, rho: 2.5 };
    const options = { objective: 'jepa' as const, depth: 6, epsilon: 1e-5 };
    const ct = criticalTime(feature, options);
    if (!ct.exists) throw new Error('expected a critical time');
    const times = [0.2, 0.7, 0.95, 0.999, 1, 1.001, 1.2, 2].map((f) => f * ct.t);
    const run = flowTrajectory(feature, { ...options, times, rtol: 1e-12, dense: true });
    const wbarAt = run.wbarAt;
    if (wbarAt === undefined) throw new Error('dense output requested');
    const u0 = Math.pow(options.epsilon, 1 / 6);
    times.forEach((t, k) => {
      const u = Math.pow(run.wbar[k], 1 / 6);
      const slope = 6 * Math.pow(u, 5) * balancedRate('jepa', 6, 0.3, 2.5, u);
      // dense output (interpolant of each stage) vs the solver's own output at t: same mixed bound as above
      expect(Math.abs(wbarAt(t) - run.wbar[k])).toBeLessThanOrEqual(1e-9 * (run.wbar[k] + t * slope));
    });
    expect(wbarAt(0)).toBeCloseTo(Math.pow(u0, 6), 15);
    const many = flowTrajectories([feature, { lambda: 5, rho: 0.5 }, { lambda: -1, rho: -1 }], { ...options, times, rtol: 1e-12 });
    expect(Array.from(many.wbar[0])).toEqual(Array.from(run.wbar));
    expect(many.wbar[2].every((w, k) => w > 0 && (k === 0 || w < many.wbar[2][k - 1]))).toBe(true); // ρ < 0: decays
  });
});
