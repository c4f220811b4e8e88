/**
 * The oracles of test/support/oracles judge every package's tests, so they are checked
 * here against truths of their own: 40-digit mpmath quadrature, explicit solutions at
 * depth 1, their own inverses, and exact quadrature rules.
 */
import { describe, expect, it } from 'vitest';
import {
  balancedRate,
  closedFormCriticalTime,
  criticalTimeFixture,
  fixedPointWbar,
  gaussLegendre,
  leadingOrderTime,
  learnedOrder,
  maeDepthOneCriticalTime,
  maeDepthOneU,
  maeGDifference,
  matrixGradientDescent,
  mulberry32,
  rotatedStaticModel,
  scalarGradientDescent,
  solveLinear,
  targetU,
  timeOfU,
  uAt,
} from './support/oracles/index.js';

describe('the closed-form t(u) and t*_p', () => {
  it('match 40-digit mpmath quadrature (fixtures/flows-critical-times.py) to 1e-12, including MAE near u∞ (p = 0.99)', () => {
    expect(criticalTimeFixture.length).toBeGreaterThan(10);
    for (const c of criticalTimeFixture) {
      const uStar = targetU(c.objective, c.depth, c.rho, c.fraction);
      const t = timeOfU(c.objective, c.depth, c.lambda, c.rho, c.epsilon, uStar);
      expect(Math.abs(t - Number(c.t)) / Number(c.t), JSON.stringify(c)).toBeLessThan(1e-12);
      expect(closedFormCriticalTime(c.objective, c.depth, c.lambda, c.rho, c.epsilon, c.fraction)).toBe(t);
    }
  });

  it('t*_p is undefined exactly when ρ ≤ 0 or ε ≥ p·w̄∞', () => {
    expect(closedFormCriticalTime('jepa', 2, -1, -2, 1e-3)).toBeUndefined();
    expect(closedFormCriticalTime('mae', 3, 1, 0, 1e-3)).toBeUndefined();
    const edge = 0.5 * fixedPointWbar('mae', 3, 2);
    expect(closedFormCriticalTime('mae', 3, 1, 2, edge)).toBeUndefined();
    expect(closedFormCriticalTime('mae', 3, 1, 2, edge * (1 - 1e-12))).toBeGreaterThan(0);
  });

  it('MAE at L = 1: the general route equals the logistic closed form, and maeDepthOneU is its inverse', () => {
    for (const [lambda, rho, epsilon, p] of [
      [1, 1, 0.01, 0.5],
      [0.3, 2.5, 1e-4, 0.9],
      [7, 0.2, 1e-6, 0.05],
    ]) {
      const t = maeDepthOneCriticalTime(lambda, rho, epsilon, p);
      // two evaluations of one closed form by different groupings: rounding only
      expect(Math.abs((closedFormCriticalTime('mae', 1, lambda, rho, epsilon, p) as number) / t - 1)).toBeLessThan(1e-13);
      expect(Math.abs(maeDepthOneU(lambda, rho, epsilon, t) / targetU('mae', 1, rho, p) - 1)).toBeLessThan(1e-13);
      expect(maeDepthOneU(lambda, rho, epsilon, 0)).toBeCloseTo(epsilon, 15);
    }
  });

  it('uAt inverts timeOfU, and t(u) grows at the rate 1/(du/dt) (central differences)', () => {
    const random = mulberry32(9);
    for (let trial = 0; trial < 24; trial++) {
      const objective = trial % 2 === 0 ? 'jepa' : 'mae';
      const L = 1 + (trial % 6);
      const [lambda, rho, epsilon] = [0.1 + 3 * random(), 0.3 + 2 * random(), 1e-4 * 100 ** random()];
      const t = closedFormCriticalTime(objective, L, lambda, rho, epsilon, 0.2 + 0.7 * random());
      if (t === undefined) continue;
      const u = uAt(objective, L, lambda, rho, epsilon, t);
      expect(Math.abs(timeOfU(objective, L, lambda, rho, epsilon, u) / t - 1)).toBeLessThan(1e-12);
      // dt/du by the fourth-order central difference, every time taken from one start below u − 2h (so the
      // rounding of that start cancels) rather than from u0, which would cancel t's large plateau part
      const h = 1e-4 * u;
      const from = (x: number): number => timeOfU(objective, L, lambda, rho, (u - 3 * h) ** L, x);
      const slope = (from(u - 2 * h) - 8 * from(u - h) + 8 * from(u + h) - from(u + 2 * h)) / (12 * h);
      // truncation (h/(u∞ − u))⁴/30 ≤ 1e-9 relative at u∞ − u ≥ 1e-2 u, rounding ~1e-16·3h/h: 1e-8 (measured 2.6e-11)
      expect(Math.abs(slope * balancedRate(objective, L, lambda, rho, u) - 1)).toBeLessThan(1e-8);
    }
  });

  it('maeGDifference is additive over adjacent intervals and G(u) = −½ ln(1 − u²/ρ) at L = 1', () => {
    for (const u of [0.1, 0.5, 0.9, 0.999999]) {
      // 1 − u² formed as (1 − u)(1 + u): exact up to one rounding even at u = 0.999999
      expect(Math.abs(maeGDifference(1, 1, 0, u) / (-0.5 * Math.log((1 - u) * (1 + u))) - 1)).toBeLessThan(1e-14);
      const whole = maeGDifference(4, 3, 0.1 * u, u);
      const parts = maeGDifference(4, 3, 0.1 * u, 0.5 * u) + maeGDifference(4, 3, 0.5 * u, u);
      expect(Math.abs(parts / whole - 1)).toBeLessThan(1e-14);
    }
  });
});

