/**
 * Polynomials over ℚ, exactly (coefficients lowest degree first, no trailing zeros; the
 * zero polynomial is `[]`): what the scalar-flow pipeline needs to put a flow with numeric
 * parameters in rational normal form N/D, cancel common factors, split N into square-free
 * factors and test candidate roots exactly. Euclid's algorithm on monic remainders; the
 * degrees met here are tens at most.
 *
 * @module
 */
import { ONE, ZERO, add, compare, div, isZero, mul, neg, rational, rationalCas, sub, toNumber, type Rational } from './rational.js';

/** A polynomial over ℚ: `c[k]` is the coefficient of x^k; no trailing zeros. */
export type RationalPolynomial = readonly Rational[];

function trim(c: Rational[]): Rational[] {
  let n = c.length;
  while (n > 0 && isZero(c[n - 1])) n--;
  return c.slice(0, n);
}

/**
 * A polynomial from its coefficients (lowest degree first), trailing zeros dropped.
 *
 * @param coefficients - c_0, c_1, …
 * @returns the polynomial.
 * @example
 * polynomial([{ n: 1n, d: 1n }, { n: 0n, d: 1n }]).length; // => 1
 */
export function polynomial(coefficients: readonly Rational[]): RationalPolynomial {
  return trim([...coefficients]);
}

/** Degree (−1 for the zero polynomial). */
export function degree(p: RationalPolynomial): number {
  return p.length - 1;
}

/** p + q. */
export function polyAdd(p: RationalPolynomial, q: RationalPolynomial): RationalPolynomial {
  const out: Rational[] = [];
  for (let k = 0; k < Math.max(p.length, q.length); k++) out.push(add(p[k] ?? ZERO, q[k] ?? ZERO));
  return trim(out);
}

/** p − q. */
export function polySub(p: RationalPolynomial, q: RationalPolynomial): RationalPolynomial {
  return polyAdd(p, polyScale(q, neg(ONE)));
}

/** c·p. */
export function polyScale(p: RationalPolynomial, c: Rational): RationalPolynomial {
  return isZero(c) ? [] : p.map((a) => mul(a, c));
}

/** p·q. */
export function polyMul(p: RationalPolynomial, q: RationalPolynomial): RationalPolynomial {
  if (p.length === 0 || q.length === 0) return [];
  const out: Rational[] = Array.from({ length: p.length + q.length - 1 }, () => ZERO);
  for (let i = 0; i < p.length; i++) {
    if (isZero(p[i])) continue;
    for (let j = 0; j < q.length; j++) out[i + j] = add(out[i + j], mul(p[i], q[j]));
  }
  return trim(out);
}

/** p^k, k ≥ 0. */
export function polyPow(p: RationalPolynomial, k: number): RationalPolynomial {
  let out: RationalPolynomial = [ONE];
  for (let i = 0; i < k; i++) out = polyMul(out, p);
  return out;
}

/**
 * Quotient and remainder of p by q ≠ 0: p = quotient·q + remainder, deg remainder < deg q.
 *
 * @param p - dividend.
 * @param q - divisor, not zero.
 * @returns `[quotient, remainder]`.
 * @throws {RangeError} when q is the zero polynomial.
 * @example
 * // (x² − 1) / (x − 1) = x + 1
 * const q = (n: bigint) => ({ n, d: 1n });
 * const [quo, rem] = polyDivMod([q(-1n), q(0n), q(1n)], [q(-1n), q(1n)]);
 * [quo.map((c) => Number(c.n)), rem.length]; // => [[1, 1], 0]
 */
export function polyDivMod(p: RationalPolynomial, q: RationalPolynomial): [RationalPolynomial, RationalPolynomial] {
  if (q.length === 0) throw new RangeError('polyDivMod: division by the zero polynomial');
  const r = [...p];
  const dq = q.length - 1;
  const lead = q[dq];
  const quotient: Rational[] = Array.from({ length: Math.max(0, p.length - dq) }, () => ZERO);
  for (let k = p.length - 1; k >= dq; k--) {
    if (isZero(r[k])) continue;
    const c = div(r[k], lead);
    quotient[k - dq] = c;
    for (let j = 0; j <= dq; j++) r[k - dq + j] = sub(r[k - dq + j], mul(c, q[j]));
  }
  return [trim(quotient), trim(r.slice(0, dq))];
}

/** The monic multiple of p (p itself when zero). */
export function monic(p: RationalPolynomial): RationalPolynomial {
  if (p.length === 0) return p;
  const lead = p[p.length - 1];
  return compare(lead, ONE) === 0 ? p : p.map((c) => div(c, lead));
}

