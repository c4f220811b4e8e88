import { alignedMatrixInit, criticalTime, matrixFlow, solveIvp, turnedPlaneCriticalTime, type SolveOptions } from '@jepa-dynamics/ode';
import { initialNetwork, networkGradients, train, type Covariances, type Network } from '@jepa-dynamics/sim';
import { describe, expect, it } from 'vitest';
import { determinant, singularValueDecomposition, symmetricEigen } from '@jepa-dynamics/core';

// Cross-package check: ode's matrix gradient flow is the η → 0 limit of sim's gradient descent.
const d = 4;
const L = 2;
// Σxx = A Aᵀ + I (SPD, not diagonal) and a non-symmetric Σyx: not simultaneously diagonalizable.
const A = [
  [0.9, -0.3, 0.2, 0.1],
  [0.4, 0.8, -0.5, 0.0],
  [-0.2, 0.3, 0.7, 0.6],
  [0.1, -0.6, 0.2, 0.5],
];
const sxx = A.map((ri) => A.map((rj) => ri.reduce((s, v, k) => s + v * rj[k], 0)));
for (let i = 0; i < d; i++) sxx[i][i] += 1;
const syx = [
  [1.2, 0.3, -0.1, 0.2],
  [0.0, 0.9, 0.4, -0.3],
  [0.2, -0.2, 0.7, 0.1],
  [-0.1, 0.3, 0.0, 0.5],
];
const flat = (m: number[][]): Float64Array => Float64Array.from(m.flat());
const cov: Covariances = { kind: 'full', sigmaXX: flat(sxx), sigmaYX: flat(syx) };
const toState = (net: Network): Float64Array => Float64Array.from([...net.predictor, ...net.layers.flatMap((w) => [...w])]);

/**
 * Trains from `init` to T at each η (T/η steps, rounded; the step adjusted so that the last lands on T) and
 * returns the largest deviation of any parameter from the flow's state `yT` at T, one per η; after
 * checking that halving η halves it (explicit Euler's global error C·η + O(η²)): consecutive ratios in [1.85, 2.15].
 */
function trainingDeviations(
  settings: { objective: 'jepa' | 'mae'; depth: number; covariances: Covariances; init: { kind: 'random'; epsilon: number; seed: number } },
  T: number,
  yT: Float64Array,
  etas: readonly number[],
): number[] {
  const deviations = etas.map((eta) => {
    const steps = Math.round(T / eta);
    const r = train({ ...settings, learningRate: T / steps, steps, recordEvery: steps });
    expect(r.status).toBe('completed');
    const y = toState(r.network);
    return Math.max(...Array.from(y, (v, k) => Math.abs(v - yT[k])));
  });
  for (let k = 1; k < deviations.length; k++) {
    const ratio = deviations[k - 1] / deviations[k];
    expect(ratio).toBeGreaterThan(1.85);
    expect(ratio).toBeLessThan(2.15);
  }
  return deviations;
}

/** Transpose and textbook product of dense matrices given as rows. */
const tr = (m: readonly (readonly number[])[]): number[][] => m[0].map((_, j) => m.map((row) => row[j]));
const mul = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] =>
  a.map((row) => b[0].map((_, j) => row.reduce((acc, v, k) => acc + v * b[k][j], 0)));

/** The bench's features at d = 8, L = 4, from the random init at ε = 1e-6 (seed 1); see {@link width8Run}. */
const WIDTH8 = { w: 8, depth: 4, eps: 1e-6 } as const;
let width8Cache:
  { wflow: ReturnType<typeof matrixFlow>; rho: number[]; tEnd: number; yT: Float64Array; solveOptions: SolveOptions } | undefined;

/**
 * JEPA with the bench's features at d = 8 (σ²_i = 0.5 + 1.5i/7, ρ_i = 0.3 + 0.6((7i) mod 8)/7), L = 4, from
 * `initialNetwork({ kind: 'random', epsilon: 1e-6, seed: 1 })` by the stiff path with the bench's settings (rtol 1e-8,
 * atol 1e-14·ε) to tEnd = 1.5 × the slowest per-feature t* (5.15e10). Integrated once per file, shared by two tests.
 */
