/**
 * The terms of t(u) = ∫ ds/f(s) after partial fractions, as numbers: how each is written
 * (CAS/mathjs syntax) and how differences F(u) − F(u0) are evaluated without cancellation.
 * Both routes of the scalar-flow pipeline end here: the exact route evaluates its CAS
 * coefficients at the parameter values, the numeric route has numbers from the start.
 *
 * @module
 */

/** One term of the antiderivative F(s) (s the integration variable). */
export type TimeTerm =
  /** A ln|s − r|: from A/(s − r), r a real root. */
  | { readonly kind: 'log'; readonly coefficient: number; readonly root: number }
  /** A (s − r)^{1−k}/(1 − k): from A/(s − r)^k, k ≥ 2, r real. */
  | { readonly kind: 'power'; readonly coefficient: number; readonly root: number; readonly order: number }
  /** α ln((s − a)² + b²) − 2β atan((s − a)/b): from A/(s − r) + Ā/(s − r̄), r = a + ib (b > 0), A = α + iβ. */
  | { readonly kind: 'log-atan'; readonly alpha: number; readonly beta: number; readonly re: number; readonly im: number }
  /** 2 Re[A (s − r)^{1−k}/(1 − k)]: from A/(s − r)^k + conjugate, k ≥ 2, r = a + ib (b > 0). */
  | {
      readonly kind: 'complex-power';
      readonly coefficientRe: number;
      readonly coefficientIm: number;
      readonly re: number;
      readonly im: number;
      readonly order: number;
    }
  /** Σ_j c_j s^{j+1}/(j+1): from the polynomial part Σ_j c_j s^j. */
  | { readonly kind: 'polynomial'; readonly coefficients: readonly number[] };

/** A number as CAS/mathjs input: its shortest round-trip decimal, parenthesised when negative. */
export function numberCas(x: number): string {
  const s = String(x);
  return x < 0 || Object.is(x, -0) ? `(${s})` : s;
}

/** `(x - a)` written so that a = 0 gives `x`. */
function shifted(x: string, a: number): string {
  return a === 0 ? x : `(${x} - ${numberCas(a)})`;
}

function binomial(n: number, k: number): number {
  let b = 1;
  for (let i = 1; i <= k; i++) b = (b * (n - k + i)) / i;
  return b;
}

/** Coefficients (in x, lowest first) of Re[c (x − r̄)^j] for complex c, r = a + ib. */
function realPartPolynomial(cr: number, ci: number, a: number, b: number, j: number): number[] {
  // (x − r̄)^j = Σ_i C(j,i) x^i (−r̄)^{j−i}, −r̄ = −a + ib
  const out: number[] = [];
  let pr = 1;
  let pi = 0;
  const powers: [number, number][] = [];
  for (let e = 0; e <= j; e++) {
    powers.push([pr, pi]);
    [pr, pi] = [pr * -a - pi * b, pr * b + pi * -a];
  }
  for (let i = 0; i <= j; i++) {
    const [wr, wi] = powers[j - i];
    out.push(binomial(j, i) * (cr * wr - ci * wi));
  }
  return out;
}

function polynomialCas(c: readonly number[], x: string): string {
  const parts = c.map((v, i) => (i === 0 ? numberCas(v) : `${numberCas(v)}*${x}${i === 1 ? '' : `^${i}`}`));
  return parts.join(' + ');
}

/**
 * F_i(x) of a term, as CAS/mathjs input.
 *
 * @param term - the term.
 * @param x - what to write for the variable (a name or a parenthesised expression).
 * @param orientation - for `log` terms: +1 writes ln(x − r), −1 ln(r − x) (the side of r the path lies on).
 * @returns the antiderivative term.
 * @example
 * antiderivativeCas({ kind: 'log', coefficient: 0.5, root: 2 }, 's', -1); // => '0.5*log(2 - s)'
 */
