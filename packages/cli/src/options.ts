/**
 * Parsers for command-line flag values. Each throws a {@link UsageError} whose
 * message names the flag, the rule and the value, so every command rejects bad
 * input the same way. Every number goes through {@link parseDecimal}: numbers on the
 * command line are decimal (DESIGN.md), so `0x10`, `0b1`, `0o7`, `Infinity`, `1e`,
 * `3abc`, `' 3'` and the empty string are rejected by every numeric flag alike.
 * @module
 */
import { MIN_RELATIVE_TOLERANCE, RELATIVE_TOLERANCE_RULE } from '@jepa-dynamics/core';
import { UsageError } from './errors.js';

function fail(flag: string, rule: string, raw: string): never {
  throw new UsageError(`${flag} must be ${rule}; got ${JSON.stringify(raw)}.`);
}

/**
 * A decimal number as people write them: optional sign, digits with an optional decimal
 * point, optional exponent (`3`, `-0.5`, `.5`, `1e-3`, `2.5E+4`). Nothing else: no hex,
 * binary or octal prefixes, no `Infinity`/`NaN`, no surrounding spaces, no trailing text.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a decimal number, NaN for anything else: the one place a flag's text becomes a number. */
function decimalValue(raw: string): number {
  return DECIMAL.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * A finite decimal number: the shared parser of every numeric flag. Anything else fails
 * with `<flag> must be a finite number in decimal notation (e.g. 3, -0.5, 1e-3)`; the
 * callers then check their own range with their own rule.
 */
export function parseDecimal(flag: string, raw: string): number {
  const x = decimalValue(raw);
  if (!Number.isFinite(x)) fail(flag, 'a finite number in decimal notation (e.g. 3, -0.5, 1e-3)', raw);
  return x;
}

/** A finite number (decimal or exponent notation). */
export function parseFiniteNumber(flag: string, raw: string): number {
  return parseDecimal(flag, raw);
}

/** A finite number > 0. */
export function parsePositiveNumber(flag: string, raw: string): number {
  const x = parseDecimal(flag, raw);
  if (!(x > 0)) fail(flag, 'a positive number', raw);
  return x;
}

/** An integer in `[min, max]`, written in decimal (`100`, `1e5` and `100.0` are the same integer). */
export function parseInteger(flag: string, raw: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const range =
    min === Number.MIN_SAFE_INTEGER
      ? 'an integer'
      : max === Number.MAX_SAFE_INTEGER
        ? `an integer ≥ ${min}`
        : `an integer from ${min} to ${max}`;
  const x = decimalValue(raw);
  if (!Number.isSafeInteger(x) || x < min || x > max) fail(flag, range, raw);
  return x;
}

/** A relative tolerance: `100·ε_mach ≤ r < 1` (core's `validateRelativeTolerance`, with the flag named). */
export function parseRelativeTolerance(flag: string, raw: string): number {
  const x = decimalValue(raw);
  if (!(x >= MIN_RELATIVE_TOLERANCE && x < 1)) fail(flag, RELATIVE_TOLERANCE_RULE.replace(/^must be /, ''), raw);
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
  const p = decimalValue(raw);
  if (!(p > 0 && p < 1)) fail('--fraction', 'a number with 0 < p < 1', raw);
  return p;
}
