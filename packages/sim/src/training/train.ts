/**
 * Discrete gradient descent on deep linear JEPA and MAE (MATH.md §1), with
 * measurements along the way: the ground truth the ODEs are checked against.
 * @module
 */
import { InvalidArgumentError, createMatrixWorkspace, singularValueDecomposition, type Objective, type KernelBackend } from '@jepa-dynamics/core';
import { initialNetwork, type Initialization } from '../model/initialNetwork.js';
import type { Covariances, Network } from '../model/types.js';
import { validateCovariances } from '../model/validateCovariances.js';
import { createGaussianSource } from '../random/gaussianSource.js';
import { sampleViews, validateGenerativeModel, type GenerativeModel } from '../generative/generativeModel.js';
import { createTrainingKernel, kernelCapacity } from './trainingKernel.js';
import { networkLoss } from './networkLoss.js';

/**
 * Finite-sample training: a data set of `samples` pairs is drawn once from
 * `model` with {@link createGaussianSource}`(seed)` ({@link sampleViews}); each step
 * uses the empirical second moments (`XᵀX/B`, `YᵀX/B`, uncentred, as MATH.md's Σ
 * are) of a minibatch of `batchSize` consecutive samples, cycling through the data
 * set in order (samples are i.i.d., so the order is already random). With
 * `batchSize` = `samples` (the default) this is full-batch gradient descent on the
 * empirical risk.
 */
export interface SampleOptions {
  model: GenerativeModel;
  samples: number;
  seed: number;
  batchSize?: number;
}

/** What to measure every recorded step besides `wbar`, `modeStrength`, `predictor`. */
export interface MeasureOptions {
  /** Record the population loss (default true). */
  loss?: boolean;
  /** Record singular values of W̄ and V (default false; O(d³) per record). */
  singularValues?: boolean;
}

/**
 * Empirical critical times: per feature, the first step k at which its strength
 * reaches `fraction · targets[i]`, reported as t = kη. Checked at every step.
 * `measure`: `'diagonal'` (default) the feature-basis entry `w̄_i = (RᵀW̄)_ii`;
 * `'columnNorm'` the rotation-invariant `‖W̄ e_i‖` (use it with random init).
 */
export interface CriticalTimeOptions {
  /** `w̄∞` per feature (e.g. `fixedPoint(feature, objective, depth).wbar` from `@jepa-dynamics/ode`). */
  targets: ArrayLike<number>;
  /** p in (0, 1]; default ½. */
  fraction?: number;
  measure?: 'diagonal' | 'columnNorm';
}

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
  /** Called with the step count every `progressEvery` steps (default ⌈K/100⌉). */
  onProgress?: (step: number, steps: number) => void;
  progressEvery?: number;
}

/** The outcome of {@link train}. All times are gradient-flow time t = kη. */
export interface TrainResult {
  /** `'completed'`: all K steps ran; `'diverged'`: stopped at `stoppedAt` with non-finite weights. */
  status: 'completed' | 'diverged';
  /** One sentence on how the run ended. */
  message: string;
  /** Steps actually taken (K when completed). */
  stoppedAt: number;
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
 * Trains by `θ ← θ − η∇θ` for K steps and records measurements.
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
  if (objective !== 'jepa' && objective !== 'mae') throw new InvalidArgumentError(where, 'objective', 'must be "jepa" or "mae"', objective);
  if (!Number.isSafeInteger(depth) || depth < 1) throw new InvalidArgumentError(where, 'depth', 'must be a positive integer', depth);
  if (!(Number.isFinite(eta) && eta > 0)) throw new InvalidArgumentError(where, 'learningRate', 'must be a positive finite number', eta);
  if (!Number.isSafeInteger(K) || K < 0) throw new InvalidArgumentError(where, 'steps', 'must be a non-negative integer', K);
  const tau = options.ema ?? 0;
  if (options.ema !== undefined) {
    if (objective !== 'jepa') throw new InvalidArgumentError(where, 'ema', 'only applies to the JEPA objective', options.ema);
    if (!(Number.isFinite(tau) && tau >= 0 && tau < 1)) throw new InvalidArgumentError(where, 'ema', 'must be in [0, 1)', tau);
  }
  const recordEvery = options.recordEvery ?? Math.max(1, Math.ceil(K / 100));
  if (!Number.isSafeInteger(recordEvery) || recordEvery < 1) throw new InvalidArgumentError(where, 'recordEvery', 'must be a positive integer', recordEvery);
  const recordAt = new Set<number>();
  (options.recordAt ?? []).forEach((s, i) => {
    if (!Number.isSafeInteger(s) || s < 0 || s > K) throw new InvalidArgumentError(where, `recordAt[${i}]`, `must be an integer step from 0 to steps = ${K}`, s);
    recordAt.add(s);
  });
  const maxRelativeChange = options.stepControl?.maxRelativeChange;
  if (maxRelativeChange !== undefined && !(Number.isFinite(maxRelativeChange) && maxRelativeChange > 0)) {
    throw new InvalidArgumentError(where, 'stepControl.maxRelativeChange', 'must be a positive finite number', maxRelativeChange);
  }
  const progressEvery = options.progressEvery ?? Math.max(1, Math.ceil(K / 100));
  if (!Number.isSafeInteger(progressEvery) || progressEvery < 1) throw new InvalidArgumentError(where, 'progressEvery', 'must be a positive integer', progressEvery);

