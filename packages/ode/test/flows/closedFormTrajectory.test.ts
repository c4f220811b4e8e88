/**
 * closedFormTrajectory: w̄(t) from the closed form t(u) (docs/math.md §3), checked against the
 * test oracle's own closed form (term-by-term t(u), its own bisection) on a seeded grid, with the
 * mixed error measure of flowTrajectory.test.ts: near the transition w̄(t) is so ill-conditioned
 * in t that an ulp of time moves w̄ by much more than an ulp, so a value is accepted within
 * 1e-13 relative in w̄ plus the change of w̄ over 1e-13 relative in t. Both sides are double-
 * precision closed forms of the same t(u) in different arithmetic (Horner's rule against the
 * oracle's term-by-term sum, which loses a few digits to cancellation near u0); the worst
 * observed on this grid is 1.7e-15 (printed), so 1e-13 leaves room for rounding only.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, closedFormTrajectory, criticalTime } from '../../src/index.js';
import { balancedRate, mulberry32, uAt } from '../../../../test/support/oracles/index.js';

const random = mulberry32(23);
const cases = Array.from({ length: 32 }, (_, i) => ({
  L: 1 + (i % 8),
  lambda: 1e-2 * Math.pow(1e4, random()),
  rho: 0.05 * Math.pow(100, random()),
  epsilon: 1e-6 * Math.pow(1e5, random()),
}));
const FRACTIONS = [0, 0.1, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 3];

describe('closedFormTrajectory', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: agrees with the oracle's closed form to 1e-13 (in w̄, or in t where w̄(t) is ill-conditioned)`, () => {
      let compared = 0;
      let worst = 0;
      for (const c of cases) {
        const feature = { lambda: c.lambda, rho: c.rho };
        const ct = criticalTime(feature, { objective, depth: c.L, epsilon: c.epsilon });
        if (!ct.exists) continue;
        const times = FRACTIONS.map((f) => f * ct.t);
        const r = closedFormTrajectory(feature, { objective, depth: c.L, epsilon: c.epsilon, times });
        const scales: number[] = [];
        for (let k = 0; k < times.length; k++) {
          const u = uAt(objective, c.L, c.lambda, c.rho, c.epsilon, times[k]);
          const wTrue = Math.pow(u, c.L);
          const slope = c.L * Math.pow(u, c.L - 1) * balancedRate(objective, c.L, c.lambda, c.rho, u); // dw̄/dt
          const scale = wTrue + times[k] * slope;
          scales.push(scale);
          const error = Math.abs(r.wbar[k] - wTrue);
          expect(error, `${JSON.stringify(c)} at ${FRACTIONS[k]} t*`).toBeLessThanOrEqual(1e-13 * scale);
          expect(r.wbar[k]).toBe(Math.pow(r.u[k], c.L));
          worst = Math.max(worst, error / scale);
          compared++;
        }
        // at t* it is p·w̄∞ (p = 1/2): the critical time's definition, in the same measure
        expect(Math.abs(r.wbar[5] - 0.5 * r.wbarInfinity)).toBeLessThanOrEqual(1e-13 * scales[5]);
      }
      expect(compared).toBeGreaterThan(200);
      console.log(`closedFormTrajectory ${objective}: ${compared} values, worst mixed error ${worst.toExponential(1)}`);
    });
  }

  it('paper time τ = L·t gives the same trajectory at L times the times, and w̄(0) = ε', () => {
    const feature = { sigma2: 1, lambda: 2 };
    const base = { objective: 'jepa' as const, depth: 3, epsilon: 1e-3 };
    const flow = closedFormTrajectory(feature, { ...base, times: [0, 5, 40, 80] });
    const paper = closedFormTrajectory(feature, { ...base, times: [0, 15, 120, 240], timeUnit: 'paper' });
    expect(Array.from(paper.wbar)).toEqual(Array.from(flow.wbar));
    expect(Array.from(paper.t)).toEqual([0, 15, 120, 240]);
    expect(flow.wbar[0]).toBeCloseTo(1e-3, 15);
    expect(flow.wbarInfinity).toBe(8); // ρ^L
  });

  it('rejects a flow that does not rise and bad times with InvalidArgumentError', () => {
    const base = { objective: 'mae' as const, depth: 2, epsilon: 0.01, times: [1] };
    expect(() => closedFormTrajectory({ lambda: -1, rho: -1 }, base)).toThrow(InvalidArgumentError);
    expect(() => closedFormTrajectory({ lambda: 1, rho: 1 }, { ...base, epsilon: 2 })).toThrow(/epsilon.*below w̄∞/s);
    expect(() => closedFormTrajectory({ lambda: 1, rho: 1 }, { ...base, times: [1, -1] })).toThrow(/times/);
    expect(() => closedFormTrajectory({ lambda: 1, rho: 1 }, { ...base, times: [Number.NaN] })).toThrow(/times/);
    expect(() => closedFormTrajectory({ lambda: 1, rho: 1 }, { ...base, times: 3 as unknown as number[] })).toThrow(/times/);
  });
});
