import type { ScalarFlowDerivation } from './ScalarFlowDerivation.js';
import type { TimeTerm } from './timeTerm.js';

function literal(x: number): string {
  return Number.isFinite(x) ? String(x) : x > 0 ? 'Infinity' : '-Infinity';
}

function termLiteral(t: TimeTerm): string {
  switch (t.kind) {
    case 'log':
      return `['log', ${literal(t.coefficient)}, ${literal(t.root)}]`;
    case 'power':
      return `['power', ${literal(t.coefficient)}, ${literal(t.root)}, ${t.order}]`;
    case 'log-atan':
      return `['log-atan', ${literal(t.alpha)}, ${literal(t.beta)}, ${literal(t.re)}, ${literal(t.im)}]`;
    case 'complex-power':
      return `['complex-power', ${literal(t.coefficientRe)}, ${literal(t.coefficientIm)}, ${literal(t.re)}, ${literal(t.im)}, ${t.order}]`;
    case 'polynomial':
      return `['polynomial', [${t.coefficients.map(literal).join(', ')}]]`;
  }
}

/**
 * A standalone ES module (no imports) with `tOfU(u, u0)` and `criticalTime(u0, p)` for a
 * flow derived by {@link deriveScalarFlow}, at its parameter values: the same term-by-term
 * arithmetic as its evaluator, with the terms inlined. `criticalTime` returns `null` when
 * there is none, `tOfU` NaN off the path. Text for the user to save as a `.mjs` file; the
 * library never evaluates it.
 *
 * @param d - the derivation.
 * @returns JavaScript source text.
 * @example
 * const d = deriveScalarFlow('u*(1 - u)', { start: 0.01 });
 * scalarFlowJavascriptSource(d).includes('export function criticalTime(u0 = START, p = FRACTION)'); // => true
 */
export function scalarFlowJavascriptSource(d: ScalarFlowDerivation): string {
  // the basin's other end (the source, a pole, or ±∞): the evaluator's guard
  const basinEnd = otherEndOf(d);
  return `// du/dt = ${d.rhs.text}${
    Object.keys(d.parameters).length > 0
      ? `, ${Object.entries(d.parameters)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}`
      : ''
  }
// t(u) = ∫_{u0}^{u} ds/f(s) by partial fractions (derived and certified by @jepa-dynamics/symbolic, route ${d.route});
// time is that of the flow as written. Fixed point reached: ${d.path.fixedPoint.value}; u* = p^(1/${d.targetPower})·u∞.
const TERMS = [
  ${d.evaluator.terms.map(termLiteral).join(',\n  ')},
];
const FIXED_POINT = ${literal(d.path.fixedPoint.value)};
const OTHER_END = ${literal(basinEnd)};
const START = ${literal(d.start)};
const FRACTION = ${literal(d.fraction)};
const POWER = ${d.targetPower};

function between(x, a, b) {
  return a < b ? a < x && x < b : b < x && x < a;
}
// (a^j − b^j) for complex a = [ar, ai], b, given a − b = [dr, di]: (a − b)·Σ_i a^i b^{j−1−i}
function powerDifference(ar, ai, br, bi, dr, di, j) {
  let hr = 1, hi = 0, pr = 1, pi = 0;
  for (let i = 1; i < j; i++) {
    [pr, pi] = [pr * ar - pi * ai, pr * ai + pi * ar];
    [hr, hi] = [hr * br - hi * bi + pr, hr * bi + hi * br + pi];
  }
  return [dr * hr - di * hi, dr * hi + di * hr];
}
function reciprocal(re, im) {
  const d = re * re + im * im;
  return [re / d, -im / d];
}
// F_i(u) − F_i(u0), term by term without cancellation
function termDifference(t, u, u0) {
  const du = u - u0;
  switch (t[0]) {
    case 'log':
      return t[1] * Math.log1p(du / (u0 - t[2]));
    case 'power': {
      const a = 1 / (u - t[2]), a0 = 1 / (u0 - t[2]);
      return (t[1] / (1 - t[3])) * powerDifference(a, 0, a0, 0, -du * a * a0, 0, t[3] - 1)[0];
    }
    case 'log-atan': {
      const [, alpha, beta, re, b] = t;
      const x0 = u0 - re;
      return alpha * Math.log1p((du * (u + u0 - 2 * re)) / (x0 * x0 + b * b)) - 2 * beta * Math.atan2(b * du, b * b + (u - re) * x0);
    }
    case 'complex-power': {
      const [, cr, ci, re, im, k] = t;
      const [ar, ai] = reciprocal(u - re, -im);
      const [br, bi] = reciprocal(u0 - re, -im);
      const abr = ar * br - ai * bi, abi = ar * bi + ai * br;
      const [dr, di] = powerDifference(ar, ai, br, bi, -du * abr, -du * abi, k - 1);
      return (2 * (cr * dr - ci * di)) / (1 - k);
    }
    case 'polynomial':
      return t[1].reduce((s, c, j) => {
        let h = 0;
        for (let i = 0; i <= j; i++) h += Math.pow(u, i) * Math.pow(u0, j - i);
        return s + (c * du * h) / (j + 1);
      }, 0);
  }
  return NaN;
}
export function tOfU(u, u0 = START) {
  if (!between(u0, OTHER_END, FIXED_POINT)) return NaN;
  if (u === u0) return 0;
  if (!between(u, u0, FIXED_POINT)) return NaN;
  return TERMS.reduce((s, t) => s + termDifference(t, u, u0), 0);
}
export function criticalTime(u0 = START, p = FRACTION) {
  if (!(p > 0 && p < 1)) return null;
  const uStar = Math.pow(p, 1 / POWER) * FIXED_POINT;
  if (!between(u0, OTHER_END, FIXED_POINT) || !between(uStar, u0, FIXED_POINT)) return null;
  return tOfU(uStar, u0);
}
`;
}

/** The basin's other end: the nearest fixed point or pole behind the start, or ±∞. */
function otherEndOf(d: ScalarFlowDerivation): number {
  const increasing = d.path.direction === 'increasing';
  const candidates = [...d.poles, ...d.fixedPoints.map((p) => p.value)].filter((x) => (increasing ? x < d.start : x > d.start));
  if (candidates.length === 0) return increasing ? -Infinity : Infinity;
  return increasing ? Math.max(...candidates) : Math.min(...candidates);
}
