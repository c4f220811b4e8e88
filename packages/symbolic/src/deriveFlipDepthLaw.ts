/**
 * The asymptotic law of the JEPA flip depth as ε → 0, derived with the CAS from the
 * leading-order critical-time sum (docs/math.md §7).
 *
 * @module
 */
import { InvalidArgumentError, validatePositive } from '@jepa-dynamics/core';
import { cas, casBatch } from './cas.js';
import { casFunction } from './casFunction.js';
import { casCertificate, spotCheck, type Certificate } from './Certificate.js';
import { expression, type Expression } from './Expression.js';

/** What {@link deriveFlipDepthLaw} derives, and its evidence. */
export interface FlipDepthLaw {
  /**
   * c(r, R): the limit of the boundary ε^{1/L} above which A is learned first, as L → ∞
   * (r = λ_B/λ_A, R = ρ_A/ρ_B). The CAS solves the order-h⁰ condition for it.
   */
  readonly boundary: Expression;
  /**
   * k(r, R) in the boundary x_L = c (1 − h − k h² + O(h³)), h = 1/(2L − 1): the CAS certifies
   * that c₁ = −c and c₂ = −c·k solve the order-h and order-h² conditions.
   */
  readonly curvature: Expression;
  /**
   * β(k) in the law ln(1/ε) = L ln(1/c) + ½ + β/L + O(1/L²) at the flip: the CAS's Taylor
   * expansion of −L ln(1 − h − k h²) in 1/L.
   */
  readonly inverseDepthCoefficient: Expression;
  /** One per derivation step; every one must hold. */
  readonly certificates: readonly Certificate[];
  /**
   * The law's flip depth at ε, λ_A/λ_B, ρ_A/ρ_B, by its number of terms:
   * `1`: ⌊ln(1/ε)/ln(1/c)⌋ + 1; `2`: ⌊(ln(1/ε) − ½)/ln(1/c)⌋ + 1; `3`: ⌊L₊⌋ + 1 with L₊ the
   * larger root of ln(1/c) L² − (ln(1/ε) − ½) L + β = 0 (its vertex if none); never below 1.
   * Defined for λ_A/λ_B ∈ (0, 1) and ρ_A/ρ_B > 1 (elsewhere A is first at L = 1 or never).
   * @throws `InvalidArgumentError` (@jepa-dynamics/core) outside that domain or for ε ∉ (0, 1).
   */
  predict(epsilon: number, lambdaRatio: number, rhoRatio: number, terms: 1 | 2 | 3): number;
}

/**
 * The leading-order condition for A = (λ_A, ρ_A = R) to be learned before B = (λ_B = rλ_A, ρ_B = 1),
 * cleared of denominators. With x = ε^{1/L}, q = 2L − 1 and y = x/ρ, the leading-order sum
 * (docs/math.md §3) is λ t* = x^{−q} T(y)/q, T(y) = Σ_{m<q} y^m q/(q − m) = Σ y^m (1 + m h + m² h² + …),
 * h = 1/q: T = 1/(1−y) + h y/(1−y)² + h² y(1+y)/(1−y)³ + O(h³) (the tail beyond m = q is O(ε²)).
 * t*_A = t*_B ⇔ r T(x/R) = T(x); times (R−x)³(1−x)³/… it is P(x, h) = 0:
 */
const BOUNDARY_POLYNOMIAL =
  'r*R*((R-x)^2*(1-x)^3 + h*x*(R-x)*(1-x)^3 + h^2*x*(R+x)*(1-x)^3) - ((1-x)^2*(R-x)^3 + h*x*(1-x)*(R-x)^3 + h^2*x*(1+x)*(R-x)^3)';

/** Highest power of x in P and its derivatives (P has degree 6 in x). */
const DEGREE = 6;

/** Σ_j coeff(Q, x, j) N^j D^{DEGREE−j} (c = N/D): D^DEGREE · Q(N/D) as a polynomial, so `expand` never sees a rational function. */
function homogenized(q: string, N: string, D: string): string {
  return Array.from({ length: DEGREE + 1 }, (_, j) => `coeff(${q},x,${j})*${N}^${j}*${D}^${DEGREE - j}`).join('+');
}

/** T(y) summed exactly, Σ_{m<q} y^m q/(q − m), for the numeric check. */
function seriesT(y: number, q: number): number {
  let s = 0;
  let power = 1;
  for (let m = 0; m < q; m++) {
    s += (power * q) / (q - m);
    power *= y;
  }
  return s;
}