  // population moments, or the data set
  const { covariances, data } = options;
  let d: number;
  let cov: Covariances;
  let dataX: Float64Array | null = null;
  let dataY: Float64Array | null = null;
  let n = 0;
  let batch = 0;
  if (covariances !== undefined && data === undefined) {
    cov = covariances;
    d = validateCovariances(cov, where);
  } else if (data !== undefined && covariances === undefined) {
    d = validateGenerativeModel(data.model, where);
    n = data.samples;
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(where, 'data.samples', 'must be a positive integer', n);
    batch = data.batchSize ?? n;
    if (!Number.isSafeInteger(batch) || batch < 1 || batch > n) throw new InvalidArgumentError(where, 'data.batchSize', `must be an integer from 1 to data.samples = ${n}`, batch);
    dataX = new Float64Array(n * d);
    dataY = new Float64Array(n * d);
    sampleViews(data.model, n, createGaussianSource(data.seed), dataX, dataY);
    cov = empiricalMoments(dataX, dataY, 0, n, d);
  } else {
    throw new InvalidArgumentError(where, 'covariances/data', 'exactly one of them must be given', data === undefined ? 'neither' : 'both');
  }
  const { network: start, basis } = initialNetwork(options.init, d, depth, objective);
  const basisIsIdentity = isIdentity(basis, d);

  const ct = options.criticalTimes;
  const p = ct?.fraction ?? 0.5;
  let thresholds: Float64Array | null = null;
  if (ct !== undefined) {
    if (ct.targets.length !== d) throw new InvalidArgumentError(where, 'criticalTimes.targets', `must have one entry per feature (${d})`, ct.targets.length);
    if (!(p > 0 && p <= 1)) throw new InvalidArgumentError(where, 'criticalTimes.fraction', 'must be in (0, 1]', p);
    thresholds = Float64Array.from(ct.targets, (x, i) => {
      if (!Number.isFinite(x)) throw new InvalidArgumentError(where, `criticalTimes.targets[${i}]`, 'must be finite', x);
      return p * x;
    });
  }
  const columnNormMeasure = ct?.measure === 'columnNorm';

  // workspace: kernel + (finite samples) the batch views and the data set
  const kind = dataX !== null ? 'full' : cov.kind;
  const useEma = options.ema !== undefined;
  const batchDoubles = dataX !== null && batch < n ? 2 * batch * d : 0;
  const ws = createMatrixWorkspace({
    capacity: kernelCapacity(d, depth, kind, useEma) + batchDoubles,
    largestMatrix: Math.max(d * d, batch * d),
    backend: options.backend ?? 'auto',
  });
  const kernel = createTrainingKernel(ws, objective, d, depth, kind, useEma);
  start.layers.forEach((w, a) => kernel.layers[a].set(w));
  kernel.predictor.set(start.predictor);
  if (kernel.targetLayers !== null) start.layers.forEach((w, a) => kernel.targetLayers?.[a].set(w));
  kernel.cov.sigmaXX.set(cov.sigmaXX);
  kernel.cov.sigmaYX.set(cov.sigmaYX);
  let batchX: Float64Array | null = null;
  let batchY: Float64Array | null = null;
  if (batchDoubles > 0) {
    batchX = ws.alloc(batch * d);
    batchY = ws.alloc(batch * d);
  }
  let cursor = 0;
  const loadBatch = (): void => {
    if (batchX === null || batchY === null || dataX === null || dataY === null) return;
    // consecutive samples, wrapping around the data set
    for (let r = 0; r < batch; r++) {
      const src = ((cursor + r) % n) * d;
      batchX.set(dataX.subarray(src, src + d), r * d);
      batchY.set(dataY.subarray(src, src + d), r * d);
    }
    cursor = (cursor + batch) % n;
    ws.matmulTransA(kernel.cov.sigmaXX, batchX, batchX, d, batch, d);
    ws.matmulTransA(kernel.cov.sigmaYX, batchY, batchX, d, batch, d);
    const inv = 1 / batch;
    for (let i = 0; i < d * d; i++) {
      kernel.cov.sigmaXX[i] *= inv;
      kernel.cov.sigmaYX[i] *= inv;
    }
  };

