/**
 * Computation of result 5: the static generative model of docs/math.md §4 with equal
 * signal and increasing noise (λ = s fixed, σ² = s + γ² grows, ρ = s/(s + γ²) falls).
 * Which features do JEPA and MAE learn first? From the formula (exact critical times of
 * the population moments, `learningOrder`) and from finite-sample training
 * (`simulateFeatures` with samples), repeated on `seedCount` independent sample sets so
 * that the trained times come with their seed-to-seed spread.
 * @module
 */
import { learningOrder, type Objective } from '@jepa-dynamics/ode';
import { featureMoments, simulateFeatures, type FeatureMoments } from '@jepa-dynamics/sim';
import { componentLearning } from '../../arrange/componentLearning.js';
import type { Progress } from '../../progress.js';
import type { NoisyFeaturesSettings } from './setting.js';

/** One objective's answer. */
export interface NoisyFeaturesAnswer {
  objective: Objective;
  /** Exact critical times from the population moments (formula); null where none. */
  formulaCriticalTimes: (number | null)[];
  /**
   * Per feature, the median over the training runs (seeds) in which it was learned of the
   * time w̄_i reached p·w̄∞,i for good (first step at or above it, and at or above it at
   * every record after); null where no run learned it.
   */
  trainedCriticalTimes: (number | null)[];
  /** Per feature, the smallest and largest trained critical time over the runs that learned it (null where none). */
  trainedRange: ({ min: number; max: number } | null)[];
  /** Per feature, in how many of the runs it was learned. */
  seedsLearned: number[];
  /** `trainedCriticalTimesBySeed[j][i]`: feature i in the run with seed `seed + j` (null: not learned). */
  trainedCriticalTimesBySeed: (number | null)[][];
  /** Feature indices, first learned first, by formula. */
  formulaOrder: number[];
  /** Feature indices, first learned first, by the median trained times. */
  trainedOrder: number[];
  /** `trainedOrders[j]`: the order learned in the run with seed `seed + j` (features not learned there left out). */
  trainedOrders: number[][];
  /** How many runs learned every feature in exactly the formula's order. */
  runsInFormulaOrder: number;
  /** Seeds of the runs, in order. */
  seeds: number[];
  samples: number;
  learningRate: number;
  steps: number;
  /** `'completed'` when every run completed, else `'diverged'` with `message` naming the runs. */
  status: 'completed' | 'diverged';
  message: string;
}

/** Result 5's data. */
export interface NoisyFeaturesData {
  settings: NoisyFeaturesSettings;
  /** The features' population moments (σ², λ, ρ). */
  features: FeatureMoments[];
  /** One answer per objective. */
  answers: NoisyFeaturesAnswer[];
  /** Per objective: largest over smallest formula critical time (how much the noise slows learning). */
  formulaSpreads: { objective: Objective; spread: number }[];
}

/** Records per training run: enough to check that a crossing holds (the crossing itself is detected at every step). */
const RECORDS = 200;

/** The median of a nonempty list. */
function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Feature indices with a time, by increasing time (ties by index). */
function orderOf(times: readonly (number | null)[]): number[] {
  return times
    .flatMap((t, i) => (t === null ? [] : [{ t, i }]))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.i);
}

/**
 * Computes result 5. Cost: `seedCount` training runs of T/η steps on `samples` samples per objective.
 * @param settings - see {@link NoisyFeaturesSettings}.
 * @param progress - called after each training run.
 * @returns the features, the answers and the spreads.
 * @throws `InvalidArgumentError` (@jepa-dynamics/sim) for an invalid model or training setting.
 */
export async function computeNoisyFeatures(settings: NoisyFeaturesSettings, progress?: Progress): Promise<NoisyFeaturesData> {
  const { signalVariance, noiseVariance, depth, epsilon, fraction, samples, seed, seedCount, runs } = settings;
  const features = featureMoments({ kind: 'static', signalVariance, noiseVariance });
  const answers: NoisyFeaturesAnswer[] = [];
  const formulaSpreads: { objective: Objective; spread: number }[] = [];
  const seeds = Array.from({ length: seedCount }, (_, j) => seed + j);
  for (const objective of settings.objectives) {
    const formula = learningOrder(features, { objective, depth, epsilon, fraction, method: 'exact' });
    const { tEnd, learningRate } = runs[objective];
    const steps = Math.round(tEnd / learningRate);
    const bySeed: (number | null)[][] = [];
    const diverged: string[] = [];
    for (const s of seeds) {
      const trained = simulateFeatures({
        objective,
        depth,
        features,
        epsilon,
        fraction,
        learningRate,
        steps,
        samples,
        seed: s,
        recordEvery: Math.max(1, Math.round(steps / RECORDS)),
      });
      // w̄_i = (W̄)_ii (aligned init); a crossing counts only if it holds to the end
      const targets = trained.fixedPoints.map((w) => fraction * w);
      const learning = componentLearning(trained.t, trained.wbar, targets, trained.criticalTimes.simulated);
      bySeed.push(learning.map((l) => l.learnedAt));
      if (trained.train.status !== 'completed') diverged.push(`seed ${s}: ${trained.train.message}`);
      await progress?.(`${objective} seed ${s}`);
    }
    const learnedTimes = features.map((_, i) => bySeed.flatMap((times) => (times[i] === null ? [] : [times[i]])));
    const trainedCriticalTimes = learnedTimes.map((ts) => (ts.length === 0 ? null : median(ts)));
    const trainedOrders = bySeed.map(orderOf);
    const formulaCriticalTimes = formula.times.map((r) => (r.exists ? r.t : null));
    answers.push({
      objective,
      formulaCriticalTimes,
      trainedCriticalTimes,
      trainedRange: learnedTimes.map((ts) => (ts.length === 0 ? null : { min: Math.min(...ts), max: Math.max(...ts) })),
      seedsLearned: learnedTimes.map((ts) => ts.length),
      trainedCriticalTimesBySeed: bySeed,
      formulaOrder: formula.order,
      trainedOrder: orderOf(trainedCriticalTimes),
      trainedOrders,
      runsInFormulaOrder: trainedOrders.filter((o) => o.join() === formula.order.join()).length,
      seeds,
      samples,
      learningRate,
      steps,
      status: diverged.length === 0 ? 'completed' : 'diverged',
      message: diverged.join(' '),
    });
    formulaSpreads.push({
      objective,
      spread: Math.max(...formulaCriticalTimes.map((t) => t ?? 0)) / Math.min(...formulaCriticalTimes.map((t) => t ?? Infinity)),
    });
  }
  return { settings, features, answers, formulaSpreads };
}
