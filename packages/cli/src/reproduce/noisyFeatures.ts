/**
 * Result 5 of `reproduce`: Noisy features.
 * @module
 */
import { UnavailableError, type ResultDefinition } from './types.js';

/** Noisy features. */
export const noisyFeatures: ResultDefinition = {
  id: '5-noisy-features',
  title: 'Noisy features',
  steps: () => 1,
  run: () => Promise.reject(new UnavailableError('needs  which features JEPA and MAE learn first:the static generative model and finite-sample training (@jepa-dynamics/sim), not yet available')),
};
