import { cas } from '../cas.js';
import { casCertificate, type Certificate, type SpotCheck } from '../Certificate.js';

/** A decomposition to certify by clearing denominators; see {@link clearedIdentityCertificate}. */
export interface ClearedIdentity {
  /** The certificate's step name. */
  readonly step: string;
  /** What is certified. */
  readonly claim: string;
  /** The terms of the decomposition, each written with the factor symbols (e.g. `rho^(-4)/q`). */
  readonly terms: readonly string[];
  /** What they must sum to, with the same symbols (e.g. `1/(s^4*q)`). */
  readonly target: string;
  /** The product that clears every denominator (e.g. `(rho^5*s^4*q)`). */
  readonly clearing: string;
  /** Each factor symbol and the factor it stands for, outermost substitution first (e.g. `[['q', 'rho-s']]`). */
  readonly substitutions: readonly (readonly [symbol: string, factor: string])[];
  /** The numeric spot check of the decomposition. */
  readonly check: SpotCheck;
}

/**
 * The CAS certificate of a partial-fraction decomposition (docs/derivation.md, step 4):
 * every term and the target are multiplied by `clearing` with each denominator factor
 * held as a symbol, so the CAS only multiplies monomials; the factors are then substituted
 * and the result, a polynomial identity, expanded:
 * `expand(subst(f1, q1, … (clearing·t1 + … − clearing·target)))` must be 0.
 * Expanding the rational identity itself is avoided: algebrite's time explodes on it and
 * it can leave wrong non-zero remainders (pinned in test/deriveJepa.test.ts).
 *
 * @param identity - terms, target, clearing product, substitutions, and the spot check.
 * @returns the certificate (route `'cas'`).
 * @throws {DerivationError} if algebrite fails on the input.
 * @example
 * // 1/(s(1−s)) = 1/s + 1/(1−s), q = 1 − s
 * clearedIdentityCertificate({
 *   step: 'partial-fractions', claim: 'c', terms: ['1/s', '1/q'], target: '1/(s*q)', clearing: '(s*q)',
 *   substitutions: [['q', '1-s']], check: { points: 1, maxError: 0, tolerance: 0, measure: 'absolute', holds: true },
 * }).reduced; // => '0'
 */
export function clearedIdentityCertificate(identity: ClearedIdentity): Certificate {
  const { clearing } = identity;
  let body = `${identity.terms.map((t) => `${clearing}*(${t})`).join(' + ')} - ${clearing}*(${identity.target})`;
  for (let i = identity.substitutions.length - 1; i >= 0; i--) {
    const [symbol, factor] = identity.substitutions[i];
    body = `subst(${factor}, ${symbol}, ${body})`;
  }
  const expression = `expand(${body})`;
  return casCertificate(identity.step, identity.claim, expression, cas(expression), identity.check);
}