  // records
  const measure = { loss: options.measure?.loss ?? true, singularValues: options.measure?.singularValues ?? false };
  const rec: TrainResult = {
    status: 'completed',
    message: '',
    stoppedAt: 0,
    steps: [],
    t: [],
    wbar: Array.from({ length: d }, () => []),
    modeStrength: Array.from({ length: d }, () => []),
    predictor: Array.from({ length: d }, () => []),
    network: start,
    basis,
    covariances: cov,
    backend: ws.backend,
  };
  if (measure.loss) rec.loss = [];
  if (measure.singularValues) {
    rec.singularValues = [];
    rec.predictorSingularValues = [];
  }
  const crossedStep: (number | null)[] = new Array<number | null>(d).fill(null);
  const startedAbove = new Array<boolean>(d).fill(false);

  let time = 0; // Σ η_j: kη unless stepControl limited a step
  const wbar = kernel.wbar;
  /** `(RᵀW̄)_ii`, the feature-basis entry recorded as `wbar`. */
  const wbarDiagonal = (i: number): number => (basisIsIdentity ? wbar[i * d + i] : basisDiagonal(basis, wbar, d, i));
  const featureValue = (i: number): number => (columnNormMeasure ? columnNorm(wbar, d, i) : wbarDiagonal(i));
  const record = (k: number): void => {
    rec.steps.push(k);
    rec.t.push(time);
    const v = kernel.predictor;
    for (let i = 0; i < d; i++) {
      rec.wbar[i].push(wbarDiagonal(i));
      rec.modeStrength[i].push(columnNorm(wbar, d, i));
      rec.predictor[i].push(basisIsIdentity ? v[i * d + i] : predictorDiagonal(objective, basis, v, d, i));
    }
    if (rec.loss !== undefined) {
      const target = kernel.targetLayers !== null ? productOf(kernel.targetLayers, d) : undefined;
      rec.loss.push(networkLoss(snapshot(kernel.layers, kernel.predictor, d), cov, objective, target));
    }
    if (rec.singularValues !== undefined && rec.predictorSingularValues !== undefined) {
      rec.singularValues.push(Array.from(singularValueDecomposition(wbar, d).values));
      rec.predictorSingularValues.push(Array.from(singularValueDecomposition(v, d).values));
    }
  };

  let k = 0;
  const crossedTime: (number | null)[] = new Array<number | null>(d).fill(null);
  for (;;) {
    kernel.forward();
    // divergence check: O(d²), catches overflow and NaN within a step or two
    if (!Number.isFinite(entrySum(wbar, kernel.predictor, d * d))) {
      rec.status = 'diverged';
      rec.message = `train: diverged at step ${k} (t = ${time}): W̄ or V has non-finite entries; the learning rate ${eta} is likely too large for these covariances and this initialisation. Records up to step ${rec.steps.length > 0 ? rec.steps[rec.steps.length - 1] : 0} are kept.`;
      break;
    }
    if (k % recordEvery === 0 || k === K || recordAt.has(k)) record(k);
    if (thresholds !== null) {
      for (let i = 0; i < d; i++) {
        if (crossedStep[i] !== null || startedAbove[i]) continue;
        if (featureValue(i) >= thresholds[i]) {
          if (k === 0) startedAbove[i] = true;
          else {
            crossedStep[i] = k;
            crossedTime[i] = time;
          }
        }
      }
    }
    if (k === K) break;
    if (batchDoubles > 0) loadBatch();
    kernel.gradients();
    const etaK = maxRelativeChange === undefined ? eta : Math.min(eta, maxRelativeChange * relativeScale(kernel.layers, kernel.gradLayers, kernel.predictor, kernel.gradPredictor));
    kernel.update(etaK, tau);
    time = maxRelativeChange === undefined ? (k + 1) * eta : time + etaK;
    k++;
    if (options.onProgress !== undefined && k % progressEvery === 0) options.onProgress(k, K);
  }
  rec.stoppedAt = k;
  if (rec.status === 'completed') rec.message = `train: completed ${K} steps (t = ${time}).`;
  rec.network = snapshot(kernel.layers, kernel.predictor, d);
  if (thresholds !== null) {
    rec.criticalSteps = crossedStep;
    rec.criticalTimes = crossedTime;
  }
  return rec;
}

