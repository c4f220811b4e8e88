/**
 * The ODE on demand: each feature's per-layer gradient flow (docs/math.md §2) integrated by
 * `flowTrajectory` of @jepa-dynamics/ode from u(0) = ε^{1/L}, on the panel's time grid, and
 * its distance from the closed form. The page loads this module (and the solver) only when
 * asked to integrate.
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import { closedFormTrajectory, fixedPoint, flowTrajectory } from '@jepa-dynamics/ode';
import { closedFormFlow } from './closedFormCurves.js';
import type { ClosedFormSetting, IndexedFeature } from './criticalTimeTable.js';

/** Relative tolerance of the integrations (the solver's default is 1e-10; the overlay is checked against the closed form). */
export const ODE_RTOL = 1e-10;

/** One feature's integrated curve. */
export interface OdeCurve {
  row: number;
  /** `w̄(t)/w̄∞` from the ODE at the panel's times, or null where the integration failed. */
  y: Float64Array | null;
  /** max over the times of |ODE − closed form| in w̄/w̄∞ (null without a closed form or on failure). */
  deviation: number | null;
  /** Accepted steps of the integrator. */
  steps: number;
  /** Why the integration stopped early, if it did. */
  message: string;
}

/** One panel's overlay. */
export interface OdeOverlay {
  objective: Objective;
  /** The output times in the unit shown. */
  t: Float64Array;
  curves: OdeCurve[];
  /** Largest deviation over the panel's curves. */
  maxDeviation: number;
  elapsedMs: number;
}

/**
 * Integrates every feature of one panel. Cost: one adaptive DOP853 integration (switching to
 * RODAS4 if it turns stiff near w̄∞) per feature, rtol {@link ODE_RTOL}.
 * @param features - the valid rows.
 * @param objective - the panel's objective.
 * @param setting - depth, ε, time unit.
 * @param horizon - the panel's last time, in the unit shown.
 * @param points - number of output times (default 121).
 * @returns the overlay.
 */
export function odeOverlay(
  features: readonly IndexedFeature[],
  objective: Objective,
  setting: ClosedFormSetting,
  horizon: number,
  points = 121,
): OdeOverlay {
  const start = performance.now();
  const { depth, epsilon, timeUnit } = setting;
  const t = Float64Array.from({ length: points }, (_, k) => (horizon * k) / (points - 1));
  let maxDeviation = 0;
  const curves = features.map(({ row, feature }): OdeCurve => {
    const flow = closedFormFlow(feature, objective, depth, epsilon);
    // a feature that starts above w̄∞ has no closed-form curve but a normalizable ODE curve; ρ ≤ 0 has w̄∞ = 0
    const wbarInfinity = fixedPoint(feature, objective, depth).wbar;
    try {
      const r = flowTrajectory(feature, { objective, depth, epsilon, times: t, timeUnit, rtol: ODE_RTOL });
      const y = r.wbar.map((w) => w / wbarInfinity);
      let deviation: number | null = null;
      if (flow.ok) {
        deviation = 0;
        const exact = closedFormTrajectory(feature, { objective, depth, epsilon, times: t, timeUnit }).wbar;
        for (let k = 0; k < points; k++) deviation = Math.max(deviation, Math.abs(y[k] - exact[k] / wbarInfinity));
        maxDeviation = Math.max(maxDeviation, deviation);
      }
      return { row, y: wbarInfinity > 0 ? y : null, deviation, steps: r.stats.naccepted, message: '' };
    } catch (error) {
      return { row, y: null, deviation: null, steps: 0, message: error instanceof Error ? error.message : String(error) };
    }
  });
  return { objective, t, curves, maxDeviation, elapsedMs: performance.now() - start };
}
