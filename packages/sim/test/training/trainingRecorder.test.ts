import { describe, expect, it } from 'vitest';
import {
  createFeatureReadout,
  createMatrixWorkspace,
  createTrainingKernel,
  createTrainingRecorder,
  kernelCapacity,
  type Covariances,
  type Objective,
} from '../../src/index.js';

const d = 2;
const identity = Float64Array.of(1, 0, 0, 1);
const diag = (a: number, b: number): Float64Array => Float64Array.of(a, 0, 0, b);
const cov: Covariances = {
  kind: 'diagonal',
  sigmaXX: Float64Array.of(1, 2),
  sigmaYX: Float64Array.of(0.5, 1.5),
  sigmaYY: Float64Array.of(1.5, 3),
};

/**
 * Per-feature loss of docs/math.md §1 for a diagonal network, by hand: ½E(v w̄ x − T y)² =
 * ½(v²w̄²σ²_x − 2 v w̄ T λ + T² σ²_y) with T = the target's t̄ (JEPA) or 1 (MAE), summed over features.
 */
function diagonalLoss(v: number[], wbar: number[], target: number[] | null): number {
  return v.reduce((sum, vi, i) => {
    const t = target === null ? 1 : target[i];
    const [sxx, syx, syy] = [cov.sigmaXX[i], cov.sigmaYX[i], cov.sigmaYY?.[i] ?? 0];
    return sum + 0.5 * (vi * vi * wbar[i] * wbar[i] * sxx - 2 * vi * wbar[i] * t * syx + t * t * syy);
  }, 0);
}

function kernel(objective: Objective, separateTarget: boolean) {
  const options = { objective, d, depth: 2, covarianceKind: 'diagonal', separateTarget } as const;
  return createTrainingKernel(createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: d * d }), options);
}

describe('createTrainingRecorder', () => {
  it('schedule: every recordEvery steps, the last step, and recordAt; default ⌈K/100⌉', () => {
    const recorder = createTrainingRecorder({
      readout: createFeatureReadout('jepa', identity, d),
      covariances: cov,
      steps: 10,
      recordEvery: 3,
      recordAt: [5, 5, 7],
    });
    const due = Array.from({ length: 11 }, (_, k) => k).filter((k) => recorder.due(k));
    expect(due).toEqual([0, 3, 5, 6, 7, 9, 10]);
    const byDefault = createTrainingRecorder({ readout: createFeatureReadout('jepa', identity, d), covariances: cov, steps: 250 });
    expect([0, 1, 2, 3, 249, 250].filter((k) => byDefault.due(k))).toEqual([0, 3, 249, 250]);
  });

  for (const [objective, separateTarget] of [
    ['jepa', false],
    ['jepa', true],
    ['mae', false],
  ] as const) {
    it(`${objective}${separateTarget ? ' with a separate target' : ''}: records k, t, w̄_i, ‖W̄e_i‖, V's diagonal and the loss by hand`, () => {
      const k = kernel(objective, separateTarget);
      // layers diag(0.5, 2)·diag(0.8, 0.25): w̄ = (0.4, 0.5); V = diag(1.5, −0.5); target layers (0.5, 1)·(0.6, 0.4): t̄ = (0.3, 0.4)
      k.load(
        { d, layers: [diag(0.8, 0.25), diag(0.5, 2)], predictor: diag(1.5, -0.5) },
        separateTarget ? [diag(0.6, 0.4), diag(0.5, 1)] : undefined,
      );
      k.forward();
      const recorder = createTrainingRecorder({
        readout: createFeatureReadout(objective, identity, d),
        covariances: cov,
        steps: 4,
        measure: { singularValues: true },
      });
      recorder.take(3, 0.75, k);
      const r = recorder.record;
      expect(r.steps).toEqual([3]);
      expect(r.t).toEqual([0.75]);
      expect(r.wbar).toEqual([[0.4], [0.5]]);
      expect(r.modeStrength).toEqual([[0.4], [0.5]]);
      expect(r.predictor).toEqual([[1.5], [-0.5]]);
      const target = objective === 'mae' ? null : separateTarget ? [0.3, 0.4] : [0.4, 0.5];
      // a handful of roundings on O(1) terms: 1e-15
      expect(r.loss?.[0]).toBeCloseTo(diagonalLoss([1.5, -0.5], [0.4, 0.5], target), 15);
      expect(r.singularValues).toEqual([[0.5, 0.4]]);
      expect(r.predictorSingularValues?.[0][0]).toBeCloseTo(1.5, 15);
      expect(r.predictorSingularValues?.[0][1]).toBeCloseTo(0.5, 15);
    });
  }

  it('measure.loss false records no loss; singular values only when asked', () => {
    const recorder = createTrainingRecorder({
      readout: createFeatureReadout('jepa', identity, d),
      covariances: cov,
      steps: 1,
      measure: { loss: false },
    });
    const k = kernel('jepa', false);
    k.load({ d, layers: [identity, identity], predictor: identity });
    k.forward();
    recorder.take(0, 0, k);
    expect('loss' in recorder.record).toBe(false);
    expect('singularValues' in recorder.record).toBe(false);
  });

  it('rejects a bad schedule and covariances of another width, by name', () => {
    const readout = createFeatureReadout('jepa', identity, d);
    expect(() => createTrainingRecorder({ readout, covariances: cov, steps: -1 })).toThrow(
      /^createTrainingRecorder: invalid argument steps: must be an integer ≥ 0; got -1\./,
    );
    expect(() => createTrainingRecorder({ readout, covariances: cov, steps: 5, recordEvery: 0 }, 'train')).toThrow(
      /^train: invalid argument recordEvery: must be an integer ≥ 1; got 0\./,
    );
    expect(() => createTrainingRecorder({ readout, covariances: cov, steps: 5, recordAt: [2, 6] })).toThrow(
      /recordAt\[1\]: must be an integer from 0 to 5; got 6\./,
    );
    expect(() =>
      createTrainingRecorder({
        readout,
        covariances: { kind: 'full', sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1) },
        steps: 5,
      }),
    ).toThrow(/covariances: must be of the readout's width d = 2/);
  });
});
