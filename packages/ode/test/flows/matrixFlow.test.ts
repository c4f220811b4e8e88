import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { luDecompose, luSolve } from '@jepa-dynamics/core';
import { alignedMatrixInit, matrixFlow, type Matrix } from '../../src/flows/matrixFlow.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import { uAt } from '../../../../test/support/oracles/index.js';

type M = number[][];
const zeros = (d: number): M => Array.from({ length: d }, () => new Array<number>(d).fill(0));
const mm = (a: Matrix, b: Matrix): M => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const tr = (a: Matrix): M => a[0].map((_, j) => a.map((row) => row[j]));
const trace = (a: Matrix): number => a.reduce((s, row, i) => s + row[i], 0);
const eye = (d: number): M => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => (i === j ? 1 : 0)));
const prod = (ws: Matrix[], d: number): M => ws.reduce<M>((acc, w) => mm(w, acc), eye(d));

/**
 * The population losses of docs/math.md §1 written directly as traces (independent of matrixFlow):
 * ½E‖V W̄ x − T‖² = ½ tr(V W̄ Σxx W̄ᵀ Vᵀ) − tr(V W̄ Σxy Bᵀ) + const, with target T = B y,
 * B = sg(W̄) (JEPA, held fixed at `target`) or I (MAE).
 */
function loss(V: Matrix, W: Matrix[], sxx: Matrix, syx: Matrix, target: Matrix): number {
  const P = mm(V, prod(W, V.length));
  return 0.5 * trace(mm(mm(P, sxx), tr(P))) - trace(mm(mm(P, tr(syx)), tr(target)));
}

/** A random SPD matrix A Aᵀ + d I and a random (non-symmetric) matrix, seeded. */
function randomCovariances(seed: number, d: number): { sxx: M; syx: M } {
  const [vals] = fc.sample(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * d * d, maxLength: 2 * d * d }), {
    seed,
    numRuns: 1,
  });
  const A = Array.from({ length: d }, (_, i) => vals.slice(i * d, i * d + d));
  const sxx = mm(A, tr(A)).map((row, i) => row.map((v, j) => v + (i === j ? d : 0)));
  const syx = Array.from({ length: d }, (_, i) => vals.slice(d * d + i * d, d * d + i * d + d));
  return { sxx, syx };
}

