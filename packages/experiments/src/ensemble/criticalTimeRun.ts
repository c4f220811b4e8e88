/**
 * The run kind `critical-time`: the critical times t*_p of one or many features.
 *
 * @module
 */
import { OBJECTIVES, TIME_UNITS, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import {
  CRITICAL_TIME_STATUSES,
  criticalTimeBatch,
  criticalTimes,
  type CriticalTimeMethod,
  type CriticalTimeStatus,
} from '@jepa-dynamics/ode';
import { FEATURE_SETTING_RULES, featureColumns, runFeatures, type FeatureSettings } from './featureSettings.js';
import { jsonNumber } from './jsonNumber.js';
import type { Cell, RunKindDefinition } from './runKind.js';
import { choiceRule, integerRule, positiveRule, unitIntervalRule } from './settingRule.js';

/** Settings of a `critical-time` run: the flags of `jepa-dynamics critical-time`, plus `features`. */
export interface CriticalTimeRunSettings extends FeatureSettings {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0. */
  epsilon: number;
  /** Fraction p of w̄∞, 0 < p < 1; default ½. */
  fraction?: number;
  /** Default `'exact'`. */
  method?: CriticalTimeMethod;
  /** Unit of the times; default `'gradient-flow'`. */
  time?: TimeUnit;
}

/** Result of a `critical-time` run: per feature, in order. */
export interface CriticalTimeRunResult {
  /** t*_p in the requested unit, or null where there is none (see `status`). */
  t: (number | null)[];
  /** `'exists'`, why there is no critical time, or `'overflow'` (exact and leading-order methods: t* beyond the largest double). */
  status: CriticalTimeStatus[];
  /** `u*`, null where there is no critical time. */
  uStar: (number | null)[];
  /** Indices of the features with a critical time, earliest first (ties in index order). */
  order: number[];
}

const METHODS = ['exact', 'ode', 'inverse-ode', 'leading-order'] as const;

/** The `critical-time` run kind (`RUN_KIND_DEFINITIONS['critical-time']`). */
export const criticalTimeRun: RunKindDefinition<CriticalTimeRunSettings, CriticalTimeRunResult> = {
  command: 'critical-time',
  description: 'critical times t*_p of the features (criticalTime of @jepa-dynamics/ode; docs/math.md §3)',
  resultColumns: ['t', 'status', 'uStar', 'order'],
  settings: {
    objective: choiceRule('jepa or mae', OBJECTIVES, true),
    depth: integerRule('encoder depth L, integer ≥ 1', 1, undefined, true),
    ...FEATURE_SETTING_RULES,
    epsilon: positiveRule('initialisation scale ε > 0', true),
    fraction: unitIntervalRule('fraction p of w̄∞, 0 < p < 1 (default 0.5)', '(0, 1)'),
    method: choiceRule('exact, ode, inverse-ode or leading-order (default exact)', METHODS),
    time: choiceRule('gradient-flow (default) or paper (τ = L t)', TIME_UNITS),
  },
  checkTogether(where, settings) {
    runFeatures(where, settings);
  },
  execute(settings) {
    const features = runFeatures('critical-time run', settings);
    const method = settings.method ?? 'exact';
    const options = {
      objective: settings.objective,
      depth: settings.depth,
      epsilon: settings.epsilon,
      fraction: settings.fraction ?? 0.5,
      timeUnit: settings.time ?? 'gradient-flow',
    };
    let t: (number | null)[];
    let status: CriticalTimeStatus[];
    let uStar: (number | null)[];
    if (method === 'exact' || method === 'leading-order') {
      // batched (an overflowing t* is a status here, not an exception); all three moments, resolved as
      // criticalTime re-resolves a resolved feature (λ, ρ kept), so the bits are those of `jepa-dynamics critical-time`
      const columns = { sigma2: features.map((f) => f.sigma2), lambda: features.map((f) => f.lambda), rho: features.map((f) => f.rho) };
      const r = criticalTimeBatch(columns, { ...options, method });
      t = Array.from(r.t, jsonNumber);
      status = Array.from(r.status, (s) => CRITICAL_TIME_STATUSES[s]);
      uStar = Array.from(r.uStar, jsonNumber);
    } else {
      const r = criticalTimes(features, { ...options, method });
      t = r.map((x) => (x.exists ? jsonNumber(x.t) : null));
      status = r.map((x) => (x.exists ? 'exists' : x.reason));
      uStar = r.map((x) => (x.exists ? jsonNumber(x.uStar) : null));
    }
    const order = t.flatMap((x, i) => (x === null ? [] : [i])).sort((i, j) => (t[i] ?? 0) - (t[j] ?? 0) || i - j);
    return { t, status, uStar, order };
  },
  columns(_settings, result) {
    const n = result.t.length;
    const cells: Record<string, Cell> = {};
    featureColumns('t', n).forEach((c, i) => (cells[c] = result.t[i]));
    featureColumns('status', n).forEach((c, i) => (cells[c] = result.status[i]));
    featureColumns('uStar', n).forEach((c, i) => (cells[c] = result.uStar[i]));
    if (n > 1) cells.order = result.order.join(' ');
    return cells;
  },
};
