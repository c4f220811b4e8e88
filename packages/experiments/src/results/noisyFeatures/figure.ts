/**
 * Figure of result 5: critical time against noise, by formula and by training.
 * @module
 */
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { NoisyFeaturesData } from './compute.js';
import { noisyFeaturesRows } from './table.js';

/** The spread of the formula's critical times, max/min, as the panel states it. */
function spreadText(times: readonly (number | null)[]): string {
  const t = times.filter((x): x is number => x !== null);
  return t.length < 2
    ? 'fewer than two critical times'
    : `formula: slowest/fastest = ${formatSignificant(Math.max(...t) / Math.min(...t), 3)}`;
}

/** Legend label of the trained series: the median over the runs, with a bar over their range. */
const TRAINED = 'training on samples (median of the runs)';

/** Which runs trained: `3 runs (seeds 11–13)`, or `1 run (seed 11)`. */
function runsText(seed: number, seedCount: number): string {
  return seedCount === 1 ? `1 run (seed ${seed})` : `${seedCount} runs (seeds ${seed}–${seed + seedCount - 1})`;
}

/**
 * The figure of result 5: one panel per objective, t* against the feature's noise
 * variance γ², from the formula and from training on samples: the median of the trained
 * critical times over the runs (seeds), with a bar from the fastest to the slowest run
 * (a feature no run learned has no training point).
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns a vega-lite specification.
 */
export function noisyFeaturesFigure(data: NoisyFeaturesData): FigureSpec {
  const { depth, epsilon, fraction, samples, seed, seedCount } = data.settings;
  const rows = noisyFeaturesRows(data);
  const plotRows = rows.flatMap((r) => [
    { objective: r.objective, noise: r.noise_variance, t: r.formula_critical_time, source: 'formula (population)' },
    { objective: r.objective, noise: r.noise_variance, t: r.trained_critical_time, source: TRAINED },
  ]);
  const rangeRows = rows.flatMap((r) =>
    r.trained_critical_time_min === null || r.trained_critical_time_max === null
      ? []
      : [
          {
            objective: r.objective,
            noise: r.noise_variance,
            tMin: r.trained_critical_time_min,
            tMax: r.trained_critical_time_max,
            source: TRAINED,
          },
        ],
  );
  const color = { field: 'source', type: 'nominal', title: 'critical time from' } as const;
  // from 0, so that a spread of a few per cent looks like one; the same title on both layers, so the shared axis has one
  const yAxis = { type: 'quantitative', title: 't* (gradient-flow time), axis from 0', scale: { zero: true } } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Noisy features: equal signal s = 1, noise variance γ² (λ = 1, ρ = 1/(1+γ²)); L = ${depth}, ε = ${epsilon}`,
      subtitle: [
        `critical time t* (w̄ = ${fraction}·w̄∞): smaller = learned earlier`,
        `training on n = ${samples} samples of the static model, ${runsText(seed, seedCount)}, each on its own samples: median, bar from the fastest to the slowest run`,
      ],
    },
    hconcat: data.answers.map((a) => ({
      width: 300,
      height: 260,
      title: {
        text: objectiveLabel(a.objective),
        subtitle: [`training: full matrices, η = ${a.learningRate}, ${a.steps} steps`, spreadText(a.formulaCriticalTimes)],
      },
      encoding: {
        x: {
          field: 'noise',
          type: 'quantitative',
          title: 'noise variance γ² of the feature',
          // a tick at each feature's γ², labelled as given (0.25, not 0.3)
          axis: { values: data.settings.noiseVariance, format: '~g', labelFlush: false },
        },
      },
      layer: [
        {
          data: { values: rangeRows.filter((r) => r.objective === a.objective) },
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            y: { field: 'tMin', ...yAxis },
            y2: { field: 'tMax' },
            color,
          },
        },
        {
          data: { values: plotRows.filter((r) => r.objective === a.objective && r.t !== null) },
          mark: { type: 'line', point: { size: 50 } },
          encoding: {
            y: { field: 't', ...yAxis },
            color,
            shape: { field: 'source', type: 'nominal', title: 'critical time from' },
          },
        },
      ],
    })),
  };
}
