/**
 * Train on independent features and compare with the per-feature gradient flow:
 * the one call behind `jepa-dynamics simulate`.
 * @module
 */
import {
  INITIALIZATION_KINDS,
  InvalidArgumentError,
  validateChoice,
  type InitializationKind,
  type Objective,
  type KernelBackend,
  type ProductTeam,
} from '@jepa-dynamics/core';
import { criticalTimes, fixedPoint, resolveFeature, type FeatureInput } from '@jepa-dynamics/ode';
import type { Initialization } from '../model/initialNetwork.js';
import type { GenerativeModel } from '../generative/generativeModel.js';
import type { CriticalTimeOptions } from '../training/crossingDetector.js';
import { train, type TrainResult } from '../training/train.js';
import { flowReference } from './flowReference.js';
import { orderByCriticalTime, type CriticalTimeOrder } from './orderByCriticalTime.js';
import { trajectoryDeviation, type TrajectoryDeviation } from './trajectoryDeviation.js';

/** Options of {@link simulateFeatures}. */
export interface SimulateFeaturesOptions {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** The features (any two of σ², λ, ρ each): `Σxx = Σyy = diag(σ²)`, `Σyx = diag(λ)`; width d = their number. */
  features: readonly FeatureInput[];
  /** Initialisation scale ε > 0 (`w̄(0) = ε` for aligned inits). */
  epsilon: number;
  /** Learning rate η > 0. */
  learningRate: number;
  /** Steps K. */
  steps: number;
  /** `'aligned'` (default), `'rotated'` or `'random'` (see {@link Initialization}). */
  init?: InitializationKind;
  /** Seed of the random init (stream `seed`) and of the samples (stream `seed + 1 mod 2³²`); default 0. */
  seed?: number;
  /**
   * Train on this many samples of the static generative model with these
   * features (`s = λ`, `γ² = σ² − λ`; needs 0 < ρ ≤ 1) instead of the population moments.
   */
  samples?: number;
  /** Minibatch size with `samples` (default: all samples). */
  batchSize?: number;
  /** JEPA EMA target rate τ (see {@link TrainOptions.ema}). The ODE reference is the StopGrad flow regardless. */
  ema?: number;
  /** Record every this many steps; default ⌈K/100⌉. */
  recordEvery?: number;
  /** Also record at these steps. */
  recordAt?: readonly number[];
  /** Step-size control (see {@link TrainOptions.stepControl}); default constant η. */
  stepControl?: { maxRelativeChange: number };
  /** Fraction p of the critical times; default ½. */
  fraction?: number;
  /**
   * Per-feature strength compared with the ODE: `'diagonal'` `w̄_i = (RᵀW̄)_ii`
   * (default for aligned and rotated init) or `'columnNorm'` `‖W̄e_i‖` (default for random init,
   * where the diagonal has no meaning).
   */
  measure?: CriticalTimeOptions['measure'];
  /** Also record singular values of W̄ and V. */
  singularValues?: boolean;
  backend?: KernelBackend | 'auto';
  /** Helper threads for the large products; see `TrainOptions.team`. */
  team?: ProductTeam;
  onProgress?: (step: number, steps: number) => void;
  progressEvery?: number;
}

/** Result of {@link simulateFeatures}; all times gradient-flow time t = kη. */
export interface SimulateFeaturesResult {
  /** The full training record. */
  train: TrainResult;
  /** Which strength `wbar` holds. */
  measure: NonNullable<CriticalTimeOptions['measure']>;
  /** Recorded times. */
  t: number[];
  /** `wbar[i][k]`: simulated strength of feature i at `t[k]`. */
  wbar: number[][];
  /** `ode[i][k]`: the per-feature gradient flow's `w̄_i(t[k])` from ε ({@link flowReference}). */
  ode: number[][];
  /** Simulated vs ODE: maximum and per-feature deviation over the recorded times. */
  deviation: TrajectoryDeviation;
  /** `w̄∞` per feature (JEPA ρ^L, MAE ρ^{L/(L+1)}). */
  fixedPoints: number[];
  /** Per feature: first step time where the strength reaches p·w̄∞ (simulated), and the exact formula's t*_p; null when none. */
  criticalTimes: { simulated: (number | null)[]; predicted: (number | null)[] };
  /** Learning orders by those critical times. */
  order: { simulated: CriticalTimeOrder; predicted: CriticalTimeOrder };
}

