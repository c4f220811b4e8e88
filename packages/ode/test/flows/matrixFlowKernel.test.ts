import { describe, expect, it } from 'vitest';
import { matrixFlow } from '../../src/flows/matrixFlow.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

/** Complex numbers as [re, im], and d×d complex matrices as arrays of rows: the test's own arithmetic. */
type C = [number, number];
type CM = C[][];
const cadd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const csub = (a: C, b: C): C => [a[0] - b[0], a[1] - b[1]];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const mm = (a: CM, b: CM): CM => a.map((row) => b[0].map((_, j) => row.reduce<C>((s, x, k) => cadd(s, cmul(x, b[k][j])), [0, 0])));
const tr = (a: CM): CM => a[0].map((_, j) => a.map((row) => row[j]));
const msub = (a: CM, b: CM): CM => a.map((row, i) => row.map((x, j) => csub(x, b[i][j])));
const eye = (d: number): CM => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j): C => [i === j ? 1 : 0, 0]));
const real = (m: number[][]): CM => m.map((row) => row.map((x): C => [x, 0]));
/** W_to ⋯ W_from (1-based, inclusive), the identity when empty: the textbook products, formed afresh. */
const prod = (W: CM[], from: number, to: number, d: number): CM => {
  let p = eye(d);
  for (let a = from; a <= to; a++) p = mm(W[a - 1], p);
  return p;
};

/**
 * The matrix flow of docs/math.md §1 written out in complex arithmetic with explicit prefix and suffix
 * products (not the library's backward sweep): ∇V = R W̄ᵀ, ∇W_a = (W_L⋯W_{a+1})ᵀ Vᵀ R (W_{a−1}⋯W_1)ᵀ,
 * R = V W̄ Σxx − T Σyx (T = W̄, or the EMA target's product) or V W̄ Σxx − Σyx, and the EMA rates.
 * Its complex step Im F(θ + ihv)/h is the exact directional derivative to rounding (no cancellation).
 */
function complexFlow(
  objective: 'jepa' | 'mae',
  L: number,
  d: number,
  sxx: number[][],
  syx: number[][],
  emaTime: number | null,
  y: C[],
): C[] {
  const block = (m: number): CM => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => y[m * d * d + i * d + j]));
  const V = block(0);
  const W = Array.from({ length: L }, (_, a) => block(a + 1));
  const WT = emaTime === null ? W : Array.from({ length: L }, (_, a) => block(L + 1 + a));
  const wbar = prod(W, 1, L, d);
  const target = prod(WT, 1, L, d);
  const R = msub(mm(mm(V, wbar), real(sxx)), objective === 'jepa' ? mm(target, real(syx)) : real(syx));
  const out: CM[] = [mm(R, tr(wbar))];
  for (let a = 1; a <= L; a++) out.push(mm(mm(mm(tr(prod(W, a + 1, L, d)), tr(V)), R), tr(prod(W, 1, a - 1, d))));
  const flat = out.flatMap((m) => m.flat()).map((x): C => [-x[0], -x[1]]);
  if (emaTime !== null)
    for (let a = 0; a < L; a++)
      for (let i = 0; i < d * d; i++) {
        const w = y[(a + 1) * d * d + i],
          t = y[(L + 1 + a) * d * d + i];
        flat.push([(w[0] - t[0]) / emaTime, (w[1] - t[1]) / emaTime]);
      }
  return flat;
}

function randomMatrix(next: () => number, d: number, scale: number): number[][] {
  return Array.from({ length: d }, () => Array.from({ length: d }, () => scale * (2 * next() - 1)));
}

