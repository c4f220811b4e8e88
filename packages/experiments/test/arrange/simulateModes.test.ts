import { describe, expect, it } from 'vitest';
import { criticalTime } from '@jepa-dynamics/ode';
import { simulateFeatures } from '@jepa-dynamics/sim';
import { simulateModes } from '../../src/arrange/simulateModes.js';

const features = [
  { lambda: 0.8, rho: 0.4 },
  { lambda: 1.5, rho: 0.9 },
  { lambda: 1.2, rho: 0.6 },
];
const d = features.length;
const diagonalOf = (values: number[]): Float64Array => {
  const m = new Float64Array(d * d);
  values.forEach((v, i) => (m[i * d + i] = v));
  return m;
};

describe('simulateModes', () => {
  it('diagonal covariances: the modes are the features (ρ descending), predicted t* is criticalTime, trained t* is simulateFeatures’ step-exact crossing to within one step', () => {
    // t* = 624, 267, 367 for the three features: 20 000 steps of η = 0.05 reach t = 1000
    const [objective, depth, epsilon, learningRate, steps] = ['jepa', 2, 0.01, 0.05, 20_000] as const;
    const r = simulateModes({
      objective,
      depth,
      sigmaXX: diagonalOf(features.map((f) => f.lambda / f.rho)),
      sigmaYX: diagonalOf(features.map((f) => f.lambda)),
      init: { kind: 'aligned', epsilon },
      learningRate,
      steps,
      recordEvery: 1,
      fraction: 0.5,
    });
    expect(r.status).toBe('completed');
    // ρ descending: features 1, 2, 0
    const byRho = [1, 2, 0];
    r.modes.forEach((m, k) => {
      const f = features[byRho[k]];
      expect(Math.abs(m.rho - f.rho)).toBeLessThan(1e-14);
      expect(Math.abs(m.lambda - f.lambda) / f.lambda).toBeLessThan(1e-14);
    });
    // an independent route: the per-feature simulation reads w̄_i directly and detects the crossing at every step
    const sim = simulateFeatures({ objective, depth, features, epsilon, learningRate, steps, recordEvery: 1, fraction: 0.5 });
    r.modes.forEach((m, k) => {
      const i = byRho[k];
      const exact = criticalTime(features[i], { objective, depth, epsilon, fraction: 0.5 });
      expect(exact.exists).toBe(true);
      if (!exact.exists) return;
      expect(Math.abs((m.predicted ?? Number.NaN) - exact.t) / exact.t).toBeLessThan(1e-12);
      const stepExact = sim.criticalTimes.simulated[i];
      expect(stepExact).not.toBeNull();
      expect(m.learnedAt).not.toBeNull();
      // the records are one step apart and the crossing is interpolated between two of them
      expect(Math.abs((m.learnedAt ?? Number.NaN) - (stepExact ?? Number.NaN))).toBeLessThanOrEqual(learningRate);
      expect(m.transientCrossing).toBeNull();
    });
    expect(r.order.trained.order).toEqual(r.order.predicted.order);
    // diagonal covariances and aligned init: no leakage at any record
    expect(Math.max(...r.leakage)).toBe(0);
  });

  it('rejects a Σyx that is not symmetric and a fraction outside (0, 1), naming them', () => {
    const base = {
      objective: 'mae' as const,
      depth: 1,
      sigmaXX: Float64Array.of(1, 0, 0, 1),
      sigmaYX: Float64Array.of(0.5, 0.1, 0, 0.5),
      init: { kind: 'aligned' as const, epsilon: 0.01 },
      learningRate: 0.1,
      steps: 10,
      recordEvery: 1,
      fraction: 0.5,
    };
    expect(() => simulateModes(base)).toThrow(/sigmaYX/);
    expect(() => simulateModes({ ...base, sigmaYX: Float64Array.of(0.5, 0, 0, 0.5), fraction: 1 })).toThrow(/fraction/);
  });
});