/**
 * The monic greatest common divisor (Euclid's algorithm).
 *
 * @param p - a polynomial.
 * @param q - a polynomial.
 * @returns gcd(p, q), monic (`[]` when both are zero).
 * @example
 * // gcd(x²(x − 1)², 2x(2x − 1)(x − 1)) = x(x − 1) = x² − x
 * const q = (n: bigint) => ({ n, d: 1n });
 * polyGcd([q(0n), q(0n), q(1n), q(-2n), q(1n)], [q(0n), q(2n), q(-6n), q(4n)]).map((c) => Number(c.n)); // => [0, -1, 1]
 */
export function polyGcd(p: RationalPolynomial, q: RationalPolynomial): RationalPolynomial {
  let a = monic(p);
  let b = monic(q);
  while (b.length > 0) {
    const [, r] = polyDivMod(a, b);
    a = b;
    b = monic(r);
  }
  return monic(a);
}

/** p′. */
export function polyDerivative(p: RationalPolynomial): RationalPolynomial {
  return trim(p.slice(1).map((c, k) => mul(c, rational(BigInt(k + 1)))));
}

/** p(x), exactly (Horner). */
export function polyEval(p: RationalPolynomial, x: Rational): Rational {
  let v = ZERO;
  for (let k = p.length - 1; k >= 0; k--) v = add(mul(v, x), p[k]);
  return v;
}

/** The coefficients as the nearest doubles. */
export function polyToNumbers(p: RationalPolynomial): Float64Array {
  return Float64Array.from(p, toNumber);
}

/**
 * CAS (and mathjs) syntax for p in the variable `x`.
 *
 * @param p - the polynomial.
 * @param x - the variable's name.
 * @returns e.g. `(-1/100)*u + 2*u^6`; `0` for the zero polynomial.
 * @example
 * polyToCas([{ n: -1n, d: 100n }, { n: 0n, d: 1n }, { n: 2n, d: 1n }], 'u'); // => '(-1/100) + 2*u^2'
 */
export function polyToCas(p: RationalPolynomial, x: string): string {
  const terms: string[] = [];
  p.forEach((c, k) => {
    if (isZero(c)) return;
    const power = k === 0 ? '' : k === 1 ? x : `${x}^${k}`;
    terms.push(k === 0 ? rationalCas(c) : compare(c, ONE) === 0 ? power : `${rationalCas(c)}*${power}`);
  });
  return terms.length === 0 ? '0' : terms.join(' + ');
}

/** One square-free factor and its multiplicity. */
export interface SquareFreeFactor {
  /** Monic, square-free, degree ≥ 1. */
  readonly factor: RationalPolynomial;
  readonly multiplicity: number;
}

/**
 * Yun's square-free factorisation: p = lead · Π_i factor_i^{multiplicity_i}, the factors
 * monic, square-free and pairwise coprime.
 *
 * @param p - a polynomial of degree ≥ 0, not zero.
 * @returns the leading coefficient and the factors (by increasing multiplicity).
 * @throws {RangeError} for the zero polynomial.
 * @example
 * // x³ − x² = x²(x − 1)
 * const q = (n: bigint) => ({ n, d: 1n });
 * const { factors } = squareFreeFactors([q(0n), q(0n), q(-1n), q(1n)]);
 * factors.map((f) => [f.factor.map((c) => Number(c.n)), f.multiplicity]); // => [[[-1, 1], 1], [[0, 1], 2]]
 */
export function squareFreeFactors(p: RationalPolynomial): { lead: Rational; factors: SquareFreeFactor[] } {
  if (p.length === 0) throw new RangeError('squareFreeFactors: the zero polynomial has no factorisation');
  const lead = p[p.length - 1];
  const factors: SquareFreeFactor[] = [];
  if (p.length === 1) return { lead, factors };
  const a = monic(p);
  const b = polyDerivative(a);
  const c = polyGcd(a, b);
  let w = polyDivMod(a, c)[0];
  let y = polyDivMod(b, c)[0];
  let z = polySub(y, polyDerivative(w));
  for (let i = 1; w.length > 1; i++) {
    const g = polyGcd(w, z);
    if (g.length > 1) factors.push({ factor: g, multiplicity: i });
    w = polyDivMod(w, g)[0];
    y = polyDivMod(z, g)[0];
    z = polySub(y, polyDerivative(w));
  }
  return { lead, factors };
}
