/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod, as QUADPACK's
 * QAG with key 2). Symbolic's scalar-flow certificates check t(u) against it (it shares no code
 * with their partial fractions); ode's turned-plane times are computed with it.
 *
 * @module
 */

// Kronrod abscissae on [−1, 1] (x_1 … x_7 > 0, x_8 = 0) and weights; Gauss weights for the even-indexed abscissae.
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.58608723546769113029414483825873, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];

/** The result of {@link adaptiveQuadrature}. */
export interface QuadratureResult {
  /** ∫_a^b f. */
  readonly value: number;
  /** Estimated absolute error (sum over the final intervals of |K15 − G7|). */
  readonly error: number;
  /** Whether the estimate reached the tolerance within the interval budget. */
  readonly converged: boolean;
}

interface Piece {
  a: number;
  b: number;
  value: number;
  error: number;
}

function kronrod(f: (x: number) => number, a: number, b: number): Piece {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let k = fc * WGK[7];
  let g = fc * WG[3];
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j];
    const s = f(c - dx) + f(c + dx);
    k += WGK[j] * s;
    // Gauss nodes are the Kronrod nodes of odd index j (1, 3, 5)
    if (j % 2 === 1) g += WG[(j - 1) / 2] * s;
  }
  return { a, b, value: k * h, error: Math.abs((k - g) * h) };
}

/**
 * ∫_a^b f(x) dx by bisecting the interval with the largest error estimate until the total
 * estimate is below max(atol, rtol·|value|).
 *
 * @param f - the integrand (finite on [a, b]).
 * @param a - lower limit.
 * @param b - upper limit (may be below a: the sign follows).
 * @param rtol - relative tolerance (default 1e-13).
 * @param atol - absolute tolerance (default 0).
 * @param maxPieces - largest number of subintervals (default 2000).
 * @returns value, error estimate, and whether it converged (a non-finite sum, the piece budget
 *   spent, or a piece too short to bisect: `converged: false`, never thrown).
 * @example
 * ```ts
 * adaptiveQuadrature((x) => 1 / x, 1, Math.E).value;
 * // => ≈ 1
 * ```
 */
export function adaptiveQuadrature(
  f: (x: number) => number,
  a: number,
  b: number,
  rtol = 1e-13,
  atol = 0,
  maxPieces = 2000,
): QuadratureResult {
  if (a === b) return { value: 0, error: 0, converged: true };
  const pieces: Piece[] = [kronrod(f, a, b)];
  for (;;) {
    let value = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < pieces.length; i++) {
      value += pieces[i].value;
      error += pieces[i].error;
      if (pieces[i].error > pieces[worst].error) worst = i;
    }
    if (!Number.isFinite(value)) return { value, error: Number.POSITIVE_INFINITY, converged: false };
    if (error <= Math.max(atol, rtol * Math.abs(value))) return { value, error, converged: true };
    if (pieces.length >= maxPieces) return { value, error, converged: false };
    const p = pieces[worst];
    const m = 0.5 * (p.a + p.b);
    if (m === p.a || m === p.b) return { value, error, converged: false };
    pieces[worst] = kronrod(f, p.a, m);
    pieces.push(kronrod(f, m, p.b));
  }
}
