/**
 * Validation of a training objective.
 *
 * @module
 */
import { OBJECTIVES, type Objective } from '../unions/objectives.js';
import { validateChoice } from './validateChoice.js';

/**
 * Checks a training objective, `'jepa'` or `'mae'` ({@link OBJECTIVES}).
 *
 * @param where - the public function doing the check (named in the error).
 * @param objective - the value to check.
 * @returns the objective.
 * @throws {@link InvalidArgumentError} `… invalid argument objective: must be 'jepa' or 'mae'; …` otherwise.
 * @example
 * ```ts
 * validateObjective('derive', 'mae');
 * // => "mae"
 * validateObjective('derive', 'vae');
 * // => throws InvalidArgumentError: derive: invalid argument objective: must be 'jepa' or 'mae'; got "vae".
 * ```
 */
export function validateObjective(where: string, objective: unknown): Objective {
  return validateChoice(where, 'objective', objective, OBJECTIVES);
}
