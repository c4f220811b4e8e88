/**
 * Discrete gradient descent on deep linear JEPA and MAE (docs/math.md §1), with
 * measurements along the way: the ground truth the ODEs are checked against.
 *
 * `train` is a composition of parts a caller can also drive with a loop of their own:
 * {@link createBatchSource} (the moments of each step), {@link createTrainingKernel}
 * (the stepper), {@link createStepRule} (η_k and the clock),
 * {@link createTrainingRecorder} and {@link createCrossingDetector} (what is measured),
 * reading per-feature numbers through {@link createFeatureReadout}.
 * @module
 */
import {
  InvalidArgumentError,
  createMatrixWorkspace,
  validateDepth,
  validateInteger,
  validateObjective,
  validatePositive,
  validateNonNegative,
  validateUnitInterval,
  type KernelBackend,
  type Objective,
  type ProductTeam,
} from '@jepa-dynamics/core';
import { initialNetwork, type Initialization } from '../model/initialNetwork.js';
import { addWeightDecay } from './addWeightDecay.js';
import type { Covariances, Network } from '../model/types.js';
import { createBatchSource, type SampleOptions } from './batchSource.js';
import { createCrossingDetector, type CriticalTimeOptions } from './crossingDetector.js';
import { createFeatureReadout } from './featureReadout.js';
import { createStepRule } from './stepRule.js';
import { createTrainingKernel, kernelCapacity } from './trainingKernel.js';
import { createTrainingRecorder, type MeasureOptions, type TrainingRecord } from './trainingRecorder.js';

/** Options of {@link train}. Exactly one of `covariances` and `data`. */
export interface TrainOptions {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Population second moments (exact expectations). */
  covariances?: Covariances;
  /** Finite-sample training instead. */
  data?: SampleOptions;
  init: Initialization;
  /** Learning rate η > 0. */
  learningRate: number;
  /** Steps K ≥ 0; final time t = Kη. */
  steps: number;
  /**
   * JEPA only: EMA target rate τ in [0, 1). The target encoder's layers start
   * equal to the online ones and after every step become
   * `target ← τ·target + (1 − τ)·online`; the loss's StopGrad branch uses their
   * product. Omitted (or τ = 0): the target is the online encoder itself.
   */
  ema?: number;
  /**
   * Weight decay γ ≥ 0 (default 0): every step adds γθ to the gradient of every parameter
   * matrix θ ∈ {W_1, …, W_L, V}, i.e. trains on the objective plus ½γ Σ_θ ‖θ‖²_F (½γ‖θ‖²
   * per matrix). The EMA target is not decayed. Per feature (balanced, aligned) the flow is
   * du/dt = σ²u^{2L}(ρ − u) − γu (JEPA), σ²u^L(ρ − u^{L+1}) − γu (MAE): docs/derivation.md.
   */
  weightDecay?: number;
  /** Record every this many steps (steps 0 and K always); default ⌈K/100⌉. */
  recordEvery?: number;
  /** Also record at these steps (integers in [0, K]; any order). */
  recordAt?: readonly number[];
  /**
   * Optional step-size control, for runs whose stiffness grows by orders of
   * magnitude (deep JEPA with ρ > 1, where a fixed η stable at the fixed point
   * would need ~10¹⁰ steps). With `{ maxRelativeChange: c }` step k uses
   * `η_k = min(η, c · min_θ ‖θ‖_F/‖∇θ‖_F)` over θ ∈ {W_1, …, W_L, V}: still
   * gradient descent with one learning rate per step for all parameters, now an
   * explicit Euler scheme with relative-change control; time is `t_k = Σ_{j<k} η_j`
   * (which is kη when no step is limited). Default: constant η.
   */
  stepControl?: { maxRelativeChange: number };
  measure?: MeasureOptions;
  criticalTimes?: CriticalTimeOptions;
  /** Matrix-product backend; default `'auto'`. All backends give identical results. */
  backend?: KernelBackend | 'auto';
  /**
   * Helper threads for the large products (core's {@link ProductTeam}; in Node,
   * `startNodeProductTeam` of @jepa-dynamics/cli); needs a WebAssembly backend.
   * Results are bit-identical with and without.
   */
  team?: ProductTeam;
  /** Called with the step count every `progressEvery` steps (default ⌈K/100⌉). */
  onProgress?: (step: number, steps: number) => void;
  progressEvery?: number;
}

/** The outcome of {@link train}: the record ({@link TrainingRecord}) and how the run ended. All times are gradient-flow time t = kη. */
export interface TrainResult extends TrainingRecord {
  /** `'completed'`: all K steps ran; `'diverged'`: stopped at `stoppedAt` with non-finite weights. */
  status: 'completed' | 'diverged';
  /** One sentence on how the run ended. */
  message: string;
  /** Steps actually taken (K when completed). */
  stoppedAt: number;
  /** Per feature: first crossing time kη, or null if not crossed by the end (or the start is already above). */
  criticalTimes?: (number | null)[];
  /** Per feature: the crossing step k, or null. */
  criticalSteps?: (number | null)[];
  /** The network after the last step taken (copies). */
  network: Network;
  /** The feature basis R used for `wbar`. */
  basis: Float64Array;
  /** The covariances the loss was measured with (population, or the data set's empirical ones). */
  covariances: Covariances;
  /** The matrix-product backend used. */
  backend: KernelBackend;
}

