/**
 * Computation of result 3, the depth flip of docs/math.md §3: critical times of A and B
 * and their ratio at each depth by four routes that share no code path (the closed form
 * of @jepa-dynamics/ode, the CAS-derived formula of @jepa-dynamics/symbolic, the ODE
 * integrated with event location, gradient descent on the networks of
 * @jepa-dynamics/sim), the flip depth by each route, and how far each route's ratio is
 * from the closed form's.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import { criticalTime, criticalTimeRatio, orderFlipDepth, type FeatureInput, type Objective } from '@jepa-dynamics/ode';
import { simulateFeatures } from '@jepa-dynamics/sim';
import type { CriticalTimeFormulaResult } from '@jepa-dynamics/symbolic';
import { integerRange } from '../../arrange/grids.js';
import type { Progress } from '../../progress.js';
import type { DepthFlipSettings } from './setting.js';

/**
 * The four ways result 3 obtains the critical times: the closed form of @jepa-dynamics/ode,
 * the CAS-derived formula of @jepa-dynamics/symbolic, the ODE with event location, and
 * gradient descent on the networks (@jepa-dynamics/sim).
 * @example
 * ```ts
 * DEPTH_FLIP_ROUTES; // => ['exact', 'formula', 'ode', 'simulation']
 * ```
 */
export const DEPTH_FLIP_ROUTES = ['exact', 'formula', 'ode', 'simulation'] as const;
/** One of {@link DEPTH_FLIP_ROUTES}. */
export type DepthFlipRoute = (typeof DEPTH_FLIP_ROUTES)[number];

/** Critical times of A and B by one route (gradient-flow time), and their ratio; `null` where a time is missing. */
export interface RouteTimes {
  tA: number | null;
  tB: number | null;
  ratio: number | null;
}

/** One depth under one objective. */
export interface DepthFlipRow {
  objective: Objective;
  depth: number;
  exact: RouteTimes;
  formula: RouteTimes;
  ode: RouteTimes;
  /** Gradient descent, one feature per run (aligned init, population gradients), run to 1.1× the exact t*. */
  simulation: RouteTimes & {
    learningRate: number;
    /** Training status of the runs for A and B (`'completed'`, `'diverged'`, or `'not run: no critical time'`). */
    status: string[];
    /** For a diverged run, the gradient-flow time kη of the step at which it stopped; else null. */
    divergedAt: (number | null)[];
  };
  /** Which feature the exact closed form says is learned first. */
  learnedFirst: 'A' | 'B' | null;
}

/** The smallest depth at which A is learned first, by route; `null` if none up to maxDepth. */
export type FlipDepthByRoute = Record<DepthFlipRoute, number | null>;

/** Result 3's data. */
export interface DepthFlipData {
  settings: DepthFlipSettings;
  /** One row per objective and depth, objective-major. */
  table: DepthFlipRow[];
  /** The flip depth of each objective by each route. */
  flipDepth: Record<Objective, FlipDepthByRoute>;
  /** Largest relative difference |ratio/ratio_exact − 1| over the table, per route. */
  agreementWithExact: Record<Exclude<DepthFlipRoute, 'exact'>, number>;
  /** The step η used per objective (`learningRate × learningRateScale`). */
  learningRates: Record<Objective, number>;
  /** Training runs that diverged (near w̄∞ at large depth), and whether each did so only after its crossing. */
  divergence: {
    /** The rows with a diverged run. */
    rows: { objective: Objective; depth: number }[];
    /** Largest |t*_sim/t*_exact − 1| over the diverged rows' runs (0 if none). */
    largestRelativeGap: number;
    /** Every diverged run recorded its crossing before it stopped. */
    afterCrossing: boolean;
  };
}

type CriticalTimeFormula = (
  objective: Objective,
  depth: number,
  lambda: number,
  rho: number,
  epsilon: number,
  fraction?: number,
) => CriticalTimeFormulaResult;

const ratioOf = (tA: number | null, tB: number | null): RouteTimes => ({ tA, tB, ratio: tA !== null && tB !== null ? tA / tB : null });
const timeOf = (r: { exists: true; t: number } | { exists: false }): number | null => (r.exists ? r.t : null);

function simulated(
  settings: DepthFlipSettings,
  objective: Objective,
  depth: number,
  feature: FeatureInput,
  horizon: number | null,
  learningRate: number,
): { t: number | null; status: string; divergedAt: number | null } {
  if (horizon === null) return { t: null, status: 'not run: no critical time', divergedAt: null };
  const { epsilon, fraction } = settings;
  const steps = Math.ceil((1.1 * horizon) / learningRate);
  // one feature per run: aligned features decouple, and a run stays short of the fixed point,
  // where at large depth the curvature λρ^{2L−1} of feature A would exceed 2/η
  const r = simulateFeatures({ objective, depth, features: [feature], epsilon, fraction, learningRate, steps, recordEvery: steps });
  return {
    t: r.criticalTimes.simulated[0],
    status: r.train.status,
    divergedAt: r.train.status === 'diverged' ? r.train.stoppedAt * learningRate : null,
  };
}