export function antiderivativeCas(term: TimeTerm, x: string, orientation = 1): string {
  switch (term.kind) {
    case 'log': {
      const arg =
        term.root === 0
          ? orientation > 0
            ? x
            : `-${x}`
          : orientation > 0
            ? `${x} - ${numberCas(term.root)}`
            : `${numberCas(term.root)} - ${x}`;
      return `${numberCas(term.coefficient)}*log(${arg})`;
    }
    case 'power':
      return `${numberCas(term.coefficient / (1 - term.order))}*${shifted(x, term.root)}^(${1 - term.order})`;
    case 'log-atan':
      return `${numberCas(term.alpha)}*log(${shifted(x, term.re)}^2 + ${numberCas(term.im * term.im)}) - ${numberCas(2 * term.beta)}*atan(${shifted(x, term.re)}/${numberCas(term.im)})`;
    case 'complex-power': {
      const j = term.order - 1;
      // 2 Re[A (x − r)^{−j}/(1 − k)] = Re[c (x − r̄)^j] / |x − r|^{2j}, c = 2A/(1 − k)
      const scale = 2 / (1 - term.order);
      const p = realPartPolynomial(scale * term.coefficientRe, scale * term.coefficientIm, term.re, term.im, j);
      return `(${polynomialCas(p, x)})/(${shifted(x, term.re)}^2 + ${numberCas(term.im * term.im)})${j === 1 ? '' : `^${j}`}`;
    }
    case 'polynomial':
      return polynomialCas([0, ...term.coefficients.map((c, j) => c / (j + 1))], x);
  }
}

/**
 * The partial fraction a term integrates, as CAS/mathjs input (dF_i/dx).
 *
 * @param term - the term.
 * @param x - the variable's name.
 * @returns the integrand term.
 * @example
 * integrandCas({ kind: 'power', coefficient: 3, root: 0, order: 2 }, 's'); // => '3*s^(-2)'
 */
export function integrandCas(term: TimeTerm, x: string): string {
  switch (term.kind) {
    case 'log':
      return `${numberCas(term.coefficient)}/${shifted(x, term.root)}`;
    case 'power':
      return `${numberCas(term.coefficient)}*${shifted(x, term.root)}^(${-term.order})`;
    case 'log-atan':
    case 'complex-power': {
      const k = term.kind === 'log-atan' ? 1 : term.order;
      const [cr, ci] = term.kind === 'log-atan' ? [term.alpha, term.beta] : [term.coefficientRe, term.coefficientIm];
      const p = realPartPolynomial(2 * cr, 2 * ci, term.re, term.im, k);
      return `(${polynomialCas(p, x)})/(${shifted(x, term.re)}^2 + ${numberCas(term.im * term.im)})${k === 1 ? '' : `^${k}`}`;
    }
    case 'polynomial':
      return polynomialCas(term.coefficients, x);
  }
}

/** (a^j − a0^j) for complex a, a0 given a − a0, as (a − a0)·Σ_i a^i a0^{j−1−i} (no cancellation when a ≈ a0). */
function powerDifference(ar: number, ai: number, br: number, bi: number, dr: number, di: number, j: number): [number, number] {
  // Σ_{i=0}^{j−1} a^i b^{j−1−i} by Horner: h ← h·b + a^i
  let hr = 1;
  let hi = 0;
  let pr = 1;
  let pi = 0;
  for (let i = 1; i < j; i++) {
    [pr, pi] = [pr * ar - pi * ai, pr * ai + pi * ar];
    [hr, hi] = [hr * br - hi * bi + pr, hr * bi + hi * br + pi];
  }
  return [dr * hr - di * hi, dr * hi + di * hr];
}

