/**
 * The paper's results, in the order `reproduce` computes and reports them.
 * @module
 */
import type { ResultDefinition } from './types.js';
import { learningOrderPanels } from './learningOrderPanels.js';
import { depthAmplifiesBias } from './depthAmplifiesBias.js';
import { depthFlip } from './depthFlip.js';
import { theoryVsTraining } from './theoryVsTraining.js';
import { noisyFeatures } from './noisyFeatures.js';
import { leadingOrderError } from './leadingOrderError.js';

/** Every result of `reproduce`. */
export const allResults: readonly ResultDefinition[] = [
  learningOrderPanels,
  depthAmplifiesBias,
  depthFlip,
  theoryVsTraining,
  noisyFeatures,
  leadingOrderError,
];
