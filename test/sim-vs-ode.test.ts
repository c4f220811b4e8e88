/**
 * The ground truth against the theory: discrete training of the full matrices
 * (@jepa-dynamics/sim) against the per-feature ODE, its exact critical times and
 * its predicted learning order (@jepa-dynamics/ode).
 */
import { criticalTimes, learningOrder, type FeatureInput } from '@jepa-dynamics/ode';
import { describe, expect, it } from 'vitest';
import { populationCovariances, simulateFeatures, train, trajectoryDeviation, type Covariances } from '@jepa-dynamics/sim';

// Two features with ρ ≤ 1 (w̄∞ ≤ 1), ε = 0.05: every run below takes a few thousand d = 2 steps.
const features: FeatureInput[] = [
  { lambda: 1, rho: 1 },
  { lambda: 0.5, rho: 0.8 },
];
const epsilon = 0.05;
const horizon = (objective: 'jepa' | 'mae', depth: number): number =>
  2 * Math.max(...criticalTimes(features, { objective, depth, epsilon }).map((r) => (r.exists ? r.t : 0)));

describe('aligned init, population gradients: discrete training against the per-feature ODE', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 2, 4]) {
      it(`${objective}, L = ${depth}: max |w̄_sim − w̄_ode| halves when η halves (ratio 2 ± 0.3), and critical times are within 1% of the formula`, () => {
        const T = horizon(objective, depth);
        const run = (divisions: number) =>
          simulateFeatures({
            objective,
            depth,
            features,
            epsilon,
            learningRate: T / divisions,
            steps: divisions,
            recordEvery: divisions / 100,
          });
        const coarse = run(3200),
          fine = run(6400);
        expect(coarse.train.status).toBe('completed');
        // explicit Euler on the ODE: global error C·η + O(η²)
        const ratio = coarse.deviation.max / fine.deviation.max;
        expect(ratio).toBeGreaterThan(1.7);
        expect(ratio).toBeLessThan(2.3);
        expect(fine.deviation.max).toBeLessThan(0.01);
        fine.criticalTimes.predicted.forEach((tp, i) => {
          const ts = fine.criticalTimes.simulated[i];
          expect(tp).not.toBeNull();
          expect(ts).not.toBeNull();
          if (tp === null || ts === null) return;
          expect(Math.abs(ts - tp) / tp).toBeLessThan(0.01);
        });
      });
    }
  }

  it('the rotated aligned init gives the same w̄_i in its feature basis R_L as the aligned init (to 1e-12)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      const cov: Covariances = { kind: 'diagonal', sigmaXX: Float64Array.of(1, 0.625, 2), sigmaYX: Float64Array.of(1, 0.5, 0.4) };
      const common = { objective, depth: 3, covariances: cov, learningRate: 0.5, steps: 400, recordEvery: 40 } as const;
      const aligned = train({ ...common, init: { kind: 'aligned', epsilon: 0.1 } });
      const rotated = train({ ...common, init: { kind: 'rotated', epsilon: 0.1, seed: 8 } });
      expect(trajectoryDeviation(rotated.wbar, aligned.wbar).max).toBeLessThan(1e-12);
      expect(trajectoryDeviation(rotated.predictor, aligned.predictor).max).toBeLessThan(1e-12);
      expect(Math.max(...aligned.wbar.map((w) => Math.abs(w[w.length - 1] - w[0])))).toBeGreaterThan(0.1); // it did learn
    }
  });
});

describe('random orthogonal init', () => {
  const four: FeatureInput[] = [
    { lambda: 1, rho: 1 },
    { lambda: 0.8, rho: 0.8 },
    { lambda: 0.6, rho: 0.6 },
    { lambda: 1.2, rho: 0.4 },
  ];
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 2]) {
      it(`${objective}, L = ${depth}: every singular value of W̄ ends at a fixed point of the flow, ${objective === 'jepa' ? 'ρ^L' : 'ρ^{L/(L+1)}'} or the saddle 0`, () => {
        const T = 20 * Math.max(...criticalTimes(four, { objective, depth, epsilon }).map((r) => (r.exists ? r.t : 0)));
        for (const seed of [1, 2, 3]) {
          let learned = 0;
          const r = simulateFeatures({
            objective,
            depth,
            features: four,
            epsilon,
            learningRate: T / 4000,
            steps: 4000,
            init: 'random',
            seed,
            singularValues: true,
            recordEvery: 4000,
          });
          const sv = r.train.singularValues?.at(-1) ?? [];
          const unused = new Set(r.fixedPoints.map((_, i) => i));
          for (const s of sv) {
            // below its starting scale ε: an anti-aligned mode decaying onto the saddle at the origin
            if (s < epsilon) continue;
            const match = [...unused].find((i) => Math.abs(s - r.fixedPoints[i]) < 1e-2 * r.fixedPoints[i]);
            expect(match, `singular value ${s} matches no unused fixed point of ${r.fixedPoints}`).toBeDefined();
            if (match !== undefined) unused.delete(match);
            learned++;
          }
          // how many of the 4 modes are learned by 20 t* is the measured departure (docs/simulation.md); at least one always is
          expect(learned).toBeGreaterThanOrEqual(1);
        }
      });
    }
  }
});