describe('matrixFlow(...).jvp: the exact Jacobian-vector product', () => {
  const d = 3;
  const L = 3;
  const next = mulberry32(41);
  const A = randomMatrix(next, d, 1);
  // Σxx = A Aᵀ + I (SPD, not diagonal), Σyx any matrix
  const sxx = A.map((row, i) => A.map((r2, j) => row.reduce((s, x, k) => s + x * r2[k], 0) + (i === j ? 1 : 0)));
  const syx = randomMatrix(next, d, 1);
  const cases = [
    { objective: 'jepa' as const, emaTime: null },
    { objective: 'mae' as const, emaTime: null },
    { objective: 'jepa' as const, emaTime: 2.5 },
  ];
  for (const { objective, emaTime } of cases) {
    it(`${objective}${emaTime === null ? '' : ` with an EMA target (τ_ema = ${emaTime})`}: equals the complex-step derivative of an independently written flow (to 1e-13 relative) and central differences of rhs (to 1e-8)`, () => {
      const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx, ...(emaTime === null ? {} : { emaTime }) });
      const n = flow.dimension;
      const y = Float64Array.from({ length: n }, () => 0.8 * (2 * next() - 1));
      const f = new Float64Array(n);
      flow.rhs(0, y, f);
      // the right-hand sides agree first (complex arithmetic with zero imaginary parts)
      const fc = complexFlow(
        objective,
        L,
        d,
        sxx,
        syx,
        emaTime,
        Array.from(y, (x): C => [x, 0]),
      );
      const scale = Math.max(...Array.from(f, Math.abs));
      for (let i = 0; i < n; i++) expect(Math.abs(f[i] - fc[i][0])).toBeLessThan(1e-14 * scale);
      for (let trial = 0; trial < 3; trial++) {
        const v = Float64Array.from({ length: n }, () => 2 * next() - 1);
        const jv = new Float64Array(n);
        flow.jvp(0, y, v, jv);
        // complex step: Im F(y + i h v)/h, h = 1e-30, exact to rounding
        const h = 1e-30;
        const step = complexFlow(
          objective,
          L,
          d,
          sxx,
          syx,
          emaTime,
          Array.from(y, (x, i): C => [x, h * v[i]]),
        ).map((z) => z[1] / h);
        const jscale = Math.max(...step.map(Math.abs));
        // both sides are O(L) products of O(1) numbers: a few hundred roundings of 1e-16 at most
        for (let i = 0; i < n; i++) expect(Math.abs(jv[i] - step[i])).toBeLessThan(1e-13 * jscale);
        // central differences with step δ = 1e-5: error O(δ²‖F‴‖) + O(u/δ) ≈ 1e-10 relative here
        const delta = 1e-5;
        const plus = new Float64Array(n),
          minus = new Float64Array(n);
        flow.rhs(
          0,
          y.map((x, i) => x + delta * v[i]),
          plus,
        );
        flow.rhs(
          0,
          y.map((x, i) => x - delta * v[i]),
          minus,
        );
        for (let i = 0; i < n; i++) expect(Math.abs(jv[i] - (plus[i] - minus[i]) / (2 * delta))).toBeLessThan(1e-8 * jscale);
      }
    });
  }

  it('products at the same point reuse its forward quantities, and a new point is recognised (jvp after rhs at another y)', () => {
    const flow = matrixFlow({ objective: 'jepa', depth: 2, sigmaXX: sxx, sigmaYX: syx });
    const n = flow.dimension;
    const y1 = Float64Array.from({ length: n }, () => 2 * next() - 1);
    const y2 = Float64Array.from({ length: n }, () => 2 * next() - 1);
    const v = Float64Array.from({ length: n }, () => 2 * next() - 1);
    const fresh = matrixFlow({ objective: 'jepa', depth: 2, sigmaXX: sxx, sigmaYX: syx });
    const expected = new Float64Array(n);
    fresh.jvp(0, y2, v, expected);
    const scratch = new Float64Array(n);
    flow.rhs(0, y1, scratch);
    flow.jvp(0, y1, v, scratch);
    const got = new Float64Array(n);
    flow.jvp(0, y2, v, got);
    expect(Array.from(got)).toEqual(Array.from(expected));
  });
});
