/**
 * Parsers for command-line flag values. Each throws a {@link UsageError} whose
 * message names the flag, the rule and the value, so every command rejects bad
 * input the same way.
 * @module
 */
import { UsageError } from './errors.js';

function fail(flag: string, rule: string, raw: string): never {
  throw new UsageError(`${flag} must be ${rule}; got ${JSON.stringify(raw)}.`);
}

/** A finite number (decimal or exponent notation). */
export function parseFiniteNumber(flag: string, raw: string): number {
  const s = raw.trim();
  const x = s === '' ? Number.NaN : Number(s);
  if (!Number.isFinite(x)) fail(flag, 'a finite number', raw);
  return x;
}

/** A finite number > 0. */
export function parsePositiveNumber(flag: string, raw: string): number {
  const x = parseFiniteNumber(flag, raw);
  if (!(x > 0)) fail(flag, 'a positive number', raw);
  return x;
}

/** An integer in `[min, max]`. */
export function parseInteger(flag: string, raw: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const s = raw.trim();
  const x = /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
  const range =
    min === Number.MIN_SAFE_INTEGER
      ? 'an integer'
      : max === Number.MAX_SAFE_INTEGER
        ? `an integer ≥ ${min}`
        : `an integer from ${min} to ${max}`;
  if (!Number.isSafeInteger(x) || x < min || x > max) fail(flag, range, raw);
  return x;
}

/** One of a fixed set of choices. */
export function parseChoice<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === raw);
  if (found === undefined) fail(flag, `one of ${choices.join(', ')}`, raw);
  return found;
}

/** Requires that a flag was given. */
export function required<T>(flag: string, value: T | undefined): T {
  if (value === undefined) throw new UsageError(`${flag} is required.`);
  return value;
}

/** Parses `--fraction`: a number with 0 < p < 1. */
export function parseFraction(raw: string): number {
  const p = parseFiniteNumber('--fraction', raw);
  if (!(p > 0 && p < 1)) throw new UsageError(`--fraction must be a number with 0 < p < 1; got ${JSON.stringify(raw)}.`);
  return p;
}
