import { describe, expect, it } from 'vitest';
import { adaptiveQuadrature } from '../../src/numerics/adaptiveQuadrature.js';

describe('adaptiveQuadrature (G7/K15, globally adaptive)', () => {
  it('integrates closed forms to 1e-13 relative: ∫ 1/x = ln, ∫ x^{-5} near 0, ∫ 1/(1 + x²) = atan, backwards limits', () => {
    const cases: [(x: number) => number, number, number, number][] = [
      [(x) => 1 / x, 1e-3, 7, Math.log(7e3)],
      [(x) => x ** -5, 1e-2, 1, (1e8 - 1) / 4],
      [(x) => 1 / (1 + x * x), -3, 50, Math.atan(50) + Math.atan(3)],
      [(x) => Math.exp(x), 2, 0, 1 - Math.exp(2)],
    ];
    for (const [f, a, b, exact] of cases) {
      const r = adaptiveQuadrature(f, a, b);
      expect(r.converged).toBe(true);
      // the requested 1e-13 plus a few ulps of the summation
      expect(Math.abs(r.value - exact) / Math.abs(exact)).toBeLessThan(2e-13);
    }
  });

  it('says when it did not converge (a non-integrable singularity at the end)', () => {
    expect(adaptiveQuadrature((x) => 1 / x, 0, 1).converged).toBe(false);
  });
});
