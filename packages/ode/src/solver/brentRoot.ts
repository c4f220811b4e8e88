/**
 * Brent's bracketing root finder (R. P. Brent, *Algorithms for Minimization
 * without Derivatives*, 1973, ch. 4): inverse quadratic interpolation and
 * secant steps safeguarded by bisection, so the bracket always shrinks and the
 * result is within the tolerance of a sign change.
 *
 * @module
 */

/**
 * Finds `x` in the bracket `[a, b]` (either order) where the continuous `fn`
 * changes sign, given `fa = fn(a)`, `fb = fn(b)` with `fa·fb ≤ 0`. Returns `x`
 * with a sign change of `fn` within `tol + 4·ε·|x|` of it. Kernel: the caller
 * guarantees the bracket. Cost: about log₂(|b − a|/tol) evaluations in the worst
 * case, usually far fewer.
 */
export function brentRoot(fn: (x: number) => number, a: number, b: number, fa: number, fb: number, tol: number): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 300; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        // secant step
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        // inverse quadratic interpolation through (a, fa), (b, fb), (c, fc)
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = fn(b);
  }
  return b;
}
