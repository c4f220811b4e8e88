import { casFunction } from './casFunction.js';
import { numericCertificate, spotCheck, type Certificate } from './Certificate.js';
import type { ParameterPoint } from './spotPoints.js';
import type { TimeEvaluator } from './TimeEvaluator.js';

/**
 * The evaluator certificate of step 5 (both objectives): the fast evaluator's t(u) at the
 * midpoint u = (u0 + u*)/2 and its t*_p against the derived CAS expressions compiled by
 * mathjs, at every spot point, to 1e-8 relative (the expressions lose digits to
 * cancellation between u0^{1−k} terms).
 *
 * @param fast - the fast evaluator (jepaTime(L) or maeTime(L)).
 * @param tOfU - the derived t(u) as a CAS expression in λ (`lam`), ρ, u0 and u.
 * @param tStar - the derived t*_p as a CAS expression in λ, ρ, u0 and p.
 * @param points - the spot points.
 * @param claim - the certificate's claim.
 * @param identity - what is compared, for the certificate.
 * @returns the certificate (numeric route, step `evaluator`).
 */
export function evaluatorCheck(
  fast: TimeEvaluator,
  tOfU: string,
  tStar: string,
  points: readonly ParameterPoint[],
  claim: string,
  identity: string,
): Certificate {
  const tF = casFunction(tOfU);
  const tsF = casFunction(tStar);
  const pairs: (readonly [number, number])[] = [];
  for (const q of points) {
    const u = 0.5 * (q.u0 + q.uStar);
    pairs.push([fast.tOfU(u, q.lam, q.rho, q.epsilon), tF({ lam: q.lam, rho: q.rho, u0: q.u0, u })]);
    pairs.push([fast.tStar(q.lam, q.rho, q.epsilon, q.p) ?? Number.NaN, tsF({ lam: q.lam, rho: q.rho, u0: q.u0, p: q.p })]);
  }
  return numericCertificate('evaluator', claim, identity, spotCheck(pairs, 1e-8, 'relative'));
}
