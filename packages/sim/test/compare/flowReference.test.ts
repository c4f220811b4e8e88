import { describe, expect, it } from 'vitest';
import { flowReference } from '../../src/index.js';
import { balancedRate, timeOfU, uAt } from '../../../../test/support/oracles/index.js';

describe('flowReference', () => {
  it('is the exact w̄(t) of the balanced flow (the oracle’s closed form inverted), JEPA and MAE, up to far past the transition', () => {
    // every start below its fixed point (ε < w̄∞), one feature given by σ² (λ = σ²ρ = 2.4)
    const features = [
      { lambda: 1, rho: 1 },
      { lambda: 0.3, rho: 2.5 },
      { sigma2: 4, rho: 0.6 },
    ];
    const lambdas = [1, 0.3, 2.4];
    const epsilon = 1e-3;
    const times = [0, 0.5, 2, 10, 40, 200, 1e4];
    for (const objective of ['jepa', 'mae'] as const) {
      for (const depth of [1, 2, 5]) {
        const ref = flowReference(features, { objective, depth, epsilon, times });
        expect(ref).toHaveLength(3);
        features.forEach((f, i) => {
          const [lambda, rho] = [lambdas[i], f.rho];
          expect(ref[i][0]).toBe(epsilon);
          times.slice(1).forEach((t, k) => {
            const u = uAt(objective, depth, lambda, rho, epsilon, t);
            const w = u ** depth;
            // both invert an exact t(u) good to ~1e-12 relative: a mixed bound, 1e-10 in w̄ or in t (where w̄(t) is steep)
            const slope = depth * u ** (depth - 1) * balancedRate(objective, depth, lambda, rho, u);
            expect(Math.abs(ref[i][k + 1] - w), `${objective} L=${depth} feature ${i} t=${t}`).toBeLessThanOrEqual(1e-10 * (w + t * slope));
          });
        });
      }
    }
  });

  it('integrates the features it cannot invert: a start above the fixed point decays along the closed form (JEPA)', () => {
    // u0 = 1.5 > ρ = 1.2 at L = 2; t(u) of docs/math.md §3 holds on (ρ, u0] as well
    const epsilon = 1.5 ** 2;
    const times = [0, 0.05, 0.2, 1];
    const [ref] = flowReference([{ lambda: 0.8, rho: 1.2 }], { objective: 'jepa', depth: 2, epsilon, times });
    expect(ref[0]).toBe(epsilon);
    ref.slice(1).forEach((w, k) => {
      const u = Math.sqrt(w);
      expect(u).toBeGreaterThan(1.2);
      // the integrator's default tolerance (rtol 1e-10): the exact time of that w̄ within 1e-7 of the requested one
      expect(Math.abs(timeOfU('jepa', 2, 0.8, 1.2, epsilon, u) / times[k + 1] - 1)).toBeLessThan(1e-7);
    });
  });

  it('rejects an invalid feature, naming it', () => {
    expect(() => flowReference([{ lambda: 1, rho: 1 }, { lambda: 1 }], { objective: 'mae', depth: 1, epsilon: 0.1, times: [0] })).toThrow(
      /flowReference: features\[1\]/,
    );
  });
});
