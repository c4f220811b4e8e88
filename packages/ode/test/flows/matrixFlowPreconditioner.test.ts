import { describe, expect, it } from 'vitest';
import { randomOrthogonal } from '@jepa-dynamics/core';
import { matrixFlow, type MatrixFlow } from '../../src/flows/matrixFlow.js';
import { pairJacobianBlock } from '../../src/flows/matrixFlowPairJacobian.js';
import { denseJacobian } from '../denseJacobian.js';
import { mulberry32, normalSource } from '../../../../test/support/oracles/index.js';

const diag = (values: number[]): number[][] => values.map((x, i) => values.map((_, j) => (i === j ? x : 0)));

/** `x` with `(I − γJ)` applied, through jvp. */
function applyShifted(flow: MatrixFlow, y: Float64Array, gamma: number, x: Float64Array): Float64Array {
  const jx = new Float64Array(flow.dimension);
  flow.jvp(0, y, x, jx);
  return x.map((v, i) => v - gamma * jx[i]);
}

describe('the block preconditioner of matrixFlow', () => {
  const d = 4;
  const L = 3;
  const sigma2 = [0.5, 1, 2, 3];
  const rho = [0.9, 0.6, 0.4, 1.3];
  const sxx = diag(sigma2);
  const syx = diag(sigma2.map((s, i) => s * rho[i]));
  const next = mulberry32(5);
  /** A diagonal (not balanced) state: every matrix diagonal with its own entries. */
  const diagonalState = (blocks: number): Float64Array => {
    const y = new Float64Array(blocks * d * d);
    for (let m = 0; m < blocks; m++) for (let i = 0; i < d; i++) y[m * d * d + i * d + i] = 0.3 + next();
    return y;
  };

  for (const [objective, emaTime] of [
    ['jepa', null],
    ['mae', null],
    ['jepa', 0.7],
  ] as const) {
    it(`${objective}${emaTime === null ? '' : ' with EMA'}: at a diagonal state the Jacobian is block diagonal over the index pairs, and pairJacobianBlock gives each block exactly`, () => {
      const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx, ...(emaTime === null ? {} : { emaTime }) });
      const K = emaTime === null ? L + 1 : 2 * L + 1;
      const y = diagonalState(K);
      const J = denseJacobian(flow, y); // J[c][r] = ∂f_r/∂y_c
      const entry = (m: number, i: number, j: number): number => m * d * d + i * d + j;
      const at = (i: number): { v: number; w: Float64Array; wt: Float64Array; sxx: number; syx: number } => ({
        v: y[entry(0, i, i)],
        w: Float64Array.from({ length: L }, (_, a) => y[entry(a + 1, i, i)]),
        wt: Float64Array.from({ length: emaTime === null ? 0 : L }, (_, a) => y[entry(L + 1 + a, i, i)]),
        sxx: sigma2[i],
        syx: sigma2[i] * rho[i],
      });
      const settings = { objective, depth: L, emaTime, rateScale: 1 };
      const covered = new Set<string>();
      for (let i = 0; i < d; i++)
        for (let j = i; j < d; j++) {
          const size = i === j ? K : 2 * K;
          const block = pairJacobianBlock(settings, at(i), at(j), i === j, new Float64Array(size * size));
          // unknown q of the block: matrix ⌊q/2⌋ at (i, j) or (j, i) (matrix q at (i, i) on the diagonal)
          const index = (q: number): number => (i === j ? entry(q, i, i) : entry(q >> 1, (q & 1) === 0 ? i : j, (q & 1) === 0 ? j : i));
          for (let r = 0; r < size; r++)
            for (let c = 0; c < size; c++) {
              covered.add(`${index(r)},${index(c)}`);
              const exact = J[index(c)][index(r)];
              // the same products as the dense kernel's, in scalar arithmetic: equal to rounding
              expect(Math.abs(block[r * size + c] - exact)).toBeLessThan(1e-14 * Math.max(1, Math.abs(exact)));
            }
        }
      // …and nothing of J lies outside the blocks (exact zeros: products of diagonal matrices with a unit matrix)
      J.forEach((col, c) =>
        col.forEach((x, r) => {
          if (!covered.has(`${r},${c}`)) expect(Math.abs(x)).toBe(0);
        }),
      );
    });
  }

  it('aligned state (diagonal covariances): P is I − γJ itself, so P⁻¹(I − γJ)v = v to rounding', () => {
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    const y = diagonalState(L + 1);
    const gamma = 7.5;
    flow.psetup(0, y, gamma, false);
    expect(flow.preconditionerCounts).toEqual({ setups: 1, rotated: 0, reused: 0, coupled: 0 });
    const v = Float64Array.from({ length: flow.dimension }, () => 2 * next() - 1);
    const z = new Float64Array(flow.dimension);
    flow.psolve(0, y, gamma, applyShifted(flow, y, gamma, v), z);
    // condition of the blocks ≲ 1 + γ‖J‖ ≈ 100: rounding ≲ 1e-14
    for (let i = 0; i < v.length; i++) expect(Math.abs(z[i] - v[i])).toBeLessThan(1e-12);
  });

  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: a balanced state in rotated bases (W_a = R_a D R_{a−1}ᵀ, V accordingly) is recognised and P is exact after the change of basis`, () => {
      const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });
      const source = normalSource(8);
      // R_0 = I (the data's basis), distinct singular values so that the basis is determined
      const R: Float64Array[] = [Float64Array.from(diag([1, 1, 1, 1]).flat())];
      for (let a = 1; a <= L; a++) R.push(randomOrthogonal(d, source));
      const s = [0.9, 0.7, 0.5, 0.3];
      const dd = d * d;
      const y = new Float64Array((L + 1) * dd);
      const rdr = (left: Float64Array, right: Float64Array, values: number[], off: number): void => {
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++) {
            let acc = 0;
            for (let k = 0; k < d; k++) acc += left[i * d + k] * values[k] * right[j * d + k];
            y[off + i * d + j] = acc;
          }
      };
      for (let a = 1; a <= L; a++) rdr(R[a], R[a - 1], s, a * dd);
      // V = R_L diag(v) R_Lᵀ (JEPA: rep → rep) or R_0 diag(v) R_Lᵀ (MAE: rep → input)
      rdr(objective === 'jepa' ? R[L] : R[0], R[L], [1.1, 0.8, 0.6, 0.2], 0);
      const gamma = 3;
      flow.psetup(0, y, gamma, false);
      expect(flow.preconditionerCounts).toEqual({ setups: 1, rotated: 1, reused: 0, coupled: 0 });
      const v = Float64Array.from({ length: flow.dimension }, () => 2 * next() - 1);
      const z = new Float64Array(flow.dimension);
      flow.psolve(0, y, gamma, applyShifted(flow, y, gamma, v), z);
      // the bases come from a Jacobi eigendecomposition and QR factorizations (accurate to ~1e-15), then
      // 4(L + 1) products each way: agreement to 1e-11
      for (let i = 0; i < v.length; i++) expect(Math.abs(z[i] - v[i])).toBeLessThan(1e-11);
    });
  }

  it('a setup with reuse keeps the Jacobian blocks of the last full setup and refactors only for the new γ: the same P as a full setup at that state, bit for bit', () => {
    const y1 = diagonalState(L + 1);
    const y2 = y1.map((x) => 1.3 * x);
    const reusing = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    reusing.psetup(0, y1, 2, false);
    reusing.psetup(0, y2, 5, true); // y2 is ignored: J stays that of y1
    expect(reusing.preconditionerCounts).toEqual({ setups: 2, rotated: 0, reused: 1, coupled: 0 });
    const fresh = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    fresh.psetup(0, y1, 5, false);
    const moved = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    moved.psetup(0, y2, 5, false);
    const r = Float64Array.from({ length: reusing.dimension }, () => 2 * next() - 1);
    const solve = (flow: ReturnType<typeof matrixFlow>): Float64Array => {
      const z = new Float64Array(flow.dimension);
      flow.psolve(0, y1, 5, r, z);
      return z;
    };
    const z = solve(reusing);
    expect(Array.from(z)).toEqual(Array.from(solve(fresh)));
    // and it is not the P of the new state (which the full setup would have built)
    expect(Math.max(...Array.from(solve(moved), (x, i) => Math.abs(x - z[i])))).toBeGreaterThan(1e-3);
    // reuse before any full setup has nothing to reuse: a full setup
    const first = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    first.psetup(0, y1, 5, true);
    expect(first.preconditionerCounts.reused).toBe(0);
    expect(Array.from(solve(first))).toEqual(Array.from(solve(fresh)));
  });
});

describe('the block preconditioner of matrixFlow at a state like a random init after the first modes are learned', () => {
  // docs/flows.md "Why, measured": in the preconditioner's basis three learned modes are diagonal,
  // and on the three unlearned ones (singular values ≈ ε^{1/L}) the predictor is O·S with O a full
  // rotation frozen from the init. The layers W_a = R_a D R_{a−1}ᵀ (balanced, R_0 = I the data's
  // basis), V = R_L V′ R_Lᵀ with V′ = diag(learned) ⊕ O·S, so that VᵀV = W_L W_Lᵀ.
  const d = 6;
  const L = 3;
  const sigma2 = [0.5, 1, 1.5, 2, 2.5, 3];
  const rho = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
  const sxx = diag(sigma2);
  const syx = diag(sigma2.map((s, i) => s * rho[i]));
  const scale = 0.01; // ε^{1/L}, ε = 1e-6
  // the learned modes at their fixed point (V′_ii = W′_a,ii = ρ_i: residual 0), where the
  // surrogate's J nearly vanishes along the rotations of the hidden space and the flow's does not
  const singular = [rho[0], rho[1], rho[2], scale, 1.1 * scale, 1.2 * scale];
  const source = normalSource(21);
  const dd = d * d;
  const R: Float64Array[] = [Float64Array.from(diag([1, 1, 1, 1, 1, 1]).flat())];
  for (let a = 1; a <= L; a++) R.push(randomOrthogonal(d, source));
  const rotation = randomOrthogonal(3, source);
  const inner = new Float64Array(dd); // V′
  for (let i = 0; i < 3; i++) inner[i * d + i] = rho[i];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) inner[(3 + i) * d + 3 + j] = rotation[i * 3 + j] * singular[3 + j];
  /** `left · M · rightᵀ`. */
  const sandwich = (left: Float64Array, m: Float64Array, right: Float64Array): Float64Array => {
    const out = new Float64Array(dd);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        let acc = 0;
        for (let k = 0; k < d; k++) for (let l = 0; l < d; l++) acc += left[i * d + k] * m[k * d + l] * right[j * d + l];
        out[i * d + j] = acc;
      }
    return out;
  };
  const D = Float64Array.from({ length: dd }, (_, k) => (k % (d + 1) === 0 ? singular[k / (d + 1)] : 0));
  const y = new Float64Array((L + 1) * dd);
  y.set(sandwich(R[L], inner, R[L]), 0);
  for (let a = 1; a <= L; a++) y.set(sandwich(R[a], D, R[a - 1]), a * dd);
  const next = mulberry32(3);

  /** ‖Ev‖/‖v‖ after 30 steps of the power iteration on E = (I − γJ)P⁻¹ − I: about its spectral radius. */
  const preconditionedError = (flow: MatrixFlow, gamma: number): number => {
    flow.psetup(0, y, gamma, false);
    let v = Float64Array.from({ length: flow.dimension }, () => 2 * next() - 1);
    const z = new Float64Array(flow.dimension);
    let ratio = 0;
    for (let step = 0; step < 30; step++) {
      flow.psolve(0, y, gamma, v, z);
      const e = applyShifted(flow, y, gamma, z).map((x, i) => x - v[i]);
      const norm = Math.hypot(...e);
      ratio = norm / Math.hypot(...v);
      v = e.map((x) => x / norm);
    }
    return ratio;
  };

  it('the learned × unlearned blocks make P accurate where the diagonal surrogate was off by a factor that grows with γ', () => {
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: sxx, sigmaYX: syx });
    // (at γ = 1e4 and below the blocks are not used here: γ × their coupling stays under COUPLING_THRESHOLD)
    for (const gamma of [1e5, 1e6, 1e8]) {
      // measured 6.4e-5, 6.8e-4, 0.064 (what is left ∝ γ: the unlearned pairs' blocks, which keep only
      // the diagonal of O·S); with the pair blocks alone 4.6, 38, 3.7e3
      expect(preconditionedError(flow, gamma)).toBeLessThan(0.1);
    }
    expect(flow.preconditionerCounts).toEqual({ setups: 3, rotated: 3, reused: 0, coupled: 3 });
  });
});
