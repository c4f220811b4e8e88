/**
 * Result 5 of `reproduce`: noisy features.
 * @module
 */
import type { Experiment } from '../../experiment.js';
import { computeNoisyFeatures, type NoisyFeaturesData } from './compute.js';
import { noisyFeaturesDocument } from './document.js';
import { noisyFeaturesFigure } from './figure.js';
import { noisyFeaturesSettings, type NoisyFeaturesSettings } from './setting.js';
import { noisyFeaturesSummary } from './summary.js';
import { noisyFeaturesTable } from './table.js';

/**
 * Result 5: features of equal signal and increasing noise. JEPA learns the least noisy
 * first, MAE the noisiest; by the formula and by training on samples. One unit of work
 * (training run) per objective.
 * @example
 * ```ts
 * const settings = { ...noisyFeatures.settings('quick'), objectives: ['jepa'], samples: 2000, runs: { jepa: { tEnd: 50, learningRate: 0.05 }, mae: { tEnd: 1, learningRate: 0.01 } } };
 * const data = await noisyFeatures.run(settings);
 * data.answers[0].formulaOrder; // => [0, 1, 2, 3, 4]  (least noisy first)
 * ```
 */
export const noisyFeatures: Experiment<NoisyFeaturesSettings, NoisyFeaturesData, '5-noisy-features'> = {
  id: '5-noisy-features',
  title: 'Noisy features: which features JEPA and MAE learn first (equal signal, increasing noise)',
  settings: noisyFeaturesSettings,
  units: (settings) => settings.objectives.length * settings.seedCount,
  run: computeNoisyFeatures,
  document: noisyFeaturesDocument,
  table: noisyFeaturesTable,
  figure: noisyFeaturesFigure,
  summary: noisyFeaturesSummary,
};