function width8Run(): NonNullable<typeof width8Cache> {
  if (width8Cache !== undefined) return width8Cache;
  const { w, depth, eps } = WIDTH8;
  const sigma2 = Array.from({ length: w }, (_, i) => 0.5 + (1.5 * i) / (w - 1));
  const rho = Array.from({ length: w }, (_, i) => 0.3 + (0.6 * ((7 * i) % w)) / (w - 1));
  const diagonal = (v: number[]): number[][] => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));
  const wflow = matrixFlow({ objective: 'jepa', depth, sigmaXX: diagonal(sigma2), sigmaYX: diagonal(sigma2.map((s, i) => s * rho[i])) });
  const tStar = sigma2.map((s, i) => {
    const c = criticalTime({ sigma2: s, rho: rho[i] }, { objective: 'jepa', depth, epsilon: eps });
    if (!c.exists) throw new Error(c.message);
    return c.t;
  });
  const tEnd = 1.5 * Math.max(...tStar);
  const y0 = toState(initialNetwork({ kind: 'random', epsilon: eps, seed: 1 }, w, depth, 'jepa').network);
  const solveOptions = { ...wflow.stiffOptions(), rtol: 1e-8, atol: 1e-14 * eps };
  const r = solveIvp(wflow.rhs, [0, tEnd], y0, { ...solveOptions, tEval: [tEnd] });
  expect(r.status).toBe('success');
  width8Cache = { wflow, rho, tEnd, yT: Float64Array.from(r.y[r.y.length - 1]), solveOptions };
  return width8Cache;
}

