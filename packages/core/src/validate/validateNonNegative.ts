/**
 * Validation of non-negative finite numbers (absolute tolerances, times from 0).
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * Checks a non-negative finite number.
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @returns the value.
 * @throws {@link InvalidArgumentError} `… must be a non-negative finite number; …` unless `0 ≤ value < ∞`.
 * @example
 * ```ts
 * validateNonNegative('flowTrajectory', 'atol', 0);
 * // => 0
 * validateNonNegative('flowTrajectory', 'atol', -1e-12);
 * // => throws InvalidArgumentError: must be a non-negative finite number
 * ```
 */
export function validateNonNegative(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value >= 0)) {
    throw new InvalidArgumentError(where, name, 'must be a non-negative finite number', value);
  }
  return value;
}
