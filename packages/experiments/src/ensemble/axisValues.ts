/**
 * The values of one axis of a sweep, as a specification writes them.
 *
 * @module
 */
import { InvalidArgumentError, validateChoice, validateFinite, validateInteger } from '@jepa-dynamics/core';
import type { SettingValue } from './settingRule.js';

/**
 * Most values one axis may expand to (a grid's size is the product over axes).
 *
 * @example
 * ```ts
 * MAX_AXIS_VALUES; // => 1000000
 * ```
 */
export const MAX_AXIS_VALUES = 1_000_000;

/**
 * How a specification writes an axis:
 * - a list of values: `[1, 2, 4]`;
 * - a range of `count` points from `from` to `to` inclusive, evenly spaced (`scale: 'linear'`,
 *   the default) or evenly spaced in the logarithm (`'log'`, both ends > 0):
 *   `{ "from": 1e-6, "to": 1e-1, "count": 6, "scale": "log" }`;
 * - consecutive integers as a string `"a..b"` (both included): `"0..199"`.
 */
export type AxisSpec = readonly SettingValue[] | { from: number; to: number; count: number; scale?: 'linear' | 'log' } | string;

/**
 * Expands an {@link AxisSpec} to its values. Range points are `from + (to − from)·k/(count − 1)`
 * (linear) or `10^{log₁₀ from + (log₁₀ to − log₁₀ from)·k/(count − 1)}` (log: decades fall on
 * powers of ten exactly), with both ends exactly `from` and `to`.
 *
 * @param axis - the axis as written.
 * @param where - the public function to name.
 * @param argument - the axis's name in errors, e.g. `axes.epsilon`.
 * @returns its values, in order.
 * @throws `InvalidArgumentError` naming `argument` (or `argument.count`, …) when the axis is malformed.
 * @example
 * ```ts
 * axisValues({ from: 1e-6, to: 1e-1, count: 6, scale: 'log' }); // => [0.000001, 0.00001, 0.0001, 0.001, 0.01, 0.1]
 * axisValues('3..6'); // => [3, 4, 5, 6]
 * axisValues([2, 8]); // => [2, 8]
 * axisValues('6..3', 'sweep', 'axes.seed'); // => throws InvalidArgumentError: axes.seed: must be "a..b" with integers a ≤ b
 * ```
 */
export function axisValues(axis: AxisSpec, where = 'axisValues', argument = 'axis'): SettingValue[] {
  if (Array.isArray(axis)) {
    if (axis.length === 0 || axis.length > MAX_AXIS_VALUES)
      throw new InvalidArgumentError(where, argument, `must hold 1 to ${MAX_AXIS_VALUES} values`, axis);
    return [...(axis as readonly SettingValue[])];
  }
  if (typeof axis === 'string') {
    const m = /^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$/.exec(axis);
    const a = m === null ? Number.NaN : Number(m[1]);
    const b = m === null ? Number.NaN : Number(m[2]);
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a > b || b - a >= MAX_AXIS_VALUES) {
      throw new InvalidArgumentError(where, argument, `must be "a..b" with integers a ≤ b (at most ${MAX_AXIS_VALUES} of them)`, axis);
    }
    return Array.from({ length: b - a + 1 }, (_, k) => a + k);
  }
  if (typeof axis !== 'object' || axis === null) {
    throw new InvalidArgumentError(where, argument, 'must be a list of values, a range {"from", "to", "count", "scale"} or "a..b"', axis);
  }
  const record = axis as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['from', 'to', 'count', 'scale'].includes(key))
      throw new InvalidArgumentError(where, `${argument}.${key}`, 'is not a field of a range (from, to, count, scale)', record[key]);
  }
  const from = validateFinite(where, `${argument}.from`, record.from);
  const to = validateFinite(where, `${argument}.to`, record.to);
  const count = validateInteger(where, `${argument}.count`, record.count, 1, MAX_AXIS_VALUES);
  const scale = validateChoice(where, `${argument}.scale`, record.scale ?? 'linear', ['linear', 'log'] as const);
  if (scale === 'log' && !(from > 0 && to > 0))
    throw new InvalidArgumentError(where, `${argument}.from`, 'and to must be > 0 on a log scale', from > 0 ? to : from);
  if (count === 1) {
    if (from !== to) throw new InvalidArgumentError(where, `${argument}.count`, 'must be ≥ 2 when from ≠ to', count);
    return [from];
  }
  return Array.from({ length: count }, (_, k) => {
    if (k === 0) return from;
    if (k === count - 1) return to;
    // multiply before dividing: exact grid points stay exact (5·1/5 = 1, where 5·(1/5) is not);
    // log: in decimal exponents, so decades land on the powers of ten (10^-4 exactly, not 1e-6·(1e5)^0.4)
    if (scale === 'log') {
      const exponent = Math.log10(from) + ((Math.log10(to) - Math.log10(from)) * k) / (count - 1);
      // an integer exponent as the decimal literal 1eN (correctly rounded; V8's Math.pow(10, -5) is not)
      return Number.isInteger(exponent) ? Number(`1e${exponent}`) : Math.pow(10, exponent);
    }
    return from + ((to - from) * k) / (count - 1);
  });
}
