/**
 * The messages between the page and the training worker (structured clones, plain data).
 * @module
 */
import type { FeatureInput } from '@jepa-dynamics/ode';
import type { InitializationKind, KernelBackend, Objective } from '@jepa-dynamics/core';

/** The page asks for one training run. */
export interface TrainRequest {
  type: 'train';
  /** Echoed in every answer, so answers of an abandoned run are recognised. */
  id: number;
  objective: Objective;
  depth: number;
  epsilon: number;
  fraction: number;
  /** The features, then `width − features.length` directions without signal (σ² = 1, λ = 0). */
  features: FeatureInput[];
  width: number;
  init: InitializationKind;
  learningRate: number;
  steps: number;
  seed: number;
}

/** Steps done so far. */
export interface TrainProgress {
  type: 'progress';
  id: number;
  step: number;
  steps: number;
}

/** The run's outcome (gradient-flow time t = kη throughout). */
export interface TrainOutcome {
  type: 'result';
  id: number;
  /** `'completed'` or `'diverged'` (with what was recorded up to there). */
  status: 'completed' | 'diverged';
  message: string;
  /** Steps actually taken. */
  stoppedAt: number;
  /** Which matrix-product kernel ran (`'wasm'` when WebAssembly SIMD was allowed). */
  backend: KernelBackend;
  /** What `wbar` measures: the diagonal of RᵀW̄ (aligned, rotated) or column norms (random). */
  measure: 'diagonal' | 'columnNorm';
  t: number[];
  /** `wbar[i][k]`: feature i (the table's valid features only) at `t[k]`. */
  wbar: number[][];
  /** The per-feature ODE at the same times. */
  ode: number[][];
  /** max over features and records of |wbar − ode|, and per feature. */
  maxDeviation: number;
  perFeatureDeviation: number[];
  /** Per feature: the first recorded crossing of p·w̄∞ (simulated) and the exact t*_p (predicted). */
  criticalTimes: { simulated: (number | null)[]; predicted: (number | null)[] };
  /** Learning orders by those times (0-based indices into `features`). */
  order: { simulated: number[]; predicted: number[] };
  /** Wall-clock milliseconds of the run inside the worker. */
  elapsedMs: number;
}

/** The run was refused (invalid settings) or failed. */
export interface TrainFailure {
  type: 'error';
  id: number;
  message: string;
}

/** Anything the worker sends. */
export type TrainingWorkerMessage = TrainProgress | TrainOutcome | TrainFailure;
