/**
 * A setting of the batched closed forms that is either one number for every feature or
 * a column with one number per feature.
 *
 * @module
 */
import { InvalidArgumentError, validateInteger, validatePositive } from '@jepa-dynamics/core';
import type { NumberColumn } from './featureArrays.js';

/** One number for every feature, or one per feature (a column as long as the features). */
export type BatchParameter = number | NumberColumn;

/** A validated {@link BatchParameter}: `column` is null when one `value` holds for every feature. Internal. */
export interface ResolvedBatchParameter {
  readonly value: number;
  readonly column: NumberColumn | null;
}

/**
 * Validates a {@link BatchParameter} in one pass. `isValid` is the cheap test run on every
 * entry; only an entry that fails it is handed to `validate` (a validator of
 * `@jepa-dynamics/core`), which throws the project's wording naming `name[i]`.
 * Internal.
 */
export function resolveBatchParameter(
  where: string,
  name: string,
  value: unknown,
  length: number,
  isValid: (x: number) => boolean,
  validate: (where: string, name: string, value: unknown) => number,
): ResolvedBatchParameter {
  if (typeof value === 'number' || typeof value !== 'object' || value === null)
    return { value: validate(where, name, value), column: null };
  if (!(value instanceof Float64Array) && !Array.isArray(value)) {
    throw new InvalidArgumentError(where, name, 'must be a number or a Float64Array or array with one number per feature', value);
  }
  const column = value as NumberColumn;
  if (column.length !== length) {
    throw new InvalidArgumentError(where, name, `must have one entry per feature (${length})`, `length ${column.length}`);
  }
  for (let i = 0; i < length; i++) {
    const x = column[i];
    if (typeof x !== 'number' || !isValid(x)) validate(where, `${name}[${i}]`, x);
  }
  return { value: Number.NaN, column };
}

/** The depth L of a batch: integers ≥ 1, one or one per feature. Internal. */
export function resolveBatchDepth(where: string, value: unknown, length: number): ResolvedBatchParameter {
  return resolveBatchParameter(
    where,
    'depth',
    value,
    length,
    (x) => Number.isSafeInteger(x) && x >= 1,
    (w, name, v) => validateInteger(w, name, v, 1),
  );
}

/** The initialisation scale ε of a batch: positive finite numbers, one or one per feature. Internal. */
export function resolveBatchEpsilon(where: string, value: unknown, length: number): ResolvedBatchParameter {
  return resolveBatchParameter(where, 'epsilon', value, length, (x) => x > 0 && x < Infinity, validatePositive);
}
