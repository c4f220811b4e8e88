import { describe, expect, it } from 'vitest';
import { matrixFlow } from '../../src/flows/matrixFlow.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import { gaussLegendre } from '../../../../test/support/oracles/index.js';

// docs/math.md §9.1: JEPA with Σxx = σ²I, Σyx = λI and a balanced start whose predictor is V = s0·O, O orthogonal.
// Balancedness gives W̄W̄ᵀ = (VᵀV)^L, so dV/dt = (λI − σ²V)(VᵀV)^L: on each plane where O turns by θ, V = s·R(θ) with
//   ds/dt = s^{2L}(λ cos θ − σ² s),   dθ/dt = −λ s^{2L−1} sin θ,
// whose orbits are 1/s = C sin θ + cos θ/ρ (C from the start) and whose time is
//   t(θ) = (1/λ) ∫_θ^{θ0} (C sin φ + cos φ/ρ)^{2L−1} / sin φ dφ.
// On a direction where O = −1: ds/dt = −s^{2L}(λ + σ² s), t(s) = ∫_s^{s0} dx / (x^{2L}(λ + σ² x)).
// The expected values below come from these formulas by Gauss–Legendre quadrature (test/support/oracles), never from
// the flow's code.

const sigma2 = 1.5;
const rho = 0.6;
const lambda = sigma2 * rho;

type Rows = number[][];
const mul = (a: Rows, b: Rows): Rows => a.map((row) => b[0].map((_, j) => row.reduce((acc, v, k) => acc + v * b[k][j], 0)));
const tr = (m: Rows): Rows => m[0].map((_, j) => m.map((row) => row[j]));
const rotation = (theta: number): Rows => [
  [Math.cos(theta), -Math.sin(theta)],
  [Math.sin(theta), Math.cos(theta)],
];
const identity = (d: number): Rows => Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
const scaled = (m: Rows, s: number): Rows => m.map((row) => row.map((v) => s * v));

/** A d×d orthogonal matrix: the product of Givens rotations by fixed angles over every pair (i, j). */
function fixedOrthogonal(d: number, seed: number): Rows {
  let q = identity(d);
  let angle = seed;
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      angle = (angle * 1.618 + 0.7) % Math.PI;
      const g = identity(d);
      g[i][i] = Math.cos(angle);
      g[j][j] = Math.cos(angle);
      g[i][j] = -Math.sin(angle);
      g[j][i] = Math.sin(angle);
      q = mul(g, q);
    }
  return q;
}

/** The plane solution's time t(θ) from θ0 (quadrature of the formula in the header). */
function planeTime(L: number, s0: number, theta0: number, theta: number): number {
  const C = (1 / s0 - Math.cos(theta0) / rho) / Math.sin(theta0);
  const f = (phi: number): number => (C * Math.sin(phi) + Math.cos(phi) / rho) ** (2 * L - 1) / Math.sin(phi);
  return gaussLegendre(f, theta, theta0, 64) / lambda;
}

/** The orbit: s at angle θ. */
function planeScale(s0: number, theta0: number, theta: number): number {
  const C = (1 / s0 - Math.cos(theta0) / rho) / Math.sin(theta0);
  return 1 / (C * Math.sin(theta) + Math.cos(theta) / rho);
}