/**
 * Trains by `θ ← θ − η∇θ` (`∇θ + γθ` with weight decay γ) for K steps and records measurements.
 * Cost per step: 3L d×d products with diagonal Σ (see trainingKernel), plus the
 * minibatch moments (2·B·d² or 3·B·d² multiply-adds) with `data`.
 * A run whose weights become non-finite stops with status `'diverged'` and keeps
 * what it recorded; it does not throw.
 *
 * @param options - see {@link TrainOptions}.
 * @throws InvalidArgumentError for invalid input: mismatched sizes, covariances not positive definite, η ≤ 0, K not a non-negative integer, τ outside [0, 1), targets of the wrong length, …
 * @returns the record.
 * @example
 * ```ts
 * const r = train({
 *   objective: 'jepa', depth: 1, learningRate: 0.1, steps: 2, recordEvery: 1,
 *   covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1) },
 *   init: { kind: 'aligned', epsilon: 0.5 },
 * });
 * r.t;    // => [0, 0.1, 0.2]
 * r.wbar; // => [[0.5, 0.5125, 0.5253044921875]]  (L = 1: u ← u + η u²(1 − u); 0.5 + 0.1·0.125 = 0.5125)
 * ```
 */
export function train(options: TrainOptions): TrainResult {
  const where = 'train';
  const { objective, depth, learningRate: eta, steps: K } = options;
  const { tau, progressEvery, weightDecay } = validateScalars(options, where);

  // the parts: moments, initial network, measurements, stepper, step rule
  const source = createBatchSource(options, where);
  const d = source.d;
  const { network: start, basis } = initialNetwork(options.init, d, depth, objective);
  const readout = createFeatureReadout(objective, basis, d);
  const crossings = options.criticalTimes === undefined ? null : createCrossingDetector(options.criticalTimes, readout, where);
  const kernelOptions = { objective, d, depth, covarianceKind: source.covarianceKind, separateTarget: options.ema !== undefined };
  const ws = createMatrixWorkspace({
    capacity: kernelCapacity(kernelOptions) + source.capacity,
    largestMatrix: Math.max(d * d, source.largestMatrix),
    backend: options.backend ?? 'auto',
    team: options.team,
  });
  const kernel = createTrainingKernel(ws, kernelOptions);
  kernel.load(start);
  const nextBatch = source.attach(ws, kernel.cov);
  const rule = createStepRule(options);
  const { recordEvery, recordAt, measure } = options;
  const recorder = createTrainingRecorder({ readout, covariances: source.covariances, steps: K, recordEvery, recordAt, measure }, where);

  let status: TrainResult['status'] = 'completed';
  let message = '';
  let k = 0;
  for (;;) {
    kernel.forward();
    if (!kernel.isFinite()) {
      const recorded = recorder.record.steps;
      status = 'diverged';
      message = `train: diverged at step ${k} (t = ${rule.time}): W̄ or V has non-finite entries; the learning rate ${eta} is likely too large for these covariances and this initialisation. Records up to step ${recorded.length > 0 ? recorded[recorded.length - 1] : 0} are kept.`;
      break;
    }
    if (recorder.due(k)) recorder.take(k, rule.time, kernel);
    if (crossings !== null) crossings.check(k, rule.time, kernel.wbar);
    if (k === K) break;
    nextBatch();
    kernel.gradients();
    addWeightDecay(kernel, weightDecay);
    kernel.update(rule.next(kernel), tau);
    k++;
    if (options.onProgress !== undefined && k % progressEvery === 0) options.onProgress(k, K);
  }
  if (status === 'completed') message = `train: completed ${K} steps (t = ${rule.time}).`;

  const r = recorder.record;
  const result: TrainResult = {
    status,
    message,
    stoppedAt: k,
    steps: r.steps,
    t: r.t,
    wbar: r.wbar,
    modeStrength: r.modeStrength,
    predictor: r.predictor,
    network: kernel.snapshot(),
    basis,
    covariances: source.covariances,
    backend: ws.backend,
  };
  if (r.loss !== undefined) result.loss = r.loss;
  if (r.singularValues !== undefined && r.predictorSingularValues !== undefined) {
    result.singularValues = r.singularValues;
    result.predictorSingularValues = r.predictorSingularValues;
  }
  if (crossings !== null) {
    result.criticalSteps = crossings.steps;
    result.criticalTimes = crossings.times;
  }
  return result;
}

/**
 * The checks of every scalar option, in this order, before any sampling or O(d³) work
 * (so the first invalid one is the one reported). The parts check the same rules again
 * for their direct callers; here they are named as {@link train}'s options.
 */
function validateScalars(options: TrainOptions, where: string): { tau: number; progressEvery: number; weightDecay: number } {
  const { objective, depth, learningRate: eta, steps: K } = options;
  validateObjective(where, objective);
  validateDepth(where, depth);
  validatePositive(where, 'learningRate', eta);
  validateInteger(where, 'steps', K, 0);
  const tau = options.ema ?? 0;
  if (options.ema !== undefined) {
    if (objective !== 'jepa') throw new InvalidArgumentError(where, 'ema', 'only applies to the JEPA objective', options.ema);
    validateUnitInterval(where, 'ema', tau, '[0, 1)');
  }
  validateInteger(where, 'recordEvery', options.recordEvery ?? Math.max(1, Math.ceil(K / 100)), 1);
  (options.recordAt ?? []).forEach((s, i) => validateInteger(where, `recordAt[${i}]`, s, 0, K));
  const maxRelativeChange = options.stepControl?.maxRelativeChange;
  if (maxRelativeChange !== undefined) validatePositive(where, 'stepControl.maxRelativeChange', maxRelativeChange);
  const progressEvery = validateInteger(where, 'progressEvery', options.progressEvery ?? Math.max(1, Math.ceil(K / 100)), 1);
  const weightDecay = validateNonNegative(where, 'weightDecay', options.weightDecay ?? 0);
  return { tau, progressEvery, weightDecay };
}
