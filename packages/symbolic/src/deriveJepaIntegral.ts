import { cas, casBatch } from './cas.js';
import { casFunction } from './casFunction.js';
import { casCertificate, spotCheck, type Certificate } from './Certificate.js';
import { clearedIdentityCertificate } from './scalarFlow/clearedIdentity.js';
import {
  antiderivativeCertificate,
  integrateTerms,
  singularCoefficients,
  sumOf,
  termsAt,
  timeDifference,
} from './scalarFlow/integrateTerms.js';
import { expression } from './Expression.js';
import type { IntegralDerivation } from './IntegralDerivation.js';
import { evaluatorCheck } from './evaluatorCheck.js';
import { jepaTime } from './jepaTime.js';
import { leadingOrderRemainderCheck } from './leadingOrderRemainderCheck.js';
import { spotPoints } from './spotPoints.js';

/**
 * Steps 4–6 for JEPA at depth L (docs/math.md §3): partial fractions at n = 2L, the
 * antiderivative term by term, t(u), t*_p and the singular terms as ε → 0.
 * Internal step of {@link derive}.
 *
 * Route: the partial-fraction identity is certified by clearing denominators with
 * the factor (ρ − s) held as a separate symbol q, so that the CAS only multiplies
 * monomials and expands a polynomial; algebrite's `expand`/`simplify` on the rational
 * functions themselves is avoided (it blows up beyond L = 3 and, multiplied through
 * without q, leaves wrong non-zero remainders).
 *
 * @param L - depth (validated by the caller).
 * @param dudt - the derived du/dt (CAS form, in λ and σ²).
 * @returns the expressions and certificates.
 */