function row(
  settings: DepthFlipSettings,
  formulaOf: CriticalTimeFormula,
  objective: Objective,
  depth: number,
  learningRate: number,
): DepthFlipRow {
  const { featureA, featureB, epsilon, fraction } = settings;
  const exact = criticalTimeRatio(featureA, featureB, { objective, depth, epsilon, fraction, method: 'exact' });
  const exactTimes: RouteTimes = exact.exists ? { tA: exact.tA, tB: exact.tB, ratio: exact.ratio } : ratioOf(null, null);
  const formula = ratioOf(
    timeOf(formulaOf(objective, depth, featureA.lambda, featureA.rho, epsilon, fraction)),
    timeOf(formulaOf(objective, depth, featureB.lambda, featureB.rho, epsilon, fraction)),
  );
  const ode = ratioOf(
    timeOf(criticalTime(featureA, { objective, depth, epsilon, fraction, method: 'ode' })),
    timeOf(criticalTime(featureB, { objective, depth, epsilon, fraction, method: 'ode' })),
  );
  const simA = simulated(settings, objective, depth, featureA, exactTimes.tA, learningRate);
  const simB = simulated(settings, objective, depth, featureB, exactTimes.tB, learningRate);
  return {
    objective,
    depth,
    exact: exactTimes,
    formula,
    ode,
    simulation: {
      ...ratioOf(simA.t, simB.t),
      learningRate,
      status: [simA.status, simB.status],
      divergedAt: [simA.divergedAt, simB.divergedAt],
    },
    learnedFirst: exactTimes.ratio === null ? null : exactTimes.ratio < 1 ? 'A' : 'B',
  };
}

function flipDepthByRoute(settings: DepthFlipSettings, table: readonly DepthFlipRow[], objective: Objective): FlipDepthByRoute {
  const { featureA, featureB, epsilon, fraction, maxDepth } = settings;
  const exact = orderFlipDepth(featureA, featureB, { objective, epsilon, fraction, method: 'exact', maxDepth });
  const first = (route: Exclude<DepthFlipRoute, 'exact'>): number | null => {
    const r = table.find((x) => {
      const ratio = x[route].ratio;
      return x.objective === objective && ratio !== null && ratio < 1;
    });
    return r === undefined ? null : r.depth;
  };
  return { exact: exact.found ? exact.depth : null, formula: first('formula'), ode: first('ode'), simulation: first('simulation') };
}

/** Largest relative difference of a route's ratio from the closed form's over the table (0 where either is missing). */
function largestRatioDifference(table: readonly DepthFlipRow[], route: Exclude<DepthFlipRoute, 'exact'>): number {
  return Math.max(
    ...table.map((r) => {
      const ratio = r[route].ratio;
      return ratio === null || r.exact.ratio === null ? 0 : Math.abs(ratio / r.exact.ratio - 1);
    }),
  );
}

function divergenceOf(table: readonly DepthFlipRow[]): DepthFlipData['divergence'] {
  const diverged = table.filter((r) => r.simulation.status.includes('diverged'));
  const largestRelativeGap = Math.max(
    0,
    ...diverged.flatMap((r) => [
      r.simulation.tA === null || r.exact.tA === null ? 0 : Math.abs(r.simulation.tA / r.exact.tA - 1),
      r.simulation.tB === null || r.exact.tB === null ? 0 : Math.abs(r.simulation.tB / r.exact.tB - 1),
    ]),
  );
  const afterCrossing = diverged.every((r) =>
    [r.simulation.tA, r.simulation.tB].every((t, i) => {
      const d = r.simulation.divergedAt[i];
      return d === null || (t !== null && t < d);
    }),
  );
  return { rows: diverged.map((r) => ({ objective: r.objective, depth: r.depth })), largestRelativeGap, afterCrossing };
}

/**
 * Computes result 3 under JEPA and MAE. Cost: per depth and objective, two closed-form
 * and two CAS-formula critical times, two ODE solves, and two gradient-descent runs of
 * ⌈1.1·t* / η⌉ steps (the dominant cost, growing with depth). Loads
 * @jepa-dynamics/symbolic on first use (about 1 s).
 * @param settings - see {@link DepthFlipSettings}.
 * @param progress - called after each depth (objective-major).
 * @returns the table, flip depths, agreement and divergence checks.
 * @throws `InvalidArgumentError` (@jepa-dynamics/ode) for invalid settings.
 */
export async function computeDepthFlip(settings: DepthFlipSettings, progress?: Progress): Promise<DepthFlipData> {
  // loaded here, not at import: the CAS costs a second to load, which the other results need not pay
  const { criticalTimeFormula } = await import('@jepa-dynamics/symbolic');
  const learningRates: Record<Objective, number> = {
    jepa: settings.learningRate.jepa * settings.learningRateScale,
    mae: settings.learningRate.mae * settings.learningRateScale,
  };
  const table: DepthFlipRow[] = [];
  for (const objective of OBJECTIVES) {
    for (const depth of integerRange(1, settings.maxDepth)) {
      table.push(row(settings, criticalTimeFormula, objective, depth, learningRates[objective]));
      await progress?.(`${objective} L=${depth}`);
    }
  }
  return {
    settings,
    table,
    flipDepth: { jepa: flipDepthByRoute(settings, table, 'jepa'), mae: flipDepthByRoute(settings, table, 'mae') },
    agreementWithExact: {
      formula: largestRatioDifference(table, 'formula'),
      ode: largestRatioDifference(table, 'ode'),
      simulation: largestRatioDifference(table, 'simulation'),
    },
    learningRates,
    divergence: divergenceOf(table),
  };
}