/** The exact boundary x_L of the leading-order sum at depth L: r T(x/R) = T(x), by bisection on (0, 1). */
function exactBoundary(r: number, R: number, L: number): number {
  const q = 2 * L - 1;
  let lo = 0;
  let hi = 1;
  // r T(x/R) − T(x) is positive at x = 0 (r > 1) and −∞ as x → 1 (T(x) ~ q ln … grows); one sign change
  for (let it = 0; it < 200 && hi - lo > 0; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (r * seriesT(mid / R, q) - seriesT(mid, q) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

let cached: FlipDepthLaw | undefined;

/**
 * Derives the asymptotic law of the JEPA flip depth L*(ε, λ_A/λ_B, ρ_A/ρ_B) as ε → 0 from the
 * leading-order sum (docs/math.md §7), with a certificate per step:
 * 1. the CAS solves the order-h⁰ condition, whose only root in (0, 1) is c = R(r−1)/(rR−1);
 * 2. it certifies c₁ = −c (order h) and c₂ = −c k, k = (r−1)(rR+1)/(r(R−1)) (order h²), as
 *    polynomial identities in r, R that reduce to 0;
 * 3. it expands −L ln(1 − h − k h²), h = 1/(2L−1), in 1/L: ½ + β/L, β = k/4 + 3/8;
 * 4. numerically, the boundary x_L of the exact leading-order sum (bisection) differs from
 *    c(1 − h − k h²) by O(h³): the remainder shrinks by (h₄₀₀/h₂₀₀)³ from L = 200 to 400, at four (r, R).
 * The result is computed once and cached (about 3 s of CAS).
 *
 * @returns the derived expressions, the certificates, and the law's prediction.
 * @throws {DerivationError} if the CAS fails on a step.
 * @example
 * ```ts
 * const law = deriveFlipDepthLaw();
 * law.certificates.every((c) => c.holds); // => true
 * law.predict(1e-4, 0.5, 3, 3); // => 17
 * ```
 */
export function deriveFlipDepthLaw(): FlipDepthLaw {
  if (cached !== undefined) return cached;
  // step 1: P(x, 0) = (R−x)²(1−x)² [rR(1−x) − (R−x)]; the bracket is linear in x
  const linearFactor = 'r*R*(1-x) - (R-x)';
  const [factorCheck, boundary] = casBatch([
    `expand(subst(0,h,${BOUNDARY_POLYNOMIAL}) - (R-x)^2*(1-x)^2*(${linearFactor}))`,
    `rationalize(-coeff(${linearFactor},x,0)/coeff(${linearFactor},x,1))`,
  ]);
  const c = casFunction(boundary);
  const cClaimed = (r: number, R: number): number => (R * (r - 1)) / (r * R - 1);
  const samples: [number, number][] = [
    [2, 3],
    [1.25, 1.5],
    [5, 10],
    [1.6, 2.5],
  ];
  const certificates: Certificate[] = [
    casCertificate(
      'flip-order-0',
      'P(x, 0) = (R−x)²(1−x)²·[rR(1−x) − (R−x)]: as L → ∞ the boundary is the root c of the linear factor, the only one in (0, 1) for r, R > 1',
      `expand(P(x,0) - (R-x)^2*(1-x)^2*(${linearFactor}))`,
      factorCheck,
      spotCheck(
        samples.map(([r, R]) => [c({ r, R }), cClaimed(r, R)] as const),
        1e-14,
        'relative',
      ),
    ),
  ];
  // step 2: with x = c + c1 h + c2 h², P = 0 order by order; cleared of the denominators D = rR − 1
  // and r(R − 1), each condition is a polynomial identity in r and R
  // (no CAS assignments: algebrite's symbols are global, and other derivations share the session)
  const P = cas(`expand(${BOUNDARY_POLYNOMIAL})`);
  const [Ph, Px, Phh, Pxh, Pxx] = casBatch([
    `subst(0,h,d(${P},h))`,
    `subst(0,h,d(${P},x))`,
    `subst(0,h,d(${P},h,h))`,
    `subst(0,h,d(d(${P},x),h))`,
    `subst(0,h,d(${P},x,x))`,
  ]);
  const N = '(R*(r-1))';
  const D = '(r*R-1)';
  const KN = '((r-1)*(r*R+1))';
  const KD = '(r*(R-1))';
  const hom = (q: string): string => `(${homogenized(q, N, D)})`;
  const order1 = `expand(-${N}*${hom(Px)} + ${D}*${hom(Ph)})`;
  const order2 = `expand(-${N}*${D}*${KN}*${hom(Px)} + ${KD}*(${N}^2*${hom(Pxx)}/2 - ${N}*${D}*${hom(Pxh)} + ${D}^2*${hom(Phh)}/2))`;
  const [reduced1, reduced2] = casBatch([order1, order2]);
  const curvature = '(r-1)*(r*R+1)/(r*(R-1))';
  const k = casFunction(curvature);
  const approximateBoundary = (r: number, R: number, L: number): number => {
    const h = 1 / (2 * L - 1);
    return c({ r, R }) * (1 - h - k({ r, R }) * h * h);
  };
  // the remainder x_L/(c(1 − h − k h²)) − 1 of the exact leading-order boundary must be O(h³): from L = 200
  // to L = 400 it shrinks by (h₄₀₀/h₂₀₀)³ = (399/799)³ ≈ 0.125, to within 10 % (an O(h⁴) term shifts the ratio by O(h))
  const remainder = (r: number, R: number, L: number): number => exactBoundary(r, R, L) / approximateBoundary(r, R, L) - 1;
  const convergence = samples.map(([r, R]) => [remainder(r, R, 400) / remainder(r, R, 200), (399 / 799) ** 3] as const);
  certificates.push(
    casCertificate(
      'flip-order-1',
      'x = c + c₁h: Pₓ(c) c₁ + P_h(c) = 0 holds with c₁ = −c',
      'D^7·[Pₓ(c)(−c) + P_h(c)] expanded as a polynomial in r, R',
      reduced1,
      spotCheck(convergence, 0.1, 'relative'),
    ),
    casCertificate(
      'flip-order-2',
      `x = c + c₁h + c₂h²: Pₓ(c) c₂ + ½Pₓₓ(c) c₁² + Pₓₕ(c) c₁ + ½Pₕₕ(c) = 0 holds with c₂ = −c·k, k = ${curvature}; the exact leading-order boundary x_L (bisection) differs from c(1 − h − k h²) by O(h³): the remainder shrinks 8-fold from L = 200 to 400`,
      'D^8·r(R−1)·[order-h² condition] expanded as a polynomial in r, R',
      reduced2,
      spotCheck(convergence, 0.1, 'relative'),
    ),
  );
  // step 3: ln(1/ε) < L ln(1/x_L) = L ln(1/c) − L ln(1 − h − k h²); with v = 1/L, h = v/(2 − v)
  // (the CAS's `e` is Euler's number, hence v)
  const [expansion] = casBatch(['expand(-1/v*taylor(log(1 - v/(2-v) - k*(v/(2-v))^2), v, 2, 0))']);
  const beta = 'k/4 + 3/8';
  const [betaCheck] = casBatch([`expand(${expansion} - (1/2 + (${beta})*v))`]);
  const betaOf = casFunction(beta);
  certificates.push(
    casCertificate(
      'flip-inverse-depth',
      `−L ln(1 − h − k h²) = ½ + β/L + O(1/L²) with β = ${beta}`,
      `expand(${expansion} − (1/2 + (${beta}) v)), v = 1/L`,
      betaCheck,
      spotCheck(
        [1.75, 0.5, 3].map((kk) => {
          const L = 1e4;
          const h = 1 / (2 * L - 1);
          // at L = 1e4 the O(1/L²) remainder is ~1e-8 of β/L's 1e-4: compare β with L(−L ln(…) − ½)
          return [L * (-L * Math.log1p(-h - kk * h * h) - 0.5), betaOf({ k: kk })] as const;
        }),
        1e-3,
        'relative',
      ),
    ),
  );
  const predict = (epsilon: number, lambdaRatio: number, rhoRatio: number, terms: 1 | 2 | 3): number => {
    const where = 'flipDepthLaw.predict';
    validatePositive(where, 'epsilon', epsilon);
    if (!(epsilon < 1)) throw new InvalidArgumentError(where, 'epsilon', 'must be below 1', epsilon);
    if (!(lambdaRatio > 0 && lambdaRatio < 1))
      throw new InvalidArgumentError(where, 'lambdaRatio', 'must lie in (0, 1) (λ_A < λ_B: otherwise A is first at L = 1)', lambdaRatio);
    if (!(rhoRatio > 1 && rhoRatio < Infinity))
      throw new InvalidArgumentError(
        where,
        'rhoRatio',
        'must be a finite number above 1 (ρ_A > ρ_B: otherwise A is never first)',
        rhoRatio,
      );
    if (terms !== 1 && terms !== 2 && terms !== 3) throw new InvalidArgumentError(where, 'terms', 'must be 1, 2 or 3', terms);
    const scope = { r: 1 / lambdaRatio, R: rhoRatio };
    const a = -Math.log(c(scope));
    const logInverse = -Math.log(epsilon);
    let depth: number;
    if (terms === 1) depth = logInverse / a;
    else if (terms === 2) depth = (logInverse - 0.5) / a;
    else {
      const b = logInverse - 0.5;
      const disc = b * b - 4 * a * betaOf({ k: k(scope) });
      depth = (b + Math.sqrt(Math.max(disc, 0))) / (2 * a);
    }
    return Math.max(1, Math.floor(depth) + 1);
  };
  cached = {
    boundary: expression(boundary),
    curvature: expression(curvature),
    inverseDepthCoefficient: expression(beta),
    certificates,
    predict,
  };
  return cached;
}
