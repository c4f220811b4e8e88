import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { generalizedModes } from '../../src/flows/generalizedModes.js';
import { criticalTime } from '../../src/flows/criticalTime.js';
import { mulberry32, rotatedStaticModel } from '../../../../test/support/oracles/index.js';

const flat = (m: number[][]): Float64Array => Float64Array.from(m.flat());
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('generalizedModes(Σxx, Σyx, d)', () => {
  it('diagonal covariances: the modes are the features sorted by ρ, and the per-feature t* of each mode equals the feature’s to 1e-12', () => {
    const random = mulberry32(17);
    for (let trial = 0; trial < 20; trial++) {
      const d = 2 + (trial % 7);
      const features = Array.from({ length: d }, () => ({ lambda: 0.3 + 2 * random(), rho: 0.2 + 0.8 * random() }));
      const { sigmaXX, sigmaYX } = rotatedStaticModel(features, 0);
      const modes = generalizedModes(flat(sigmaXX), flat(sigmaYX), d);
      const byRho = [...features].sort((a, b) => b.rho - a.rho);
      modes.forEach((m, k) => {
        const f = byRho[k];
        // rounding only: σ² = λ + (λ/ρ − λ) and ρ = (λ/σ)/σ differ from λ/ρ and ρ by a few ulp
        expect(rel(m.rho, f.rho)).toBeLessThan(1e-12);
        expect(rel(m.lambda, f.lambda)).toBeLessThan(1e-12);
        expect(rel(m.sigma2, f.lambda / f.rho)).toBeLessThan(1e-12);
        expect(Math.abs(m.dual[features.indexOf(f)])).toBe(1);
        for (const objective of ['jepa', 'mae'] as const) {
          const options = { objective, depth: 3, epsilon: 1e-3 };
          const a = criticalTime({ lambda: m.lambda, rho: m.rho }, options);
          const b = criticalTime(f, options);
          expect(a.exists && b.exists && rel(a.t, b.t)).toBeLessThan(1e-12);
        }
      });
    }
  });

  it('2×2: ρ are the roots of det(Σyx − ρΣxx) = 0 (the quadratic formula), and Σyx v = ρ Σxx v with vᵀΣxx v = 1', () => {
    const xx = [
      [3, 1],
      [1, 2],
    ];
    const yx = [
      [1, 0.5],
      [0.5, -0.25],
    ];
    // det(Y − ρX) = aρ² + bρ + c
    const a = xx[0][0] * xx[1][1] - xx[0][1] ** 2;
    const b = -(yx[0][0] * xx[1][1] + yx[1][1] * xx[0][0] - 2 * yx[0][1] * xx[0][1]);
    const c = yx[0][0] * yx[1][1] - yx[0][1] ** 2;
    const root = Math.sqrt(b * b - 4 * a * c);
    const modes = generalizedModes(flat(xx), flat(yx), 2);
    expect(rel(modes[0].rho, (-b + root) / (2 * a))).toBeLessThan(1e-14);
    expect(rel(modes[1].rho, (-b - root) / (2 * a))).toBeLessThan(1e-14);
    for (const m of modes) {
      const v = m.vector;
      const xv = [xx[0][0] * v[0] + xx[0][1] * v[1], xx[1][0] * v[0] + xx[1][1] * v[1]];
      const yv = [yx[0][0] * v[0] + yx[0][1] * v[1], yx[1][0] * v[0] + yx[1][1] * v[1]];
      expect(Math.abs(yv[0] - m.rho * xv[0]) + Math.abs(yv[1] - m.rho * xv[1])).toBeLessThan(1e-14);
      expect(v[0] * xv[0] + v[1] * xv[1]).toBeCloseTo(1, 14);
      const norm = Math.hypot(xv[0], xv[1]);
      expect(Math.abs(m.dual[0] - xv[0] / norm) + Math.abs(m.dual[1] - xv[1] / norm)).toBeLessThan(1e-14);
      const sigma2 = m.dual[0] * (xx[0][0] * m.dual[0] + xx[0][1] * m.dual[1]) + m.dual[1] * (xx[1][0] * m.dual[0] + xx[1][1] * m.dual[1]);
      expect(rel(m.sigma2, sigma2)).toBeLessThan(1e-14);
      expect(m.lambda).toBe(m.rho * m.sigma2);
    }
  });

  it('rotated static model, d = 8: every mode solves the generalised eigenproblem (residual ≤ 1e-12 relative)', () => {
    const random = mulberry32(5);
    const features = Array.from({ length: 8 }, () => ({ lambda: 0.5 + random(), rho: 0.3 + 0.6 * random() }));
    const { sigmaXX, sigmaYX } = rotatedStaticModel(features, 0.4);
    const modes = generalizedModes(flat(sigmaXX), flat(sigmaYX), 8);
    for (let k = 0; k + 1 < 8; k++) expect(modes[k].rho).toBeGreaterThanOrEqual(modes[k + 1].rho);
    for (const m of modes) {
      for (let i = 0; i < 8; i++) {
        const y = sigmaYX[i].reduce((s, x, j) => s + x * m.vector[j], 0);
        const x = sigmaXX[i].reduce((s, x, j) => s + x * m.vector[j], 0);
        expect(Math.abs(y - m.rho * x)).toBeLessThan(1e-12);
      }
    }
  });

  it('throws InvalidArgumentError for Σxx not positive definite or Σyx not symmetric', () => {
    expect(() => generalizedModes(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 0, 0, 1), 2)).toThrow(
      /sigmaXX: must be positive definite/,
    );
    expect(() => generalizedModes(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 0.5, 0, 1), 2)).toThrow(InvalidArgumentError);
    expect(() => generalizedModes(Float64Array.of(1, 0, 0, 1), Float64Array.of(1, 0.5, 0, 1), 2)).toThrow(/sigmaYX: must be symmetric/);
  });
});
