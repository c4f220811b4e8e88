/**
 * Exact rational numbers on `bigint`: the arithmetic of the scalar-flow pipeline's
 * polynomials over ℚ (the rational normal form, square-free factorisation, exact root
 * tests), independent of the CAS. Numbers given as JavaScript numbers enter through their
 * shortest decimal form (`0.01` is 1/100, not the binary double nearest to it).
 *
 * @module
 */

/** A reduced fraction n/d with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The fraction n/d in lowest terms.
 *
 * @param n - numerator.
 * @param d - denominator, not 0.
 * @returns the reduced fraction.
 * @throws {RangeError} when d is 0.
 * @example
 * const q = rational(6n, -4n);
 * `${q.n}/${q.d}`; // => '-3/2'
 */
export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcdBig(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** 0 and 1. */
export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/**
 * The exact value of a decimal string such as `"0.01"`, `"-2.5e-3"`, `"3"`.
 *
 * @param s - a decimal literal (optional sign, digits, optional fraction, optional exponent).
 * @returns the rational, or null when `s` is not such a literal.
 * @example
 * const q = parseDecimal('2.5e-3');
 * q === null ? null : `${q.n}/${q.d}`; // => '1/400'
 */
export function parseDecimal(s: string): Rational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const exponent = (m[4] === undefined ? 0 : Number(m[4])) - (m[3] ?? '').length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100000) return null;
  let n = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') n = -n;
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return rational(n, d);
}

/**
 * The exact rational of a finite number's shortest decimal form (what `String(x)` prints).
 *
 * @param x - a finite number.
 * @returns the rational.
 * @throws {RangeError} for a non-finite number.
 * @example
 * const q = fromNumber(0.1);
 * `${q.n}/${q.d}`; // => '1/10'
 */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`fromNumber: ${x} is not finite`);
  const q = parseDecimal(String(x));
  if (q === null) throw new RangeError(`fromNumber: cannot read ${x}`);
  return q;
}

/**
 * The double nearest to a rational (correctly rounded: the quotient is formed with 64
 * significant bits plus a sticky bit for a non-zero remainder, which `Number()` of a
 * bigint then rounds to nearest).
 *
 * @param q - the rational.
 * @returns its value as a number (±Infinity beyond the double range).
 * @example
 * toNumber(rational(1n, 3n)); // => 0.3333333333333333
 */
export function toNumber(q: Rational): number {
  if (q.n === 0n) return 0;
  const neg = q.n < 0n;
  const a = neg ? -q.n : q.n;
  // scale so that the integer quotient has about 64 bits, then convert and undo the scale
  const shift = 64 - (bitLength(a) - bitLength(q.d));
  const num = shift >= 0 ? a << BigInt(shift) : a;
  const den = shift >= 0 ? q.d : q.d << BigInt(-shift);
  let quotient = num / den;
  if (num % den !== 0n) quotient |= 1n;
  // in two factors, so that neither underflows or overflows where the value itself does not
  const half = Math.trunc(shift / 2);
  const value = Number(quotient) * Math.pow(2, -half) * Math.pow(2, half - shift);
  return neg ? -value : value;
}

function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** q + r. */
export function add(q: Rational, r: Rational): Rational {
  return q.d === r.d ? rational(q.n + r.n, q.d) : rational(q.n * r.d + r.n * q.d, q.d * r.d);
}

/** q − r. */
export function sub(q: Rational, r: Rational): Rational {
  return add(q, neg(r));
}

/** q·r. */
export function mul(q: Rational, r: Rational): Rational {
  return rational(q.n * r.n, q.d * r.d);
}

/** q/r; throws RangeError for r = 0. */
export function div(q: Rational, r: Rational): Rational {
  return rational(q.n * r.d, q.d * r.n);
}

/** −q. */
export function neg(q: Rational): Rational {
  return { n: -q.n, d: q.d };
}

/** q^k for an integer k (k < 0 requires q ≠ 0). */
export function pow(q: Rational, k: number): Rational {
  if (k < 0) return div(ONE, pow(q, -k));
  return { n: q.n ** BigInt(k), d: q.d ** BigInt(k) };
}

/** Whether q is 0. */
export function isZero(q: Rational): boolean {
  return q.n === 0n;
}

/** Sign of q − r: −1, 0 or 1. */
export function compare(q: Rational, r: Rational): number {
  const x = q.n * r.d - r.n * q.d;
  return x === 0n ? 0 : x < 0n ? -1 : 1;
}

/** Whether q is an integer. */
export function isInteger(q: Rational): boolean {
  return q.d === 1n;
}

/**
 * CAS (algebrite) and mathjs syntax for q: `3`, `-1/100`.
 *
 * @param q - the rational.
 * @returns the literal, parenthesised when negative or a fraction (safe inside any product).
 * @example
 * [rationalCas(rational(-1n, 100n)), rationalCas(rational(3n))]; // => ['(-1/100)', '3']
 */
export function rationalCas(q: Rational): string {
  const body = q.d === 1n ? `${q.n}` : `${q.n}/${q.d}`;
  return q.d === 1n && q.n >= 0n ? body : `(${body})`;
}

/**
 * Reads a rational printed by the CAS (`-3/4`, `12`), or null for anything else.
 *
 * @param s - algebrite output.
 * @returns the rational, or null.
 * @example
 * const q = parseCasRational('-3/4');
 * q === null ? null : `${q.n}/${q.d}`; // => '-3/4'
 */
export function parseCasRational(s: string): Rational | null {
  const m = /^\(?(-?\d+)(?:\/(\d+))?\)?$/.exec(s.trim());
  if (m === null) return null;
  return rational(BigInt(m[1]), m[2] === undefined ? 1n : BigInt(m[2]));
}
