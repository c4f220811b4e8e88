/**
 * Validation of the initialisation scale ε.
 *
 * @module
 */
import { validatePositive } from './validatePositive.js';

/**
 * Checks the initialisation scale ε: a positive finite number (`w̄(0) = ε`, each of
 * the L + 1 factors starting at `ε^{1/L}`; docs/math.md §1).
 *
 * @param where - the public function doing the check (named in the error).
 * @param epsilon - the value to check.
 * @returns ε.
 * @throws {@link InvalidArgumentError} `… invalid argument epsilon: must be a positive finite number; …` otherwise.
 * @example
 * ```ts
 * validateEpsilon('criticalTime', 1e-3);
 * // => 0.001
 * validateEpsilon('criticalTime', -1);
 * // => throws InvalidArgumentError: criticalTime: invalid argument epsilon: must be a positive finite number; got -1.
 * ```
 */
export function validateEpsilon(where: string, epsilon: unknown): number {
  return validatePositive(where, 'epsilon', epsilon);
}
