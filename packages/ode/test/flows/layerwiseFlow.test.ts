/**
 * The layerwise flow (v, w_1…w_L) of docs/math.md §2: minus the gradient of the scalar
 * per-feature losses (re-derived here independently of docs/math.md's table), and its
 * conservation of v² − w_a².
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, flowTrajectory, layerwiseFlow } from '../../src/index.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

/**
 * Gradients of the scalar per-feature losses by central finite differences:
 * JEPA ½E(v w̄ x − sg(w̄) y)² = ½(σ² v² w̄² − 2λ v w̄ w̄_sg + E[y²] w̄_sg²) with w̄_sg frozen;
 * MAE ½E(v w̄ x − y)² = ½(σ² v² w̄² − 2λ v w̄ + E[y²]). Returns −∇ (the flow).
 */
function negativeGradientByDifferences(objective: 'jepa' | 'mae', sigma2: number, lambda: number, state: number[]): number[] {
  const wbarFrozen = state.slice(1).reduce((p, w) => p * w, 1);
  const loss = (s: number[]): number => {
    const v = s[0];
    const wbar = s.slice(1).reduce((p, w) => p * w, 1);
    const target = objective === 'jepa' ? wbarFrozen : 1;
    return 0.5 * (sigma2 * v * v * wbar * wbar - 2 * lambda * v * wbar * target + 1.7 * target * target);
  };
  return state.map((x, i) => {
    const h = 1e-5 * Math.max(Math.abs(x), 1e-3);
    const plus = state.slice();
    const minus = state.slice();
    plus[i] = x + h;
    minus[i] = x - h;
    return -(loss(plus) - loss(minus)) / (2 * h);
  });
}

describe('layerwiseFlow', () => {
  const random = mulberry32(20260301);
  for (const objective of ['jepa', 'mae'] as const) {
    it(`(${objective}) is minus the loss gradient (finite differences), unbalanced states`, () => {
      for (let trial = 0; trial < 40; trial++) {
        const depth = 1 + Math.floor(random() * 6);
        const sigma2 = 0.2 + 2 * random();
        const lambda = (random() < 0.8 ? 1 : -1) * (0.1 + 3 * random());
        const state = Array.from({ length: depth + 1 }, () => (random() < 0.85 ? 1 : -1) * (0.3 + random()));
        const f = layerwiseFlow({ sigma2, lambda }, objective, depth);
        const out = new Float64Array(depth + 1);
        f(0, Float64Array.from(state), out);
        const expected = negativeGradientByDifferences(objective, sigma2, lambda, state);
        const scale = Math.max(...expected.map(Math.abs));
        // central differences: truncation ~h² ≈ 1e-10, rounding ~1e-16/h ≈ 1e-11, relative to the largest component
        for (let i = 0; i <= depth; i++) expect(Math.abs(out[i] - expected[i])).toBeLessThan(1e-8 * scale);
      }
    });
  }

  it('handles a zero layer weight (no division by w_a)', () => {
    const out = new Float64Array(3);
    layerwiseFlow({ sigma2: 1, lambda: 2 }, 'mae', 2)(0, Float64Array.of(1, 0, 3), out);
    // w̄ = 0: dv = 0; dw_1 = w_2 · v (λ − 0) = 6; dw_2 = w_1 · … = 0
    expect(Array.from(out)).toEqual([0, 6, 0]);
  });
});

describe('layerwise flow: v² − w_a² is conserved (unbalanced starts)', () => {
  const r = mulberry32(5);
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: |Δ(v² − w_a²)| ≤ 1e-10 · max(v², w_a²) at every output and on the dense output`, () => {
      for (let trial = 0; trial < 16; trial++) {
        const L = 1 + (trial % 8);
        const feature = { lambda: 1e-2 * Math.pow(1e4, r()), rho: 0.05 * Math.pow(100, r()) };
        const epsilon = 1e-4 * Math.pow(1e3, r());
        const u0 = Math.pow(epsilon, 1 / L);
        // unbalanced: every layer its own scale, one layer of negative sign for odd trials
        const initial = [u0 * (1 + r()), ...Array.from({ length: L }, (_, a) => (trial % 2 === 1 && a === 0 ? -1 : 1) * u0 * (0.3 + r()))];
        const ct = criticalTime(feature, { objective, depth: L, epsilon });
        const tEnd = ct.exists ? 1.2 * ct.t : 10 / feature.lambda;
        const run = flowTrajectory(feature, {
          objective,
          depth: L,
          formulation: 'layerwise',
          initial,
          tEnd,
          points: 25,
          rtol: 1e-12,
          dense: true,
        });
        const c0 = initial.slice(1).map((w) => initial[0] * initial[0] - w * w);
        const check = (y: Float64Array): void => {
          for (let a = 1; a <= L; a++) {
            const scale = Math.max(y[0] * y[0], y[a] * y[a]);
            expect(Math.abs(y[0] * y[0] - y[a] * y[a] - c0[a - 1]), `${objective} trial ${trial}`).toBeLessThanOrEqual(1e-10 * scale);
          }
        };
        run.state.forEach(check);
        const stateAt = run.stateAt;
        if (stateAt === undefined) throw new Error('dense output requested');
        for (let k = 0; k <= 50; k++) check(stateAt((tEnd * k) / 50));
      }
    });
  }
});