describe('matrixFlow: a predictor turned against the encoder (docs/math.md §9.1, the exact solution on a plane)', () => {
  for (const L of [2, 4]) {
    it(`L = ${L}, d = 2, V = s0·R(θ0): θ(t) and s(t) follow the plane solution through the shrinking and the learning`, () => {
      const s0 = L === 2 ? 0.02 : 0.05;
      const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: scaled(identity(2), sigma2), sigmaYX: scaled(identity(2), lambda) });
      for (const degrees of [60, 131.5]) {
        const theta0 = (degrees * Math.PI) / 180;
        const targets = [0.8 * theta0, Math.PI / 4, 0.3];
        const times = targets.map((theta) => planeTime(L, s0, theta0, theta));
        const y0 = flow.pack({ V: scaled(rotation(theta0), s0), W: Array.from({ length: L }, () => scaled(identity(2), s0)) });
        const r = solveIvp(flow.rhs, [0, times[2]], y0, { method: 'rodas4', rtol: 1e-11, atol: 1e-16, tEval: times });
        expect(r.status).toBe('success');
        r.y.forEach((y, k) => {
          const V = flow.unpack(y).V;
          const s = Math.sqrt(V[0][0] * V[1][1] - V[0][1] * V[1][0]);
          const theta = Math.atan2(V[1][0], V[0][0]);
          // The angle reached at the quadrature's time, and s on the orbit at that angle; V stays s·R(θ) to the same
          // 1e-8. (Measured at rtol 1e-11: 2.8e-10 rad, 1.6e-9, 1.7e-9. The form s·R(θ) is unstable once the plane
          // learns: at L = 4, θ0 = 131.5° a 2e-6 relative perturbation grows to 5e-2 by θ = 0.1, which is why the
          // last angle checked is 0.3.)
          expect(Math.abs(theta - targets[k])).toBeLessThan(1e-7);
          expect(Math.abs(s - planeScale(s0, theta0, theta)) / s).toBeLessThan(1e-8);
          expect(Math.abs(V[0][0] - V[1][1]) + Math.abs(V[0][1] + V[1][0])).toBeLessThan(1e-8 * s);
        });
        if (degrees > 90) {
          // it shrinks first: at θ = π/2 the orbit's s is below s0
          expect(planeScale(s0, theta0, Math.PI / 2)).toBeLessThan(s0);
        }
      }
    });
  }

  it('L = 4, d = 4, two planes at 60° and 150° in a turned basis, layers random rotations: each plane follows its own solution', () => {
    const L = 4;
    const d = 4;
    const s0 = 0.05;
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: scaled(identity(d), sigma2), sigmaYX: scaled(identity(d), lambda) });
    const angles = [(60 * Math.PI) / 180, (150 * Math.PI) / 180];
    const block = identity(d);
    angles.forEach((theta, p) => {
      const r = rotation(theta);
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) block[2 * p + i][2 * p + j] = r[i][j];
    });
    const Q = fixedOrthogonal(d, 1);
    const V0 = scaled(mul(mul(Q, block), tr(Q)), s0);
    // balanced: W_1 = s0·R_1, W_a = s0·R_a R_{a−1}ᵀ … any orthogonal factors, with VᵀV = s0²I = W_L W_Lᵀ
    const W0 = Array.from({ length: L }, (_, a) => scaled(fixedOrthogonal(d, a + 2), s0));
    // the 150° plane is the slower one; stop where the 60° plane has turned to 0.3 rad
    const tEnd = planeTime(L, s0, angles[0], 0.3);
    const r = solveIvp(flow.rhs, [0, tEnd], flow.pack({ V: V0, W: W0 }), {
      method: 'rodas4',
      rtol: 1e-11,
      atol: 1e-16,
      tEval: [tEnd / 2, tEnd],
    });
    expect(r.status).toBe('success');
    r.y.forEach((y, k) => {
      const Vb = mul(mul(tr(Q), flow.unpack(y).V), Q);
      // still block diagonal in Q's basis
      expect(Math.max(Math.abs(Vb[0][2]), Math.abs(Vb[0][3]), Math.abs(Vb[2][0]), Math.abs(Vb[3][1]))).toBeLessThan(1e-12);
      angles.forEach((theta0, p) => {
        const b = [
          [Vb[2 * p][2 * p], Vb[2 * p][2 * p + 1]],
          [Vb[2 * p + 1][2 * p], Vb[2 * p + 1][2 * p + 1]],
        ];
        const s = Math.sqrt(b[0][0] * b[1][1] - b[0][1] * b[1][0]);
        const theta = Math.atan2(b[1][0], b[0][0]);
        const t = k === 0 ? tEnd / 2 : tEnd;
        expect(Math.abs(planeTime(L, s0, theta0, theta) - t) / t).toBeLessThan(1e-7);
        expect(Math.abs(s - planeScale(s0, theta0, theta)) / s).toBeLessThan(1e-8);
      });
    });
  });

  it('L = 4, a direction where O = −1 shrinks for ever at the rate the scalar formula gives', () => {
    const L = 4;
    const s0 = 0.05;
    const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: [[sigma2]], sigmaYX: [[lambda]] });
    const sTargets = [0.04, 0.02, 0.01];
    const times = sTargets.map((s) => gaussLegendre((x) => 1 / (x ** (2 * L) * (lambda + sigma2 * x)), s, s0, 64));
    const y0 = flow.pack({ V: [[-s0]], W: Array.from({ length: L }, () => [[s0]]) });
    const r = solveIvp(flow.rhs, [0, times[2]], y0, { method: 'rodas4', rtol: 1e-11, atol: 1e-18, tEval: times });
    expect(r.status).toBe('success');
    r.y.forEach((y, k) => expect(Math.abs(-flow.unpack(y).V[0][0] - sTargets[k]) / sTargets[k]).toBeLessThan(1e-8));
  });
});
