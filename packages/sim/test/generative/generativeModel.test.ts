import { describe, expect, it } from 'vitest';
import { createGaussianSource, featureMoments, populationCovariances, sampleViews, validateGenerativeModel } from '../../src/index.js';

describe('populationCovariances', () => {
  it("the dynamic model's moments are σ² = s + γ², λ = a s", () => {
    const dyn = { kind: 'dynamic', autoregression: [0.8, 0.5], innovationVariance: [0.36, 0.75], noiseVariance: [0.1, 0.2] } as const;
    const cov = populationCovariances(dyn);
    // s = q/(1 − a²) = 1 for both
    expect(cov.sigmaXX[0]).toBeCloseTo(1.1, 14);
    expect(cov.sigmaXX[1]).toBeCloseTo(1.2, 14);
    expect(cov.sigmaYX[0]).toBeCloseTo(0.8, 14);
    expect(cov.sigmaYX[1]).toBeCloseTo(0.5, 14);
  });
});

describe('featureMoments', () => {
  it('static: σ² = s + γ², λ = s; dynamic: s = q/(1 − a²), λ = a s (docs/math.md §4)', () => {
    expect(featureMoments({ kind: 'static', signalVariance: [1, 3], noiseVariance: [1, 0] })).toEqual([
      { sigma2: 2, lambda: 1, rho: 0.5 },
      { sigma2: 3, lambda: 3, rho: 1 },
    ]);
    // a = ½, q = ¾: s = 1, λ = ½, σ² = 1 + ¼
    const [m] = featureMoments({ kind: 'dynamic', autoregression: [0.5], innovationVariance: [0.75], noiseVariance: [0.25] });
    expect(m.sigma2).toBe(1.25);
    expect(m.lambda).toBe(0.5);
    expect(m.rho).toBe(0.4);
  });
});

describe('sampleViews', () => {
  // Sample moments of n Gaussian pairs against the population moments of the model. For
  // jointly Gaussian (x, y) with E x² = σx², E y² = σy², E yx = λ: Var(x²) = 2σx⁴ and
  // Var(yx) = σx²σy² + λ², so the mean of n products has standard error √(Var/n); the
  // bound is 5 standard errors (a seeded run, so this is a fixed draw, not a flaky one).
  const n = 100_000;
  for (const model of [
    { kind: 'static', signalVariance: [1, 2], noiseVariance: [0.5, 0] },
    { kind: 'dynamic', autoregression: [0.8, -0.5], innovationVariance: [0.36, 0.75], noiseVariance: [0.1, 0.2] },
  ] as const) {
    it(`${model.kind} model: sample moments within 5 standard errors of σ², λ, and 0 across features`, () => {
      const d = 2;
      const x = new Float64Array(n * d),
        y = new Float64Array(n * d);
      sampleViews(model, n, createGaussianSource(12), x, y);
      const moments = featureMoments(model);
      for (let i = 0; i < d; i++) {
        let xx = 0,
          yy = 0,
          yx = 0;
        for (let r = 0; r < n; r++) {
          xx += x[r * d + i] ** 2;
          yy += y[r * d + i] ** 2;
          yx += y[r * d + i] * x[r * d + i];
        }
        const { sigma2, lambda } = moments[i];
        expect(Math.abs(xx / n - sigma2)).toBeLessThan(5 * sigma2 * Math.sqrt(2 / n));
        expect(Math.abs(yy / n - sigma2)).toBeLessThan(5 * sigma2 * Math.sqrt(2 / n));
        expect(Math.abs(yx / n - lambda)).toBeLessThan(5 * Math.sqrt((sigma2 * sigma2 + lambda * lambda) / n));
      }
      // independent features: E x_0 x_1 = 0, standard error √(σ²_0 σ²_1 / n)
      let cross = 0;
      for (let r = 0; r < n; r++) cross += x[r * d] * x[r * d + 1];
      expect(Math.abs(cross / n)).toBeLessThan(5 * Math.sqrt((moments[0].sigma2 * moments[1].sigma2) / n));
    });
  }
});

describe('validateGenerativeModel', () => {
  it('returns d, and rejects mismatched lengths, |a| ≥ 1 and negative variances by name', () => {
    expect(validateGenerativeModel({ kind: 'static', signalVariance: [1, 2, 3], noiseVariance: [0, 0, 0] }, 'here')).toBe(3);
    expect(() => validateGenerativeModel({ kind: 'static', signalVariance: [1, 2], noiseVariance: [0] }, 'here')).toThrow(
      /here: invalid argument model.noiseVariance: must have the length of model.signalVariance \(2\)/,
    );
    expect(() =>
      validateGenerativeModel({ kind: 'dynamic', autoregression: [-1], innovationVariance: [1], noiseVariance: [0] }, 'here'),
    ).toThrow(/model.autoregression\[0\]: must satisfy \|a\| < 1/);
    expect(() => validateGenerativeModel({ kind: 'static', signalVariance: [1], noiseVariance: [-0.1] }, 'here')).toThrow(
      /model.noiseVariance\[0\]: must be a non-negative finite number/,
    );
    expect(() => validateGenerativeModel({ kind: 'static', signalVariance: [], noiseVariance: [] }, 'here')).toThrow(
      /model.signalVariance: must hold at least one feature/,
    );
  });
});