export function deriveJepaIntegral(L: number, dudt: string): IntegralDerivation {
  const n = 2 * L;
  const certificates: Certificate[] = [];
  const points = spotPoints('jepa', L, 12, 3000 + L);

  // dt/du = 1/(du/dt); with λ = ρσ², du/dt = σ² u^{2L}(ρ − u)
  const integrandId = `expand(subst(rho*s2, lam, ${dudt}) - s2*u^${n}*(rho - u))`;
  const duF = casFunction(dudt);
  certificates.push(
    casCertificate(
      'integrand',
      `du/dt = σ² u^${n}(ρ − u), so t(u) = (1/σ²) ∫_{u0}^{u} ds / (s^${n}(ρ − s))`,
      integrandId,
      cas(integrandId),
      spotCheck(
        points.map((q) => [duF({ lam: q.lam, s2: q.s2, u: q.uStar }), q.s2 * q.uStar ** n * (q.rho - q.uStar)] as const),
        1e-13,
        'relative',
      ),
    ),
  );

  // docs/math.md §3 partial fractions at n = 2L: 1/(s^n(ρ−s)) = Σ_{k=1}^{n} ρ^{k−n−1} s^{−k} + ρ^{−n}/(ρ − s)
  const terms = Array.from({ length: n }, (_, i) => `rho^(${i + 1 - n - 1})*s^(${-(i + 1)})`);
  terms.push(`rho^(${-n})/(rho-s)`);
  const withQ = [...terms.slice(0, n), `rho^(${-n})/q`];
  const decomposition = terms.join(' + ');
  const decF = casFunction(decomposition);
  const pfPairs = points.map((q) => {
    const s = 0.5 * (q.u0 + q.uStar);
    return [decF({ rho: q.rho, s }), 1 / (s ** n * (q.rho - s))] as const;
  });
  certificates.push(
    clearedIdentityCertificate({
      step: 'partial-fractions',
      claim: `1/(s^${n}(ρ − s)) = Σ_{k=1}^{${n}} ρ^{k−${n + 1}} s^{−k} + ρ^{−${n}}/(ρ − s); cleared of the denominator ρ^${n + 1} s^${n} (ρ − s) it is a polynomial identity`,
      terms: withQ,
      target: `1/(s^${n}*q)`,
      clearing: `(rho^(${n + 1})*s^${n}*q)`,
      substitutions: [['q', 'rho-s']],
      check: spotCheck(pfPairs, 1e-12, 'relative'),
    }),
  );

  // antiderivative term by term, each certified by differentiating back
  const F = integrateTerms(terms, 's');
  const antiderivative = sumOf(F);
  const FF = casFunction(antiderivative);
  const backPairs = points.map((q) => {
    // fourth-order central difference; h small against s so the truncation error stays below 1e-7
    const s = 0.5 * (q.u0 + q.uStar);
    const h = 1e-4 * s;
    const f = (x: number): number => FF({ rho: q.rho, s: x });
    const deriv = (8 * (f(s + h) - f(s - h)) - (f(s + 2 * h) - f(s - 2 * h))) / (12 * h);
    return [deriv, 1 / (s ** n * (q.rho - s))] as const;
  });
  certificates.push(
    antiderivativeCertificate(
      F,
      terms,
      's',
      'antiderivative',
      'each term of F(s) = Σ_{k≥2} −ρ^{k−n−1} s^{1−k}/(k−1) + ρ^{−n} ln s − ρ^{−n} ln(ρ − s) differentiates back to its partial fraction',
      spotCheck(backPairs, 1e-6, 'relative'),
    ),
  );

  // t(u) = (1/σ²)(F(u) − F(u0)), written in λ and ρ (1/σ² = ρ/λ); substituted term by term
  const uStar = L === 1 ? 'p*rho' : `p^(1/${L})*rho`;
  const Fu = termsAt(F, 's', 'u');
  const Fu0 = termsAt(F, 's', 'u0');
  const Fstar = termsAt(F, 's', `(${uStar})`);
  const tOfU = timeDifference('(rho/lam)', Fu, Fu0, 'grouped');
  const tStar = timeDifference('(rho/lam)', Fstar, Fu0, 'grouped');
  certificates.push(
    evaluatorCheck(
      jepaTime(L),
      tOfU,
      tStar,
      points,
      `the fast evaluator (jepaTime(${L})) equals the derived t(u) and t*_p at u* = p^{1/L} ρ`,
      'jepaTime(L).tOfU and .tStar against the CAS expressions compiled by mathjs (the expressions lose digits to cancellation between u0^{1−k} terms, hence 1e-8)',
    ),
  );

  // 6. as ε → 0 only −F(u0) depends on ε. The CAS extracts the coefficient c_k of u0^{1−k} from
  // each term and c_log of ln u0, and shows that each term is exactly that monomial (or log), so that
  // nothing singular is left in the last term ρ^{−n} ln(ρ − u0). In z = 1/u0 = ε^{−1/L}:
  // singular part Σ_n −(ρ/λ) c_{n+1} z^n and log part (ρ/λ) c_log ln z (ln u0 = −ln z).
  const singular = singularCoefficients(
    Fu0.slice(1, n),
    Fu0.slice(1, n).map((_, i) => -(i + 1)),
    Fu0[0],
    Fu0,
    'u0',
  );
  const { coefficients, logCoefficient } = singular;
  const singularZ = coefficients.map((c, i) => `(-rho/lam)*(${c})*z^${i + 1}`).join(' + ');
  const paperSum = Array.from({ length: n - 1 }, (_, i) => `1/(${i + 1}*rho^(${n - 2 - i})*lam)*z^${i + 1}`).join(' + ');
  const logZ = cas(`(rho/lam)*(${logCoefficient})`);
  const loIds = [`expand(k1*(${singularZ} - (${paperSum})) + k2*((${logZ}) - (rho^(${1 - n})/lam)))`, ...singular.identities];
  const loReduced = casBatch(loIds);
  // in ε: z = ε^{−1/L}, ln z = −ln(ε)/L
  const [leading, logTerm] = casBatch([
    coefficients.map((c, i) => `(-rho/lam)*(${c})*epsilon^(-${i + 1}/${L})`).join(' + '),
    `(${logZ})*(-log(epsilon)/${L})`,
  ]);
  // remainder: t* minus the singular and log terms = (ρ/λ)(F(u*) − ρ^{−n}-log term at u0), regular as u0 → 0
  const remainder = `(rho/lam)*((${sumOf(Fstar)}) - (${Fu0[n]}))`;
  const leadingF = casFunction(leading);
  certificates.push(
    casCertificate(
      'leading-order',
      `the singular terms of t* are Σ_{n=1}^{${n - 1}} 1/(n ρ^{${n - 1}−n} λ ε^{n/L}) (the paper's sum) plus the log term ρ^{${1 - n}} ln(1/ε)/(${L}λ); every other term of −F(u0) is exactly one of these monomials`,
      loIds.join('\n'),
      loReduced.every((r) => r === '0') ? '0' : loReduced.join('; '),
      spotCheck(
        points.map((q) => [leadingF({ lam: q.lam, rho: q.rho, epsilon: q.epsilon }), sumPaper(L, q.lam, q.rho, q.epsilon)] as const),
        1e-12,
        'relative',
      ),
    ),
  );
  certificates.push(leadingOrderRemainderCheck('jepa', L, remainder));

  return {
    integrand: expression(`1/(s2*u^${n}*(rho - u))`),
    decomposition: expression(decomposition),
    antiderivative: expression(antiderivative),
    tOfU: expression(tOfU),
    uStar: expression(uStar),
    tStar: expression(tStar),
    existence: `t*_p exists iff ε < p·w̄∞ = p ρ^${L} (ρ > 0), i.e. u0 = ε^{1/${L}} < u* = p^{1/${L}} ρ`,
    leadingOrder: expression(`${leading} + (${logTerm})`),
    logTerm: expression(logTerm),
    remainder: expression(remainder),
    certificates,
  };
}

/** docs/math.md §3 JEPA leading order, summed directly: Σ_{n=1}^{2L−1} 1/(n ρ^{2L−1−n} λ ε^{n/L}). */
function sumPaper(L: number, lam: number, rho: number, epsilon: number): number {
  let s = 0;
  for (let n = 1; n < 2 * L; n++) s += 1 / (n * rho ** (2 * L - 1 - n) * lam * epsilon ** (n / L));
  return s;
}
