import { describe, expect, it } from 'vitest';
import { RODAS4_TABLEAU, Rodas4Stepper } from '../../src/solver/rodas4.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import { CountedRhs } from '../../src/solver/countedRhs.js';
import type { JacobianFunction, RhsFunction } from '../../src/solver/types.js';

// RODAS's continuous extension (Hairer's rodas.f, CONTRO): with the stage increments k_i
// (which carry h) and m the weights of y1 = y0 + Σ m_i k_i,
//   u(θ) = (1−θ) y0 + θ (y1 + (1−θ)(q1 + θ q2)),  q1 = Σ_{i≤5} d2i k_i,  q2 = Σ_{i≤5} d3i k_i,
// i.e. u(θ) = y0 + Σ_i w_i(θ) k_i with w(θ) = θ m + θ(1−θ)(d2 + θ d3).
//
// Question checked here: the author saw dense errors of 0.5 at rtol 1e-5 on Prothero–Robinson
// y' = −μ(y − g(t)) + g'(t) although the step values were right. Is that a transcription bug or
// a property of RODAS? Answer (tests below): a property. The d's are the unique solution of
// "order 3 for non-stiff problems" + "exact for quadratic g in the stiff limit μh → ∞", no
// weights on the same stages can also be exact for cubic g there, so in the stiff limit the
// interpolant's local error is 0.1418 θ(1−θ)(1−2θ) h³ g''' (order 2), while the step values are
// exact in that limit (stiffly accurate, d6 = 0) and so never limit h.

const T = RODAS4_TABLEAU;
const S = 6;
const D2 = [T.d21, T.d22, T.d23, T.d24, T.d25, 0];
const D3 = [T.d31, T.d32, T.d33, T.d34, T.d35, 0];
const A: number[][] = [[], [T.a21], [T.a31, T.a32], [T.a41, T.a42, T.a43], [T.a51, T.a52, T.a53, T.a54], [T.a51, T.a52, T.a53, T.a54, 1]];
const C: number[][] = [
  [],
  [T.c21],
  [T.c31, T.c32],
  [T.c41, T.c42, T.c43],
  [T.c51, T.c52, T.c53, T.c54],
  [T.c61, T.c62, T.c63, T.c64, T.c65],
];
const at = (m: number[][], i: number, j: number): number => (j < m[i].length ? m[i][j] : 0);
const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i], 0);
const matVec = (m: number[][], v: number[]): number[] => m.map((row) => dot(row, v));

// Standard form (Hairer–Wanner IV.7.25): Γ = (diag(1/γ) − C)⁻¹ (lower triangular, diagonal γ),
// α = A Γ; the k_i of the code are (Γ k^std)_i, so u(θ) has standard weights b(θ) = Γᵀ w(θ) and
// a weight vector x on the k_i meets the condition of tree t when x · (Γ Φ_t) has the right value.
const G: number[][] = Array.from({ length: S }, () => new Array<number>(S).fill(0));
for (let j = 0; j < S; j++) {
  G[j][j] = T.gamma;
  for (let i = j + 1; i < S; i++) {
    let sum = 0;
    for (let k = j; k < i; k++) sum += at(C, i, k) * G[k][j];
    G[i][j] = T.gamma * sum;
  }
}
const alpha = Array.from({ length: S }, (_, i) => Array.from({ length: S }, (_, j) => A[i].reduce((s, a, k) => s + a * G[k][j], 0)));
const beta = alpha.map((row, i) => row.map((a, j) => a + G[i][j])); // β_ij = α_ij + γ_ij, diagonal γ included
const ones = new Array<number>(S).fill(1);
const ai = matVec(alpha, ones);
// Elementary weights Φ_t (standard form, β with its diagonal) of the trees of order ≤ 3, mapped to the k_i.
const trees = {
  '•': ones,
  '[•]': matVec(beta, ones),
  '[•,•]': ai.map((c) => c * c),
  '[[•]]': matVec(beta, matVec(beta, ones)),
};
const rowsNonStiff = Object.values(trees).map((phi) => matVec(G, phi));
// u(θ) = y0 + θ m·k + θ(1−θ)(d2·k + θ d3·k) has order 3 at every θ iff, for the trees t of order ρ ≤ 3
// (m·ΓΦ_t = 1/γ(t) already, the solution having order 4): ρ = 1: d2·ΓΦ = d3·ΓΦ = 0; ρ = 2: d2·ΓΦ = −1/2,
// d3·ΓΦ = 0; ρ = 3: d2·ΓΦ = d3·ΓΦ = −1/γ(t) (γ(t) = 3 for [•,•], 6 for [[•]]). (Compare coefficients of
// θ/γ(t) + θ(1−θ)(x + θy) = θ^ρ/γ(t).)
const rhsNonStiff2 = [0, -1 / 2, -1 / 3, -1 / 6];
const rhsNonStiff3 = [0, 0, -1 / 3, -1 / 6];

