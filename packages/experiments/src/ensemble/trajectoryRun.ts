/**
 * The run kind `trajectory`: the gradient-flow trajectories w̄_i(t) of features (`jepa-dynamics solve`).
 *
 * @module
 */
import { FORMULATIONS, OBJECTIVES, TIME_UNITS, type Formulation, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import { flowTrajectories, solverMethods, type Method } from '@jepa-dynamics/ode';
import { FEATURE_SETTING_RULES, featureColumns, runFeatures, type FeatureSettings } from './featureSettings.js';
import { jsonNumbers } from './jsonNumber.js';
import type { Cell, RunKindDefinition } from './runKind.js';
import { choiceRule, integerRule, positiveRule } from './settingRule.js';

/** Settings of a `trajectory` run: the flags of `jepa-dynamics solve` (without `--coupled`), plus `features`. */
export interface TrajectoryRunSettings extends FeatureSettings {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0. */
  epsilon: number;
  /** End time T > 0 (in the `time` unit). */
  tEnd: number;
  /** Output times from 0 to T, evenly spaced; default 101. */
  points?: number;
  /** Integrator; default `'dop853'`. */
  method?: Method;
  /** Default `'per-layer'`. */
  formulation?: Formulation;
  /** Default `'gradient-flow'`. */
  time?: TimeUnit;
  /** Relative tolerance; default 1e-10. */
  rtol?: number;
}

/** Result of a `trajectory` run. */
export interface TrajectoryRunResult {
  /** Output times. */
  t: (number | null)[];
  /** `wbar[i][k]`: feature i at `t[k]`. */
  wbar: (number | null)[][];
}

/** The `trajectory` run kind (`RUN_KIND_DEFINITIONS.trajectory`). */
export const trajectoryRun: RunKindDefinition<TrajectoryRunSettings, TrajectoryRunResult> = {
  command: 'solve',
  description: 'trajectories w̄_i(t) of the per-feature gradient flow (flowTrajectories of @jepa-dynamics/ode; docs/math.md §2)',
  resultColumns: ['wbarEnd'],
  settings: {
    objective: choiceRule('jepa or mae', OBJECTIVES, true),
    depth: integerRule('encoder depth L, integer ≥ 1', 1, undefined, true),
    ...FEATURE_SETTING_RULES,
    epsilon: positiveRule('initialisation scale ε > 0', true),
    tEnd: positiveRule('end time T > 0', true),
    points: integerRule('output times from 0 to T, integer from 2 to 100000 (default 101)', 2, 100_000),
    method: choiceRule(
      'integrator (default dop853)',
      solverMethods().map((m) => m.name),
    ),
    formulation: choiceRule('per-layer (default), end-to-end or layerwise', FORMULATIONS),
    time: choiceRule('gradient-flow (default) or paper (τ = L t)', TIME_UNITS),
    rtol: positiveRule('relative tolerance (default 1e-10)'),
  },
  checkTogether(where, settings) {
    runFeatures(where, settings);
  },
  execute(settings) {
    const r = flowTrajectories(runFeatures('trajectory run', settings), {
      objective: settings.objective,
      depth: settings.depth,
      epsilon: settings.epsilon,
      tEnd: settings.tEnd,
      points: settings.points ?? 101,
      method: settings.method ?? 'dop853',
      formulation: settings.formulation ?? 'per-layer',
      timeUnit: settings.time ?? 'gradient-flow',
      rtol: settings.rtol ?? 1e-10,
    });
    return { t: jsonNumbers(r.t), wbar: r.wbar.map(jsonNumbers) };
  },
  columns(_settings, result) {
    const cells: Record<string, Cell> = {};
    featureColumns('wbarEnd', result.wbar.length).forEach((c, i) => (cells[c] = result.wbar[i].at(-1) ?? null));
    return cells;
  },
};
