/**
 * The measurements of a training run at its recorded steps.
 * @module
 */
import { InvalidArgumentError, singularValueDecomposition, validateInteger } from '@jepa-dynamics/core';
import type { Covariances } from '../model/types.js';
import type { FeatureReadout } from './featureReadout.js';
import { encoderProduct, networkLoss } from './networkLoss.js';
import type { TrainingKernel } from './trainingKernel.js';

/** What to measure every recorded step besides `wbar`, `modeStrength`, `predictor`. */
export interface MeasureOptions {
  /** Record the population loss (default true). */
  loss?: boolean;
  /** Record singular values of W̄ and V (default false; O(d³) per record). */
  singularValues?: boolean;
}

/** Options of {@link createTrainingRecorder} (the schedule fields as in {@link TrainOptions}). */
export interface TrainingRecorderOptions {
  /** How per-feature numbers are read: objective, width d, feature basis R. */
  readout: FeatureReadout;
  /** The covariances the loss is measured with (population, or a data set's empirical ones; assumed valid). */
  covariances: Covariances;
  /** Steps K of the run: step K is always on the schedule. */
  steps: number;
  /** Record every this many steps (step 0 and K always); default ⌈K/100⌉. */
  recordEvery?: number;
  /** Also record at these steps (integers in [0, K]; any order). */
  recordAt?: readonly number[];
  measure?: MeasureOptions;
}

/** The recorded series (the fields of {@link TrainResult} of the same names); index r is the r-th record. */
export interface TrainingRecord {
  /** Recorded steps k. */
  steps: number[];
  /** Recorded times t = kη (Σ η_j with `stepControl`). */
  t: number[];
  /** `wbar[i][r]`: `(RᵀW̄)_ii` at record r (R the feature basis of the initialisation). */
  wbar: number[][];
  /** `modeStrength[i][r]`: `‖W̄ e_i‖`, rotation invariant. */
  modeStrength: number[][];
  /** `predictor[i][r]`: V's feature-basis diagonal (`(RᵀVR)_ii` JEPA, `(VR)_ii` MAE). */
  predictor: number[][];
  /** Loss at each record (present unless `measure.loss` is false); population loss, or the data set's empirical loss with `data`. */
  loss?: number[];
  /** `singularValues[r]`: singular values of W̄ (descending) at record r, when asked. */
  singularValues?: number[][];
  /** `predictorSingularValues[r]`: those of V. */
  predictorSingularValues?: number[][];
}

/** What a record reads from the kernel (after `forward()`). */
export type RecordedState = Pick<TrainingKernel, 'wbar' | 'predictor' | 'targetLayers' | 'snapshot'>;

/** Takes records on a schedule; see {@link createTrainingRecorder}. */
export interface TrainingRecorder {
  /** What has been recorded so far (the arrays grow with each {@link TrainingRecorder.take}). */
  readonly record: TrainingRecord;
  /** Whether step k is on the schedule: `k % recordEvery = 0`, `k = K`, or k in `recordAt`. */
  due(k: number): boolean;
  /**
   * Records the kernel's current state as step k at time t: O(d) per feature read in the
   * identity basis (O(d²) in another), the loss O(L d³) by the reference products,
   * singular values O(d³).
   */
  take(k: number, t: number, state: RecordedState): void;
}

/**
 * A recorder with an empty record and its schedule.
 *
 * @param options - readout, covariances, schedule, measurements.
 * @param where - the public function named in error messages (default `'createTrainingRecorder'`).
 * @throws InvalidArgumentError for K not a non-negative integer, `recordEvery` not a positive integer, a `recordAt` step outside [0, K], or covariances not of the readout's width.
 * @returns the recorder.
 * @example
 * ```ts
 * const readout = createFeatureReadout('jepa', Float64Array.of(1), 1);
 * const recorder = createTrainingRecorder({ readout, covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1) }, steps: 10, recordEvery: 4, recordAt: [5] });
 * [0, 1, 4, 5, 8, 9, 10].filter((k) => recorder.due(k)); // => [0, 4, 5, 8, 10]
 * // JEPA, d = L = 1, w = v = ½: loss ½(v²w̄²σ² − 2vw̄²λ + w̄²σ²) = ½(1/16 − 1/4 + 1/4)
 * const w = Float64Array.of(0.5);
 * recorder.take(0, 0, { wbar: w, predictor: w, targetLayers: null, snapshot: () => ({ d: 1, layers: [w], predictor: w }) });
 * recorder.record.loss; // => [0.03125]
 * recorder.record.wbar; // => [[0.5]]
 * ```
 */
export function createTrainingRecorder(options: TrainingRecorderOptions, where = 'createTrainingRecorder'): TrainingRecorder {
  const { readout, covariances: cov, steps: K } = options;
  const d = readout.d;
  validateInteger(where, 'steps', K, 0);
  const recordEvery = validateInteger(where, 'recordEvery', options.recordEvery ?? Math.max(1, Math.ceil(K / 100)), 1);
  const recordAt = new Set<number>();
  (options.recordAt ?? []).forEach((s, i) => recordAt.add(validateInteger(where, `recordAt[${i}]`, s, 0, K)));
  const size = cov.kind === 'full' ? d * d : d;
  if (cov.sigmaXX.length !== size || cov.sigmaYX.length !== size)
    throw new InvalidArgumentError(where, 'covariances', `must be of the readout's width d = ${d}`, [
      cov.sigmaXX.length,
      cov.sigmaYX.length,
    ]);

  const rec: TrainingRecord = {
    steps: [],
    t: [],
    wbar: Array.from({ length: d }, () => []),
    modeStrength: Array.from({ length: d }, () => []),
    predictor: Array.from({ length: d }, () => []),
  };
  if (options.measure?.loss ?? true) rec.loss = [];
  if (options.measure?.singularValues ?? false) {
    rec.singularValues = [];
    rec.predictorSingularValues = [];
  }
  return {
    record: rec,
    due: (k) => k % recordEvery === 0 || k === K || recordAt.has(k),
    take(k, t, state) {
      rec.steps.push(k);
      rec.t.push(t);
      const wbar = state.wbar;
      const v = state.predictor;
      for (let i = 0; i < d; i++) {
        rec.wbar[i].push(readout.wbar(wbar, i));
        rec.modeStrength[i].push(readout.modeStrength(wbar, i));
        rec.predictor[i].push(readout.predictor(v, i));
      }
      if (rec.loss !== undefined) {
        const target = state.targetLayers !== null ? encoderProduct({ d, layers: state.targetLayers }) : undefined;
        rec.loss.push(networkLoss(state.snapshot(), cov, readout.objective, target));
      }
      if (rec.singularValues !== undefined && rec.predictorSingularValues !== undefined) {
        rec.singularValues.push(Array.from(singularValueDecomposition(wbar, d).values));
        rec.predictorSingularValues.push(Array.from(singularValueDecomposition(v, d).values));
      }
    },
  };
}
