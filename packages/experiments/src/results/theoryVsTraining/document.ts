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
  const { depth, epsilon, features, runs, seed } = data.settings;
  return {
    description: 'Full-matrix gradient descent with population gradients vs the per-feature ODE from the same ε.',
    conventions: { time: 'gradient-flow time t = kη', deviation: 'max over recorded steps and features of |w̄_sim − w̄_ode|' },
    setting: { depth, epsilon, features, runs, seed },
    runs: data.runs,
    halvedLearningRate: data.halvedLearningRate,
  };
}
