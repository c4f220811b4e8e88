/**
 * Weight decay in the per-feature flow, derived by the CAS: with −γθ added to every gradient
 * (the penalty ½γ‖θ‖²_F per matrix) the layers stay balanced and the balanced flow gains −γu.
 * The comparison with training is test/weight-decay-flow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { derive } from '../src/index.js';
import { cas } from '../src/cas.js';

describe('weight decay: the matrix gradients reduce to the scalar flow with −γu', () => {
  it('CAS: with −γθ added to every gradient, d/dt(v² − w_a²) = −2γ(v² − w_a²), and on v = w_a = u the flow is σ²u^{2L}(ρ − u) − γu (JEPA), σ²u^L(ρ − u^{L+1}) − γu (MAE)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const L of [1, 2, 3]) {
        const { dvdt, dwdt } = derive(objective, L).flow;
        // per feature the penalty ½γ‖θ‖²_F of each diagonal matrix is ½γ θ_ii²: its gradient adds γθ_ii
        const dv = `(${dvdt.cas}) - gamma*v`;
        const dw = `(${dwdt.cas}) - gamma*wa`;
        expect(cas(`expand(2*v*(${dv}) - 2*wa*(${dw}) + 2*gamma*(v^2 - wa^2))`)).toBe('0');
        const paper = objective === 'jepa' ? `s2*u^${2 * L}*(lam/s2 - u) - gamma*u` : `s2*u^${L}*(lam/s2 - u^${L + 1}) - gamma*u`;
        const balanced = (e: string): string => `subst(u, v, subst(u, wa, subst(u^${L - 1}, Ra, ${e})))`;
        expect(cas(`expand(${balanced(dv)} - (${paper}))`)).toBe('0');
        expect(cas(`expand(${balanced(dw)} - (${paper}))`)).toBe('0');
      }
    }
  });
});
