import { describe, expect, it } from 'vitest';
import { populationCovariances, simulateFeatures, train, trajectoryDeviation, type Covariances } from '../src/index.js';
import type { FeatureInput } from '@jepa-dynamics/ode';

describe('finite samples', () => {
  const model = { kind: 'static', signalVariance: [1, 1.5], noiseVariance: [0.25, 1.5] } as const;
  const staticFeatures: FeatureInput[] = [{ sigma2: 1.25, lambda: 1 }, { sigma2: 3, lambda: 1.5 }];
  const base = { objective: 'mae', depth: 2, features: staticFeatures, epsilon: 0.05, learningRate: 0.05, steps: 400, recordEvery: 20 } as const;

  it('with n samples the trajectory approaches the population run as n grows (error ∝ 1/√n)', () => {
    const population = simulateFeatures(base);
    // The empirical covariances are off by O(1/√n) and the trajectory depends smoothly on
    // them, so the mean max deviation should fall as n^{-1/2}: slope −½ in log–log.
    const tiers = [100, 1000, 10_000, 100_000];
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const errors = tiers.map((n) => {
      let sum = 0;
      for (const seed of seeds) sum += trajectoryDeviation(simulateFeatures({ ...base, samples: n, seed }).wbar, population.wbar).max;
      return sum / seeds.length;
    });
    const x = tiers.map(Math.log10);
    const y = errors.map(Math.log10);
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x), my = mean(y);
    const slope = x.reduce((s, xi, i) => s + (xi - mx) * (y[i] - my), 0) / x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    // One seed's max deviation scatters around its mean with a coefficient of variation of
    // 0.2–0.7 (measured over 12 seeds per tier), so a mean of 8 has a relative standard error
    // ≤ 0.25 (≈ 0.11 in log10) and the fitted slope over these tiers (Σ(Δlog₁₀ n)² = 5) one of
    // ≈ 0.05. ±0.2 is four standard errors, and still rules out an error that does not shrink
    // (slope 0) or one that shrinks like 1/n (slope −1).
    // (Four disjoint sets of 8 seeds gave slopes −0.486, −0.492, −0.494, −0.545.)
    expect(slope).toBeGreaterThan(-0.7);
    expect(slope).toBeLessThan(-0.3);
    // n = 10⁵: the deviation is about 2.5/√n ≈ 0.008 on this problem; 0.02 bounds it with room for the scatter above.
    expect(errors[3]).toBeLessThan(0.02);
  });

  it('minibatch SGD is reproducible from its seed and differs across seeds', () => {
    const a = simulateFeatures({ ...base, samples: 1000, batchSize: 50, seed: 4 });
    const b = simulateFeatures({ ...base, samples: 1000, batchSize: 50, seed: 4 });
    const c = simulateFeatures({ ...base, samples: 1000, batchSize: 50, seed: 5 });
    expect(a.wbar).toEqual(b.wbar);
    expect(a.wbar).not.toEqual(c.wbar);
    // minibatch noise still tracks the population flow
    expect(a.deviation.max).toBeLessThan(0.1);
  });

  it('the dynamic model feeds training too: its moments are σ² = s + γ², λ = a s', () => {
    const dyn = { kind: 'dynamic', autoregression: [0.8, 0.5], innovationVariance: [0.36, 0.75], noiseVariance: [0.1, 0.2] } as const;
    const cov = populationCovariances(dyn);
    // s = q/(1 − a²) = 1 for both
    expect(cov.sigmaXX[0]).toBeCloseTo(1.1, 14);
    expect(cov.sigmaXX[1]).toBeCloseTo(1.2, 14);
    expect(cov.sigmaYX[0]).toBeCloseTo(0.8, 14);
    expect(cov.sigmaYX[1]).toBeCloseTo(0.5, 14);
    const pop = train({ objective: 'jepa', depth: 2, covariances: cov, init: { kind: 'aligned', epsilon: 0.1 }, learningRate: 0.1, steps: 300 });
    const fin = train({ objective: 'jepa', depth: 2, data: { model: dyn, samples: 100000, seed: 3 }, init: { kind: 'aligned', epsilon: 0.1 }, learningRate: 0.1, steps: 300 });
    expect(trajectoryDeviation(fin.wbar, pop.wbar).max).toBeLessThan(0.02);
  });
});

