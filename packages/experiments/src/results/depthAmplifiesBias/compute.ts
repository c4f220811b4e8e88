/**
 * Computation of result 2: exact critical times t* against ρ (docs/math.md §3), their
 * spread t*(ρ_min)/t*(ρ_max), and each curve relative to its value at ρ_max.
 * @module
 */
import { criticalTimes, type Objective } from '@jepa-dynamics/ode';
import { logGrid } from '../../arrange/grids.js';
import { timeOrNull } from '../../arrange/timeOrNull.js';
import type { Progress } from '../../progress.js';
import type { DepthAmplifiesBiasSettings } from './setting.js';

/** One curve: t*(ρ) at one depth under one objective. */
export interface DepthBiasCurve {
  objective: Objective;
  depth: number;
  /** The ρ grid (λ fixed). */
  rho: number[];
  /** Exact t*_p at each ρ (gradient-flow time), `null` where none. */
  criticalTime: (number | null)[];
  /** t*(ρ_min) / t*(ρ_max): how much slower the least influential feature is. */
  spread: number | null;
  /** t*(ρ) / t*(ρ_max) at each ρ, `null` where either is missing. */
  relativeToRhoMax: (number | null)[];
}

/** Result 2's data: the settings and one curve per objective and depth (objective-major). */
export interface DepthAmplifiesBiasData {
  settings: DepthAmplifiesBiasSettings;
  curves: DepthBiasCurve[];
}

/**
 * Computes result 2. Cost: one closed-form critical time per (objective, depth, ρ).
 * @param settings - see {@link DepthAmplifiesBiasSettings}.
 * @param progress - called after each curve.
 * @returns the curves, objective-major.
 * @throws `InvalidArgumentError` (@jepa-dynamics/ode) for invalid settings.
 */
export async function computeDepthAmplifiesBias(
  settings: DepthAmplifiesBiasSettings,
  progress?: Progress,
): Promise<DepthAmplifiesBiasData> {
  const { lambda, epsilon, fraction, rhoMin, rhoMax, depths } = settings;
  const rho = logGrid(rhoMin, rhoMax, settings.rhoPoints);
  const curves: DepthBiasCurve[] = [];
  for (const objective of settings.objectives) {
    for (const depth of depths) {
      const t = criticalTimes(
        rho.map((r) => ({ lambda, rho: r })),
        { objective, depth, epsilon, fraction, method: 'exact' },
      ).map(timeOrNull);
      const first = t[0];
      const last = t[t.length - 1];
      curves.push({
        objective,
        depth,
        rho,
        criticalTime: t,
        spread: first !== null && last !== null ? first / last : null,
        relativeToRhoMax: t.map((tk) => (tk !== null && last !== null ? tk / last : null)),
      });
      await progress?.(`${objective} L=${depth}`);
    }
  }
  return { settings, curves };
}
