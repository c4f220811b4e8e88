/**
 * Computation of result 6: the relative error of the leading-order critical time of
 * docs/math.md §3 against the exact one, over ε and L.
 * @module
 */
import { criticalTime, type Objective } from '@jepa-dynamics/ode';
import { logGrid } from '../../arrange/grids.js';
import { timeOrNull } from '../../arrange/timeOrNull.js';
import type { Progress } from '../../progress.js';
import type { LeadingOrderErrorSettings } from './setting.js';

/** One grid point. */
export interface LeadingOrderRow {
  objective: Objective;
  depth: number;
  epsilon: number;
  /** Exact t*_p (gradient-flow time), `null` where none. */
  exact: number | null;
  /** Leading-order t*_p, `null` where none. */
  leadingOrder: number | null;
  /** |leading − exact| / exact. */
  relativeError: number | null;
}

/** Result 6's data. */
export interface LeadingOrderErrorData {
  settings: LeadingOrderErrorSettings;
  /** The ε grid, ascending. */
  epsilons: number[];
  /** One row per objective, depth and ε (objective-major, then depth). */
  rows: LeadingOrderRow[];
}

/**
 * Computes result 6. Cost: two closed-form critical times per grid point.
 * @param settings - see {@link LeadingOrderErrorSettings}.
 * @param progress - called after each objective.
 * @returns the ε grid and the rows.
 * @throws `InvalidArgumentError` (@jepa-dynamics/ode) for invalid settings.
 */
export async function computeLeadingOrderError(settings: LeadingOrderErrorSettings, progress?: Progress): Promise<LeadingOrderErrorData> {
  const { feature, fraction, depths } = settings;
  const epsilons = logGrid(settings.epsilonMin, settings.epsilonMax, settings.epsilonPoints);
  const rows: LeadingOrderRow[] = [];
  for (const objective of settings.objectives) {
    for (const depth of depths) {
      for (const epsilon of epsilons) {
        const options = { objective, depth, epsilon, fraction } as const;
        const exact = timeOrNull(criticalTime(feature, { ...options, method: 'exact' }));
        const leadingOrder = timeOrNull(criticalTime(feature, { ...options, method: 'leading-order' }));
        rows.push({
          objective,
          depth,
          epsilon,
          exact,
          leadingOrder,
          relativeError: exact !== null && leadingOrder !== null ? Math.abs(leadingOrder - exact) / exact : null,
        });
      }
    }
    await progress?.(objective);
  }
  return { settings, epsilons, rows };
}
