/**
 * The roots of a scalar flow's numerator (its fixed points, real and complex) and
 * denominator (its poles), found exactly where possible and otherwise with certified
 * inclusion disks.
 *
 * @module
 */
import { polynomialRoots } from './polynomialRoots.js';
import { isZero, rational, rationalCas, toNumber, type Rational } from './rational.js';
import { polyEval, polyToNumbers, squareFreeFactors, type RationalPolynomial } from './rationalPolynomial.js';

/** One distinct root with its multiplicity. */
export interface FlowRoot {
  readonly re: number;
  /** 0 for real roots; complex roots come in conjugate pairs, the one with im > 0 first. */
  readonly im: number;
  readonly real: boolean;
  /** Certified radius of a disk around (re, im) holding this root alone (0 when exact). */
  readonly radius: number;
  readonly multiplicity: number;
  /** The root in CAS syntax (internal names) when known exactly, else null. */
  readonly exact: string | null;
}

/** The roots of a polynomial over ℚ; see {@link rationalPolynomialRoots}. */
export interface RationalPolynomialRoots {
  readonly roots: readonly FlowRoot[];
  /** Every inclusion disk is disjoint from the others and every root certified real or non-real. */
  readonly certified: boolean;
  /** Largest radius/max(1, |root|) over the inexact roots (0 when all are exact). */
  readonly largestRelativeRadius: number;
  /** The square-free factors and multiplicities (exact), for the factorisation certificate. */
  readonly factors: readonly { readonly factor: RationalPolynomial; readonly multiplicity: number }[];
  /** The leading coefficient. */
  readonly lead: Rational;
}

/** The continued-fraction convergents of x with denominators up to `maxDenominator`. */
function convergents(x: number, maxDenominator: number): Rational[] {
  const out: Rational[] = [];
  let [h0, h1] = [0n, 1n];
  let [k0, k1] = [1n, 0n];
  let y = x;
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(y);
    if (!Number.isFinite(a) || Math.abs(a) > 1e15) break;
    const A = BigInt(a);
    [h0, h1] = [h1, A * h1 + h0];
    [k0, k1] = [k1, A * k1 + k0];
    if (k1 > BigInt(maxDenominator)) break;
    out.push(rational(h1, k1));
    const frac = y - a;
    if (frac === 0) break;
    y = 1 / frac;
  }
  return out;
}

/**
 * Every root of a polynomial over ℚ: exact square-free factorisation (Yun), then the
 * roots of each factor by Aberth–Ehrlich with certified disks; a real root whose disk
 * holds a rational with denominator ≤ 10⁶ that is an exact root (tested in exact
 * arithmetic) is made exact, and so is the root 0.
 *
 * @param p - the polynomial, not zero.
 * @returns the roots, real ones first by increasing value.
 * @example
 * // x²(x − 1/2)(x² + 1) = x⁵ − x⁴/2 + x³ − x²/2
 * const q = (n: bigint, d = 1n) => ({ n, d });
 * const r = rationalPolynomialRoots([q(0n), q(0n), q(-1n, 2n), q(1n), q(-1n, 2n), q(1n)]);
 * r.roots.filter((x) => x.real).map((x) => [x.re, x.multiplicity, x.exact]); // => [[0, 2, '0'], [0.5, 1, '(1/2)']]
 * r.roots.filter((x) => !x.real).map((x) => [Math.abs(x.re) < 1e-15, x.im]); // => [[true, 1], [true, -1]]
 */
export function rationalPolynomialRoots(p: RationalPolynomial): RationalPolynomialRoots {
  const { lead, factors } = squareFreeFactors(p);
  const roots: FlowRoot[] = [];
  let certified = true;
  let largestRelativeRadius = 0;
  for (const { factor, multiplicity } of factors) {
    const found = polynomialRoots(polyToNumbers(factor));
    certified &&= found.certified;
    for (const r of found.roots) {
      if (r.real) {
        const exact = r.re === 0 && isZero(factor[0]) ? rational(0n) : snap(factor, r.re, r.radius);
        if (exact !== null) {
          roots.push({ re: toNumber(exact), im: 0, real: true, radius: 0, multiplicity, exact: rationalCas(exact) });
          continue;
        }
      }
      largestRelativeRadius = Math.max(largestRelativeRadius, r.radius / Math.max(1, Math.hypot(r.re, r.im)));
      roots.push({ re: r.re, im: r.im, real: r.real, radius: r.radius, multiplicity, exact: null });
    }
  }
  const real = roots.filter((r) => r.real).sort((a, b) => a.re - b.re);
  // real roots of different factors must have disjoint disks too, so that their order is certain
  for (let i = 0; i + 1 < real.length; i++) if (real[i].re + real[i].radius >= real[i + 1].re - real[i + 1].radius) certified = false;
  return { roots: [...real, ...roots.filter((r) => !r.real)], certified, largestRelativeRadius, factors, lead };
}

function snap(factor: RationalPolynomial, x: number, radius: number): Rational | null {
  for (const q of convergents(x, 1_000_000)) {
    if (Math.abs(toNumber(q) - x) > 2 * radius + 4 * Number.EPSILON * Math.abs(x)) continue;
    if (isZero(polyEval(factor, q))) return q;
  }
  return null;
}
