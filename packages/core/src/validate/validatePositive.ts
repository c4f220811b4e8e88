/**
 * Validation of positive finite numbers (scales, rates, tolerances).
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';

/**
 * Checks a positive finite number (a scale, a learning rate, a tolerance).
 *
 * @param where - the public function doing the check (named in the error).
 * @param name - the argument's documented name.
 * @param value - the value to check.
 * @returns the value.
 * @throws {@link InvalidArgumentError} `… must be a positive finite number; …` unless `0 < value < ∞`.
 * @example
 * ```ts
 * validatePositive('train', 'learningRate', 0.1);
 * // => 0.1
 * validatePositive('train', 'learningRate', 0);
 * // => throws InvalidArgumentError: train: invalid argument learningRate: must be a positive finite number; got 0.
 * ```
 */
export function validatePositive(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new InvalidArgumentError(where, name, 'must be a positive finite number', value);
  }
  return value;
}