describe('train: EMA target, backends, divergence, bad input', () => {
  const cov: Covariances = { kind: 'diagonal', sigmaXX: Float64Array.of(1, 2, 0.5), sigmaYX: Float64Array.of(0.8, 1, 0.4) };
  const base = { objective: 'jepa', depth: 2, covariances: cov, init: { kind: 'aligned', epsilon: 0.05 }, learningRate: 0.2, steps: 600, recordEvery: 10 } as const;

  it('EMA with τ = 0 is the StopGrad run exactly; τ > 0 delays learning, more so for larger τ', () => {
    const plain = train(base);
    expect(train({ ...base, ema: 0 }).wbar).toEqual(plain.wbar);
    const targets = [0.64, 1, 0.64];
    const ct = (ema?: number) => train({ ...base, ema, steps: 3000, criticalTimes: { targets } }).criticalTimes?.[0] ?? Infinity;
    const t0 = ct(), t5 = ct(0.5), t9 = ct(0.9);
    expect(t0).toBeLessThan(t5);
    expect(t5).toBeLessThan(t9);
  });

  it('all kernel backends give bit-identical training runs (d = 9, random init, full Σ from samples)', () => {
    const opts = { objective: 'jepa', depth: 3, data: { model: { kind: 'static', signalVariance: [1, 2, 3, 1, 2, 3, 1, 2, 3], noiseVariance: [1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0] }, samples: 64, batchSize: 16, seed: 1 }, init: { kind: 'random', epsilon: 0.3, seed: 2 }, learningRate: 0.05, steps: 50, recordEvery: 5, measure: { singularValues: true } } as const;
    const ref = train({ ...opts, backend: 'reference' });
    for (const backend of ['wasm', 'js'] as const) {
      const r = train({ ...opts, backend });
      expect(r.backend).toBe(backend);
      expect(r.wbar).toEqual(ref.wbar);
      expect(r.network).toEqual(ref.network);
      expect(r.loss).toEqual(ref.loss);
    }
  });

  it('full covariance matrices that happen to be diagonal give the diagonal run (the full path is the same arithmetic)', () => {
    const full: Covariances = { kind: 'full', sigmaXX: Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 0.5), sigmaYX: Float64Array.of(0.8, 0, 0, 0, 1, 0, 0, 0, 0.4) };
    for (const objective of ['jepa', 'mae'] as const) {
      const init = { kind: 'random', epsilon: 0.3, seed: 5 } as const;
      const a = train({ ...base, objective, init, covariances: cov });
      const b = train({ ...base, objective, init, covariances: full });
      expect(trajectoryDeviation(b.wbar, a.wbar).max).toBeLessThan(1e-15);
      expect(b.loss?.[b.loss.length - 1]).toBeCloseTo(a.loss?.[a.loss.length - 1] ?? Number.NaN, 14);
    }
  });

  it('user-supplied matrices are used as given: ε^{1/L} I reproduces the aligned run exactly', () => {
    const f = Math.sqrt(0.05);
    const eye = Float64Array.of(f, 0, 0, 0, f, 0, 0, 0, f);
    const supplied = train({ ...base, init: { kind: 'matrices', layers: [eye, eye], predictor: eye } });
    expect(supplied.wbar).toEqual(train(base).wbar);
  });

  it('recordAt adds chosen steps to the records, in step order; out-of-range steps are refused', () => {
    const r = train({ ...base, steps: 100, recordEvery: 50, recordAt: [7, 93, 7] });
    expect(r.steps).toEqual([0, 7, 50, 93, 100]);
    expect(r.t).toEqual([0, 7, 50, 93, 100].map((k) => k * 0.2));
    expect(() => train({ ...base, steps: 10, recordAt: [11] })).toThrow(/recordAt\[0\]: must be an integer step from 0 to steps = 10/);
  });

  it('a diverging run stops with status, step and reason, keeping what it recorded', () => {
    const r = train({ ...base, init: { kind: 'aligned', epsilon: 2 }, learningRate: 5, steps: 1000, recordEvery: 1 });
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBeGreaterThan(0);
    expect(r.stoppedAt).toBeLessThan(1000);
    expect(r.message).toMatch(new RegExp(`diverged at step ${r.stoppedAt} `));
    expect(r.steps.length).toBe(r.stoppedAt);
    expect(r.wbar.every((w) => w.length === r.stoppedAt)).toBe(true);
  });

  it('rejects invalid input with an error naming the argument', () => {
    expect(() => train({ ...base, learningRate: 0 })).toThrow(/train: invalid argument learningRate: must be a positive finite number; got 0/);
    expect(() => train({ ...base, learningRate: -1 })).toThrow(/learningRate/);
    expect(() => train({ ...base, steps: 1.5 })).toThrow(/steps/);
    expect(() => train({ ...base, covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1, 2), sigmaYX: Float64Array.of(1) } })).toThrow(/covariances.sigmaYX: must have the length of sigmaXX/);
    expect(() => train({ ...base, covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1, -2), sigmaYX: Float64Array.of(1, 1) } })).toThrow(/sigmaXX\[1\]: must be positive/);
    expect(() => train({ ...base, covariances: { kind: 'full', sigmaXX: Float64Array.of(1, 2, 2, 1), sigmaYX: Float64Array.of(1, 0, 0, 1) } })).toThrow(/positive definite/);
    expect(() => train({ ...base, covariances: { kind: 'full', sigmaXX: Float64Array.of(1, 0.5, 0.4, 1), sigmaYX: Float64Array.of(1, 0, 0, 1) } })).toThrow(/symmetric/);
    expect(() => train({ ...base, ema: 1 })).toThrow(/ema: must be in \[0, 1\)/);
    expect(() => train({ ...base, objective: 'mae', ema: 0.5 })).toThrow(/ema: only applies to the JEPA objective/);
    expect(() => train({ ...base, init: { kind: 'matrices', layers: [new Float64Array(9)], predictor: new Float64Array(9) } })).toThrow(/init.layers: must hold depth = 2/);
    expect(() => train({ ...base, init: { kind: 'aligned', epsilon: Number.NaN } })).toThrow(/init.epsilon/);
    expect(() => train({ ...base, criticalTimes: { targets: [1] } })).toThrow(/criticalTimes.targets/);
    expect(() => simulateFeatures({ objective: 'jepa', depth: 1, features: [{ lambda: 1, rho: 3 }], epsilon: 0.1, learningRate: 0.1, steps: 1, samples: 10 })).toThrow(/features\[0\].rho: must be in \(0, 1\]/);
  });
});