describe('matrixFlow', () => {
  it('matrixFlow(...).rhs is minus the gradient of the population loss (central differences, non-diagonal Σ, random state)', () => {
    const d = 3;
    const L = 3;
    const { sxx, syx } = randomCovariances(11, d);
    const [vals] = fc.sample(
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: (L + 1) * d * d, maxLength: (L + 1) * d * d }),
      { seed: 12, numRuns: 1 },
    );
    for (const objective of ['jepa', 'mae'] as const) {
      const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });
      const y = Float64Array.from(vals);
      const dy = new Float64Array(flow.dimension);
      flow.rhs(0, y, dy);
      const st = flow.unpack(y);
      // JEPA: StopGrad — the target encoder is held at its current value.
      const target = objective === 'jepa' ? prod(st.W, d) : eye(d);
      const h = 1e-6;
      for (let k = 0; k < flow.dimension; k++) {
        const yp = Float64Array.from(y);
        const ym = Float64Array.from(y);
        yp[k] += h;
        ym[k] -= h;
        const sp = flow.unpack(yp);
        const sm = flow.unpack(ym);
        const g = (loss(sp.V, sp.W, sxx, syx, target) - loss(sm.V, sm.W, sxx, syx, target)) / (2 * h);
        // Central difference: error O(h²·|∂³L|) + rounding 1e-16·|L|/h ≈ 1e-9 here.
        expect(Math.abs(dy[k] + g)).toBeLessThan(1e-7 * Math.max(1, Math.abs(g)));
      }
    }
  });

  it('with aligned init and diagonal covariances the diagonal follows the per-feature JEPA solution (exact t(u) of docs/math.md §3) to 1e-8 relative, off-diagonals stay 0', () => {
    const L = 3;
    const eps = 1e-2;
    const sigma2 = [0.5, 1, 2];
    const rho = [0.8, 0.5, 0.3];
    const d = 3;
    const sxx = zeros(d);
    const syx = zeros(d);
    for (let i = 0; i < d; i++) {
      sxx[i][i] = sigma2[i];
      syx[i][i] = sigma2[i] * rho[i];
    }
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const times = [0, 500, 1000, 1500, 3000];
    const r = solveIvp(flow.rhs, [0, 3000], flow.pack(alignedMatrixInit(d, L, eps)), {
      method: 'dop853',
      rtol: 1e-13,
      atol: 1e-16,
      tEval: times,
    });
    expect(r.status).toBe('success');
    // docs/math.md §3, JEPA: t(u) in closed form; inverted by bisection (monotone on (u0, ρ)).
    const exactU = (t: number, i: number): number => uAt('jepa', L, sigma2[i] * rho[i], rho[i], eps, t);
    let learned = 0;
    r.y.forEach((y, k) => {
      const wbar = flow.encoder(y);
      const st = flow.unpack(y);
      for (let i = 0; i < d; i++) {
        const u = exactU(times[k], i);
        expect(Math.abs(wbar[i][i] - u ** L) / u ** L).toBeLessThan(1e-8);
        expect(Math.abs(st.V[i][i] - u) / u).toBeLessThan(1e-8);
        for (let j = 0; j < d; j++) if (j !== i) expect(wbar[i][j]).toBe(0);
        if (k === times.length - 1 && u > 0.9 * rho[i]) learned++;
      }
    });
    expect(learned).toBe(3); // the horizon covers every transition
  });

  it('with aligned init and diagonal covariances the MAE diagonal follows the per-feature ODE of docs/math.md §2, written here and integrated on its own (1e-8 relative)', () => {
    const L = 2;
    const eps = 1e-2;
    const features = [
      { sigma2: 1, rho: 0.7 },
      { sigma2: 3, rho: 0.2 },
    ];
    const sxx = [
      [1, 0],
      [0, 3],
    ];
    const syx = [
      [0.7, 0],
      [0, 0.6],
    ];
    const flow = matrixFlow({ objective: 'mae', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const times = [0, 5, 10, 20, 40];
    const r = solveIvp(flow.rhs, [0, 40], flow.pack(alignedMatrixInit(2, L, eps)), {
      method: 'dop853',
      rtol: 1e-13,
      atol: 1e-16,
      tEval: times,
    });
    expect(r.status).toBe('success');
    features.forEach((feature, i) => {
      // docs/math.md §2, MAE per layer: du/dt = σ² u^L (ρ − u^{L+1}) (not perLayerFlow: the reference shares no code
      // with the flows but the solver). Both runs at rtol 1e-13, so 1e-8 relative leaves room for the
      // matrix flow's longer rounding chains and the condition of the transition.
      const scalar = (_t: number, y: Float64Array, dy: Float64Array): void => {
        dy[0] = feature.sigma2 * y[0] ** L * (feature.rho - y[0] ** (L + 1));
      };
      const s = solveIvp(scalar, [0, 40], [eps ** (1 / L)], { method: 'dop853', rtol: 1e-13, atol: 1e-16, tEval: times });
      expect(s.status).toBe('success');
      expect(s.y).toHaveLength(times.length);
      expect(r.y).toHaveLength(times.length);
      r.y.forEach((y, k) => {
        const u = s.y[k][0];
        expect(Math.abs(flow.encoder(y)[i][i] - u ** L) / u ** L).toBeLessThan(1e-8);
      });
    });
  });

  it('conserves the matrix analogues of v² − w_a²: VᵀV − W_L W_Lᵀ and W_{a+1}ᵀ W_{a+1} − W_a W_aᵀ (JEPA and MAE)', () => {
    // With ∇V = E W̄ᵀ and ∇W_a = (W_L⋯W_{a+1})ᵀ VᵀE (W_{a−1}⋯W_1)ᵀ the derivative of each difference
    // cancels term by term, whatever E is: so it holds for MAE (a gradient flow, Arora et al. 2018)
    // and for JEPA with StopGrad alike (docs/math.md §2: v² − w_a² conserved).
    const d = 3;
    const L = 2;
    const { sxx, syx } = randomCovariances(5, d);
    const [vals] = fc.sample(
      fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: (L + 1) * d * d, maxLength: (L + 1) * d * d }),
      { seed: 6, numRuns: 1 },
    );
    for (const objective of ['jepa', 'mae'] as const) {
      const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });
      const inv = (y: ArrayLike<number>): M[] => {
        const s = flow.unpack(y);
        const sub = (a: M, b: M): M => a.map((row, i) => row.map((v, j) => v - b[i][j]));
        return [sub(mm(tr(s.V), s.V), mm(s.W[1], tr(s.W[1]))), sub(mm(tr(s.W[1]), s.W[1]), mm(s.W[0], tr(s.W[0])))];
      };
      const r = solveIvp(flow.rhs, [0, 5], vals, { method: 'dop853', rtol: 1e-12, atol: 1e-14 });
      const a = inv(vals);
      const b = inv(r.y[r.y.length - 1]);
      // dop853 does not conserve quadratic invariants exactly: they drift by about its global error,
      // ~rtol = 1e-12 on entries of size ≤ 1 (measured 2e-15 JEPA, 1.8e-14 MAE); 1e-11 leaves room.
      for (let m = 0; m < 2; m++)
        for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(a[m][i][j] - b[m][i][j])).toBeLessThan(1e-11);
      // …while the matrices themselves moved.
      const moved = Math.max(...Array.from(r.y[r.y.length - 1], (v, k) => Math.abs(v - vals[k])));
      expect(moved).toBeGreaterThan(0.05);
    }
  });

  it('matrixFlow rejects non-square, mismatched, non-symmetric or indefinite covariances, naming the argument', () => {
    const ok = [
      [1, 0],
      [0, 1],
    ];
    expect(() => matrixFlow({ objective: 'jepa', depth: 2, sigmaXX: [[1, 0]], sigmaYX: ok })).toThrow(/sigmaXX\[0\]/);
    expect(() => matrixFlow({ objective: 'jepa', depth: 2, sigmaXX: ok, sigmaYX: [[1]] })).toThrow(/sigmaYX/);
    expect(() =>
      matrixFlow({
        objective: 'jepa',
        depth: 2,
        sigmaXX: [
          [1, 0.5],
          [0.4, 1],
        ],
        sigmaYX: ok,
      }),
    ).toThrow(/symmetric/);
    expect(() =>
      matrixFlow({
        objective: 'jepa',
        depth: 2,
        sigmaXX: [
          [1, 2],
          [2, 1],
        ],
        sigmaYX: ok,
      }),
    ).toThrow(/positive definite/);
    expect(() => matrixFlow({ objective: 'jepa', depth: 0, sigmaXX: ok, sigmaYX: ok })).toThrow(InvalidArgumentError);
    expect(() => matrixFlow({ objective: 'jepa', depth: 1, sigmaXX: ok, sigmaYX: ok }).pack({ V: ok, W: [] })).toThrow(/state\.W/);
  });
});

