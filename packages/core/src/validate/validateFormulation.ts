/**
 * Validation of a per-feature flow's formulation.
 *
 * @module
 */
import { FORMULATIONS, type Formulation } from '../unions/formulations.js';
import { validateChoice } from './validateChoice.js';

/**
 * Checks a formulation of a per-feature flow ({@link FORMULATIONS}).
 *
 * @param where - the public function doing the check (named in the error).
 * @param formulation - the value to check.
 * @returns the formulation.
 * @throws {@link InvalidArgumentError} `… must be 'per-layer', 'end-to-end' or 'layerwise'; …` otherwise.
 * @example
 * ```ts
 * validateFormulation('flowTrajectory', 'layerwise');
 * // => "layerwise"
 * validateFormulation('flowTrajectory', 'matrix');
 * // => throws InvalidArgumentError: must be 'per-layer', 'end-to-end' or 'layerwise'
 * ```
 */
export function validateFormulation(where: string, formulation: unknown): Formulation {
  return validateChoice(where, 'formulation', formulation, FORMULATIONS);
}
