import { cas, casBatch } from './cas.js';
import { casFunction } from './casFunction.js';
import { casCertificate, numericCertificate, spotCheck, type Certificate } from './Certificate.js';
import { clearedIdentityCertificate } from './scalarFlow/clearedIdentity.js';
import { antiderivativeCertificate, integrateTerms, singularCoefficients, termsAt, timeDifference } from './scalarFlow/integrateTerms.js';
import { expression } from './Expression.js';
import type { IntegralDerivation } from './IntegralDerivation.js';
import { evaluatorCheck } from './evaluatorCheck.js';
import { leadingOrderRemainderCheck } from './leadingOrderRemainderCheck.js';
import { maeTime } from './maeTime.js';
import { seededUniform } from './seededUniform.js';
import { spotPoints } from './spotPoints.js';

/** CAS derivatives of G's generic terms, with cos θ = c, sin θ = S, cos 2θ = C2, sin 2θ = S2 as symbols (computed once). */
let genericDerivatives: { pair: string; first: string; even: string } | undefined;

function termDerivatives(): { pair: string; first: string; even: string } {
  genericDerivatives ??= {
    pair: cas('d(C2*log(1 - 2*x*c + x^2) - 2*S2*arctan(x*S/(1 - x*c)), x)'),
    first: cas('d(log(1 - x), x)'),
    even: cas('d(log(1 + x), x)'),
  };
  return genericDerivatives;
}

/**
 * G(u) = ∫_0^u s/(ρ − s^m) ds, m = L + 1, in real closed form (x = u ρ^{−1/m} given as the
 * CAS string `x`): the partial fractions of
 * s/(ρ − s^m) over the m-th roots r ω^j of ρ (r = ρ^{1/m}), paired j ↔ m − j, give
 *
 *     G(u) = −(ρ^{2/m−1}/m) [ ln(1−x) + [m even] ln(1+x)
 *             + Σ_{j=1}^{⌊(m−1)/2⌋} ( cos(2θ_j) ln(1 − 2x cos θ_j + x²) − 2 sin(2θ_j) atan(x sin θ_j/(1 − x cos θ_j)) ) ],
 *
 * x = u/r, θ_j = 2πj/m. Returned as CAS input, built from the partial fractions and not
 * simplified by the CAS (its evaluation of the trigonometric constants costs ~0.4 s per use at m = 9).
 */
