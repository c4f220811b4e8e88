/**
 * JSON document of result 4.
 * @module
 */
import type { TheoryVsTrainingData } from './compute.js';

/**
 * The JSON document of result 4: conventions, setting, the runs at η and at η/2.
 * @param data - what {@link computeTheoryVsTraining} returned.
 * @returns a JSON-compatible object.
 */
export function theoryVsTrainingDocument(data: TheoryVsTrainingData): Record<string, unknown> {
  const { depth, epsilon, features, runs, seed, fraction } = data.settings;
  return {
    description: 'Full-matrix gradient descent with population gradients vs the per-feature ODE from the same ε.',
    conventions: {
      time: 'gradient-flow time t = kη',
      deviation: 'max over recorded steps and features of |w̄_sim − w̄_ode|',
      learned: `a component (w̄_i aligned; the i-th largest singular value of W̄ random) is learned when it reaches ${fraction}·w̄∞ (the i-th largest w̄∞ for random init) and stays at or above it at every record to the end of the run; learning[i].learnedAt is then the first step at or above it (aligned) or the crossing interpolated between records (random), else null`,
    },
    setting: { depth, epsilon, fraction, features, runs, seed },
    runs: data.runs,
    halvedLearningRate: data.halvedLearningRate,
  };
}
