/**
 * Result 4 of `reproduce`: Theory vs training.
 * @module
 */
import { UnavailableError, type ResultDefinition } from './types.js';

/** Theory vs training. */
export const theoryVsTraining: ResultDefinition = {
  id: '4-theory-vs-training',
  title: 'Theory vs training',
  steps: () => 1,
  run: () => Promise.reject(new UnavailableError('needs  simulated and ODE trajectories:population-gradient training with aligned and random init (@jepa-dynamics/sim), not yet available')),
};
