import { cas, casBatch } from '../cas.js';
import { casCertificate, type Certificate, type SpotCheck } from '../Certificate.js';

/** A term as it may stand after `-` in CAS input: parenthesised unless it is a product or a power of a symbol. */
function guarded(term: string): string {
  return /^[^-+][^+-]*$/.test(term) || /^[A-Za-z0-9_]+\^\(-?\d+\)$/.test(term) ? term : `(${term})`;
}

/**
 * Integrates each term of a decomposition with the CAS, one term at a time:
 * `integral(t_i, x)` (certify the result with {@link antiderivativeCertificate}).
 *
 * @param terms - the terms (CAS input), in the variable `x`.
 * @param x - the integration variable.
 * @returns F_i = ∫ t_i dx, as the CAS prints them.
 * @throws {DerivationError} if algebrite cannot integrate a term.
 * @example
 * integrateTerms(['s^(-2)', '1/s'], 's'); // => ['-1/s', 'log(s)']
 */
export function integrateTerms(terms: readonly string[], x: string): string[] {
  return casBatch(terms.map((t) => `integral(${t}, ${x})`));
}

/**
 * Certifies antiderivatives by differentiating back: with independent multipliers k_i,
 * `expand(Σ k_i (d(F_i, x) − t_i))` must be 0 (one identity equivalent to all of them);
 * a single term is checked without multiplier.
 *
 * @param antiderivatives - F_i.
 * @param terms - t_i, the CAS input they were integrated from.
 * @param x - the variable.
 * @param step - the certificate's step name.
 * @param claim - what is certified.
 * @param check - the numeric spot check.
 * @returns the certificate (route `'cas'`).
 * @example
 * antiderivativeCertificate(['-1/s', 'log(s)'], ['s^(-2)', '1/s'], 's', 'antiderivative', 'c', { points: 1, maxError: 0, tolerance: 0, measure: 'absolute', holds: true }).holds; // => true
 */
export function antiderivativeCertificate(
  antiderivatives: readonly string[],
  terms: readonly string[],
  x: string,
  step: string,
  claim: string,
  check: SpotCheck,
): Certificate {
  const identity =
    terms.length === 1
      ? `expand(d(${antiderivatives[0]}, ${x}) - ${guarded(terms[0])})`
      : `expand(${antiderivatives.map((f, i) => `k${i}*(d(${f}, ${x}) - (${terms[i]}))`).join(' + ')})`;
  return casCertificate(step, claim, identity, cas(identity), check);
}

/**
 * Each antiderivative at a point: `subst(point, x, F_i)` by the CAS, batched.
 *
 * @param antiderivatives - F_i in the variable `x`.
 * @param x - the variable.
 * @param point - CAS expression substituted for `x` (e.g. `u0`, `(p^(1/2)*rho)`).
 * @returns F_i(point), as the CAS prints them.
 * @example
 * termsAt(['log(s)', '-1/s'], 's', 'u'); // => ['log(u)', '-1/u']
 */
export function termsAt(antiderivatives: readonly string[], x: string, point: string): string[] {
  return casBatch(antiderivatives.map((f) => `subst(${point}, ${x}, ${f})`));
}

/**
 * The sum of CAS terms, each parenthesised: `(a) + (b) + …`.
 *
 * @param parts - the terms.
 * @returns their sum as CAS input.
 * @example
 * sumOf(['a', '-b']); // => '(a) + (-b)'
 */
export function sumOf(parts: readonly string[]): string {
  return parts.map((p) => `(${p})`).join(' + ');
}

/**
 * t = prefactor·(F(b) − F(a)) assembled from the terms at the two points, not re-simplified
 * (a CAS pass over the whole sum costs ~0.3 s at L = 8). `'grouped'`:
 * `prefactor*((ΣF(b)) - (ΣF(a)))`; `'interleaved'`: `prefactor*((F_1(b)) - (F_1(a)) + …)`.
 *
 * @param prefactor - CAS factor in front (e.g. `(rho/lam)`), or `''` for none.
 * @param at - F_i at the end point.
 * @param from - F_i at the start point.
 * @param grouping - how the difference is written.
 * @returns the CAS expression.
 * @example
 * timeDifference('(1/lam)', ['log(u)'], ['log(u0)'], 'interleaved'); // => '(1/lam)*((log(u)) - (log(u0)))'
 */
export function timeDifference(
  prefactor: string,
  at: readonly string[],
  from: readonly string[],
  grouping: 'grouped' | 'interleaved',
): string {
  const times = prefactor === '' ? '' : `${prefactor}*`;
  if (grouping === 'grouped') return `${times}((${sumOf(at)}) - (${sumOf(from)}))`;
  return `${times}(${at.map((f, i) => `(${f}) - (${from[i]})`).join(' + ')})`;
}

/** The singular structure of terms at a point; see {@link singularCoefficients}. */
export interface SingularCoefficients {
  /** c_i with term_i = c_i·w^{power_i}, for the power terms in order. */
  readonly coefficients: readonly string[];
  /** The coefficient of ln w in the sum of all terms. */
  readonly logCoefficient: string;
  /** The CAS identities `term_i − c_i w^{power_i}` (and `logTerm − c_log ln w`), which must reduce to 0. */
  readonly identities: readonly string[];
}

/**
 * Step 6 of the pipeline (the leading order as the start w → 0): extracts from each power
 * term its coefficient of w^{power}, and from the sum of `all` terms the coefficient of
 * ln w, and writes the identities that show each singular term is exactly that monomial
 * (or logarithm), so that nothing singular hides in the rest.
 *
 * @param powerTerms - the terms that should be c·w^{power}.
 * @param powers - their powers (negative integers).
 * @param logTerm - the term that should be c_log·ln w, or null.
 * @param all - every term at w (the log coefficient is taken from their sum).
 * @param w - the small variable's CAS name (e.g. `u0`).
 * @returns coefficients, log coefficient and identities.
 * @example
 * singularCoefficients(['-1/(2*u0^2)'], [-2], 'log(u0)', ['log(u0)', '-1/(2*u0^2)'], 'u0').coefficients; // => ['-1/2']
 */
export function singularCoefficients(
  powerTerms: readonly string[],
  powers: readonly number[],
  logTerm: string | null,
  all: readonly string[],
  w: string,
): SingularCoefficients {
  const coefficients = casBatch(powerTerms.map((f, i) => `coeff(${f}, ${w}, ${powers[i]})`));
  const logCoefficient = cas(`coeff(subst(ln${w}, log(${w}), ${sumOf(all)}), ln${w}, 1)`);
  const identities = [
    ...coefficients.map((c, i) => `(${powerTerms[i]}) - (${c})*${w}^(${powers[i]})`),
    ...(logTerm === null ? [] : [`(${logTerm}) - (${logCoefficient})*log(${w})`]),
  ];
  return { coefficients, logCoefficient, identities };
}
