/**
 * The rule one setting of a run obeys: how to check a value, and what it means.
 *
 * @module
 */
import {
  InvalidArgumentError,
  validateChoice,
  validateFinite,
  validateInteger,
  validatePositive,
  validateUnitInterval,
  type UnitInterval,
} from '@jepa-dynamics/core';

/** A JSON value a setting may take: numbers, strings, booleans, null, and arrays or objects of them. */
export type SettingValue = number | string | boolean | null | readonly SettingValue[] | { readonly [key: string]: SettingValue };

/** The rule of one setting of a run kind. */
export interface SettingRule {
  /** One line for documentation and error messages, e.g. `encoder depth L, integer ≥ 1`. */
  readonly doc: string;
  /** Whether a run must give it. */
  readonly required: boolean;
  /**
   * Checks a value, throwing `InvalidArgumentError(where, name, rule, value)` with the
   * project's wording; returns the value (as stored in the run).
   */
  check(where: string, name: string, value: unknown): SettingValue;
}

/** A setting that is one of `choices`. */
export function choiceRule(doc: string, choices: readonly string[], required = false): SettingRule {
  return { doc, required, check: (where, name, value) => validateChoice(where, name, value, choices) };
}

/** An integer in `[minimum, maximum]`. */
export function integerRule(doc: string, minimum: number, maximum?: number, required = false): SettingRule {
  return { doc, required, check: (where, name, value) => validateInteger(where, name, value, minimum, maximum) };
}

/** A positive finite number. */
export function positiveRule(doc: string, required = false): SettingRule {
  return { doc, required, check: (where, name, value) => validatePositive(where, name, value) };
}

/** A finite number. */
export function finiteRule(doc: string, required = false): SettingRule {
  return { doc, required, check: (where, name, value) => validateFinite(where, name, value) };
}

/** A number in a subinterval of [0, 1]. */
export function unitIntervalRule(doc: string, interval: UnitInterval, required = false): SettingRule {
  return { doc, required, check: (where, name, value) => validateUnitInterval(where, name, value, interval) };
}

/** An array of finite numbers (e.g. one row of a matrix), each named `name[j]` in an error. */
export function finiteNumbers(where: string, name: string, value: unknown): SettingValue {
  if (!Array.isArray(value)) throw new InvalidArgumentError(where, name, 'must be an array of numbers', value);
  return value.map((x: unknown, j) => validateFinite(where, `${name}[${j}]`, x));
}

/** A non-empty array (at most `maxLength` entries) whose entries each obey `entry`. */
export function arrayRule(
  doc: string,
  entry: (where: string, name: string, value: unknown) => SettingValue,
  maxLength: number,
  required = false,
): SettingRule {
  return {
    doc,
    required,
    check: (where, name, value) => {
      if (!Array.isArray(value) || value.length === 0 || value.length > maxLength) {
        throw new InvalidArgumentError(where, name, `must be an array of 1 to ${maxLength} entries`, value);
      }
      return value.map((x: unknown, i) => entry(where, `${name}[${i}]`, x));
    },
  };
}

/** An object whose keys are among `fields` (each checked by its own function). */
export function recordCheck(
  fields: Readonly<Record<string, (where: string, name: string, value: unknown) => SettingValue>>,
): (where: string, name: string, value: unknown) => { [key: string]: SettingValue } {
  return (where, name, value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InvalidArgumentError(where, name, `must be an object with keys among ${Object.keys(fields).join(', ')}`, value);
    }
    const out: { [key: string]: SettingValue } = {};
    for (const [key, x] of Object.entries(value)) {
      const check = fields[key];
      if (check === undefined)
        throw new InvalidArgumentError(where, `${name}.${key}`, `is not allowed; allowed: ${Object.keys(fields).join(', ')}`, x);
      out[key] = check(where, `${name}.${key}`, x);
    }
    return out;
  };
}
