/**
 * The registry of the paper's results.
 * @module
 */
import { depthAmplifiesBias } from './results/depthAmplifiesBias/depthAmplifiesBias.js';
import { depthFlip } from './results/depthFlip/depthFlip.js';
import { leadingOrderError } from './results/leadingOrderError/leadingOrderError.js';
import { learningOrderPanels } from './results/learningOrderPanels/learningOrderPanels.js';
import { noisyFeatures } from './results/noisyFeatures/noisyFeatures.js';
import { nonDiagonalCovariances } from './results/nonDiagonalCovariances/nonDiagonalCovariances.js';
import { phaseDiagrams } from './results/phaseDiagrams/phaseDiagrams.js';
import { randomInit } from './results/randomInit/randomInit.js';
import { theoryVsTraining } from './results/theoryVsTraining/theoryVsTraining.js';

/**
 * Every result of `jepa-dynamics reproduce`, in the order it computes and reports them.
 * A new result is one folder under `src/results/` and one entry here.
 * @example
 * ```ts
 * EXPERIMENTS.map((e) => e.id);
 * // => ['1-learning-order', '2-depth-amplifies-bias', '3-depth-flip', '4-theory-vs-training', '5-noisy-features', '6-leading-order-error', '7-non-diagonal-covariances', '8-random-init', '9-phase-diagrams']
 * ```
 */
export const EXPERIMENTS = [
  learningOrderPanels,
  depthAmplifiesBias,
  depthFlip,
  theoryVsTraining,
  noisyFeatures,
  leadingOrderError,
  nonDiagonalCovariances,
  randomInit,
  phaseDiagrams,
] as const;

/** The id of one of {@link EXPERIMENTS}, e.g. `'3-depth-flip'`. */
export type ExperimentId = (typeof EXPERIMENTS)[number]['id'];

/** The experiment with id `Id`, with its own settings and data types. */
export type ExperimentById<Id extends ExperimentId> = Extract<(typeof EXPERIMENTS)[number], { id: Id }>;

/**
 * The experiment with the given id, typed by it.
 * @param id - one of the ids of {@link EXPERIMENTS}.
 * @returns the experiment.
 * @throws `RangeError` for an id that is not registered (possible only from untyped code).
 * @example
 * ```ts
 * experimentById('3-depth-flip').title; // => 'The depth flip: t*_A/t*_B against depth L, by formula, ODE and training'
 * ```
 */
export function experimentById<Id extends ExperimentId>(id: Id): ExperimentById<Id> {
  const found = EXPERIMENTS.find((e): e is ExperimentById<Id> => e.id === id);
  if (found === undefined)
    throw new RangeError(
      `experimentById: no experiment has the id ${JSON.stringify(id)}; the ids are ${EXPERIMENTS.map((e) => e.id).join(', ')}.`,
    );
  return found;
}