describe('leadingOrderTime', () => {
  it('approaches the exact t*_p as ε → 0, and is exact for MAE at L = 1', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      for (const L of [2, 5]) {
        const errors = [1e-3, 1e-6, 1e-9].map((epsilon) => {
          const exact = closedFormCriticalTime(objective, L, 1.5, 2, epsilon) as number;
          return Math.abs(leadingOrderTime(objective, L, 1.5, 2, epsilon) / exact - 1);
        });
        expect(errors[1]).toBeLessThan(errors[0]);
        expect(errors[2]).toBeLessThan(errors[1]);
      }
    }
    expect(leadingOrderTime('mae', 1, 2, 3, 1e-3, 0.7)).toBe(maeDepthOneCriticalTime(2, 3, 1e-3, 0.7));
  });
});

describe('scalarGradientDescent', () => {
  it('is explicit Euler on the balanced flow: each step adds η·du/dt to u', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      const w = scalarGradientDescent(objective, 3, 1.2, 0.8, 1e-2, 0.05, 20);
      expect(w).toHaveLength(21);
      for (let k = 0; k < 20; k++) {
        const u = w[k] ** (1 / 3);
        const next = (u + 0.05 * balancedRate(objective, 3, 1.2, 0.8, u)) ** 3;
        expect(Math.abs(w[k + 1] / next - 1)).toBeLessThan(1e-14);
      }
    }
  });

  it('converges to the exact flow as η → 0 (global error ∝ η)', () => {
    const T = closedFormCriticalTime('jepa', 2, 1, 1, 0.05) as number;
    const error = (steps: number): number => {
      const w = scalarGradientDescent('jepa', 2, 1, 1, 0.05, T / steps, steps);
      return Math.abs(w[steps] - uAt('jepa', 2, 1, 1, 0.05, T) ** 2);
    };
    const ratio = error(2000) / error(4000);
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });
});

describe('matrixGradientDescent, rotatedStaticModel, solveLinear', () => {
  it('at θ = 0 the covariances are diagonal and matrix gradient descent is the scalar recursion per feature', () => {
    const features = [
      { lambda: 2, rho: 0.5 },
      { lambda: 0.7, rho: 0.9 },
      { lambda: 1.1, rho: 0.6 },
    ];
    const { sigmaXX, sigmaYX } = rotatedStaticModel(features, 0);
    features.forEach((f, i) => {
      expect([sigmaXX[i][i], sigmaYX[i][i]]).toEqual([f.lambda / f.rho, f.lambda]);
      expect(sigmaXX[i].filter((_, j) => j !== i).every((x) => x === 0)).toBe(true);
    });
    for (const objective of ['jepa', 'mae'] as const) {
      const scalar = features.map((f) => scalarGradientDescent(objective, 2, f.lambda, f.rho, 0.05, 0.05, 40));
      matrixGradientDescent(objective, 2, sigmaXX, sigmaYX, 0.05, 0.05, 40, (k, wbar) => {
        // the matrix and the scalar recursion round differently: 1e-13 relative over 40 steps
        features.forEach((_, i) => expect(Math.abs(wbar[i][i] / scalar[i][k] - 1)).toBeLessThan(1e-13));
        expect(Math.abs(wbar[0][1]) + Math.abs(wbar[2][0])).toBe(0);
      });
    }
  });

  it('the rotation is orthogonal: Σyx keeps its trace and eigenvalues (det of a 2×2), and solveLinear inverts', () => {
    const { sigmaXX, sigmaYX } = rotatedStaticModel(
      [
        { lambda: 2, rho: 0.5 },
        { lambda: 0.5, rho: 1 },
      ],
      0.3,
    );
    expect(sigmaYX[0][0] + sigmaYX[1][1]).toBeCloseTo(2.5, 14);
    expect(sigmaYX[0][0] * sigmaYX[1][1] - sigmaYX[0][1] * sigmaYX[1][0]).toBeCloseTo(1, 14);
    expect(sigmaXX[0][0] - sigmaYX[0][0]).toBeCloseTo(2, 14);
    const x = solveLinear(sigmaXX, [1, 2]);
    expect(sigmaXX[0][0] * x[0] + sigmaXX[0][1] * x[1]).toBeCloseTo(1, 13);
    expect(sigmaXX[1][0] * x[0] + sigmaXX[1][1] * x[1]).toBeCloseTo(2, 13);
  });
});

describe('helpers', () => {
  it('learnedOrder sorts by time, ties by index, and leaves out missing times', () => {
    expect(learnedOrder([3, null, 1, undefined, 3, 0.5])).toEqual([5, 2, 0, 4]);
  });

  it('gaussLegendre is exact for polynomials of degree 31 and converges fast for smooth integrands', () => {
    // ∫_0^1 x^31 dx = 1/32 on one panel; ∫_0^1 e^x dx = e − 1
    expect(Math.abs(gaussLegendre((x) => x ** 31, 0, 1, 1) - 1 / 32)).toBeLessThan(1e-16);
    expect(Math.abs(gaussLegendre(Math.exp, 0, 1, 2) - (Math.E - 1))).toBeLessThan(4e-16);
  });

  it('mulberry32 is reproducible, in [0, 1), and roughly uniform', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // mean of 10⁴ uniforms: standard error 0.0029, so ±0.015 is five of them
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.015);
  });
});
