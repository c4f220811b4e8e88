/**
 * Result 5 of `reproduce`: noisy features. The static generative model of MATH.md §4
 * with equal signal `s = 1` and increasing noise γ²: every feature has λ = 1, while
 * σ² = 1 + γ² grows and ρ = 1/(1 + γ²) falls. Which features do JEPA and MAE learn
 * first? From the formula (exact critical times of the population moments,
 * `learningOrder`) and from finite-sample training (`simulateFeatures` with samples).
 * @module
 */
import { learningOrder, type Objective } from '@jepa-dynamics/ode';
import { OBJECTIVES } from '@jepa-dynamics/core';
import { featureMoments, simulateFeatures } from '@jepa-dynamics/sim';
import { fmt, objectiveLabel } from './arrange.js';
import type { FigureSpec, ResultDefinition } from './types.js';

/** The model, depth, ε and training settings of result 5. */
export const NOISY_FEATURES_SETTING = {
  signalVariance: [1, 1, 1, 1, 1],
  // γ² ≤ 2 keeps every JEPA target p·ρ^L well above ε; closer to it the critical time shrinks and stops measuring speed
  noiseVariance: [0, 0.25, 0.5, 1, 2],
  depth: 2,
  epsilon: 1e-2,
  fraction: 0.5,
  samples: { full: 100_000, quick: 20_000 },
  seed: 11,
  runs: {
    jepa: { tEnd: 900, learningRate: 0.05 },
    mae: { tEnd: 16, learningRate: 0.002 },
  },
} as const;


/** One objective's answer. */
export interface NoisyFeaturesAnswer {
  objective: Objective;
  /** Exact critical times from the population moments (formula); null where none. */
  formulaCriticalTimes: (number | null)[];
  /** First recorded time at which the trained network's w̄_i reaches p·w̄∞,i; null where not reached. */
  trainedCriticalTimes: (number | null)[];
  /** Feature indices, first learned first. */
  formulaOrder: number[];
  trainedOrder: number[];
  samples: number;
  learningRate: number;
  steps: number;
  /** The training run's end: `'completed'`, or `'diverged'` with `message` saying where. */
  status: 'completed' | 'diverged';
  message: string;
}

/** Result 5. */
export const noisyFeatures: ResultDefinition = {
  id: '5-noisy-features',
  title: 'Noisy features: which features JEPA and MAE learn first (equal signal, increasing noise)',
  steps: () => OBJECTIVES.length,
  async run(ctx) {
    const { signalVariance, noiseVariance, depth, epsilon, fraction, seed, runs } = NOISY_FEATURES_SETTING;
    const features = featureMoments({ kind: 'static', signalVariance, noiseVariance });
    const samples = ctx.config.quick ? NOISY_FEATURES_SETTING.samples.quick : NOISY_FEATURES_SETTING.samples.full;
    const answers: NoisyFeaturesAnswer[] = [];
    for (const objective of OBJECTIVES) {
      const formula = learningOrder(features, { objective, depth, epsilon, fraction, method: 'exact' });
      const { tEnd, learningRate } = runs[objective];
      const steps = Math.round(tEnd / learningRate);
      // critical times are detected at every step whatever the recording interval
      const trained = simulateFeatures({ objective, depth, features, epsilon, fraction, learningRate, steps, samples, seed, recordEvery: Math.max(1, Math.round(steps / 200)) });
      answers.push({
        objective,
        formulaCriticalTimes: formula.times.map((r) => (r.exists ? r.t : null)),
        trainedCriticalTimes: trained.criticalTimes.simulated,
        formulaOrder: formula.order,
        trainedOrder: trained.order.simulated.order,
        samples,
        learningRate,
        steps,
        status: trained.train.status,
        message: trained.train.message,
      });
      await ctx.step(objective);
    }
    const rows = answers.flatMap((a) =>
      features.map((f, i) => ({
        objective: a.objective,
        noise_variance: noiseVariance[i],
        signal_variance: signalVariance[i],
        sigma2: f.sigma2,
        lambda: f.lambda,
        rho: f.rho,
        formula_critical_time: a.formulaCriticalTimes[i],
        trained_critical_time: a.trainedCriticalTimes[i],
        formula_rank: a.formulaOrder.indexOf(i) + 1,
        trained_rank: a.trainedOrder.indexOf(i) + 1,
      })),
    );
    const plotRows = rows.flatMap((r) => [
      { objective: r.objective, noise: r.noise_variance, t: r.formula_critical_time, source: 'formula (population)' },
      { objective: r.objective, noise: r.noise_variance, t: r.trained_critical_time, source: 'training on samples' },
    ]);
    const figure: FigureSpec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: {
        text: `Noisy features: equal signal s = 1, noise variance γ² (λ = 1, ρ = 1/(1+γ²)); L = ${depth}, ε = ${epsilon}`,
        subtitle: `critical time t* (w̄ = ${fraction}·w̄∞): smaller = learned earlier; training on n = ${samples} samples of the static model, seed ${seed}`,
      },
      hconcat: answers.map((a) => ({
        width: 300,
        height: 260,
        title: { text: objectiveLabel(a.objective), subtitle: `training: full matrices, η = ${a.learningRate}, ${a.steps} steps` },
        data: { values: plotRows.filter((r) => r.objective === a.objective && r.t !== null) },
        mark: { type: 'line', point: { size: 50 } },
        encoding: {
          x: { field: 'noise', type: 'quantitative', title: 'noise variance γ² of the feature' },
          y: { field: 't', type: 'quantitative', title: 't* (gradient-flow time)', scale: { zero: false } },
          color: { field: 'source', type: 'nominal', title: 'critical time from' },
          shape: { field: 'source', type: 'nominal', title: 'critical time from' },
        },
      })),
    };
    const noise = (order: number[]): string => order.map((i) => noiseVariance[i]).join(', ');
    const line = (a: NoisyFeaturesAnswer): string =>
      `${objectiveLabel(a.objective)} learns γ² = ${noise(a.formulaOrder)} (formula) / ${noise(a.trainedOrder)} (trained on ${a.samples} samples)` +
      `${a.formulaOrder.join() === a.trainedOrder.join() ? ', the same order' : ', a DIFFERENT order'}; t* spread ${fmt(Math.max(...a.formulaCriticalTimes.map((t) => t ?? 0)) / Math.min(...a.formulaCriticalTimes.map((t) => t ?? Infinity)))}×`;
    return {
      data: {
        description: 'Static generative model, equal signal, increasing noise: learning order by formula and by finite-sample training.',
        conventions: { time: 'gradient-flow time t = kη', criticalTime: `time to reach ${fraction}·w̄∞ (w̄∞ from the population moments)` },
        setting: { ...NOISY_FEATURES_SETTING, samples },
        features,
        answers,
      },
      table: {
        columns: ['objective', 'noise_variance', 'signal_variance', 'sigma2', 'lambda', 'rho', 'formula_critical_time', 'trained_critical_time', 'formula_rank', 'trained_rank'],
        rows,
      },
      figure,
      summary:
        `First → last (noise variance γ² at equal signal, L = ${depth}): ${answers.map(line).join('. ')}.` +
        answers
          .filter((a) => a.status !== 'completed')
          .map((a) => ` DIVERGED: ${a.message}`)
          .join(''),
    };
  },
};
