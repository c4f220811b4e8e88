import { describe, expect, it } from 'vitest';
import { generalizedModes } from '@jepa-dynamics/ode';
import { trainModes } from '../../src/compare/trainModes.js';
import { rotatedStaticCovariances } from '../../src/generative/rotatedStaticCovariances.js';
import { matrixGradientDescent, rotatedStaticModel, scalarGradientDescent } from '../../../../test/support/oracles/index.js';

const features = [
  { lambda: 2, rho: 0.5 },
  { lambda: 0.8, rho: 0.9 },
  { lambda: 1.2, rho: 0.7 },
];

describe('rotatedStaticCovariances(features, θ)', () => {
  it('equals the plainly written rotated static model (oracle) at θ = 0 exactly and at θ = 0.3 to 1e-15', () => {
    for (const theta of [0, 0.3]) {
      const c = rotatedStaticCovariances(features, theta);
      const o = rotatedStaticModel(features, theta);
      const diff = Math.max(
        ...o.sigmaXX.flat().map((x, i) => Math.abs(x - c.sigmaXX[i])),
        ...o.sigmaYX.flat().map((x, i) => Math.abs(x - c.sigmaYX[i])),
      );
      if (theta === 0) expect(diff).toBe(0);
      else expect(diff).toBeLessThan(1e-15);
    }
  });

  it('rejects ρ outside (0, 1] and a non-finite θ', () => {
    expect(() => rotatedStaticCovariances([{ lambda: 1, rho: 1.5 }], 0)).toThrow(/features\[0\]\.rho: must be in \(0, 1\]/);
    expect(() => rotatedStaticCovariances([{ lambda: 1, rho: 0.5 }], Number.NaN)).toThrow(/theta/);
  });
});

describe('trainModes(options)', () => {
  it('θ = 0: each amplitude is the scalar recursion of its feature (mode order = ρ order) and the leakage stays 0', () => {
    const c = rotatedStaticCovariances(features, 0);
    const modes = generalizedModes(c.sigmaXX, c.sigmaYX, 3);
    for (const objective of ['jepa', 'mae'] as const) {
      const r = trainModes({
        objective,
        depth: 2,
        sigmaXX: c.sigmaXX,
        sigmaYX: c.sigmaYX,
        modes,
        init: { kind: 'aligned', epsilon: 0.05 },
        learningRate: 0.05,
        steps: 60,
        recordEvery: 6,
      });
      const byRho = [...features].sort((a, b) => b.rho - a.rho);
      byRho.forEach((f, k) => {
        const scalar = scalarGradientDescent(objective, 2, f.lambda, f.rho, 0.05, 0.05, 60);
        r.t.forEach((t, n) => expect(Math.abs(r.amplitude[k][n] / scalar[Math.round(t / 0.05)] - 1)).toBeLessThan(1e-13));
      });
      expect(Math.max(...r.leakage)).toBe(0);
    }
  });

  it('θ = 0.4: amplitudes ‖W̄u_k‖ equal those of plainly written matrix gradient descent (oracle) to 1e-12', () => {
    const c = rotatedStaticCovariances(features, 0.4);
    const o = rotatedStaticModel(features, 0.4);
    const modes = generalizedModes(c.sigmaXX, c.sigmaYX, 3);
    for (const objective of ['jepa', 'mae'] as const) {
      const r = trainModes({
        objective,
        depth: 2,
        sigmaXX: c.sigmaXX,
        sigmaYX: c.sigmaYX,
        modes,
        init: { kind: 'aligned', epsilon: 0.05 },
        learningRate: 0.05,
        steps: 50,
        recordEvery: 10,
      });
      let n = 0;
      matrixGradientDescent(objective, 2, o.sigmaXX, o.sigmaYX, 0.05, 0.05, 50, (k, wbar) => {
        if (k % 10 !== 0) return;
        modes.forEach((m, j) => {
          const a = Math.hypot(...wbar.map((row) => row.reduce((s, x, i) => s + x * m.dual[i], 0)));
          expect(Math.abs(r.amplitude[j][n] / a - 1)).toBeLessThan(1e-12);
        });
        n++;
      });
      expect(n).toBe(r.t.length);
      // Ŵ(0) = ε PᵀΣxx P = εI up to rounding
      expect(r.leakage[0]).toBeLessThan(1e-15);
      expect(r.leakage[r.leakage.length - 1]).toBeGreaterThan(0);
    }
  });
});
