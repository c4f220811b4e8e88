/**
 * Computation of result 5: the static generative model of docs/math.md §4 with equal
 * signal and increasing noise (λ = s fixed, σ² = s + γ² grows, ρ = s/(s + γ²) falls).
 * Which features do JEPA and MAE learn first? From the formula (exact critical times of
 * the population moments, `learningOrder`) and from finite-sample training
 * (`simulateFeatures` with samples).
 * @module
 */
import { learningOrder, type Objective } from '@jepa-dynamics/ode';
import { featureMoments, simulateFeatures, type FeatureMoments } from '@jepa-dynamics/sim';
import type { Progress } from '../../progress.js';
import type { NoisyFeaturesSettings } from './setting.js';

/** One objective's answer. */
export interface NoisyFeaturesAnswer {
  objective: Objective;
  /** Exact critical times from the population moments (formula); null where none. */
  formulaCriticalTimes: (number | null)[];
  /** First recorded time at which the trained network's w̄_i reaches p·w̄∞,i; null where not reached. */
  trainedCriticalTimes: (number | null)[];
  /** Feature indices, first learned first, by formula. */
  formulaOrder: number[];
  /** Feature indices, first learned first, by training. */
  trainedOrder: number[];
  samples: number;
  learningRate: number;
  steps: number;
  /** The training run's end: `'completed'`, or `'diverged'` with `message` saying where. */
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

/**
 * Computes result 5. Cost: one training run of T/η steps on `samples` samples per objective.
 * @param settings - see {@link NoisyFeaturesSettings}.
 * @param progress - called after each objective.
 * @returns the features, the answers and the spreads.
 * @throws `InvalidArgumentError` (@jepa-dynamics/sim) for an invalid model or training setting.
 */
export async function computeNoisyFeatures(settings: NoisyFeaturesSettings, progress?: Progress): Promise<NoisyFeaturesData> {
  const { signalVariance, noiseVariance, depth, epsilon, fraction, samples, seed, runs } = settings;
  const features = featureMoments({ kind: 'static', signalVariance, noiseVariance });
  const answers: NoisyFeaturesAnswer[] = [];
  const formulaSpreads: { objective: Objective; spread: number }[] = [];
  for (const objective of settings.objectives) {
    const formula = learningOrder(features, { objective, depth, epsilon, fraction, method: 'exact' });
    const { tEnd, learningRate } = runs[objective];
    const steps = Math.round(tEnd / learningRate);
    // critical times are detected at every step whatever the recording interval
    const trained = simulateFeatures({
      objective,
      depth,
      features,
      epsilon,
      fraction,
      learningRate,
      steps,
      samples,
      seed,
      recordEvery: Math.max(1, Math.round(steps / 200)),
    });
    const formulaCriticalTimes = formula.times.map((r) => (r.exists ? r.t : null));
    answers.push({
      objective,
      formulaCriticalTimes,
      trainedCriticalTimes: trained.criticalTimes.simulated,
      formulaOrder: formula.order,
      trainedOrder: trained.order.simulated.order,
      samples,
      learningRate,
      steps,
      status: trained.train.status,
      message: trained.train.message,
    });
    formulaSpreads.push({
      objective,
      spread: Math.max(...formulaCriticalTimes.map((t) => t ?? 0)) / Math.min(...formulaCriticalTimes.map((t) => t ?? Infinity)),
    });
    await progress?.(objective);
  }
  return { settings, features, answers, formulaSpreads };
}