/**
 * Uncentred second moments `XᵀX/m`, `YᵀX/m`, `YᵀY/m` of rows [from, from + m) of two
 * row-major n×d sample matrices (sample r in row r), as full d×d matrices.
 * Kernel: inputs assumed valid. Cost: 3·m·d² multiply-adds.
 *
 * @param x - samples of view x, row-major.
 * @param y - samples of view y, row-major.
 * @param from - first row.
 * @param m - number of rows (≥ 1).
 * @param d - width.
 * @returns the moments as `{ kind: 'full', sigmaXX, sigmaYX, sigmaYY }`.
 * @example
 * ```ts
 * // d = 1, samples (x, y) = (1, 2) and (3, 4): E x² = 5, E yx = 7, E y² = 10
 * const m = empiricalMoments(Float64Array.of(1, 3), Float64Array.of(2, 4), 0, 2, 1);
 * m.kind;    // => 'full'
 * m.sigmaXX; // => Float64Array [5]
 * m.sigmaYX; // => Float64Array [7]
 * m.sigmaYY; // => Float64Array [10]
 * ```
 */
export function empiricalMoments(x: Float64Array, y: Float64Array, from: number, m: number, d: number): Covariances {
  const sxx = new Float64Array(d * d), syx = new Float64Array(d * d), syy = new Float64Array(d * d);
  for (let r = from; r < from + m; r++) {
    const o = r * d;
    for (let i = 0; i < d; i++) {
      const xi = x[o + i], yi = y[o + i];
      for (let j = 0; j < d; j++) {
        sxx[i * d + j] += xi * x[o + j];
        syx[i * d + j] += yi * x[o + j];
        syy[i * d + j] += yi * y[o + j];
      }
    }
  }
  for (let i = 0; i < d * d; i++) {
    sxx[i] /= m;
    syx[i] /= m;
    syy[i] /= m;
  }
  return { kind: 'full', sigmaXX: sxx, sigmaYX: syx, sigmaYY: syy };
}

/** Σ a_i + Σ b_i: finite exactly when no entry is NaN or ±∞ (barring an overflow of the sum, itself a divergence). */
function entrySum(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] + b[i];
  return s;
}

/** `min_θ ‖θ‖_F / ‖∇θ‖_F` over the layers and V (∞ when every gradient vanishes). */
function relativeScale(layers: Float64Array[], grads: Float64Array[], v: Float64Array, gv: Float64Array): number {
  let m = Number.POSITIVE_INFINITY;
  const ratio = (x: Float64Array, g: Float64Array): void => {
    let xx = 0, gg = 0;
    for (let i = 0; i < x.length; i++) {
      xx += x[i] * x[i];
      gg += g[i] * g[i];
    }
    if (gg > 0) m = Math.min(m, Math.sqrt(xx / gg));
  };
  layers.forEach((w, a) => ratio(w, grads[a]));
  ratio(v, gv);
  return m;
}

function isIdentity(m: Float64Array, d: number): boolean {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (m[i * d + j] !== (i === j ? 1 : 0)) return false;
  return true;
}

/** `(RᵀM)_ii = Σ_k R_ki M_ki`. */
function basisDiagonal(r: Float64Array, m: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += r[k * d + i] * m[k * d + i];
  return s;
}

/** JEPA `(RᵀVR)_ii`, MAE `(VR)_ii` (V maps the representation back to the input space). */
function predictorDiagonal(objective: Objective, r: Float64Array, v: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    let vr = 0; // (VR)_ki
    for (let j = 0; j < d; j++) vr += v[k * d + j] * r[j * d + i];
    s += objective === 'jepa' ? r[k * d + i] * vr : k === i ? vr : 0;
  }
  return s;
}

function columnNorm(m: Float64Array, d: number, i: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += m[k * d + i] * m[k * d + i];
  return Math.sqrt(s);
}

function snapshot(layers: Float64Array[], predictor: Float64Array, d: number): Network {
  return { d, layers: layers.map((w) => Float64Array.from(w)), predictor: Float64Array.from(predictor) };
}

function productOf(layers: Float64Array[], d: number): Float64Array {
  let p: Float64Array = Float64Array.from(layers[0]);
  for (let a = 1; a < layers.length; a++) {
    const q = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let kk = 0; kk < d; kk++) {
      const x = layers[a][i * d + kk];
      for (let j = 0; j < d; j++) q[i * d + j] += x * p[kk * d + j];
    }
    p = q;
  }
  return p;
}
