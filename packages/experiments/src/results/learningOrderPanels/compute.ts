/**
 * Computation of result 1: per-feature ODE curves w̄_i(t)/w̄∞,i (`flowTrajectories`,
 * `fixedPoint`), and critical times and learning order from the closed form
 * (`learningOrder`, method `'exact'`, docs/math.md §3).
 * @module
 */
import { fixedPoint, flowTrajectories, learningOrder, resolveFeature, type FeatureInput, type Objective } from '@jepa-dynamics/ode';
import { featureLabel } from '../../arrange/featureLabel.js';
import { linearGrid } from '../../arrange/grids.js';
import { timeOrNull } from '../../arrange/timeOrNull.js';
import type { Progress } from '../../progress.js';
import type { LearningOrderPanelsSettings, LearningOrderScenario } from './setting.js';

/** One panel: one objective, one scenario. */
export interface LearningOrderPanel {
  objective: Objective;
  /** The scenario's key. */
  scenario: string;
  /** The scenario's title. */
  title: string;
  /** Each feature with its fixed point w̄∞ and exact critical time t*_p (gradient-flow time; `null` where none). */
  features: { lambda: number; rho: number; sigma2: number; wbarInfinity: number; criticalTime: number | null; label: string }[];
  /** Indices into `features`, first learned first (`learningOrder`). */
  order: number[];
  /** Output times (gradient-flow time). */
  t: number[];
  /** `wbarOverInfinity[i][k] = w̄_i(t[k]) / w̄∞,i`. */
  wbarOverInfinity: number[][];
}

/** Result 1's data: the settings and one panel per objective and scenario (objective-major). */
export interface LearningOrderPanelsData {
  settings: LearningOrderPanelsSettings;
  panels: LearningOrderPanel[];
}

async function computePanel(
  settings: LearningOrderPanelsSettings,
  objective: Objective,
  scenario: LearningOrderScenario,
  progress?: Progress,
): Promise<LearningOrderPanel> {
  const { depth, epsilon, fraction } = settings;
  const features: FeatureInput[] = scenario.features.map((f) => ({ lambda: f.lambda, rho: f.rho }));
  const predicted = learningOrder(features, { objective, depth, epsilon, fraction, method: 'exact' });
  const times = predicted.times.map(timeOrNull);
  const finite = times.filter((t): t is number => t !== null);
  // show the whole transition of the slowest feature: half again its critical time
  const tEnd = 1.5 * Math.max(...finite);
  const t = linearGrid(0, tEnd, settings.points);
  const traj = flowTrajectories(features, { objective, depth, epsilon, times: t });
  await progress?.(`${objective} ${scenario.key}`);
  const fixed = features.map((f) => fixedPoint(f, objective, depth).wbar);
  return {
    objective,
    scenario: scenario.key,
    title: scenario.title,
    features: scenario.features.map((f, i) => ({
      lambda: f.lambda,
      rho: f.rho,
      sigma2: resolveFeature(f).sigma2,
      wbarInfinity: fixed[i],
      criticalTime: times[i],
      label: featureLabel(f),
    })),
    order: predicted.order,
    t,
    wbarOverInfinity: traj.wbar.map((w, i) => Array.from(w, (x) => x / fixed[i])),
  };
}

/**
 * Computes result 1: for each objective and scenario, the normalized ODE curves, the
 * fixed points, the exact critical times and the learning order. Cost: one ODE solve
 * per feature and panel.
 * @param settings - see {@link LearningOrderPanelsSettings}.
 * @param progress - called after each panel.
 * @returns the panels, objective-major.
 * @throws `InvalidArgumentError` (@jepa-dynamics/ode) for an invalid feature, depth, ε or p.
 */
export async function computeLearningOrderPanels(
  settings: LearningOrderPanelsSettings,
  progress?: Progress,
): Promise<LearningOrderPanelsData> {
  const panels: LearningOrderPanel[] = [];
  for (const objective of settings.objectives)
    for (const scenario of settings.scenarios) panels.push(await computePanel(settings, objective, scenario, progress));
  return { settings, panels };
}