/**
 * The stiff limit μ → ∞ (h fixed, exact Jacobian −μ, ∂f/∂t = μ g' + g'') of the stages on
 * Prothero–Robinson y' = −μ(y − g) + g' with g(t) = t^p, t0 = 0, h = 1, y0 = g(0): dividing stage i by μ,
 * k_i = g(c_i) + d_i g'(0) − Y_i with Y_i = y0 + Σ_j a_ij k_j (the C_ij/h and f-terms are O(1/μ)).
 */
function stiffLimitStages(p: number): number[] {
  const g = (t: number): number => t ** p;
  const gp0 = p === 1 ? 1 : 0;
  const k: number[] = [];
  for (let i = 0; i < S; i++) {
    const Y = g(0) + A[i].reduce((s, a, j) => s + a * k[j], 0);
    k.push(g(T.c[i]) + T.d[i] * gp0 - Y);
  }
  return k;
}

/** Solves a small dense system by Gaussian elimination with partial pivoting (5×5 here). */
function solve(m: number[][], b: number[]): number[] {
  const n = b.length;
  const a = m.map((row, i) => [...row.slice(0, n), b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let q = c; q <= n; q++) a[r][q] -= f * a[c][q];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let q = r + 1; q < n; q++) s -= a[r][q] * x[q];
    x[r] = s / a[r][r];
  }
  return x;
}

function stepper(fn: RhsFunction, n: number, jacobian: JacobianFunction): Rodas4Stepper {
  return new Rodas4Stepper({ rhs: new CountedRhs(fn), n, rtol: 0, atol: new Float64Array(n).fill(1), dense: true, jacobian });
}

/** One RODAS step of size h from the exact value at t0; returns the step-value error and the dense errors at the given θ. */
function oneStep(
  fn: RhsFunction,
  jac: JacobianFunction,
  exact: (t: number) => number[],
  t0: number,
  h: number,
  thetas: readonly number[],
): { step: number; dense: number[] } {
  const n = exact(t0).length;
  const st = stepper(fn, n, jac);
  const y = Float64Array.from(exact(t0));
  const yNew = new Float64Array(n);
  const coef = new Float64Array(st.denseSize);
  const out = new Float64Array(n);
  st.start(t0, y);
  st.attempt(t0, y, h, yNew);
  st.accept(t0, y, h, yNew, coef);
  const maxDiff = (u: ArrayLike<number>, v: number[]): number => Math.max(...v.map((x, i) => Math.abs(u[i] - x)));
  return {
    step: maxDiff(yNew, exact(t0 + h)),
    dense: thetas.map((th) => {
      st.interpolate(coef, 0, th, out);
      return maxDiff(out, exact(t0 + th * h));
    }),
  };
}

/** Prothero–Robinson y' = −μ(y − g) + g' (solution g when y(t0) = g(t0)) with its exact Jacobian. */
function protheroRobinson(mu: number, g: (t: number) => number, gp: (t: number) => number): { f: RhsFunction; jac: JacobianFunction } {
  return {
    f: (t, y, d) => {
      d[0] = -mu * (y[0] - g(t)) + gp(t);
    },
    jac: (_t, _y, J) => {
      J[0] = -mu;
    },
  };
}

// Stiff-limit error constant: u(θ) − g = κ θ(1−θ)(1−2θ) h³ g''' with κ = (1 + d2·k(t³))/6 (derived below);
// its maximum over θ is κ/(6√3).
const KAPPA = (1 + dot(D2, stiffLimitStages(3))) / 6;
const K_MAX = KAPPA / (6 * Math.sqrt(3));

