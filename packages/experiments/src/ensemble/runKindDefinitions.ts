/**
 * The registry of run kinds.
 *
 * @module
 */
import { criticalTimeRun } from './criticalTimeRun.js';
import { matrixFlowRun } from './matrixFlowRun.js';
import { modeTrainingRun } from './modeTrainingRun.js';
import type { RunKindDefinition } from './runKind.js';
import type { RunKind, RunResultByKind, RunSettingsByKind } from './runSpec.js';
import { trainingRun } from './trainingRun.js';
import { trajectoryRun } from './trajectoryRun.js';

/**
 * Every run kind's definition (settings and their rules, computation, columns), keyed by
 * kind: the one table from which validation, execution, sweep commands and documentation
 * derive. A new kind is one file and one entry here.
 *
 * @example
 * ```ts
 * RUN_KIND_DEFINITIONS.training.command; // => "simulate"
 * Object.keys(RUN_KIND_DEFINITIONS['critical-time'].settings).slice(0, 3); // => ["objective", "depth", "lambda"]
 * ```
 */
export const RUN_KIND_DEFINITIONS: { readonly [K in RunKind]: RunKindDefinition<RunSettingsByKind[K], RunResultByKind[K]> } = {
  'critical-time': criticalTimeRun,
  trajectory: trajectoryRun,
  training: trainingRun,
  'matrix-flow': matrixFlowRun,
  'mode-training': modeTrainingRun,
};
