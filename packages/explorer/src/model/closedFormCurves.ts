/**
 * The curves w̄(t)/w̄∞ of the trajectory view, from the exact implicit solution t(u)
 * (docs/math.md §3, the evaluators of @jepa-dynamics/symbolic): the curve is drawn as the
 * points (t(u), u^L/w̄∞) for u on a grid from u0 = ε^{1/L} towards u∞, which needs no
 * inversion and no integration; only the end of the curve, at the panel's horizon, is found
 * by `closedFormTrajectory` of @jepa-dynamics/ode (the same closed form, inverted).
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import { closedFormTrajectory, fixedPoint, timeFactor } from '@jepa-dynamics/ode';
import type { CriticalTimeEntry, ClosedFormSetting, IndexedFeature } from './criticalTimeTable.js';
import { evaluatorFor } from './evaluatorFor.js';

/** One feature's curve in one panel. */
export interface FeatureCurve {
  row: number;
  /** Times in the unit shown, increasing from 0 to the panel's horizon. */
  t: Float64Array;
  /** `w̄(t)/w̄∞` at those times. */
  y: Float64Array;
}

/** One objective's panel. */
export interface CurvePanel {
  objective: Objective;
  /** Right end of the time axis: 1.5 × the largest critical time (Figure 2's convention). */
  horizon: number;
  /** Curves of the features that have one. */
  curves: FeatureCurve[];
  /** Rows without a closed-form curve, each with the reason. */
  missing: { row: number; message: string }[];
}

/**
 * The grid of w̄/w̄∞ values: logarithmic from the start to 0.02 (the plateau), linear
 * through the transition, and 1 − (logarithmic) towards 1 (the approach to w̄∞).
 */
function levels(start: number): number[] {
  const out: number[] = [start];
  const low = 0.02;
  if (start < low) {
    const n = 24;
    for (let k = 1; k <= n; k++) out.push(start * Math.pow(low / start, k / n));
  }
  for (let k = 1; k <= 96; k++) {
    const y = low + ((0.98 - low) * k) / 96;
    if (y > start) out.push(y);
  }
  for (let k = 1; k <= 24; k++) {
    const y = 1 - 0.02 * Math.pow(1e-5, k / 24);
    if (y > start) out.push(y);
  }
  return out;
}

/** The closed form of one feature's flow, or why there is none to draw. */
export type ClosedFormFlow =
  { ok: true; u0: number; uInfinity: number; wbarInfinity: number; tOfU: (u: number) => number } | { ok: false; message: string };

/**
 * The closed form t(u) of one feature (gradient-flow time), when its start lies below its
 * fixed point (ρ > 0, ε < w̄∞).
 * @param feature - the feature.
 * @param objective - JEPA or MAE.
 * @param depth - L.
 * @param epsilon - ε.
 * @returns the closed form, or the reason there is none.
 */
export function closedFormFlow(feature: IndexedFeature['feature'], objective: Objective, depth: number, epsilon: number): ClosedFormFlow {
  const { u: uInfinity, wbar: wbarInfinity } = fixedPoint(feature, objective, depth);
  if (!(feature.rho > 0)) return { ok: false, message: `ρ = ${feature.rho} ≤ 0: w̄ decays to 0 (w̄∞ = 0, nothing to normalize by).` };
  const u0 = Math.pow(epsilon, 1 / depth);
  if (!(u0 < uInfinity))
    return {
      ok: false,
      message: `ε = ${epsilon} is not below w̄∞ = ${wbarInfinity}: the curve falls towards w̄∞ (integrate the ODE to see it).`,
    };
  const evaluator = evaluatorFor(objective, depth);
  const { lambda, rho } = feature;
  return { ok: true, u0, uInfinity, wbarInfinity, tOfU: (u) => evaluator.tOfU(u, lambda, rho, epsilon) };
}

/**
 * The panels of the trajectory view, one per objective. Cost: about 150 evaluations of t(u)
 * per curve, O(L) each, and one inversion (about 55 evaluations) for its end.
 * @param features - the valid rows.
 * @param table - their critical times ({@link criticalTimeTable}), which fix each panel's horizon.
 * @param setting - objectives, depth, ε, time unit.
 * @returns one panel per objective.
 */
export function closedFormCurves(
  features: readonly IndexedFeature[],
  table: readonly CriticalTimeEntry[],
  setting: ClosedFormSetting,
): CurvePanel[] {
  const { depth, epsilon, timeUnit } = setting;
  const scale = timeFactor(timeUnit, depth);
  return setting.objectives.map((objective) => {
    const times = table.filter((e) => e.objective === objective && e.exact !== null).map((e) => e.exact ?? 0);
    // no critical time at all: a horizon of one time unit, so the axis is still drawn
    const horizon = times.length > 0 ? 1.5 * Math.max(...times) || 1 : 1;
    const curves: FeatureCurve[] = [];
    const missing: { row: number; message: string }[] = [];
    for (const { row, feature } of features) {
      const flow = closedFormFlow(feature, objective, depth, epsilon);
      if (!flow.ok) {
        missing.push({ row, message: flow.message });
        continue;
      }
      const { u0, uInfinity, wbarInfinity, tOfU } = flow;
      const t: number[] = [0];
      const y: number[] = [Math.pow(u0, depth) / wbarInfinity];
      for (const level of levels(y[0]).slice(1)) {
        const u = Math.pow(level * wbarInfinity, 1 / depth);
        if (!(u > u0 && u < uInfinity)) continue;
        const time = scale * tOfU(u);
        if (!(time < horizon)) break;
        if (time > t[t.length - 1]) {
          t.push(time);
          y.push(level);
        }
      }
      // the curve ends on the horizon, at the exact value there
      t.push(horizon);
      y.push(closedFormTrajectory(feature, { objective, depth, epsilon, times: [horizon], timeUnit }).wbar[0] / wbarInfinity);
      curves.push({ row, t: Float64Array.from(t), y: Float64Array.from(y) });
    }
    return { objective, horizon, curves, missing };
  });
}
