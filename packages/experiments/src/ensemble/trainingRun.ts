/**
 * The run kind `training`: discrete gradient descent on a deep linear network, compared with
 * the per-feature ODE (`jepa-dynamics simulate`).
 *
 * @module
 */
import {
  INITIALIZATION_KINDS,
  InvalidArgumentError,
  KERNEL_BACKENDS,
  OBJECTIVES,
  type InitializationKind,
  type KernelBackend,
  type Objective,
} from '@jepa-dynamics/core';
import { simulateFeatures } from '@jepa-dynamics/sim';
import { FEATURE_SETTING_RULES, featureColumns, runFeatures, type FeatureSettings } from './featureSettings.js';
import { jsonNumber, jsonNumbers } from './jsonNumber.js';
import type { Cell, RunKindDefinition } from './runKind.js';
import { choiceRule, integerRule, positiveRule, unitIntervalRule } from './settingRule.js';

/** Settings of a `training` run: the flags of `jepa-dynamics simulate`, plus `features`. */
export interface TrainingRunSettings extends FeatureSettings {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0. */
  epsilon: number;
  /** Learning rate η > 0. */
  lr: number;
  /** Steps K ≥ 0. */
  steps: number;
  /** Default `'aligned'`. */
  init?: InitializationKind;
  /** Seed of the random init and the samples, 0 … 2³² − 1; default 0. */
  seed?: number;
  /** Train on this many samples of the static generative model (needs 0 < ρ ≤ 1). */
  samples?: number;
  /** Minibatch size with `samples`. */
  batchSize?: number;
  /** JEPA only: EMA target rate τ, 0 ≤ τ < 1. */
  ema?: number;
  /** Record every n steps; default ⌈K/100⌉. */
  recordEvery?: number;
  /** Fraction p of the critical times; default ½. */
  fraction?: number;
  /** Cap on each step's relative change of every matrix. */
  stepControl?: number;
  /** Matrix-product kernel (all give identical results); default `'auto'`. */
  backend?: KernelBackend | 'auto';
}

/** Result of a `training` run (all times gradient-flow time t = kη). */
export interface TrainingRunResult {
  /** `'completed'` or `'diverged'` (then the records end where the weights became non-finite). */
  status: 'completed' | 'diverged';
  /** Steps taken. */
  stoppedAt: number;
  /** Largest |w̄_sim − w̄_ode| over the recorded times and features. */
  maxDeviation: number | null;
  /** Per feature: the first recorded time at which w̄ reaches p·w̄∞ in training, null if never. */
  criticalTimesSimulated: (number | null)[];
  /** Per feature: the exact formula's t*_p, null where none. */
  criticalTimesPredicted: (number | null)[];
  /** Learning order in training (indices, earliest first), and the features never learned. */
  orderSimulated: { order: number[]; never: number[] };
  /** Learning order by the formula. */
  orderPredicted: { order: number[]; never: number[] };
  /** Recorded times. */
  t: (number | null)[];
  /** `wbar[i][k]`: feature i's strength at `t[k]` in training. */
  wbar: (number | null)[][];
}

/** The `training` run kind (`RUN_KIND_DEFINITIONS.training`). */
export const trainingRun: RunKindDefinition<TrainingRunSettings, TrainingRunResult> = {
  command: 'simulate',
  description:
    'trains the deep linear network by gradient descent and compares it with the per-feature ODE (simulateFeatures of @jepa-dynamics/sim)',
  resultColumns: ['status', 'stoppedAt', 'maxDeviation', 'tSimulated', 'tPredicted', 'orderSimulated', 'orderPredicted', 'orderAgrees'],
  settings: {
    objective: choiceRule('jepa or mae', OBJECTIVES, true),
    depth: integerRule('encoder depth L, integer ≥ 1', 1, undefined, true),
    ...FEATURE_SETTING_RULES,
    epsilon: positiveRule('initialisation scale ε > 0', true),
    lr: positiveRule('learning rate η > 0', true),
    steps: integerRule('number of steps K, integer ≥ 0', 0, undefined, true),
    init: choiceRule('aligned (default), rotated or random', INITIALIZATION_KINDS),
    seed: integerRule('seed of the random init and the samples, integer 0 … 4294967295 (default 0)', 0, 4294967295),
    samples: integerRule('train on N samples of the static generative model, integer ≥ 1', 1),
    batchSize: integerRule('minibatch size with samples, integer ≥ 1', 1),
    ema: unitIntervalRule('JEPA: EMA target rate τ, 0 ≤ τ < 1', '[0, 1)'),
    recordEvery: integerRule('record every n steps, integer ≥ 1', 1),
    fraction: unitIntervalRule('fraction p of w̄∞ for the critical times (default 0.5)', '(0, 1)'),
    stepControl: positiveRule('cap each step at this relative change of every matrix'),
    backend: choiceRule('matrix-product kernel: auto (default), wasm, js or reference', ['auto', ...KERNEL_BACKENDS]),
  },
  checkTogether(where, s) {
    runFeatures(where, s);
    if (s.batchSize !== undefined && s.samples === undefined)
      throw new InvalidArgumentError(where, 'settings.batchSize', 'needs samples', s.batchSize);
    if (s.batchSize !== undefined && s.samples !== undefined && s.batchSize > s.samples) {
      throw new InvalidArgumentError(where, 'settings.batchSize', `must be at most samples (${s.samples})`, s.batchSize);
    }
    if (s.ema !== undefined && s.objective !== 'jepa')
      throw new InvalidArgumentError(where, 'settings.ema', 'applies only to objective jepa', s.ema);
  },
  execute(s) {
    const r = simulateFeatures({
      objective: s.objective,
      depth: s.depth,
      features: runFeatures('training run', s),
      epsilon: s.epsilon,
      learningRate: s.lr,
      steps: s.steps,
      init: s.init ?? 'aligned',
      seed: s.seed ?? 0,
      samples: s.samples,
      batchSize: s.batchSize,
      ema: s.ema,
      recordEvery: s.recordEvery,
      fraction: s.fraction ?? 0.5,
      stepControl: s.stepControl === undefined ? undefined : { maxRelativeChange: s.stepControl },
      backend: s.backend ?? 'auto',
    });
    const nullable = (xs: readonly (number | null)[]): (number | null)[] => xs.map((x) => (x === null ? null : jsonNumber(x)));
    return {
      status: r.train.status,
      stoppedAt: r.train.stoppedAt,
      maxDeviation: jsonNumber(r.deviation.max),
      criticalTimesSimulated: nullable(r.criticalTimes.simulated),
      criticalTimesPredicted: nullable(r.criticalTimes.predicted),
      orderSimulated: { order: [...r.order.simulated.order], never: [...r.order.simulated.never] },
      orderPredicted: { order: [...r.order.predicted.order], never: [...r.order.predicted.never] },
      t: jsonNumbers(r.t),
      wbar: r.wbar.map(jsonNumbers),
    };
  },
  columns(_s, r) {
    const n = r.criticalTimesPredicted.length;
    const cells: Record<string, Cell> = { status: r.status, stoppedAt: r.stoppedAt, maxDeviation: r.maxDeviation };
    featureColumns('tSimulated', n).forEach((c, i) => (cells[c] = r.criticalTimesSimulated[i]));
    featureColumns('tPredicted', n).forEach((c, i) => (cells[c] = r.criticalTimesPredicted[i]));
    if (n > 1) {
      cells.orderSimulated = r.orderSimulated.order.join(' ');
      cells.orderPredicted = r.orderPredicted.order.join(' ');
      cells.orderAgrees = cells.orderSimulated === cells.orderPredicted;
    }
    return cells;
  },
};
