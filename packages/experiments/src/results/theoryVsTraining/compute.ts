/**
 * Computation of result 4: deep linear networks trained by gradient descent on
 * population gradients (`simulateFeatures` of @jepa-dynamics/sim) against the
 * per-feature ODE. With aligned init the two agree up to O(η), measured at η and η/2;
 * with random orthogonal init W̄ is not diagonal, so the departure is measured on the
 * singular values of W̄ (rotation invariant) against the ODE values sorted the same way.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import { simulateFeatures, trajectoryDeviation, type SimulateFeaturesResult } from '@jepa-dynamics/sim';
import { componentLearning, type ComponentLearning } from '../../arrange/componentLearning.js';
import type { Progress } from '../../progress.js';
import type { TheoryVsTrainingSettings } from './setting.js';

/** The two initializations compared. */
export type TrainingInit = 'aligned' | 'random';

/** One training run compared with the ODE. */
export interface TrainingRun {
  objective: Objective;
  init: TrainingInit;
  learningRate: number;
  steps: number;
  /**
   * What `simulated[i]` holds: `'diagonal'`, w̄_i = (W̄)_ii of feature i (aligned init);
   * `'singularValues'`, the i-th largest singular value of W̄, with `ode[i]` the i-th
   * largest of the ODE's w̄_j at each time (random init, where W̄ is not diagonal).
   */
  measure: 'diagonal' | 'singularValues';
  /** Recorded times (gradient-flow time t = kη). */
  t: number[];
  /** `simulated[i][k]`: component i at `t[k]`. */
  simulated: number[][];
  /** `ode[i][k]`: the ODE's counterpart of `simulated[i][k]`. */
  ode: number[][];
  /** max over records and components of |simulated − ode|. */
  maxDeviation: number;
  perFeatureDeviation: number[];
  /**
   * The trainer's first crossings of p·w̄∞ by each feature's measure (w̄_i = (W̄)_ii aligned,
   * ‖W̄e_i‖ random: not the singular values of `simulated`), whether or not they hold, and
   * the formula's critical times. The claims rest on `learning`.
   */
  criticalTimes: { simulated: (number | null)[]; predicted: (number | null)[] };
  /** The orders of those first crossings and of the formula's times. */
  order: { simulated: number[]; predicted: number[] };
  /** Per component of `simulated`: reached p·w̄∞ for good, when, or not. */
  learning: ComponentLearning[];
  /** Components learned for good, first learned first. */
  learnedOrder: number[];
  /** Components not learned in this run (never reached their target, or fell back below it). */
  neverLearned: number[];
  /** Time resolution of `learnedAt`: η (aligned: every step) or the record interval (random: interpolated between records). */
  crossingResolution: number;
  /** The training run's end: `'completed'`, or `'diverged'` with `message` saying where. */
  status: 'completed' | 'diverged';
  message: string;
}

/** Result 4's data. */
export interface TheoryVsTrainingData {
  settings: TheoryVsTrainingSettings;
  /** Per objective: aligned init at η, then random init at η. */
  runs: TrainingRun[];
  /** Per objective: aligned init at η/2. */
  halvedLearningRate: TrainingRun[];
  /** Per objective: max deviation at η over that at η/2 (2 for a method of first order in η). */
  halvingRatios: { objective: Objective; ratio: number }[];
}

/** Transposes `x[k][i]` (record k, component i) to `[i][k]`. */
function byComponent(x: readonly (readonly number[])[]): number[][] {
  const n = x.length === 0 ? 0 : x[0].length;
  return Array.from({ length: n }, (_, i) => x.map((row) => row[i]));
}