describe('learning order: simulation against the ODE prediction', () => {
  const A: FeatureInput = { lambda: 1, rho: 3 };
  const B: FeatureInput = { lambda: 2, rho: 1 };
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 8]) {
      it(`A = (λ 1, ρ 3), B = (λ 2, ρ 1), ε = 1e-2, ${objective}, L = ${depth}: the simulated order is the predicted one`, () => {
        const predicted = learningOrder([A, B], { objective, depth, epsilon: 1e-2 });
        // Deep JEPA with ρ = 3 is stiff near w̄∞ = 3^L: fixed-η stability needs η < 2/(σ²ρ^{2L}) ≈ 1e-7 at L = 8,
        // so these runs use the relative step control (see TrainOptions.stepControl).
        const r = simulateFeatures({
          objective,
          depth,
          features: [A, B],
          epsilon: 1e-2,
          learningRate: objective === 'jepa' ? 0.5 : 0.01,
          steps: 12000,
          stepControl: { maxRelativeChange: 3e-3 },
          recordEvery: 12000,
        });
        const [tA, tB] = r.criticalTimes.simulated;
        const tEnd = r.t[r.t.length - 1];
        const simulatedFirst = tA !== null && (tB === null || tA < tB) ? 0 : tB !== null && (tA === null || tB < tA) ? 1 : -1;
        expect(simulatedFirst).toBe(predicted.order[0]);
        if (simulatedFirst === 0 && tB === null) expect(tEnd).toBeGreaterThan(tA ?? Infinity); // B had not crossed when A did
        // MAE learns B first at every depth; JEPA's order flips by L = 8 (orderFlipDepth: 8)
        expect(predicted.order[0]).toBe(objective === 'jepa' && depth === 8 ? 0 : 1);
        const first = predicted.order[0];
        const tp = predicted.times[first];
        const ts = r.criticalTimes.simulated[first];
        // the feature learned first has both times (asserted, so the comparison cannot be skipped)
        expect(tp.exists).toBe(true);
        expect(ts).not.toBeNull();
        if (tp.exists && ts !== null) expect(Math.abs(ts - tp.t) / tp.t).toBeLessThan(0.01);
      });
    }
  }

  // static model (docs/math.md §4): A clean (s = 1, γ² = 0: σ² 1, λ 1, ρ 1), B noisy and of high variance (s = 1.5, γ² = 1.5: σ² 3, λ 1.5, ρ ½)
  const model = { kind: 'static', signalVariance: [1, 1.5], noiseVariance: [0, 1.5] } as const;
  const staticFeatures: FeatureInput[] = [
    { sigma2: 1, lambda: 1 },
    { sigma2: 3, lambda: 1.5 },
  ];
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 4]) {
      it(`static model with a noisy feature, ${objective}, L = ${depth}: ${objective === 'jepa' && depth === 4 ? 'the low-noise feature first' : 'the high-variance feature first'}, as predicted`, () => {
        const predicted = learningOrder(staticFeatures, { objective, depth, epsilon: 1e-2 });
        const cov = populationCovariances(model);
        expect(Array.from(cov.sigmaXX)).toEqual([1, 3]);
        expect(Array.from(cov.sigmaYX)).toEqual([1, 1.5]);
        const r = simulateFeatures({
          objective,
          depth,
          features: staticFeatures,
          epsilon: 1e-2,
          learningRate: objective === 'jepa' ? 0.5 : 0.02,
          steps: 8000,
          stepControl: { maxRelativeChange: 3e-3 },
          recordEvery: 8000,
        });
        expect(r.order.simulated.order).toEqual(predicted.order);
        expect(predicted.order).toEqual(objective === 'jepa' && depth === 4 ? [0, 1] : [1, 0]);
      });
    }
  }
});
