import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { addWeightDecay, createMatrixWorkspace, createTrainingKernel, kernelCapacity, train, type Covariances } from '../../src/index.js';

const oneFeature = (s2: number, lam: number): Covariances => ({
  kind: 'diagonal',
  sigmaXX: Float64Array.of(s2),
  sigmaYX: Float64Array.of(lam),
});

describe('weight decay', () => {
  it('addWeightDecay adds γθ to every gradient, exactly', () => {
    const options = { objective: 'jepa', d: 2, depth: 2, covarianceKind: 'diagonal' } as const;
    const ws = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: 4 });
    const kernel = createTrainingKernel(ws, options);
    kernel.load({
      d: 2,
      layers: [Float64Array.of(0.5, 0.1, -0.2, 0.7), Float64Array.of(0.3, 0, 0.4, 0.9)],
      predictor: Float64Array.of(1, 2, 3, 4),
    });
    kernel.cov.sigmaXX.set([1, 2]);
    kernel.cov.sigmaYX.set([0.5, 1.5]);
    kernel.forward();
    kernel.gradients();
    const before = [...kernel.gradLayers.map((g) => Float64Array.from(g)), Float64Array.from(kernel.gradPredictor)];
    addWeightDecay(kernel, 0.25);
    const params = [...kernel.layers, kernel.predictor];
    [...kernel.gradLayers, kernel.gradPredictor].forEach((g, m) => g.forEach((x, i) => expect(x).toBe(before[m][i] + 0.25 * params[m][i])));
  });

  it('train: weightDecay 0 is bit-for-bit the run without it; a negative one is rejected', () => {
    const base = {
      objective: 'mae',
      depth: 2,
      covariances: oneFeature(1, 1),
      init: { kind: 'aligned', epsilon: 0.1 },
      learningRate: 0.05,
      steps: 200,
    } as const;
    expect(train({ ...base, weightDecay: 0 }).wbar).toEqual(train(base).wbar);
    expect(() => train({ ...base, weightDecay: -1 })).toThrow(InvalidArgumentError);
    expect(() => train({ ...base, weightDecay: -1 })).toThrow(/weightDecay/);
  });

  it('balanced stays balanced: from W_a = V = u0 the layers and the predictor stay equal (JEPA and MAE, L = 3, γ = 0.05)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      const r = train({
        objective,
        depth: 3,
        covariances: oneFeature(1, 1.5),
        init: { kind: 'aligned', epsilon: 0.6 ** 3 },
        learningRate: 0.01,
        steps: 3000,
        weightDecay: 0.05,
      });
      const v = r.network.predictor[0];
      // equal up to rounding (the layer gradients are formed by different products)
      for (const w of r.network.layers) expect(Math.abs(w[0] - v) / Math.abs(v), objective).toBeLessThan(1e-13);
      // and it moved: u^{2L}(ρσ² − σ²u) − γu is not small at u0 = 0.6
      expect(Math.abs(v - 0.6)).toBeGreaterThan(0.05);
    }
  });

  it('an imbalance decays as e^{−2γt}: d(v² − w²)/dt = −2γ(v² − w²) (the gradient part conserves it); first order in η', () => {
    // one step: v′² − w′² = (1 − ηγ)²(v² − w²) + η²(g_v² − g_w²), since v g_v = w g_w
    const gamma = 0.3;
    const t = 2;
    const deviation = (eta: number): number => {
      const options = { objective: 'jepa', d: 1, depth: 1, covarianceKind: 'diagonal' } as const;
      const ws = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: 1 });
      const kernel = createTrainingKernel(ws, options);
      kernel.load({ d: 1, layers: [Float64Array.of(0.4)], predictor: Float64Array.of(0.9) });
      kernel.cov.sigmaXX[0] = 1;
      kernel.cov.sigmaYX[0] = 0.8;
      const initial = 0.9 ** 2 - 0.4 ** 2;
      for (let k = 0; k < Math.round(t / eta); k++) {
        kernel.forward();
        kernel.gradients();
        addWeightDecay(kernel, gamma);
        kernel.update(eta);
      }
      const ratio = (kernel.predictor[0] ** 2 - kernel.layers[0][0] ** 2) / initial;
      return ratio - Math.exp(-2 * gamma * t);
    };
    const [d1, d2, d3] = [0.01, 0.005, 0.0025].map(deviation);
    expect(Math.abs(d1)).toBeLessThan(0.01);
    // halving η halves the deviation: Euler's first order
    expect(d1 / d2).toBeGreaterThan(1.7);
    expect(d1 / d2).toBeLessThan(2.3);
    expect(d2 / d3).toBeGreaterThan(1.7);
    expect(d2 / d3).toBeLessThan(2.3);
  });
});