describe('matrixFlow (ode) against sim', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });

    it(`${objective}: matrixFlow.rhs = −networkGradients at a random (Haar) network with non-diagonal covariances`, () => {
      const { network } = initialNetwork({ kind: 'random', epsilon: 0.7, seed: 3 }, d, L, objective);
      const g = networkGradients(network, cov, objective);
      const dy = new Float64Array(flow.dimension);
      flow.rhs(0, toState(network), dy);
      const expected = [...g.predictor, ...g.layers.flatMap((w) => [...w])].map((v) => -v);
      const scale = Math.max(...expected.map(Math.abs));
      // Two independent implementations of docs/math.md §1; only rounding separates them.
      dy.forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-13 * scale));
    });

    it(`${objective}: sim's training from a random init converges to the flow as η → 0, deviation linear in η`, () => {
      const init = { kind: 'random' as const, epsilon: 0.5, seed: 11 };
      const { network } = initialNetwork(init, d, L, objective);
      const T = 3;
      const ref = solveIvp(flow.rhs, [0, T], toState(network), { method: 'dop853', rtol: 1e-12, atol: 1e-14 });
      expect(ref.status).toBe('success');
      const yT = ref.y[ref.y.length - 1];
      // Explicit Euler has global error C·η + O(η²): halving η halves the deviation.
      const deviations = trainingDeviations({ objective, depth: L, covariances: cov, init }, T, yT, [0.02, 0.01, 0.005]);
      // The flow moved the network by far more than the deviation: the comparison is not vacuous.
      const moved = Math.max(...Array.from(yT, (v, k) => Math.abs(v - toState(network)[k])));
      expect(moved).toBeGreaterThan(20 * deviations[0]);
    });
  }

  it('JEPA, d = 16, L = 4, random init: the stiff path (bdf + GMRES + preconditioner) is the η → 0 limit of training, deviation linear in η', () => {
    // The setting of `pnpm bench matrix`'s random-init section at a smaller width: σ²_i = 0.5 + 1.5i/15,
    // ρ_i = 0.3 + 0.6((7i) mod 16)/15, ε = 0.1, seed 1, to T = 60 (≈ 1.5 × the slowest per-feature t*).
    const w = 16;
    const depth = 4;
    const sigma2 = Array.from({ length: w }, (_, i) => 0.5 + (1.5 * i) / (w - 1));
    const rho = Array.from({ length: w }, (_, i) => 0.3 + (0.6 * ((7 * i) % w)) / (w - 1));
    const diagonal = (v: number[]): number[][] => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));
    const wflow = matrixFlow({ objective: 'jepa', depth, sigmaXX: diagonal(sigma2), sigmaYX: diagonal(sigma2.map((s, i) => s * rho[i])) });
    const init = { kind: 'random' as const, epsilon: 0.1, seed: 1 };
    const y0 = toState(initialNetwork(init, w, depth, 'jepa').network);
    const T = 60;
    const ref = solveIvp(wflow.rhs, [0, T], y0, { ...wflow.stiffOptions(), rtol: 1e-10, atol: 1e-16, tEval: [T] });
    expect(ref.status).toBe('success');
    expect(ref.stats.nlinear).toBeGreaterThan(0);
    const yT = ref.y[ref.y.length - 1];
    // Measured 7.6e-4, 3.8e-4, 1.9e-4 (ratios 1.999): Euler's C·η; the flow at rtol 1e-10 is far below it.
    const covariances: Covariances = {
      kind: 'diagonal',
      sigmaXX: Float64Array.from(sigma2),
      sigmaYX: Float64Array.from(sigma2.map((s, i) => s * rho[i])),
    };
    const deviations = trainingDeviations({ objective: 'jepa', depth, covariances, init }, T, yT, [0.04, 0.02, 0.01]);
    const moved = Math.max(...Array.from(yT, (v, k) => Math.abs(v - y0[k])));
    expect(moved).toBeGreaterThan(100 * deviations[2]);
  });

  it('JEPA, d = 8, L = 4, random init from ε = 1e-6 by the stiff path: at 1.5 × the slowest per-feature t* every singular value of W̄ that left ε’s scale is a fixed point ρ_i^L to 1e-6, and balancedness holds', () => {
    const { wflow, rho, yT } = width8Run();
    const { w, depth, eps } = WIDTH8;
    const values = Array.from(singularValueDecomposition(Float64Array.from(wflow.encoder(yT).flat()), w).values);
    // At the start every singular value of W̄ = ε·(product of orthogonal matrices) is ε. Measured at the end: 5 near
    // fixed points (relative ≤ 2e-8), 3 at 2.7e-7 … 5.2e-7, none in between.
    const fixedPoints = rho.map((p) => p ** depth);
    const learned = values.filter((v) => v > 100 * eps);
    expect(learned.length).toBeGreaterThan(0);
    expect(values.filter((v) => v <= 100 * eps).every((v) => v < 10 * eps)).toBe(true);
    // each learned value at the nearest fixed point, and no fixed point taken twice
    const nearest = learned.map((v) =>
      fixedPoints.reduce((best, f, k) => (Math.abs(f - v) < Math.abs(fixedPoints[best] - v) ? k : best), 0),
    );
    expect(new Set(nearest).size).toBe(learned.length);
    learned.forEach((v, k) => expect(Math.abs(v - fixedPoints[nearest[k]]) / fixedPoints[nearest[k]]).toBeLessThan(1e-6));
    // Balancedness W_{a+1}ᵀW_{a+1} = W_a W_aᵀ, VᵀV = W_L W_Lᵀ holds exactly for the flow; BDF keeps it to about its
    // tolerance (measured 1.3e-8 of the largest |W_a W_aᵀ|).
    const { V, W } = wflow.unpack(yT);
    const grams = W.map((m) => mul(m, tr(m)));
    const scale = Math.max(...grams.flat(2).map(Math.abs));
    const pairs = [...W.slice(1).map((m, a) => [mul(tr(m), m), grams[a]]), [mul(tr(V), V), grams[depth - 1]]];
    const drift = Math.max(...pairs.flatMap(([x, y]) => x.flatMap((row, i) => row.map((v, j) => Math.abs(v - y[i][j])))));
    expect(drift / scale).toBeLessThan(1e-6);
  });

  it('JEPA, d = 8, L = 4, random init from ε = 1e-6: the modes still at ε’s scale at 1.5 × t* are held back by an anti-aligned predictor; aligning it, they are learned within 10 × that time, otherwise they shrink', () => {
    // docs/flows.md, "Why the weakest modes wait". With W̄ = Q·diag(σ)·…, balancedness (VᵀV = W_L W_Lᵀ and
    // W̄W̄ᵀ = (W_L W_Lᵀ)^L) makes V on the left singular vectors Q_U of the unlearned values s·O with s = σ^{1/L} and O
    // orthogonal. Measured here: the three unlearned modes have O with eigen-angles 131.5°, 131.5°, 180°, i.e. a negative
    // definite symmetric part (largest eigenvalue −0.662); by 10 × tEnd they shrink (5.0, 3.1, 2.8e-7 → 2.4, 0.85, 0.80e-7);
    // with V's block there replaced by diag(s) (O → I, still balanced) all 8 modes sit at ρ_i^L (1.4e-8 relative).
    const { wflow, rho, tEnd, yT, solveOptions } = width8Run();
    const { w, depth, eps } = WIDTH8;
    const { V, W } = wflow.unpack(yT);
    const svd = singularValueDecomposition(Float64Array.from(wflow.encoder(yT).flat()), w);
    const unlearned = Array.from(svd.values.keys()).filter((k) => svd.values[k] <= 100 * eps);
    const u = unlearned.length;
    expect(u).toBeGreaterThan(1);
    const Q = Array.from({ length: w }, (_, i) => unlearned.map((k) => svd.u[i * w + k]));
    const s = unlearned.map((k) => svd.values[k] ** (1 / depth));
    const VU = mul(mul(tr(Q), V), Q);
    const O = VU.map((row) => row.map((v, j) => v / s[j]));
    // O orthogonal: balancedness drifts by at most 1e-8 of max|W_a W_aᵀ| ≈ 0.8 (the test above), about 2e-5 of s² ≈ 5e-4.
    const OtO = mul(tr(O), O);
    expect(Math.max(...OtO.flatMap((row, i) => row.map((v, j) => Math.abs(v - (i === j ? 1 : 0)))))).toBeLessThan(1e-4);
    const symmetricPart = Float64Array.from(O.flatMap((row, i) => row.map((v, j) => (v + O[j][i]) / 2)));
    expect(symmetricEigen(symmetricPart, u).values[0]).toBeLessThan(0);

    const later = 10 * tEnd;
    const valuesAt = (y0: Float64Array): number[] => {
      const r = solveIvp(wflow.rhs, [tEnd, later], y0, { ...solveOptions, tEval: [later] });
      expect(r.status).toBe('success');
      return Array.from(singularValueDecomposition(Float64Array.from(wflow.encoder(r.y[r.y.length - 1]).flat()), w).values);
    };
    // As integrated: the unlearned modes are smaller than at tEnd, still below ε.
    const before = unlearned.map((k) => svd.values[k]);
    const asIs = valuesAt(yT).slice(w - u);
    asIs.forEach((v, k) => {
      expect(v).toBeLessThan(before[k]);
      expect(v).toBeLessThan(eps);
    });
    // With V's unlearned block aligned: every mode at its fixed point ρ_i^L (rtol 1e-8 integration, as above).
    const Vrows = V.map((row) => [...row]);
    const correction = mul(
      mul(
        Q,
        VU.map((row, i) => row.map((v, j) => (i === j ? s[i] : 0) - v)),
      ),
      tr(Q),
    );
    const aligned = wflow.pack({
      V: Vrows.map((row, i) => row.map((v, j) => v + correction[i][j])),
      W: W.map((m) => m.map((row) => [...row])),
    });
    const fixedPoints = rho.map((p) => p ** depth).sort((a, b) => b - a);
    valuesAt(Float64Array.from(aligned)).forEach((v, k) => expect(Math.abs(v - fixedPoints[k]) / fixedPoints[k]).toBeLessThan(1e-6));
  });

  it('JEPA with alike features (Σxx = σ²I, Σyx = λI), d = 8, L = 2, random init: each plane of the predictor’s rotation is learned at turnedPlaneCriticalTime of its angle, to 1e-6; the direction with O = −1 never', () => {
    // docs/math.md §9.1: with Σ ∝ I, dV/dt = (λI − σ²V)(VᵀV)^L, so the planes of V(0)/ε^{1/L} = O_V (Haar) evolve apart,
    // each as the turned plane of its angle; the layers' rotations do not enter. The angles are the arccosines of the
    // eigenvalues of (O + Oᵀ)/2 (double for a plane). Measured for seed 1: 0°, 47.0° (twice), 111.5° (twice),
    // 129.4° (twice), 180°; every crossing of ½ρ^L inside ±1e-6 of its prediction (rtol 1e-10).
    const w = 8;
    const depth = 2;
    const eps = 1e-4;
    const sigma2 = 1.5;
    const rho = 0.6;
    const scaledIdentity = (x: number): number[][] =>
      Array.from({ length: w }, (_, i) => Array.from({ length: w }, (_, j) => (i === j ? x : 0)));
    const iflow = matrixFlow({ objective: 'jepa', depth, sigmaXX: scaledIdentity(sigma2), sigmaYX: scaledIdentity(sigma2 * rho) });
    const network = initialNetwork({ kind: 'random', epsilon: eps, seed: 1 }, w, depth, 'jepa').network;
    const s0 = eps ** (1 / depth);
    const O = Array.from(network.predictor, (v) => v / s0);
    const cosines = symmetricEigen(
      Float64Array.from({ length: w * w }, (_, k) => (O[k] + O[(k % w) * w + Math.floor(k / w)]) / 2),
      w,
    ).values;
    const predicted = Array.from(cosines, (c) => {
      // ±1 to rounding: the aligned and the opposed directions
      const angle = c > 1 - 1e-12 ? 0 : c < -1 + 1e-12 ? Math.PI : Math.acos(c);
      const r = turnedPlaneCriticalTime({ sigma2, rho }, { depth, epsilon: eps, angle });
      return r.exists ? r.t : Number.POSITIVE_INFINITY;
    });
    expect(predicted.filter((t) => t === Number.POSITIVE_INFINITY).length).toBe(1);
    // a plane's two cosines agree to rounding, and so do their times: one time per plane (or aligned direction)
    const times = predicted
      .filter(Number.isFinite)
      .sort((a, b) => a - b)
      .filter((t, k, all) => k === 0 || t > all[k - 1] * (1 + 1e-9));
    expect(times.length).toBe(4);
    const tEval = times.flatMap((t) => [t * (1 - 1e-6), t * (1 + 1e-6)]);
    const r = solveIvp(iflow.rhs, [0, tEval[tEval.length - 1]], toState(network), {
      ...iflow.stiffOptions(),
      rtol: 1e-10,
      // not below the rounding of the right-hand side (about 1e-16 of entries ≤ 0.6): once a plane has learned, its
      // rotation part decays to 0, and with atol 1e-20 bdf, rodas4 and radau5 all crawled there (d = 2, θ0 = 170°:
      // 50,000 steps within 200 time units after the crossing at 3.8e8)
      atol: 1e-14,
      tEval,
    });
    expect(r.status).toBe('success');
    const target = 0.5 * rho ** depth;
    r.y.forEach((y, k) => {
      const values = singularValueDecomposition(Float64Array.from(iflow.encoder(y).flat()), w).values;
      const expected = predicted.filter((t) => t < r.t[k]).length;
      expect(Array.from(values).filter((v) => v > target).length).toBe(expected);
      // the opposed direction has shrunk below ε
      expect(values[w - 1]).toBeLessThan(eps);
    });
  });

  it('aligned init, diagonal covariances: sim (η = 5e-3) and the flow agree on every diagonal w̄_i through the transitions', () => {
    const sd = [0.5, 1, 2, 4];
    const rd = [0.8, 0.6, 0.4, 0.2];
    const dflow = matrixFlow({
      objective: 'jepa',
      depth: L,
      sigmaXX: sd.map((s, i) => sd.map((_, j) => (i === j ? s : 0))),
      sigmaYX: sd.map((s, i) => sd.map((_, j) => (i === j ? s * rd[i] : 0))),
    });
    const T = 100;
    const y0 = dflow.pack(alignedMatrixInit(d, L, 0.05));
    const ref = solveIvp(dflow.rhs, [0, T], y0, { method: 'dop853', rtol: 1e-12, atol: 1e-14 });
    const r = train({
      objective: 'jepa',
      depth: L,
      init: { kind: 'aligned', epsilon: 0.05 },
      learningRate: 5e-3,
      steps: 20000,
      recordEvery: 20000,
      covariances: { kind: 'diagonal', sigmaXX: Float64Array.from(sd), sigmaYX: Float64Array.from(sd.map((s, i) => s * rd[i])) },
    });
    const wbar = dflow.encoder(ref.y[ref.y.length - 1]);
    for (let i = 0; i < d; i++) {
      // Measured |Δw̄_i| ≤ 2.8e-5 (Euler's O(η) error, η = 5e-3) while w̄_i moves from 0.05 to up to 0.28.
      expect(Math.abs(r.wbar[i][r.wbar[i].length - 1] - wbar[i][i])).toBeLessThan(1e-4);
    }
    for (let i = 0; i < 3; i++) expect(wbar[i][i]).toBeGreaterThan(0.12);
  });

  describe('random (Haar, balanced) init with diagonal Σ: the sign of a determinant decides whether the weakest feature is learned', () => {
    // σ² = 1, ρ = (0.9, 0.7, 0.5, 0.3), L = 2, ε = 1e-2. Balancedness (W_{a+1}ᵀW_{a+1} = W_a W_aᵀ, VᵀV = W_L W_Lᵀ) is
    // conserved, so no layer's determinant can change sign without all of them passing through a
    // singular matrix. The fixed points need det(V W̄) > 0 (MAE: V W̄ = diag ρ) or det V > 0 (JEPA: V
    // similar to diag ρ); with the wrong sign the weakest mode is stuck at 0.
    const rho = [0.9, 0.7, 0.5, 0.3];
    const sd = rho.map((_, i) => rho.map((__, j) => (i === j ? 1 : 0)));
    const sy = rho.map((r, i) => rho.map((__, j) => (i === j ? r : 0)));
    const mm = (a: number[][], b: number[][]): number[][] =>
      a.map((row) => b[0].map((_, j) => row.reduce((acc, v, k) => acc + v * b[k][j], 0)));
    const det = (m: number[][]): number => determinant(Float64Array.from(m.flat()), m.length);
    for (const objective of ['mae', 'jepa'] as const) {
      it(`${objective}: seeds 1–3 reach ${objective === 'mae' ? 'ρ^{2/3}' : 'ρ²'} in every mode exactly when the relevant determinant is positive`, () => {
        const flow = matrixFlow({ objective, depth: L, sigmaXX: sd, sigmaYX: sy });
        const target = rho.map((p) => (objective === 'mae' ? p ** (2 / 3) : p ** 2));
        const T = objective === 'mae' ? 1e4 : 1e6;
        const signs: number[] = [];
        for (const seed of [1, 2, 3]) {
          const { network } = initialNetwork({ kind: 'random', epsilon: 1e-2, seed }, d, L, objective);
          const y0 = toState(network);
          const s0 = flow.unpack(y0);
          const sign = objective === 'mae' ? det(mm(s0.V, flow.encoder(y0))) : det(s0.V);
          signs.push(Math.sign(sign));
          const r = solveIvp(flow.rhs, [0, T], y0, { method: 'rodas4', rtol: 1e-8, atol: 1e-13 });
          expect(r.status).toBe('success');
          const W = flow.encoder(r.y[r.y.length - 1]);
          const strength = rho.map((_, i) => Math.hypot(...W.map((row) => row[i])));
          // The three strongest modes are learned in every case, to the accuracy of the run (rtol 1e-8 at
          // a fixed point; measured ≤ 5e-9); a learned weakest mode likewise. A stuck one stays 3 orders
          // below its target ρ₄² = 0.09 or ρ₄^{2/3} = 0.45 (measured 1.0e-4 for JEPA seed 1, 1.1e-7 for MAE seed 2).
          for (let i = 0; i < 3; i++) expect(Math.abs(strength[i] - target[i])).toBeLessThan(1e-7);
          if (sign > 0) expect(Math.abs(strength[3] - target[3])).toBeLessThan(1e-7);
          else expect(strength[3]).toBeLessThan(1e-3);
        }
        // Both cases occur among these seeds (MAE: seed 2 negative; JEPA: seed 1 negative).
        expect(signs).toContain(1);
        expect(signs).toContain(-1);
      });
    }
  });
});
