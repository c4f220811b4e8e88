/**
 * Validation of the fraction p that defines a critical time.
 *
 * @module
 */
import { validateUnitInterval } from './validateUnitInterval.js';

/**
 * Checks the fraction p of the fixed point `w̄∞` that defines the critical time
 * `t*_p` (docs/math.md §3): `0 < p < 1`, since p = 1 is reached only as t → ∞.
 *
 * @param where - the public function doing the check (named in the error).
 * @param fraction - the value to check.
 * @returns p.
 * @throws {@link InvalidArgumentError} `… invalid argument fraction: must be a number in (0, 1); …` otherwise.
 * @example
 * ```ts
 * validateFraction('criticalTime', 0.5);
 * // => 0.5
 * validateFraction('criticalTime', 1);
 * // => throws InvalidArgumentError: criticalTime: invalid argument fraction: must be a number in (0, 1); got 1.
 * ```
 */
export function validateFraction(where: string, fraction: unknown): number {
  return validateUnitInterval(where, 'fraction', fraction, '(0, 1)');
}
