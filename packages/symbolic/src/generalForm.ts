import { cas } from './cas.js';
import { casCertificate, numericCertificate, spotCheck, type Certificate } from './Certificate.js';
import { casFunction } from './casFunction.js';
import type { Objective } from '@jepa-dynamics/core';
import { spotPoints } from './spotPoints.js';

/** The any-L (symbolic in L) form of t(u), as text and LaTeX. */
export interface GeneralForm {
  /** Plain text in the paper's notation. */
  readonly text: string;
  /** LaTeX in the paper's notation. */
  readonly latex: string;
}

/**
 * The symbolic-in-L forms of t(u) (docs/math.md §3): the JEPA sum formula and the MAE
 * formula with a sum over the (L+1)-th roots of unity.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @returns text and LaTeX.
 * @example
 * generalForm('jepa').text.startsWith('t(u) = (ρ^(1−2L)/λ)'); // => true
 */
export function generalForm(objective: Objective): GeneralForm {
  switch (objective) {
    case 'jepa':
      return {
        text: 't(u) = (ρ^(1−2L)/λ) [ ln( u(ρ − u0) / (u0(ρ − u)) ) + Σ_{n=1}^{2L−1} ρ^n (u0^(−n) − u^(−n)) / n ],  u0 = ε^(1/L)',
        latex:
          't(u) = \\frac{\\rho^{1-2L}}{\\lambda}\\left[\\ln\\frac{u(\\rho-u_0)}{u_0(\\rho-u)} + \\sum_{n=1}^{2L-1}\\frac{\\rho^{n}\\left(u_0^{-n}-u^{-n}\\right)}{n}\\right],\\quad u_0=\\varepsilon^{1/L}',
      };
    case 'mae':
      return {
        text:
          't(u) = (1/λ) [ (u0^(1−L) − u^(1−L))/(L − 1) + ρ^((1−L)/(L+1)) (g(u/ρ^(1/(L+1))) − g(u0/ρ^(1/(L+1)))) ]  (first term ln(u/u0) if L = 1),  ' +
          'g(x) = −(1/(L+1)) Σ_{j=0}^{L} [ ½ cos(2θ_j) ln(1 − 2x cos θ_j + x²) − sin(2θ_j) atan(x sin θ_j / (1 − x cos θ_j)) ],  θ_j = 2πj/(L+1)',
        latex:
          't(u) = \\frac{1}{\\lambda}\\left[\\frac{u_0^{1-L}-u^{1-L}}{L-1} + \\rho^{\\frac{1-L}{L+1}}\\left(g\\!\\left(\\frac{u}{\\rho^{1/(L+1)}}\\right)-g\\!\\left(\\frac{u_0}{\\rho^{1/(L+1)}}\\right)\\right)\\right],\\quad ' +
          'g(x) = -\\frac{1}{L+1}\\sum_{j=0}^{L}\\left[\\tfrac12\\cos 2\\theta_j\\,\\ln\\left(1-2x\\cos\\theta_j+x^2\\right)-\\sin 2\\theta_j\\,\\arctan\\frac{x\\sin\\theta_j}{1-x\\cos\\theta_j}\\right],\\quad \\theta_j=\\frac{2\\pi j}{L+1}',
      };
  }
}

/**
 * The general form evaluated naively (straight from the formula, no rearrangement),
 * independent of the fast evaluators.
 */
function generalTime(objective: Objective, L: number, lam: number, rho: number, u0: number, u: number): number {
  if (objective === 'jepa') {
    let s = Math.log((u * (rho - u0)) / (u0 * (rho - u)));
    for (let n = 1; n < 2 * L; n++) s += (rho ** n * (u0 ** -n - u ** -n)) / n;
    return (rho ** (1 - 2 * L) / lam) * s;
  }
  const m = L + 1;
  const g = (x: number): number => {
    let s = 0;
    for (let j = 0; j < m; j++) {
      const th = (2 * Math.PI * j) / m;
      s +=
        0.5 * Math.cos(2 * th) * Math.log(1 - 2 * x * Math.cos(th) + x * x) -
        Math.sin(2 * th) * Math.atan((x * Math.sin(th)) / (1 - x * Math.cos(th)));
    }
    return -s / m;
  };
  const r = rho ** (1 / m);
  const first = L === 1 ? Math.log(u / u0) : (u0 ** (1 - L) - u ** (1 - L)) / (L - 1);
  return (first + rho ** ((1 - L) / (L + 1)) * (g(u / r) - g(u0 / r))) / lam;
}

/**
 * Checks the any-L form against the concrete-L derivation: the general formula
 * instantiated at L and evaluated directly equals the CAS t(u) at seeded points; for
 * JEPA the CAS also reduces (instantiated sum formula) − t(u) to 0. The MAE formula's
 * roots of unity are not reduced by the CAS (cos(2π/7) stays symbolic), so its check is
 * numeric.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param L - depth.
 * @param tOfU - the concrete CAS t(u).
 * @returns the certificate (spot check 1e-9 relative: the CAS form loses digits to cancellation).
 */
export function generalFormCertificate(objective: Objective, L: number, tOfU: string): Certificate {
  const f = casFunction(tOfU);
  const pairs = spotPoints(objective, L, 12, 6000 + L).map((q) => {
    const u = 0.5 * (q.u0 + q.uStar);
    return [generalTime(objective, L, q.lam, q.rho, q.u0, u), f({ lam: q.lam, rho: q.rho, u0: q.u0, u })] as const;
  });
  if (objective === 'jepa') {
    // the sum formula instantiated at L (its log written as ln u − ln u0 + ln(ρ − u0) − ln(ρ − u)) minus the derived t(u)
    const n = 2 * L;
    const instantiated = `rho^(${1 - n})/lam*(log(u) - log(u0) + log(rho - u0) - log(rho - u) + ${Array.from(
      { length: n - 1 },
      (_, i) => `rho^${i + 1}*(u0^(${-(i + 1)}) - u^(${-(i + 1)}))/${i + 1}`,
    ).join(' + ')})`;
    const identity = `(${instantiated}) - (${tOfU})`;
    return casCertificate(
      'general-form',
      `the any-L sum formula instantiated at L = ${L} equals the concrete derivation`,
      identity,
      cas(identity),
      spotCheck(pairs, 1e-9, 'relative'),
    );
  }
  return numericCertificate(
    'general-form',
    `the any-L roots-of-unity formula at L = ${L} equals the concrete derivation`,
    `${generalForm(objective).text} at L = ${L}, evaluated directly, against the derived t(u)`,
    spotCheck(pairs, 1e-9, 'relative'),
  );
}