describe("RODAS (rodas4) continuous extension: Hairer's coefficients, and why its error is not controlled on stiff forced problems", () => {
  it('d2, d3 are the unique solution of: order 3 at every θ (non-stiff) + exact for quadratic g in the stiff limit — derived here, they match the tableau to 1e-12', () => {
    // Per row: the 4 conditions of order ≤ 3 and, in the stiff limit with g = t² (y1 = g(1) exactly),
    // θ + θ(1−θ)(d2·k + θ d3·k) = θ², i.e. d2·k = −1 and d3·k = 0. The k6 weight is 0 in rodas.f.
    const m = [...rowsNonStiff, stiffLimitStages(2)].map((row) => row.slice(0, 5));
    const d2 = solve(m, [...rhsNonStiff2, -1]);
    const d3 = solve(m, [...rhsNonStiff3, 0]);
    d2.forEach((x, i) => expect(Math.abs(x - D2[i])).toBeLessThan(1e-12 * Math.abs(D2[i])));
    d3.forEach((x, i) => expect(Math.abs(x - D3[i])).toBeLessThan(1e-12 * Math.abs(D3[i])));
    // And directly: the residuals of the eight non-stiff conditions (measured ≤ 6.9e-15).
    rowsNonStiff.forEach((row, i) => {
      expect(Math.abs(dot(D2, row) - rhsNonStiff2[i])).toBeLessThan(1e-13);
      expect(Math.abs(dot(D3, row) - rhsNonStiff3[i])).toBeLessThan(1e-13);
    });
    // Linear g is reproduced too (implied): d·k(t) = 0.
    expect(Math.abs(dot(D2, stiffLimitStages(1)))).toBeLessThan(1e-13);
    expect(Math.abs(dot(D3, stiffLimitStages(1)))).toBeLessThan(1e-13);
  });

  it("no weights on y0, k1…k6 give order 3 and stiff-limit exactness for cubic g: the d's miss it (d2·k = −0.1489, d3·k = −2.7021, not −1, −1), and k6 cannot help", () => {
    const k3 = stiffLimitStages(3);
    expect(dot(D2, k3)).toBeCloseTo(-0.148944, 6); // sympy/numpy cross-check: −0.148944
    expect(dot(D3, k3)).toBeCloseTo(-2.702112, 6); // −2.702112
    // The error polynomial is κ θ(1−θ)(1−2θ): (1 + d3·k) = −2 (1 + d2·k).
    expect(Math.abs(1 + dot(D3, k3) + 2 * (1 + dot(D2, k3)))).toBeLessThan(1e-12);
    expect(KAPPA).toBeCloseTo(0.141843, 6);
    // k6 (= y_order4 − y_order3) vanishes in the stiff limit for every g (y1 and the embedded
    // solution both tend to g(t1)), and its weight drops out of every condition of order ≤ 3 (the
    // embedded solution has order 3). So for any u(θ) = y0 + Σ_{i≤6} w_i(θ) k_i — any dependence on
    // θ, not only RODAS's cubic — the 5 conditions of the previous test fix w_1…w_5(θ) pointwise
    // (their matrix does not depend on θ and is nonsingular), hence w(θ) is RODAS's, and the cubic
    // condition fails for every θ ∉ {0, ½, 1}.
    for (let p = 0; p <= 5; p++) expect(Math.abs(stiffLimitStages(p)[5])).toBeLessThan(1e-13);
    for (const row of rowsNonStiff) expect(Math.abs(row[5])).toBeLessThan(1e-13);
  });

  // The non-autonomous, nonlinear test problem of rodas4.test.ts: solution g(t) = (sin t + 1, e^{−t} cos t).
  const gN = (t: number): number[] => [Math.sin(t) + 1, Math.exp(-t) * Math.cos(t)];
  const fN: RhsFunction = (t, y, d) => {
    const [a, b] = gN(t);
    d[0] = Math.cos(t) + y[0] * y[0] * y[1] - a * a * b;
    d[1] = -Math.exp(-t) * (Math.cos(t) + Math.sin(t)) + Math.sin(y[0]) - Math.sin(a);
  };
  const jN: JacobianFunction = (_t, y, J) => {
    J[0] = 2 * y[0] * y[1];
    J[1] = y[0] * y[0];
    J[2] = Math.cos(y[0]);
    J[3] = 0;
  };

  it('non-stiff: local interpolation error O(h⁴) (order 3), measured as the largest error over θ ∈ (0, 1)', () => {
    // The sup over 15 interior θ and both components (at a single θ a component's leading h⁴ term can
    // nearly vanish: at θ = 1/4, y1's error falls like h^5.5 over this range).
    const thetas = Array.from({ length: 15 }, (_, j) => (j + 1) / 16);
    const errs = [0.2, 0.1, 0.05, 0.025].map((h) => Math.max(...oneStep(fN, jN, gN, 0.3, h, thetas).dense));
    // log2 of successive ratios: measured 3.94, 3.97, 3.98 (an order-2 interpolant would give ≈ 3).
    for (let r = 1; r < errs.length; r++) {
      const p = Math.log2(errs[r - 1] / errs[r]);
      expect(p).toBeGreaterThan(3.7);
      expect(p).toBeLessThan(4.3);
    }
  });

  it("stiff limit (Prothero–Robinson, μ = 1e10): step values exact, quadratic g reproduced, cubic g off by exactly κ θ(1−θ)(1−2θ) h³ g''' (order 2)", () => {
    const mu = 1e10;
    const thetas = [0.2, 0.35, 0.8];
    // g = 1 + t/2 − t²/3: exact up to O(1/μ) and the forward difference for ∂f/∂t (its error δμg''/2,
    // δ ≈ 3e-9, enters the k_i as h d_i δ g''/2 and is amplified by the d's ~ 35): measured ≤ 1.5e-8 (h = 2).
    const quad = protheroRobinson(
      mu,
      (t) => 1 + t / 2 - (t * t) / 3,
      (t) => 0.5 - (2 * t) / 3,
    );
    for (const h of [0.5, 2]) {
      const r = oneStep(quad.f, quad.jac, (t) => [1 + t / 2 - (t * t) / 3], 0.1, h, thetas);
      expect(r.step).toBeLessThan(1e-8);
      for (const e of r.dense) expect(e).toBeLessThan(1e-7);
    }
    // g = t³ (g''' = 6) from t0 = 0: signed error against κ θ(1−θ)(1−2θ) h³ · 6.
    const cub = protheroRobinson(
      mu,
      (t) => t ** 3,
      (t) => 3 * t * t,
    );
    for (const h of [0.25, 0.5, 1]) {
      const st = stepper(cub.f, 1, cub.jac);
      const y = Float64Array.of(0);
      const yNew = new Float64Array(1);
      const coef = new Float64Array(st.denseSize);
      const out = new Float64Array(1);
      st.start(0, y);
      st.attempt(0, y, h, yNew);
      st.accept(0, y, h, yNew, coef);
      expect(Math.abs(yNew[0] - h ** 3)).toBeLessThan(1e-8 * h ** 3);
      for (const th of thetas) {
        st.interpolate(coef, 0, th, out);
        const predicted = KAPPA * th * (1 - th) * (1 - 2 * th) * h ** 3 * 6;
        expect(Math.abs(out[0] - (th * h) ** 3 - predicted)).toBeLessThan(1e-6 * Math.abs(predicted));
      }
    }
    // cos t from t0 = 0.7: the dense error shrinks like h³ (observed 3.14, 3.10, 3.06, 3.03), the step error stays O(1/μ).
    const pr = protheroRobinson(mu, Math.cos, (t) => -Math.sin(t));
    const errs = [1, 0.5, 0.25, 0.125, 0.0625].map((h) => oneStep(pr.f, pr.jac, (t) => [Math.cos(t)], 0.7, h, [0.25, 0.75]));
    for (let r = 1; r < errs.length; r++) {
      const p = Math.log2(Math.max(...errs[r - 1].dense) / Math.max(...errs[r].dense));
      expect(p).toBeGreaterThan(2.9);
      expect(p).toBeLessThan(3.3);
    }
    for (const r of errs) expect(r.step).toBeLessThan(1e-10); // O(1/μ) and the ∂f/∂t difference quotient: measured ≤ 6.1e-12
  });

  describe("through solveIvp: Prothero–Robinson y' = −1e6 (y − cos t) − sin t, y(0) = 1, t ∈ [0, 10]", () => {
    const mu = 1e6;
    const pr: RhsFunction = (t, y, d) => {
      d[0] = -mu * (y[0] - Math.cos(t)) - Math.sin(t);
    };

    it('reproduces the report: step values within the tolerance, dense output 0.53 off between steps of length ~4 at rtol 1e-5', () => {
      const tol = 1e-5;
      const r = solveIvp(pr, [0, 10], [1], { method: 'rodas4', rtol: tol, atol: tol / 100, dense: true });
      const sol = r.sol;
      expect(sol).toBeDefined();
      if (sol === undefined) return;
      r.t.forEach((t, k) => expect(Math.abs(r.y[k][0] - Math.cos(t))).toBeLessThan(tol));
      let dense = 0;
      for (let t = 0; t <= 10; t += 0.01) dense = Math.max(dense, Math.abs(sol(t)[0] - Math.cos(t)));
      // Measured 0.530 (9 steps, longest 3.99; step values ≤ 0.1 tol). If this starts failing, docs/stiff.md's limitation is out of date.
      expect(dense).toBeGreaterThan(0.1);
    });

    it('every step of length ≤ 1 obeys the stiff-limit bound |u − g| ≤ Σ_{p=3..5} K_p h^p max|g⁽ᵖ⁾| + 2 tol', () => {
      // K_p = max over θ of the stiff-limit interpolation error for g = t^p/p! (h = 1), from the
      // limit stages above: K_3 = κ/(6√3) = 0.01365, K_4 = 0.1019/24, K_5 = 0.1159/120. The Taylor
      // terms from p = 6 on are < 1e-4 h⁶ max|g⁽⁶⁾| here. 2 tol covers the step values' own errors
      // (≤ 0.34 tol at these tolerances) carried into the interpolant. Measured: error/bound ≤ 0.97.
      const kp = (p: number): number => {
        const k = stiffLimitStages(p);
        let worst = 0;
        for (let th = 0; th <= 1; th += 1 / 512) {
          const u = th * (1 + (1 - th) * (dot(D2, k) + th * dot(D3, k))); // y0 = 0, y1 = 1 in the limit
          worst = Math.max(worst, Math.abs(u - th ** p));
        }
        let factorial = 1;
        for (let q = 2; q <= p; q++) factorial *= q;
        return worst / factorial;
      };
      const K = [kp(3), kp(4), kp(5)];
      expect(K[0]).toBeCloseTo(K_MAX, 7);
      expect(K[1]).toBeCloseTo(0.1019 / 24, 5);
      for (const tol of [1e-5, 1e-7]) {
        const r = solveIvp(pr, [0, 10], [1], { method: 'rodas4', rtol: tol, atol: tol / 100, dense: true });
        const sol = r.sol;
        if (sol === undefined) throw new Error('no sol');
        let checked = 0;
        for (let k = 0; k + 1 < r.t.length; k++) {
          const t0 = r.t[k];
          const h = r.t[k + 1] - t0;
          if (h > 1) continue;
          let err = 0;
          let mSin = 0; // max |g'''| = max |g⁽⁵⁾| = max |sin t| on the step
          let mCos = 0; // max |g⁽⁴⁾| = max |cos t|
          for (let j = 0; j <= 64; j++) {
            const t = t0 + (j / 64) * h;
            err = Math.max(err, Math.abs(sol(t)[0] - Math.cos(t)));
            mSin = Math.max(mSin, Math.abs(Math.sin(t)));
            mCos = Math.max(mCos, Math.abs(Math.cos(t)));
          }
          expect(err).toBeLessThanOrEqual(K[0] * h ** 3 * mSin + K[1] * h ** 4 * mCos + K[2] * h ** 5 * mSin + 2 * tol);
          checked++;
        }
        expect(checked).toBeGreaterThan(5); // 6 steps (the first ones) at 1e-5, 33 at 1e-7
      }
    });

    it("maxStep = (tol / (K max|g'''|))^{1/3} brings sol(t) and located events within the tolerance", () => {
      for (const tol of [1e-5, 1e-7]) {
        const maxStep = Math.cbrt(tol / K_MAX); // max|g'''| = 1
        const r = solveIvp(pr, [0, 10], [1], {
          method: 'rodas4',
          rtol: tol,
          atol: tol / 100,
          maxStep,
          dense: true,
          events: [{ g: (_t, y) => y[0] - 0.3 }],
        });
        const sol = r.sol;
        if (sol === undefined) throw new Error('no sol');
        let dense = 0;
        for (let t = 0; t <= 10; t += 0.001) dense = Math.max(dense, Math.abs(sol(t)[0] - Math.cos(t)));
        // Leading term K h³ max|g'''| = tol by construction; the h⁴ term adds ≤ 0.03 tol, the step
        // values ≤ 0.1 tol. Measured 0.999 tol (1e-5) and 1.00 tol (1e-7).
        expect(dense).toBeLessThan(1.15 * tol);
        // cos t = 0.3 at acos 0.3, 2π ∓ acos 0.3; |d/dt cos| = √0.91 there.
        const exact = [Math.acos(0.3), 2 * Math.PI - Math.acos(0.3), 2 * Math.PI + Math.acos(0.3)];
        expect(r.events.map((e) => e.t)).toHaveLength(3);
        r.events.forEach((e, i) => expect(Math.abs(e.t - exact[i])).toBeLessThan((1.15 * tol) / Math.sqrt(0.91)));
      }
      // Without maxStep the same events are off by up to 0.16 at rtol 1e-5 (measured 0.084, 0.160, 0.161).
      const loose = solveIvp(pr, [0, 10], [1], { method: 'rodas4', rtol: 1e-5, atol: 1e-7, events: [{ g: (_t, y) => y[0] - 0.3 }] });
      expect(
        Math.max(
          ...loose.events.map((e, i) => Math.abs(e.t - [Math.acos(0.3), 2 * Math.PI - Math.acos(0.3), 2 * Math.PI + Math.acos(0.3)][i])),
        ),
      ).toBeGreaterThan(0.01);
    });
  });

  describe('autonomous problems: the reduction follows the slow manifold, not explicit t', () => {
    const mu = 1e6;
    function denseError(f: RhsFunction, y0: number[], exact: (t: number) => number, tol: number): { dense: number; step: number } {
      const r = solveIvp(f, [0, 10], y0, { method: 'rodas4', rtol: tol, atol: tol / 100, dense: true });
      const sol = r.sol;
      if (sol === undefined) throw new Error('no sol');
      let step = 0;
      r.t.forEach((t, k) => {
        step = Math.max(step, Math.abs(r.y[k][0] - exact(t)));
      });
      let dense = 0;
      for (let k = 0; k + 1 < r.t.length; k++) {
        for (let j = 1; j < 8; j++) {
          const t = r.t[k] + (j / 8) * (r.t[k + 1] - r.t[k]);
          dense = Math.max(dense, Math.abs(sol(t)[0] - exact(t)));
        }
      }
      return { dense, step };
    }

    it('stiff y slaved linearly to an oscillator (Prothero–Robinson made autonomous): sol(t) within the tolerance', () => {
      // y' = −μ(y − u) − v, u' = −v, v' = u: y = u = cos t. The slow (u, v) limit the steps, and the
      // stiff y inherits their order-3 interpolant (its stiff-limit stages follow U_i + k_i linearly).
      const f: RhsFunction = (_t, y, d) => {
        d[0] = -mu * (y[0] - y[1]) - y[2];
        d[1] = -y[2];
        d[2] = y[1];
      };
      for (const tol of [1e-5, 1e-7]) {
        const { dense } = denseError(f, [1, 1, 0], Math.cos, tol);
        expect(dense).toBeLessThan(tol); // measured 0.87 tol, 0.83 tol
      }
    });

    it('stiff y slaved nonlinearly, y → sin(3u): step values within the tolerance, sol(t) 26–85× the tolerance', () => {
      // The stiff-limit stages follow the linearisation sin(3U_i) + 3cos(3u0) k_i, off by O(k²) = O(h²):
      // the same h³ local error, now with h set by the slow variables' order-4 step control.
      const f: RhsFunction = (_t, y, d) => {
        d[1] = -y[2];
        d[2] = y[1];
        d[0] = -mu * (y[0] - Math.sin(3 * y[1])) - 3 * Math.cos(3 * y[1]) * y[2];
      };
      const exact = (t: number): number => Math.sin(3 * Math.cos(t));
      for (const tol of [1e-5, 1e-7]) {
        const { dense, step } = denseError(f, [Math.sin(3), 1, 0], exact, tol);
        expect(step).toBeLessThan(tol); // measured 0.14 tol, 0.13 tol
        expect(dense).toBeGreaterThan(10 * tol); // measured 26.2 tol, 84.8 tol
        expect(dense).toBeLessThan(200 * tol);
      }
    });
  });
});
