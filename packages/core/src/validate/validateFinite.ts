/**
 * Validation of finite numbers.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * Checks a finite number (not NaN, not ±∞).
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @returns the value.
 * @throws {@link InvalidArgumentError} `… must be a finite number; …` otherwise.
 * @example
 * ```ts
 * validateFinite('criticalTimeFormula', 'rho', -0.5);
 * // => -0.5
 * validateFinite('criticalTimeFormula', 'rho', Number.NaN);
 * // => throws InvalidArgumentError: criticalTimeFormula: invalid argument rho: must be a finite number; got NaN.
 * ```
 */
export function validateFinite(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidArgumentError(where, name, 'must be a finite number', value);
  return value;
}
