/**
 * JSON document of result 5.
 * @module
 */
import type { NoisyFeaturesData } from './compute.js';

/**
 * The JSON document of result 5: conventions, setting, the features and each
 * objective's answer.
 * @param data - what {@link computeNoisyFeatures} returned.
 * @returns a JSON-compatible object.
 */
export function noisyFeaturesDocument(data: NoisyFeaturesData): Record<string, unknown> {
  const { signalVariance, noiseVariance, depth, epsilon, fraction, samples, seed, seedCount, runs } = data.settings;
  return {
    description: 'Static generative model, equal signal, increasing noise: learning order by formula and by finite-sample training.',
    conventions: {
      time: 'gradient-flow time t = kη',
      criticalTime: `time to reach ${fraction}·w̄∞ (w̄∞ from the population moments)`,
      trainedCriticalTime: `first step at which w̄_i = (W̄)_ii reaches ${fraction}·w̄∞,i, counted only if w̄_i stays at or above it at every record to the end of the run; per feature the median over the runs (seeds seed … seed + seedCount − 1) that learned it, with the range`,
    },
    setting: { signalVariance, noiseVariance, depth, epsilon, fraction, samples, seed, seedCount, runs },
    features: data.features,
    answers: data.answers,
  };
}