/**
 * Trains a deep linear network on independent features ({@link train}) and
 * compares it with the per-feature ODE of `@jepa-dynamics/ode` ({@link flowReference},
 * `criticalTimes` by the exact formula): trajectories at the recorded times, critical times, learning order.
 * A diverging run keeps what it recorded (`train.status === 'diverged'`); the
 * comparison covers those records.
 *
 * @param options - see {@link SimulateFeaturesOptions}.
 * @throws InvalidArgumentError for invalid input (also features unusable with `samples`).
 * @returns the comparison.
 * @example
 * ```ts
 * const r = simulateFeatures({ objective: 'mae', depth: 1, features: [{ lambda: 1, rho: 1 }], epsilon: 0.5, learningRate: 0.01, steps: 100 });
 * r.deviation.max < 0.01; // => true (first-order in η)
 * ```
 */
export function simulateFeatures(options: SimulateFeaturesOptions): SimulateFeaturesResult {
  const where = 'simulateFeatures';
  const { objective, depth, epsilon } = options;
  if (!Array.isArray(options.features) || options.features.length === 0)
    throw new InvalidArgumentError(where, 'features', 'must be a non-empty array', options.features);
  const features = options.features.map((f, i) => resolveFeature(f, `${where}: features[${i}]`));
  const seed = options.seed ?? 0;
  const initKind = validateChoice(where, 'init', options.init ?? 'aligned', INITIALIZATION_KINDS);
  let init: Initialization;
  switch (initKind) {
    case 'aligned':
      init = { kind: 'aligned', epsilon };
      break;
    case 'rotated':
    case 'random':
      init = { kind: initKind, epsilon, seed };
      break;
    default: {
      const never: never = initKind;
      return never;
    }
  }
  const measure = options.measure ?? (initKind === 'random' ? 'columnNorm' : 'diagonal');
  const fixedPoints = features.map((f) => fixedPoint(f, objective, depth).wbar);
  let data: { model: GenerativeModel; samples: number; seed: number; batchSize?: number } | undefined;
  if (options.samples !== undefined) {
    features.forEach((f, i) => {
      if (!(f.rho > 0 && f.rho <= 1)) {
        throw new InvalidArgumentError(
          where,
          `features[${i}].rho`,
          'must be in (0, 1] to be sampled from the static generative model (λ = s, σ² = s + γ²)',
          f.rho,
        );
      }
    });
    const model: GenerativeModel = {
      kind: 'static',
      signalVariance: features.map((f) => f.lambda),
      noiseVariance: features.map((f) => Math.max(0, f.sigma2 - f.lambda)),
    };
    data = { model, samples: options.samples, seed: (seed + 1) % 2 ** 32, batchSize: options.batchSize };
  }
  const result = train({
    objective,
    depth,
    init,
    learningRate: options.learningRate,
    steps: options.steps,
    ema: options.ema,
    recordEvery: options.recordEvery,
    recordAt: options.recordAt,
    stepControl: options.stepControl,
    backend: options.backend,
    team: options.team,
    onProgress: options.onProgress,
    progressEvery: options.progressEvery,
    measure: { loss: true, singularValues: options.singularValues ?? false },
    criticalTimes: { targets: fixedPoints, fraction: options.fraction ?? 0.5, measure },
    ...(data !== undefined
      ? { data }
      : {
          covariances: {
            kind: 'diagonal',
            sigmaXX: Float64Array.from(features, (f) => f.sigma2),
            sigmaYX: Float64Array.from(features, (f) => f.lambda),
          },
        }),
  });
  const wbar = measure === 'diagonal' ? result.wbar : result.modeStrength;
  const ode = flowReference(features, { objective, depth, epsilon, times: result.t });
  const predicted = criticalTimes(features, { objective, depth, epsilon, fraction: options.fraction ?? 0.5 }).map((r) =>
    r.exists ? r.t : null,
  );
  const simulated = result.criticalTimes ?? features.map(() => null);
  return {
    train: result,
    measure,
    t: result.t,
    wbar,
    ode,
    deviation: trajectoryDeviation(wbar, ode),
    fixedPoints,
    criticalTimes: { simulated, predicted },
    order: { simulated: orderByCriticalTime(simulated), predicted: orderByCriticalTime(predicted) },
  };
}