/**
 * F_i(u) − F_i(u0) for one term, formed without cancellation: logs as log1p of the exact
 * difference over the start's distance to the root, powers as (a − a0)·Σ aⁱa0^{j−1−i} with
 * a = 1/(u − r), a − a0 = (u0 − u)·a·a0, and atan differences as one atan2.
 *
 * @param term - the term.
 * @param u - the end point.
 * @param u0 - the start (on the same side of every real root as u).
 * @returns the difference.
 * @example
 * termDifference({ kind: 'log', coefficient: 1, root: 0 }, Math.E, 1); // => 1
 */
export function termDifference(term: TimeTerm, u: number, u0: number): number {
  const du = u - u0;
  switch (term.kind) {
    case 'log':
      return term.coefficient * Math.log1p(du / (u0 - term.root));
    case 'power': {
      const a = 1 / (u - term.root);
      const a0 = 1 / (u0 - term.root);
      const [d] = powerDifference(a, 0, a0, 0, -du * a * a0, 0, term.order - 1);
      return (term.coefficient / (1 - term.order)) * d;
    }
    case 'log-atan': {
      const b = term.im;
      const x0 = u0 - term.re;
      const logPart = term.alpha * Math.log1p((du * (u + u0 - 2 * term.re)) / (x0 * x0 + b * b));
      // atan(X) − atan(X0) = atan2(b(u − u0), b² + (u − a)(u0 − a)), b > 0
      const atanPart = Math.atan2(b * du, b * b + (u - term.re) * x0);
      return logPart - 2 * term.beta * atanPart;
    }
    case 'complex-power': {
      // a = 1/(u − r), a0 = 1/(u0 − r), a − a0 = −du·a·a0
      const [ar, ai] = reciprocal(u - term.re, -term.im);
      const [br, bi] = reciprocal(u0 - term.re, -term.im);
      const ab: [number, number] = [ar * br - ai * bi, ar * bi + ai * br];
      const [dr, di] = powerDifference(ar, ai, br, bi, -du * ab[0], -du * ab[1], term.order - 1);
      const cr = term.coefficientRe / (1 - term.order);
      const ci = term.coefficientIm / (1 - term.order);
      return 2 * (cr * dr - ci * di);
    }
    case 'polynomial': {
      let sum = 0;
      term.coefficients.forEach((c, j) => {
        // u^{j+1} − u0^{j+1} = du·Σ_i u^i u0^{j−i}
        let h = 0;
        for (let i = 0; i <= j; i++) h += Math.pow(u, i) * Math.pow(u0, j - i);
        sum += (c * du * h) / (j + 1);
      });
      return sum;
    }
  }
}

function reciprocal(re: number, im: number): [number, number] {
  const d = re * re + im * im;
  return [re / d, -im / d];
}

/**
 * F_i(u) itself (with ln|u − r|), for remainders where a term is evaluated at one point.
 *
 * @param term - the term.
 * @param u - the point.
 * @returns F_i(u).
 * @example
 * termValue({ kind: 'power', coefficient: 2, root: 0, order: 3 }, 1); // => -1
 */
export function termValue(term: TimeTerm, u: number): number {
  switch (term.kind) {
    case 'log':
      return term.coefficient * Math.log(Math.abs(u - term.root));
    case 'power':
      return (term.coefficient / (1 - term.order)) * Math.pow(u - term.root, 1 - term.order);
    case 'log-atan': {
      const x = u - term.re;
      return term.alpha * Math.log(x * x + term.im * term.im) - 2 * term.beta * Math.atan(x / term.im);
    }
    case 'complex-power': {
      const j = term.order - 1;
      let [pr, pi] = [1, 0];
      const [ar, ai] = reciprocal(u - term.re, -term.im);
      for (let i = 0; i < j; i++) [pr, pi] = [pr * ar - pi * ai, pr * ai + pi * ar];
      const cr = term.coefficientRe / (1 - term.order);
      const ci = term.coefficientIm / (1 - term.order);
      return 2 * (cr * pr - ci * pi);
    }
    case 'polynomial':
      return term.coefficients.reduce((s, c, j) => s + (c * Math.pow(u, j + 1)) / (j + 1), 0);
  }
}
