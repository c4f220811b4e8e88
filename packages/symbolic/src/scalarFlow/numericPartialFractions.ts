/**
 * Partial fractions of D/N in floating point, for the numeric route of the scalar-flow
 * pipeline (roots that are not all exact): around each root r of multiplicity m,
 * h(x) = (x)^m·D(r + x)/N(r + x) = D(r + x)/(lead·Π_{j≠r}(r − r_j + x)^{m_j}) is expanded
 * to order m − 1 (D shifted by Horner's scheme, each other factor as the binomial series of
 * (δ + x)^{−m_j}, δ = r − r_j, so that N is never expanded and nothing cancels); the
 * coefficient of (s − r)^{−k} is h's coefficient of x^{m−k}. The polynomial part is the
 * exact quotient of D by N; a simple rational root's coefficient is D(r)/N′(r) in exact
 * arithmetic. The result is checked by the caller's reconstruction certificate.
 *
 * @module
 */
import type { FlowRoot } from './flowRoot.js';
import { div, parseCasRational, toNumber, type Rational } from './rational.js';
import { polyDerivative, polyDivMod, polyEval, polyToNumbers, type RationalPolynomial } from './rationalPolynomial.js';
import type { TimeTerm } from './timeTerm.js';

/** A term of t and the root it belongs to (null for the polynomial part). */
export interface RootedTerm {
  readonly term: TimeTerm;
  readonly root: FlowRoot | null;
}

type Complex = [number, number];

function cmul(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

function cinv(a: Complex): Complex {
  const d = a[0] * a[0] + a[1] * a[1];
  return [a[0] / d, -a[1] / d];
}

/** The first `count` Taylor coefficients of p(r + x) (p real, lowest degree first), by repeated synthetic division. */
function taylorShift(p: Float64Array, r: Complex, count: number): Complex[] {
  let c: Complex[] = Array.from(p, (v): Complex => [v, 0]);
  const out: Complex[] = [];
  for (let k = 0; k < count; k++) {
    if (c.length === 0) {
      out.push([0, 0]);
      continue;
    }
    // divide c by (x − r): quotient q, remainder c(r)
    const n = c.length - 1;
    const q: Complex[] = new Array<Complex>(n);
    let acc: Complex = c[n];
    for (let i = n - 1; i >= 0; i--) {
      q[i] = acc;
      const t = cmul(acc, r);
      acc = [t[0] + c[i][0], t[1] + c[i][1]];
    }
    out.push(acc);
    c = q;
  }
  return out;
}

/** Truncated product of two series. */
function convolve(a: readonly Complex[], b: readonly Complex[], count: number): Complex[] {
  const out: Complex[] = [];
  for (let k = 0; k < count; k++) {
    let re = 0;
    let im = 0;
    for (let i = 0; i <= k; i++) {
      const t = cmul(a[i], b[k - i]);
      re += t[0];
      im += t[1];
    }
    out.push([re, im]);
  }
  return out;
}

/**
 * The terms of ∫ D/N for N = lead·Π (s − r_j)^{m_j}.
 *
 * @param numeratorOfDt - D (the flow's denominator, the numerator of dt/du).
 * @param denominatorOfDt - N (the flow's numerator).
 * @param lead - N's leading coefficient.
 * @param roots - N's distinct roots with multiplicities (conjugate pairs both listed).
 * @returns the terms with their roots: real roots give `log`/`power` terms, each conjugate pair `log-atan`/`complex-power` terms, and the polynomial part one `polynomial` term.
 */
export function numericPartialFractions(
  numeratorOfDt: RationalPolynomial,
  denominatorOfDt: RationalPolynomial,
  lead: Rational,
  roots: readonly FlowRoot[],
): RootedTerm[] {
  const d = polyToNumbers(numeratorOfDt);
  const c = toNumber(lead);
  const out: RootedTerm[] = [];
  for (const root of roots) {
    if (!root.real && root.im < 0) continue; // the pair is handled at its member with im > 0
    const r: Complex = [root.re, root.im];
    const m = root.multiplicity;
    // 1/Q(r + x) = (1/lead) Π_{j≠r} (δ_j + x)^{−m_j}
    let series: Complex[] = Array.from({ length: m }, (_, k): Complex => (k === 0 ? [1 / c, 0] : [0, 0]));
    for (const other of roots) {
      if (other === root) continue;
      const delta: Complex = [root.re - other.re, root.im - other.im];
      const inv = cinv(delta);
      // (δ + x)^{−q} = δ^{−q} Σ_k C(q+k−1, k) (−x/δ)^k
      const q = other.multiplicity;
      let head: Complex = [1, 0];
      for (let i = 0; i < q; i++) head = cmul(head, inv);
      const factor: Complex[] = [];
      let term = head;
      for (let k = 0; k < m; k++) {
        factor.push(term);
        const ratio = ((q + k) / (k + 1)) * -1;
        term = cmul(cmul(term, inv), [ratio, 0]);
      }
      series = convolve(series, factor, m);
    }
    // a simple exact (rational) root: its coefficient D(r)/N′(r) exactly, in rational arithmetic
    const exactRoot = m === 1 && root.exact !== null ? parseCasRational(root.exact) : null;
    const h =
      exactRoot !== null
        ? [[toNumber(div(polyEval(numeratorOfDt, exactRoot), polyEval(polyDerivative(denominatorOfDt), exactRoot))), 0] as Complex]
        : convolve(taylorShift(d, r, m), series, m);
    for (let k = 1; k <= m; k++) {
      const [ar, ai] = h[m - k];
      let term: TimeTerm;
      if (root.real)
        term = k === 1 ? { kind: 'log', coefficient: ar, root: root.re } : { kind: 'power', coefficient: ar, root: root.re, order: k };
      else
        term =
          k === 1
            ? { kind: 'log-atan', alpha: ar, beta: ai, re: root.re, im: root.im }
            : { kind: 'complex-power', coefficientRe: ar, coefficientIm: ai, re: root.re, im: root.im, order: k };
      out.push({ term, root });
    }
  }
  const [quotient] = polyDivMod(numeratorOfDt, denominatorOfDt);
  if (quotient.length > 0) out.push({ term: { kind: 'polynomial', coefficients: Array.from(polyToNumbers(quotient)) }, root: null });
  return out;
}
