/**
 * Computation of result 8: ensembles of training runs from random orthogonal
 * initialisations (the ensemble API's `training` run kind, one run per seed), against the
 * per-feature critical times of the aligned theory.
 * @module
 */
import { criticalTime, type Objective } from '@jepa-dynamics/ode';
import { orderByCriticalTime } from '@jepa-dynamics/sim';
import { quantile } from '../../arrange/quantile.js';
import { quantileInterval } from '../../arrange/quantileInterval.js';
import { timeOrNull } from '../../arrange/timeOrNull.js';
import { wilsonInterval } from '../../arrange/wilsonInterval.js';
import type { EnsembleExecutor } from '../../ensemble/ensembleExecutor.js';
import { runEnsemble } from '../../ensemble/runEnsemble.js';
import type { ExperimentContext } from '../../experiment.js';
import { listVariations } from '../../ensemble/variations.js';
import type { Progress } from '../../progress.js';
import { widthFeatures, type RandomInitSettings } from './setting.js';

/** A proportion with its 95 % Wilson interval. */
export interface Proportion {
  count: number;
  of: number;
  estimate: number;
  interval: [number, number];
}

/** One feature of one cell: the distribution of t*_train / t*_ODE over the seeds. */
export interface FeatureRatios {
  lambda: number;
  rho: number;
  /** The aligned per-feature t*_ODE (exact formula). */
  predicted: number;
  /** t*_train/t*_ODE per seed where training crossed p·w̄∞ (first crossing of ‖W̄e_i‖), seed order; null: never by the end. */
  ratios: (number | null)[];
  /** Quantiles 10 %, 50 %, 90 % of the ratios of the seeds that learned it (type 7). */
  q10: number;
  median: number;
  q90: number;
  /** Distribution-free 95 % interval of the median (order statistics); null ends unbounded. */
  medianInterval: [number | null, number | null];
  /** Seeds in which it was never learned by the end of the run. */
  neverLearned: Proportion;
  /**
   * The effective-start prediction of the median ratio, t*_ODE(ε/√2)/t*_ODE(ε) (docs/math.md §9): derived
   * for MAE at L = 1 to leading order as ε → 0; for other cells the same formula is a heuristic.
   */
  effectiveStartMedian: number | null;
}

/** One cell of the grid. */
export interface RandomInitCell {
  objective: Objective;
  depth: number;
  d: number;
  epsilon: number;
  learningRate: number;
  steps: number;
  /** Seeds whose run failed (diverged runs still count, with what they recorded). */
  failures: number;
  features: FeatureRatios[];
  /** The aligned prediction's order (feature indices, earliest first). */
  predictedOrder: number[];
  /** Seeds whose order of first crossings (features never learned left out) differs from the predicted order. */
  orderDiffers: Proportion;
  /** The weak feature: the one with the largest t*_ODE. */
  weakFeature: number;
  /** Seeds in which the weak feature was never learned by the end. */
  weakNeverLearned: Proportion;
}

/** Result 8's data. */
export interface RandomInitData {
  settings: RandomInitSettings;
  cells: RandomInitCell[];
}

function proportion(count: number, of: number): Proportion {
  return { count, of, estimate: count / of, interval: wilsonInterval(count, of) };
}

async function computeCell(
  settings: RandomInitSettings,
  objective: Objective,
  depth: number,
  d: number,
  epsilon: number,
  progress?: Progress,
  executor?: EnsembleExecutor,
): Promise<RandomInitCell> {
  const features = widthFeatures(d);
  const options = { objective, depth, epsilon, fraction: settings.fraction };
  const predicted = features.map((f) => timeOrNull(criticalTime(f, options)));
  const known = predicted.filter((t): t is number => t !== null);
  if (known.length !== d) throw new RangeError(`randomInit: some feature has no critical time at L = ${depth}, ε = ${epsilon}`);
  const effective = features.map((f) => timeOrNull(criticalTime(f, { ...options, epsilon: epsilon / Math.SQRT2 })));
  const learningRate = settings.learningRate[objective];
  const steps = Math.ceil((settings.horizon * Math.max(...known)) / learningRate);
  const result = await runEnsemble(
    {
      template: {
        kind: 'training',
        settings: {
          objective,
          depth,
          epsilon,
          features,
          lr: learningRate,
          steps,
          init: 'random',
          recordEvery: steps,
          fraction: settings.fraction,
        },
      },
      variations: listVariations(settings.seeds.map((seed) => ({ seed }))),
      output: (r) => ('criticalTimesSimulated' in r ? r.criticalTimesSimulated : features.map(() => null)),
    },
    {
      ...(executor === undefined ? {} : { executor }),
      onOutcome: async (_i, _o, done, total) => progress?.(`${objective} L=${depth} d=${d} ε=${epsilon}: seed ${done} of ${total}`),
    },
  );
  const simulated = result.outputs.filter((o): o is (number | null)[] => o !== undefined);
  const seeds = simulated.length;
  const predictedOrder = orderByCriticalTime(predicted).order;
  const weakFeature = predictedOrder[predictedOrder.length - 1];
  const featureRatios: FeatureRatios[] = features.map((f, i) => {
    const p = predicted[i] as number;
    const ratios = simulated.map((s) => (s[i] === null ? null : (s[i] as number) / p));
    const learned = ratios.filter((r): r is number => r !== null);
    const e = effective[i];
    return {
      ...f,
      predicted: p,
      ratios,
      q10: quantile(learned, 0.1),
      median: quantile(learned, 0.5),
      q90: quantile(learned, 0.9),
      medianInterval: quantileInterval(learned, 0.5),
      neverLearned: proportion(seeds - learned.length, seeds),
      effectiveStartMedian: e === null ? null : e / p,
    };
  });
  const differs = simulated.filter((s) => {
    const order = orderByCriticalTime(s).order;
    return order.length !== predictedOrder.length || order.some((k, n) => predictedOrder[n] !== k);
  }).length;
  return {
    objective,
    depth,
    d,
    epsilon,
    learningRate,
    steps,
    failures: result.failures.length,
    features: featureRatios,
    predictedOrder,
    orderDiffers: proportion(differs, seeds),
    weakFeature,
    weakNeverLearned: proportion(simulated.filter((s) => s[weakFeature] === null).length, seeds),
  };
}

/**
 * Computes result 8: per cell (objective × L × d × ε), one training run per seed from a
 * random orthogonal init, through {@link runEnsemble} on `context.executor` (default serially); the ratios t*_train/t*_ODE per
 * feature with quantiles and a distribution-free interval of the median, and the
 * proportions (with Wilson intervals) of seeds whose order differs from the aligned
 * prediction and whose weak feature is never learned. Cost: one run of horizon × (largest t*) ÷ η
 * steps on d×d matrices per seed and cell.
 * @param settings - see {@link RandomInitSettings}.
 * @param progress - called after each run.
 * @param context - where the runs execute (the seeds of a cell run in parallel on a pool).
 * @returns the cells.
 * @throws `RangeError` where a feature has no critical time; what the runs throw for invalid settings.
 */
export async function computeRandomInit(
  settings: RandomInitSettings,
  progress?: Progress,
  context?: ExperimentContext,
): Promise<RandomInitData> {
  const cells: RandomInitCell[] = [];
  for (const objective of settings.objectives)
    for (const depth of settings.depths)
      for (const d of settings.widths)
        for (const epsilon of settings.epsilons)
          cells.push(await computeCell(settings, objective, depth, d, epsilon, progress, context?.executor));
  return { settings, cells };
}