function gClosedForm(m: number, xExpression: string): string {
  // parenthesised: `x^2` must square the whole of x (p^(1/2)^2 would parse as p^((1/2)^2))
  const x = `(${xExpression})`;
  const J = Math.floor((m - 1) / 2);
  const parts = [`log(1 - ${x})`];
  if (m % 2 === 0) parts.push(`log(1 + ${x})`);
  for (let j = 1; j <= J; j++) {
    // cos 2θ ln(1 − 2x cos θ + x²) − 2 sin 2θ atan(x sin θ/(1 − x cos θ)), the coefficients as the CAS prints them
    const [c2, minus2c, minus2s2, s, minusC] = rootConstants(m, j);
    parts.push(`(${c2})*log(1 + (${minus2c})*${x} + ${x}^2)`);
    parts.push(`(${minus2s2})*arctan((${s})*${x}/(1 + (${minusC})*${x}))`);
  }
  const g = gcd(2 - m, m);
  // prefactor −ρ^{2/m−1}/m (ρ^0 at m = 2)
  const prefactor = m === 2 ? '(-1/2)' : `(-rho^(${(2 - m) / g}/${m / g})/${m})`;
  return `${prefactor}*(${parts.map((p) => `(${p})`).join(' + ')})`;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

const rootConstantCache = new Map<string, readonly string[]>();

/** cos 2θ_j, −2cos θ_j, −2sin 2θ_j, sin θ_j, −cos θ_j (θ_j = 2πj/m) as the CAS prints them: exact surds where it knows them (m = 3, 4, 6). */
function rootConstants(m: number, j: number): readonly string[] {
  const key = `${m}:${j}`;
  let hit = rootConstantCache.get(key);
  if (hit === undefined) {
    hit = casBatch([
      `cos(4*pi*${j}/${m})`,
      `-2*cos(2*pi*${j}/${m})`,
      `-2*sin(4*pi*${j}/${m})`,
      `sin(2*pi*${j}/${m})`,
      `-cos(2*pi*${j}/${m})`,
    ]);
    rootConstantCache.set(key, hit);
  }
  return hit;
}

/**
 * Steps 4–6 for MAE at depth L (docs/math.md §3): the split, the power term, G in closed
 * form through the (L+1)-th roots of ρ, t(u), t*_p and the singular term as ε → 0.
 * Internal step of {@link derive}.
 *
 * Route: the split is certified with (ρ − s^{L+1}) held as a symbol q (monomial
 * products and a polynomial `expand` only). G's derivative is certified numerically
 * (50 seeded points, 1e-13 relative) from CAS derivatives of its generic log/atan terms:
 * algebrite's `d` followed by simplification of the concrete arctan terms takes tens of
 * seconds already at m = 3 and does not reduce to 0. Where G has no arctan (m = 2, 4,
 * i.e. L = 1, 3) the derivative is also certified symbolically, as a polynomial identity.
 *
 * @param L - depth (validated by the caller).
 * @param dudt - the derived du/dt (CAS form, in λ and σ²).
 * @returns the expressions and certificates.
 */
export function deriveMaeIntegral(L: number, dudt: string): IntegralDerivation {
  const m = L + 1;
  const certificates: Certificate[] = [];
  const points = spotPoints('mae', L, 12, 4000 + L);

  const integrandId = `expand(subst(rho*s2, lam, ${dudt}) - s2*u^${L}*(rho - u^${m}))`;
  const duF = casFunction(dudt);
  certificates.push(
    casCertificate(
      'integrand',
      `du/dt = σ² u^${L}(ρ − u^${m}), so t(u) = (1/σ²) ∫_{u0}^{u} ds / (s^${L}(ρ − s^${m}))`,
      integrandId,
      cas(integrandId),
      spotCheck(
        points.map((q) => [duF({ lam: q.lam, s2: q.s2, u: q.uStar }), q.s2 * q.uStar ** L * (q.rho - q.uStar ** m)] as const),
        1e-13,
        'relative',
      ),
    ),
  );

  // docs/math.md §3 split: 1/(s^L(ρ − s^m)) = (1/ρ) s^{−L} + s/(ρ(ρ − s^m))
  const decomposition = `1/rho*s^(${-L}) + s/(rho*(rho - s^${m}))`;
  const decF = casFunction(decomposition);
  certificates.push(
    clearedIdentityCertificate({
      step: 'split',
      claim: `1/(s^${L}(ρ − s^${m})) = (1/ρ) s^{−${L}} + s/(ρ(ρ − s^${m})); cleared of ρ s^${L}(ρ − s^${m}) it is a polynomial identity`,
      terms: [`1/rho*s^(${-L})`, 's/(rho*q)'],
      target: `1/(s^${L}*q)`,
      clearing: `(rho*s^${L}*q)`,
      substitutions: [['q', `rho - s^${m}`]],
      check: spotCheck(
        points.map((q) => {
          const s = 0.5 * (q.u0 + q.uStar);
          return [decF({ rho: q.rho, s }), 1 / (s ** L * (q.rho - s ** m))] as const;
        }),
        1e-12,
        'relative',
      ),
    }),
  );

  // power term, by the CAS, certified by differentiating back
  const [P] = integrateTerms([`s^(${-L})`], 's');
  certificates.push(
    antiderivativeCertificate(
      [P],
      [`s^(${-L})`],
      's',
      'power-term',
      L === 1 ? '∫ s^{−1} ds = ln s' : `∫ s^{−${L}} ds = −s^{1−${L}}/${L - 1}`,
      spotCheck([[1, 1]], 0, 'absolute'),
    ),
  );

  // G through the roots of ρ: derivative of the generic terms by the CAS, the sum checked at 50 points
  const G = gClosedForm(m, `(s*rho^(-1/${m}))`);
  const der = termDerivatives();
  const pairF = casFunction(der.pair);
  const firstF = casFunction(der.first);
  const evenF = casFunction(der.even);
  const rand = seededUniform(5000 + L);
  const gPairs: (readonly [number, number])[] = [];
  for (let i = 0; i < 50; i++) {
    const x = 0.1 + 0.8 * rand();
    let sum = firstF({ x });
    if (m % 2 === 0) sum += evenF({ x });
    for (let j = 1; j <= Math.floor((m - 1) / 2); j++) {
      const th = (2 * Math.PI * j) / m;
      sum += pairF({ x, c: Math.cos(th), S: Math.sin(th), C2: Math.cos(2 * th), S2: Math.sin(2 * th) });
    }
    gPairs.push([-sum / m, x / (1 - x ** m)]);
  }
  certificates.push(
    numericCertificate(
      'g-derivative',
      `g_${m}(x) = −(1/${m})[ln(1−x)${m % 2 === 0 ? ' + ln(1+x)' : ''} + Σ_j (cos2θ_j ln(1 − 2x cosθ_j + x²) − 2 sin2θ_j atan(x sinθ_j/(1 − x cosθ_j)))] has g′(x) = x/(1 − x^${m})`,
      `the CAS derivatives ${der.pair} (pair term), ${der.first}${m % 2 === 0 ? `, ${der.even}` : ''}, summed over θ_j = 2πj/${m}, against x/(1 − x^${m}) at 50 seeded x ∈ [0.1, 0.9]`,
      spotCheck(gPairs, 1e-13, 'relative'),
    ),
  );
  // Where every atan coefficient −2 sin 2θ_j vanishes (m = 2, 4) G is a sum of logs w_j ln P_j(x), and the
  // derivative identity −(1/m) Σ_j w_j P_j′/P_j = x/(1 − x^m), cleared of Π_j P_j = 1 − x^m, is polynomial: symbolic route.
  const pairs = Array.from({ length: Math.floor((m - 1) / 2) }, (_, i) => rootConstants(m, i + 1));
  if (pairs.every((k) => k[2] === '0')) {
    const factors = ['1 - x', ...(m % 2 === 0 ? ['1 + x'] : []), ...pairs.map((k) => `1 + (${k[1]})*x + x^2`)];
    const weights = ['1', ...(m % 2 === 0 ? ['1'] : []), ...pairs.map((k) => k[0])];
    const dFactors = casBatch(factors.map((f) => `d(${f}, x)`));
    const cleared = factors.map(
      (_, j) =>
        `(${weights[j]})*(${dFactors[j]})*${factors
          .filter((__, i) => i !== j)
          .map((f) => `(${f})`)
          .join('*')}`,
    );
    const ids = [`expand(-1/${m}*(${cleared.join(' + ')}) - x)`, `expand(${factors.map((f) => `(${f})`).join('*')} - (1 - x^${m}))`];
    const reduced = casBatch(ids);
    certificates.push(
      casCertificate(
        'g-derivative-symbolic',
        `g_${m} is a sum of logarithms, w_j ln P_j(x) with P_j ∈ {${factors.join(', ')}}; its derivative −(1/${m}) Σ w_j P_j′/P_j equals x/(1 − x^${m}), cleared of Π P_j = 1 − x^${m}`,
        ids.join('\n'),
        reduced.every((r) => r === '0') ? '0' : reduced.join('; '),
        spotCheck(gPairs, 1e-13, 'relative'),
      ),
    );
  }
  const scaleId = `expand(subst(u*rho^(-1/${m}), x, rho^(1/${m}-1)*x*(rho - u^${m}) - u*(1 - x^${m})))`;
  const GF = casFunction(G);
  const seriesPairs = points.map((q) => {
    const u = 0.5 * (q.u0 + q.uStar);
    let series = 0;
    for (let k = 0; k < 400; k++) {
      const term = u ** (m * k + 2) / (q.rho ** (k + 1) * (m * k + 2));
      series += term;
      if (term < 1e-18 * series) break;
    }
    return [GF({ rho: q.rho, s: u }), series] as const;
  });
  certificates.push(
    casCertificate(
      'g-scaling-and-series',
      `G(u) = ρ^{2/${m}−1} g_${m}(u ρ^{−1/${m}}) has G′(u) = u/(ρ − u^${m}) (chain rule, cleared of denominators) and equals the power series Σ_k u^{${m}k+2}/(ρ^{k+1}(${m}k+2))`,
      scaleId,
      cas(scaleId),
      spotCheck(seriesPairs, 1e-12, 'relative'),
    ),
  );

  // t(u) = (1/σ²)[(1/ρ)(P(u) − P(u0)) + (1/ρ)(G(u) − G(u0))] = (1/λ)[P(u) − P(u0) + G(u) − G(u0)], σ²ρ = λ
  const F = `(${P}) + (${G})`;
  const uStar = L === 1 ? `p*rho^(1/${m})` : `p^(1/${L})*rho^(1/${m})`;
  const [Pu] = termsAt([P], 's', 'u');
  const [Pu0] = termsAt([P], 's', 'u0');
  const [Pstar] = termsAt([P], 's', uStar);
  const Gu = gClosedForm(m, `(u*rho^(-1/${m}))`);
  const Gu0 = gClosedForm(m, `(u0*rho^(-1/${m}))`);
  // at u*, x* = u*/ρ^{1/m} = p^{1/L}
  const Gstar = gClosedForm(m, L === 1 ? 'p' : `p^(1/${L})`);
  const tOfU = timeDifference('(1/lam)', [Pu, Gu], [Pu0, Gu0], 'interleaved');
  const tStar = timeDifference('(1/lam)', [Pstar, Gstar], [Pu0, Gu0], 'interleaved');
  certificates.push(
    evaluatorCheck(
      maeTime(L),
      tOfU,
      tStar,
      points,
      `the fast evaluator (maeTime(${L})) equals the derived t(u) and t*_p at u* = p^{1/L} ρ^{1/(L+1)}`,
      'maeTime(L).tOfU and .tStar against the CAS expressions compiled by mathjs',
    ),
  );

  // 6. as ε → 0 only −P(u0)/λ is singular (G(u0) → 0): the CAS extracts the coefficient of u0^{1−L}
  // (of ln u0 for L = 1); in z = 1/u0 = ε^{−1/L}
  const singular = singularCoefficients(L === 1 ? [] : [Pu0], [1 - L], null, [Pu0], 'u0');
  const c = L === 1 ? '0' : singular.coefficients[0];
  const { logCoefficient } = singular;
  const singularZ = L === 1 ? '0' : `(-1/lam)*(${c})*z^${L - 1}`;
  const logZ = cas(`(1/lam)*(${logCoefficient})`);
  const paper = L === 1 ? '0' : `z^${L - 1}/(${L - 1}*lam)`;
  const loId = `expand(k1*((${singularZ}) - (${paper})) + k2*((${logZ}) - (${L === 1 ? '1/lam' : '0'})))`;
  const [leading, logTerm] = casBatch([`subst(epsilon^(-1/${L}), z, ${singularZ})`, `(${logZ})*(-log(epsilon)/${L})`]);
  // remainder: the CAS cancels the singular part of the power term; the G part is regular
  const singularU0 = L === 1 ? '0' : `(-1/lam)*(${c})*u0^(${1 - L})`;
  const powerRemainder = cas(`(1/lam)*((${Pstar}) - (${Pu0})) - (${singularU0}) - (${logZ})*(-log(u0))`);
  const remainder = `(${powerRemainder}) + (1/lam)*((${Gstar}) - (${Gu0}))`;
  const leadingF = casFunction(`(${leading}) + (${logTerm})`);
  certificates.push(
    casCertificate(
      'leading-order',
      L === 1 ? 'the singular term of t* is ln(1/ε)/λ' : `the singular term of t* is ε^{−${L - 1}/${L}}/(${L - 1}λ); ρ enters only at O(1)`,
      loId,
      cas(loId),
      spotCheck(
        points.map(
          (q) =>
            [
              leadingF({ lam: q.lam, epsilon: q.epsilon }),
              L === 1 ? Math.log(1 / q.epsilon) / q.lam : q.epsilon ** (-(L - 1) / L) / ((L - 1) * q.lam),
            ] as const,
        ),
        1e-12,
        'relative',
      ),
    ),
  );
  certificates.push(leadingOrderRemainderCheck('mae', L, remainder));

  return {
    integrand: expression(L === 1 ? `1/(s2*u*(rho - u^${m}))` : `1/(s2*u^${L}*(rho - u^${m}))`),
    decomposition: expression(decomposition),
    antiderivative: expression(F),
    tOfU: expression(tOfU),
    uStar: expression(uStar),
    tStar: expression(tStar),
    existence: `t*_p exists iff ε < p·w̄∞ = p ρ^{${L}/${m}} (ρ > 0), i.e. u0 = ε^{1/${L}} < u* = p^{1/${L}} ρ^{1/${m}}`,
    leadingOrder: expression(cas(`(${leading}) + (${logTerm})`)),
    logTerm: expression(logTerm),
    remainder: expression(remainder),
    certificates,
  };
}
