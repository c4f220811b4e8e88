/**
 * The argument checks of the dense linear algebra: orders and dimensions, array
 * lengths, and outputs that must not overlap inputs. The public routines call them
 * before their kernels (`kernels/`), which assume valid input. Internal: each check
 * costs O(1), so validation never sits in a hot loop.
 *
 * @module
 */
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { validateInteger } from '../validate/validateInteger.js';

/** The order n of a square matrix: an integer ≥ 1. */
export function validateOrder(where: string, n: unknown): number {
  return validateInteger(where, 'n', n, 1);
}

/** A dimension (rows, columns, inner size) of a product: an integer ≥ 0. */
export function validateDimension(where: string, name: string, value: unknown): number {
  return validateInteger(where, name, value, 0);
}

/**
 * A `Float64Array` of at least `minimum` entries; `size` says how the minimum is
 * computed (e.g. `n² = 9`). A typed-array view silently ignores writes past its end, so
 * a short output would otherwise corrupt results quietly.
 */
export function validateFloat64Array(where: string, name: string, array: unknown, minimum: number, size: string): Float64Array {
  if (!(array instanceof Float64Array)) throw new InvalidArgumentError(where, name, 'must be a Float64Array', array);
  if (array.length < minimum) throw new InvalidArgumentError(where, name, `must have length at least ${size}`, array.length);
  return array;
}

/** An `Int32Array` of at least `minimum` entries (row-swap records). */
export function validateInt32Array(where: string, name: string, array: unknown, minimum: number, size: string): Int32Array {
  if (!(array instanceof Int32Array)) throw new InvalidArgumentError(where, name, 'must be an Int32Array', array);
  if (array.length < minimum) throw new InvalidArgumentError(where, name, `must have length at least ${size}`, array.length);
  return array;
}

/**
 * An output whose first `outLength` entries must not share memory with the first
 * `otherLength` entries of an input: the kernels read inputs after writing outputs, so
 * an overlap would change the result silently.
 */
export function validateNoOverlap(
  where: string,
  name: string,
  out: Float64Array,
  outLength: number,
  otherName: string,
  other: Float64Array,
  otherLength: number,
): void {
  if (out.buffer !== other.buffer || outLength === 0 || otherLength === 0) return;
  const start = out.byteOffset,
    end = start + 8 * outLength;
  const otherStart = other.byteOffset,
    otherEnd = otherStart + 8 * otherLength;
  if (start < otherEnd && otherStart < end)
    throw new InvalidArgumentError(where, name, `must not overlap ${otherName} (they share memory)`, `${outLength} entries`);
}

/** An n×n matrix: n an integer ≥ 1 and `a` a `Float64Array` of at least n² entries. Returns n². */
export function validateSquareMatrix(where: string, name: string, a: unknown, n: unknown): number {
  const size = validateOrder(where, n) ** 2;
  validateFloat64Array(where, name, a, size, `n² = ${size}`);
  return size;
}