function toRun(
  objective: Objective,
  init: TrainingInit,
  learningRate: number,
  steps: number,
  fraction: number,
  r: SimulateFeaturesResult,
): TrainingRun {
  let measure: TrainingRun['measure'] = 'diagonal';
  let simulated = r.wbar;
  let ode = r.ode;
  let deviation = r.deviation;
  if (init === 'random') {
    const sv = r.train.singularValues;
    if (sv === undefined) throw new Error('simulateFeatures returned no singular values although they were requested');
    measure = 'singularValues';
    simulated = byComponent(sv);
    // the ODE's values at each time, largest first, to face the singular values (descending)
    ode = byComponent(r.t.map((_, k) => r.ode.map((w) => w[k]).sort((a, b) => b - a)));
    deviation = trajectoryDeviation(simulated, ode);
  }
  const targets =
    measure === 'diagonal' ? r.fixedPoints.map((w) => fraction * w) : [...r.fixedPoints].sort((a, b) => b - a).map((w) => fraction * w);
  // aligned init: the trainer's crossings of w̄_i, at every step; random init: the singular values' own
  const learning = componentLearning(r.t, simulated, targets, measure === 'diagonal' ? r.criticalTimes.simulated : null);
  const learned = learning.flatMap((l, i) => (l.learnedAt === null ? [] : [{ i, at: l.learnedAt }]));
  const recordInterval = r.t.length > 1 ? r.t[1] - r.t[0] : learningRate;
  return {
    objective,
    init,
    learningRate,
    steps,
    measure,
    learning,
    learnedOrder: learned.sort((a, b) => a.at - b.at).map((x) => x.i),
    neverLearned: learning.flatMap((l, i) => (l.learnedAt === null ? [i] : [])),
    crossingResolution: measure === 'diagonal' ? learningRate : recordInterval,
    t: r.t,
    simulated,
    ode,
    maxDeviation: deviation.max,
    perFeatureDeviation: deviation.perFeature,
    criticalTimes: r.criticalTimes,
    order: { simulated: r.order.simulated.order, predicted: r.order.predicted.order },
    status: r.train.status,
    message: r.train.message,
  };
}

/** Records per run: aligned init (crossings come from the trainer, at every step). */
const ALIGNED_RECORDS = 120;
/** Records per run: random init (the singular values' crossings are interpolated between records). */
const RANDOM_RECORDS = 600;

async function runOne(
  settings: TheoryVsTrainingSettings,
  objective: Objective,
  init: TrainingInit,
  halving: number,
  progress?: Progress,
): Promise<TrainingRun> {
  const { depth, epsilon, features, runs, seed } = settings;
  const { tEnd, learningRate: baseRate } = runs[objective];
  const learningRate = baseRate * halving * settings.learningRateScale;
  const steps = Math.round(tEnd / learningRate);
  const r = simulateFeatures({
    objective,
    depth,
    epsilon,
    features,
    learningRate,
    steps,
    init,
    seed,
    // random init: finer records, on which the singular values' crossings are located
    recordEvery: Math.max(1, Math.round(steps / (init === 'random' ? RANDOM_RECORDS : ALIGNED_RECORDS))),
    singularValues: init === 'random',
    fraction: settings.fraction,
  });
  await progress?.(`${objective} ${init} η=${learningRate}`);
  return toRun(objective, init, learningRate, steps, settings.fraction, r);
}

/**
 * Computes result 4: per objective, training with aligned init at η and at η/2, and
 * with random orthogonal init at η, each against the ODE. Cost: three training runs of
 * T/η (or 2T/η) steps per objective on d × d matrices.
 * @param settings - see {@link TheoryVsTrainingSettings}.
 * @param progress - called after each training run.
 * @returns the runs and the deviation ratios between η and η/2.
 * @throws `InvalidArgumentError` (@jepa-dynamics/sim) for invalid settings.
 */
export async function computeTheoryVsTraining(settings: TheoryVsTrainingSettings, progress?: Progress): Promise<TheoryVsTrainingData> {
  const runs: TrainingRun[] = [];
  const halved: TrainingRun[] = [];
  const halvingRatios: { objective: Objective; ratio: number }[] = [];
  for (const objective of settings.objectives) {
    const aligned = await runOne(settings, objective, 'aligned', 1, progress);
    runs.push(aligned);
    // aligned init at η/2: the deviation from the ODE should halve (first order in η)
    const half = await runOne(settings, objective, 'aligned', 0.5, progress);
    halved.push(half);
    runs.push(await runOne(settings, objective, 'random', 1, progress));
    halvingRatios.push({ objective, ratio: aligned.maxDeviation / half.maxDeviation });
  }
  return { settings, runs, halvedLearningRate: halved, halvingRatios };
}
