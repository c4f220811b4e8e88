/**
 * Validation of a unit of time.
 *
 * @module
 */
import { TIME_UNITS, type TimeUnit } from '../unions/timeUnits.js';
import { validateChoice } from './validateChoice.js';

/**
 * Checks an optional unit of time ({@link TIME_UNITS}); omitted means the project's
 * default, gradient-flow time `t = kη`.
 *
 * @param where - the public function doing the check (named in the error).
 * @param timeUnit - the value to check, or `undefined`.
 * @returns the unit, `'gradient-flow'` when `timeUnit` is undefined.
 * @throws {@link InvalidArgumentError} `… invalid argument timeUnit: must be 'gradient-flow' or 'paper'; …` otherwise.
 * @example
 * ```ts
 * validateTimeUnit('criticalTime', undefined);
 * // => "gradient-flow"
 * validateTimeUnit('criticalTime', 'paper');
 * // => "paper"
 * ```
 */
export function validateTimeUnit(where: string, timeUnit: unknown): TimeUnit {
  return timeUnit === undefined ? 'gradient-flow' : validateChoice(where, 'timeUnit', timeUnit, TIME_UNITS);
}
