/**
 * Partial fractions of D/N by the CAS, for the exact route of the scalar-flow pipeline
 * (N = lead·Π (s − r_i)^{m_i} with every root known exactly, rational or symbolic):
 * around each root r of multiplicity m, h(x) = D(r + x)/(lead·Π_{j≠i}(r − r_j + x)^{m_j})
 * is expanded to order m − 1 in CAS arithmetic (D shifted by `subst` and `expand`, each
 * other factor as the binomial series of (δ + x)^{−m_j}), and the coefficient of
 * (s − r)^{−k} is h's coefficient of x^{m−k}. Nothing here is trusted: the caller certifies
 * the decomposition by clearing denominators ({@link clearedIdentityCertificate}).
 *
 * @module
 */
import { cas, casBatch } from '../cas.js';

/** A root as the decomposition needs it. */
export interface ExactRoot {
  /** The root (CAS, internal names). */
  readonly exact: string;
  readonly multiplicity: number;
  /** +1: the path lies above the root (terms in s − r); −1: below (terms in r − s, so logs stay real). */
  readonly orientation: 1 | -1;
}

/** One term of the decomposition. */
export interface ExactTerm {
  /** The term in s (CAS), e.g. `(1/(rho^4*s2))*(rho - s)^(-1)`. */
  readonly term: string;
  /** The same with the root's factor held as its symbol (`q1^(-1)`), for the certificate. */
  readonly cleared: string;
  /** Index of the root (−1 for the polynomial part). */
  readonly root: number;
  /** k of (s − r)^{−k} (0 for the polynomial part). */
  readonly order: number;
  /** The coefficient A of (s − r)^{−k} (CAS; orientation undone), or the polynomial part itself. */
  readonly coefficient: string;
}

/** The decomposition and what its certificate needs. */
export interface ExactDecomposition {
  readonly terms: readonly ExactTerm[];
  /** The product lead·Π q_i^{m_i} (with s for a root 0 approached from above) that clears every denominator. */
  readonly clearing: string;
  /** D/N written with the factor symbols. */
  readonly target: string;
  /** q_i and the factor each stands for. */
  readonly substitutions: readonly (readonly [string, string])[];
}

function binomial(n: number, k: number): bigint {
  let b = 1n;
  for (let i = 1; i <= k; i++) b = (b * BigInt(n - k + i)) / BigInt(i);
  return b;
}

/** The factor (s − r) or (r − s) as CAS input, and its symbol in the cleared identity. */
function factorOf(root: ExactRoot, index: number): { factor: string; symbol: string } {
  if (root.exact === '0' && root.orientation === 1) return { factor: 's', symbol: 's' };
  const factor = root.orientation === 1 ? `s - (${root.exact})` : `(${root.exact}) - s`;
  return { factor: `(${factor})`, symbol: `q${index + 1}` };
}

/**
 * The decomposition of D(s)/N(s), N = lead·Π (s − r_i)^{m_i}.
 *
 * @param numeratorOfDt - D(u), the flow's denominator (CAS polynomial in u).
 * @param denominatorOfDt - N(u), the flow's numerator (CAS polynomial in u).
 * @param lead - N's leading coefficient.
 * @param roots - N's distinct roots, multiplicities, and the side the path lies on.
 * @returns terms, clearing product, target and substitutions.
 * @throws {DerivationError} if algebrite fails.
 */
export function exactPartialFractions(
  numeratorOfDt: string,
  denominatorOfDt: string,
  lead: string,
  roots: readonly ExactRoot[],
): ExactDecomposition {
  const D = cas(`subst(s, u, ${numeratorOfDt})`);
  const N = cas(`subst(s, u, ${denominatorOfDt})`);
  const terms: ExactTerm[] = [];
  roots.forEach((root, i) => {
    const m = root.multiplicity;
    const deltas = casBatch(roots.map((other) => `(${root.exact}) - (${other.exact})`));
    // the series of 1/Q(r + x), Q = N/(s − r)^m
    let series: string[] = Array.from({ length: m }, (_, k) => (k === 0 ? `1/(${lead})` : '0'));
    roots.forEach((other, j) => {
      if (j === i) return;
      const q = other.multiplicity;
      const factor = Array.from(
        { length: m },
        (_, k) => `${(k % 2 === 0 ? 1n : -1n) * binomial(q + k - 1, k)}*(${deltas[j]})^(${-(q + k)})`,
      );
      series = convolve(series, factor, m);
    });
    const shifted = cas(`expand(subst((${root.exact}) + x, s, ${D}))`);
    const dShift = casBatch(Array.from({ length: m }, (_, k) => `coeff(${shifted}, x, ${k})`));
    const h = convolve(dShift, series, m);
    const { factor, symbol } = factorOf(root, i);
    // A/(s − r)^k = (±1)^k A/(r − s)^k
    const oriented = casBatch(h.map((c, idx) => (root.orientation === 1 || (m - idx) % 2 === 0 ? c : `-(${c})`)));
    for (let k = 1; k <= m; k++) {
      const A = h[m - k];
      const B = oriented[m - k];
      if (A === '0') continue;
      terms.push({ term: `(${B})*${factor}^(${-k})`, cleared: `(${B})*${symbol}^(${-k})`, root: i, order: k, coefficient: A });
    }
  });
  const [degD, degN] = casBatch([`deg(${D}, s)`, `deg(${N}, s)`]).map(Number);
  if (degD >= degN) {
    const quotient = cas(`quotient(${D}, ${N}, s)`);
    if (quotient !== '0') terms.push({ term: quotient, cleared: quotient, root: -1, order: 0, coefficient: quotient });
  }
  const factors = roots.map((r, i) => factorOf(r, i));
  const sign = roots.reduce((acc, r) => (r.orientation === -1 && r.multiplicity % 2 === 1 ? -acc : acc), 1);
  const product = factors.map(({ symbol }, i) => `${symbol}^${roots[i].multiplicity}`).join('*');
  const scaled = cas(`${sign}*(${lead})`);
  return {
    terms,
    clearing: `((${scaled})*${product})`,
    target: `(${D})/((${scaled})*${product})`,
    substitutions: factors.filter((f) => f.symbol !== 's').map((f): [string, string] => [f.symbol, f.factor]),
  };
}

/** Truncated product of two series of CAS coefficients, each coefficient simplified by one CAS evaluation. */
function convolve(a: readonly string[], b: readonly string[], count: number): string[] {
  const sums = Array.from({ length: count }, (_, k) => {
    const parts: string[] = [];
    for (let i = 0; i <= k; i++) if (a[i] !== '0' && b[k - i] !== '0') parts.push(`(${a[i]})*(${b[k - i]})`);
    return parts.length === 0 ? '0' : parts.join(' + ');
  });
  return casBatch(sums);
}
