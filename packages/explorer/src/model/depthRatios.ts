/**
 * The depth view: t*_A/t*_B of two features against the depth L, and the flip depth, the
 * smallest L at which A is learned first (docs/math.md §3; result 3 of `reproduce`).
 * @module
 */
import type { Objective } from '@jepa-dynamics/core';
import type { Feature } from '@jepa-dynamics/ode';
import { evaluatorFor } from './evaluatorFor.js';
import { timeFactor } from '@jepa-dynamics/ode';
import type { ClosedFormSetting } from './criticalTimeTable.js';

/** One depth under one objective. */
export interface DepthRatioRow {
  objective: Objective;
  depth: number;
  /** t*_A and t*_B in the unit shown (null: no critical time); their ratio (unit-free). */
  tA: number | null;
  tB: number | null;
  ratio: number | null;
}

/** The depth view's data. */
export interface DepthRatios {
  rows: DepthRatioRow[];
  /** Per objective: the smallest depth with t*_A < t*_B, or null if none up to `maxDepth`. */
  flipDepth: { objective: Objective; depth: number | null }[];
  maxDepth: number;
}

/**
 * t*_A/t*_B at L = 1 … maxDepth for each objective, with the closed-form evaluators.
 * Cost: O(maxDepth²) evaluator work per objective (each t* is O(L)).
 * @param a - feature A.
 * @param b - feature B.
 * @param setting - objectives, ε, p, time unit (the depth of the setting is not used).
 * @param maxDepth - largest depth examined.
 * @returns the rows (objective-major) and the flip depths.
 */
export function depthRatios(a: Feature, b: Feature, setting: Omit<ClosedFormSetting, 'depth'>, maxDepth: number): DepthRatios {
  const { epsilon, fraction, timeUnit } = setting;
  const rows: DepthRatioRow[] = [];
  const flipDepth: DepthRatios['flipDepth'] = [];
  for (const objective of setting.objectives) {
    let flip: number | null = null;
    for (let depth = 1; depth <= maxDepth; depth++) {
      const evaluator = evaluatorFor(objective, depth);
      const scale = timeFactor(timeUnit, depth);
      const time = (f: Feature): number | null => {
        const t = f.rho > 0 && f.lambda > 0 ? evaluator.tStar(f.lambda, f.rho, epsilon, fraction) : null;
        return t === null ? null : scale * t;
      };
      const tA = time(a);
      const tB = time(b);
      const ratio = tA !== null && tB !== null && tB > 0 ? tA / tB : null;
      rows.push({ objective, depth, tA, tB, ratio });
      // as orderFlipDepth of @jepa-dynamics/ode: a depth where either time is missing is no flip
      if (flip === null && tA !== null && tB !== null && tA < tB) flip = depth;
    }
    flipDepth.push({ objective, depth: flip });
  }
  return { rows, flipDepth, maxDepth };
}
