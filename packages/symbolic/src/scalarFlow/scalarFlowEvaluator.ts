import type { ScalarFlowEvaluator } from './ScalarFlowDerivation.js';
import { termDifference, type TimeTerm } from './timeTerm.js';

/** Whether x lies strictly between a and b (in either order). */
function strictlyBetween(x: number, a: number, b: number): boolean {
  return a < b ? a < x && x < b : b < x && x < a;
}

/**
 * The evaluators of a derived scalar flow: t(u) = Σ_i (F_i(u) − F_i(u0)), each difference
 * formed without cancellation ({@link termDifference}), guarded so that inputs off the
 * path give NaN/null. Cost O(number of terms × their order) per call.
 *
 * @param terms - the antiderivative's terms at the parameter values.
 * @param fixedPoint - u∞, the fixed point reached.
 * @param otherEnd - the other end of the basin (source fixed point, pole, or ±∞).
 * @param start - the default u0.
 * @param fraction - the default p.
 * @param power - k: u* = p^{1/k}·u∞.
 * @returns the evaluator.
 * @example
 * // du/dt = u(1 − u): t(u) = ln u − ln(1 − u) + const
 * const ev = scalarFlowEvaluator([{ kind: 'log', coefficient: 1, root: 0 }, { kind: 'log', coefficient: -1, root: 1 }], 1, 0, 0.01, 0.5, 1);
 * ev.criticalTime(); // ≈ 4.59512
 */
export function scalarFlowEvaluator(
  terms: readonly TimeTerm[],
  fixedPoint: number,
  otherEnd: number,
  start: number,
  fraction: number,
  power: number,
): ScalarFlowEvaluator {
  const tOfU = (u: number, u0 = start): number => {
    if (!strictlyBetween(u0, otherEnd, fixedPoint)) return Number.NaN;
    if (u === u0) return 0;
    if (!strictlyBetween(u, u0, fixedPoint)) return Number.NaN;
    let t = 0;
    for (const term of terms) t += termDifference(term, u, u0);
    return t;
  };
  const criticalTime = (u0 = start, p = fraction): number | null => {
    if (!(p > 0 && p < 1)) return null;
    const uStar = Math.pow(p, 1 / power) * fixedPoint;
    if (!strictlyBetween(u0, otherEnd, fixedPoint) || !strictlyBetween(uStar, u0, fixedPoint)) return null;
    return tOfU(uStar, u0);
  };
  return { tOfU, criticalTime, terms };
}