describe('matrixFlow with non-diagonal covariances (what the per-feature theory misses)', () => {
  const d = 3;
  const L = 2;
  // Σxx and Σyx symmetric positive definite but not commuting: not simultaneously diagonalizable,
  // so the paper's per-feature reduction does not apply (docs/stiff.md discusses this example).
  const sxx = [
    [1.0, 0.5, 0.2],
    [0.5, 1.5, 0.3],
    [0.2, 0.3, 0.8],
  ];
  const syx = [
    [0.8, 0.3, 0.0],
    [0.3, 0.5, 0.2],
    [0.0, 0.2, 0.3],
  ];

  /** P = Σyx Σxx⁻¹ (the population regression matrix), by LU: Pᵀ = Σxx⁻¹ Σyxᵀ (Σxx symmetric). */
  function regressionMatrix(): M {
    const lu = Float64Array.from(sxx.flat());
    const piv = new Int32Array(d);
    luDecompose(lu, d, piv);
    const P: M = [[], [], []];
    for (let i = 0; i < d; i++) {
      const b = Float64Array.from(syx[i]); // row i of Σyx = column i of Σyxᵀ
      luSolve(lu, d, piv, b); // row i of P (Σxx symmetric)
      for (let j = 0; j < d; j++) P[i][j] = b[j];
    }
    return P;
  }
  /** Coefficients of the characteristic polynomial of a 3×3 matrix: trace, sum of principal 2×2 minors, determinant. */
  function charPoly(a: M): number[] {
    const tr = a[0][0] + a[1][1] + a[2][2];
    const m2 = a[0][0] * a[1][1] - a[0][1] * a[1][0] + a[0][0] * a[2][2] - a[0][2] * a[2][0] + a[1][1] * a[2][2] - a[1][2] * a[2][1];
    const det =
      a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
      a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
      a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    return [tr, m2, det];
  }

  const P = regressionMatrix();

  it('JEPA converges to V W̄ Σxx = W̄ Σyx, so V∞ is similar to P = Σyx Σxx⁻¹: same characteristic polynomial (not diag ρ_i)', () => {
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const r = solveIvp(flow.rhs, [0, 1e5], flow.pack(alignedMatrixInit(d, L, 1e-2)), { method: 'rodas4', rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    const { V } = flow.unpack(y);
    const W = flow.encoder(y);
    const lhs = mm(mm(V, W), sxx);
    const rhs = mm(W, syx);
    // By t = 1e5 the flow sits on its (attracting) fixed point up to rounding: measured residual 8.5e-15 and
    // characteristic-polynomial difference 6.8e-13; the bounds leave two orders for other platforms' rounding.
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(lhs[i][j] - rhs[i][j])).toBeLessThan(1e-12);
    const [a, b] = [charPoly(V), charPoly(P)];
    for (let k = 0; k < 3; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-10);
    // The per-feature theory would give V = diag(ρ) = diag(0.8, 1/3, 0.375): trace 1.508 ≠ tr P = 1.493.
    expect(Math.abs(b[0] - (0.8 + 1 / 3 + 0.375))).toBeGreaterThan(0.01);
  });

  it('MAE converges to the regression map: V W̄∞ = P = Σyx Σxx⁻¹ (the per-feature theory predicts diag(ρ))', () => {
    const flow = matrixFlow({ objective: 'mae', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const r = solveIvp(flow.rhs, [0, 1e4], flow.pack(alignedMatrixInit(d, L, 1e-2)), { method: 'rodas4', rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe('success');
    const y = r.y[r.y.length - 1];
    const VW = mm(flow.unpack(y).V, flow.encoder(y));
    // At t = 1e4 the flow sits on its fixed point up to rounding (measured 8e-17; P itself is an LU solve).
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expect(Math.abs(VW[i][j] - P[i][j])).toBeLessThan(1e-12);
    // …and P is far from diag(ρ) = diag(0.8, 1/3, 0.375): |P₀₂ − 0| = 0.198.
    expect(Math.abs(P[0][2])).toBeGreaterThan(0.15);
  });
});
