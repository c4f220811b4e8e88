/**
 * A run of an ensemble as data: its kind and its settings.
 *
 * @module
 */
import type { CriticalTimeRunResult, CriticalTimeRunSettings } from './criticalTimeRun.js';
import type { MatrixFlowRunResult, MatrixFlowRunSettings } from './matrixFlowRun.js';
import type { ModeTrainingRunResult, ModeTrainingRunSettings } from './modeTrainingRun.js';
import type { TrainingRunResult, TrainingRunSettings } from './trainingRun.js';
import type { TrajectoryRunResult, TrajectoryRunSettings } from './trajectoryRun.js';

/**
 * The kinds of run an ensemble can hold, each a computation of the library packages:
 * - `'critical-time'`: critical times t*_p (`jepa-dynamics critical-time`);
 * - `'trajectory'`: gradient-flow trajectories w̄_i(t) (`jepa-dynamics solve`);
 * - `'training'`: gradient descent on the network compared with the ODE (`jepa-dynamics simulate`);
 * - `'matrix-flow'`: the full matrix gradient flow (singular values of W̄ over time);
 * - `'mode-training'`: gradient descent on full covariances read in the modes of Σyx v = ρ Σxx v
 *   (`jepa-dynamics simulate --covariances`; sweeps name it `simulate-modes`).
 *
 * @example
 * ```ts
 * RUN_KINDS; // => ["critical-time", "trajectory", "training", "matrix-flow", "mode-training"]
 * ```
 */
export const RUN_KINDS = ['critical-time', 'trajectory', 'training', 'matrix-flow', 'mode-training'] as const;

/** One of {@link RUN_KINDS}. */
export type RunKind = (typeof RUN_KINDS)[number];

/** The settings of each run kind. */
export interface RunSettingsByKind {
  'critical-time': CriticalTimeRunSettings;
  trajectory: TrajectoryRunSettings;
  training: TrainingRunSettings;
  'matrix-flow': MatrixFlowRunSettings;
  'mode-training': ModeTrainingRunSettings;
}

/** The result of each run kind. */
export interface RunResultByKind {
  'critical-time': CriticalTimeRunResult;
  trajectory: TrajectoryRunResult;
  training: TrainingRunResult;
  'matrix-flow': MatrixFlowRunResult;
  'mode-training': ModeTrainingRunResult;
}

/**
 * One run as data, never code: `{ kind, settings }`, the settings being JSON (numbers,
 * strings, booleans, arrays, objects) named like the flags of the command the kind
 * corresponds to. Deterministic: the same spec (seed included) gives the same result on
 * any executor. Check one with `validateRunSpec`.
 */
export type RunSpec = { [K in RunKind]: { readonly kind: K; readonly settings: RunSettingsByKind[K] } }[RunKind];

/** What any run returns: the result of its kind (JSON data; non-finite numbers as null). */
export type RunResult = RunResultByKind[RunKind];
