/**
 * Benchmark of the full-matrix dynamics (issue 14), every speed a ratio against a baseline
 * measured in the same run:
 *
 * 1. the matrix flow's right-hand side and Jacobian-vector product per call, d = 16 … 256,
 *    L = 4, on the default kernels against the same flow on the plain i-k-j `'reference'`
 *    kernels (3L and 6L d×d products per call with diagonal Σ; GFLOP/s = 2d³·products/time);
 * 2. training steps/s (`train`, JEPA, population moments, random init) at d = 16, 64, 256
 *    (and 512, 1024 with MATRIX_BENCH_FULL=1) and L = 1, 4, 8, default kernels against
 *    `'reference'` (fewer steps, extrapolated), GFLOP/s at 3L products per step;
 * 3. setup time of the random init (L + 1 Haar orthogonal matrices) at each d;
 * 4. the matrix flow from aligned ε = 1e-6 to 1.5 × the slowest t*, d = 8 … 64, L = 4, by
 *    `'bdf'` + GMRES: wall and CPU time, work counts, the largest relative error of the
 *    diagonal entries of W̄ at the end against the per-feature closed form
 *    (`closedFormTrajectory`), and of the per-feature crossing times against `criticalTime`;
 * 5. the matrix flow from a random orthogonal init, d = 64, L = 4, ε = 1e-1, 1e-2 (and 1e-3 with
 *    MATRIX_BENCH_FULL=1), and d = 8, 16 (and 32) at ε = 1e-6, seeds 1, 2, and its η → 0
 *    agreement with `train` at ε = 0.1 (the deviation at η, η/2, η/4 and its ratios);
 * 6. with MATRIX_BENCH_FULL=1: 100 training steps at d = 1024, L = 8 and the peak resident memory;
 * 7. LU factorization (core's `luDecomposeKernel`, which the preconditioner's learned × unlearned
 *    blocks of order (L + 1)u use) against column-at-a-time elimination written here, n = 20 … 500,
 *    and whether the two factorizations are bit-identical;
 * 8. products and training split across two threads (a team of one helper thread,
 *    `startNodeProductTeam`) against one thread: wall time (CPU time counts both threads),
 *    d = 128 … 512 (1024 with MATRIX_BENCH_FULL=1), and whether the results are bit-identical;
 * 9. why the weakest modes wait (docs/flows.md; not a speed): from the random init at ε = 1e-6,
 *    at 1.5 × the slowest t*, the predictor on the modes still at ε's scale, and what aligning it
 *    changes when the flow is integrated on to 10 × that time.
 *
 * Run: `pnpm bench matrix` (or `MATRIX_BENCH_FULL=1 pnpm bench matrix`; `MATRIX_BENCH_SECTIONS=flow,memory`
 * runs only the sections named: rhs, setup, training, flow, random, memory, lu, team, waiting). CPU time is the
 * fairer figure on a shared machine; the load average is printed.
 */
import { loadavg } from 'node:os';
import {
  alignedMatrixInit,
  closedFormTrajectory,
  criticalTime,
  matrixFlow,
  solveIvp,
  type EventFunction,
} from '../packages/ode/dist/index.js';
import {
  createMatrixWorkspace,
  determinant,
  luDecomposeKernel,
  singularValueDecomposition,
  symmetricEigen,
  type ProductTeam,
} from '../packages/core/dist/index.js';
import { startNodeProductTeam } from '../packages/cli/dist/index.js';
import { initialNetwork, train, type Covariances } from '../packages/sim/dist/index.js';
import type { BenchSuite } from './suites.js';
import { printTable, timeIt } from './timing.js';

const full = process.env.MATRIX_BENCH_FULL === '1';
/** MATRIX_BENCH_SECTIONS=rhs,setup,training,flow,random,memory,lu,team,waiting runs only those sections. */
const only = process.env.MATRIX_BENCH_SECTIONS?.split(',');
const wanted = (name: string): boolean => (only === undefined ? name !== 'memory' || full : only.includes(name));
const fmt = (x: number, digits = 3): string => x.toPrecision(digits);
const diag = (v: number[]): number[][] => v.map((x, i) => v.map((_, j) => (i === j ? x : 0)));

/** A seeded uniform source on [−1, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/** Calls per second of `fn`, run until `minMs` of CPU time has passed (at least twice). */
function rate(fn: () => void, minMs: number): { wall: number; cpu: number } {
  fn();
  let calls = 0;
  let ms = 0;
  let cpuMs = 0;
  while (cpuMs < minMs || calls < 2) {
    const t = timeIt(fn);
    ms += t.ms;
    cpuMs += t.cpuMs;
    calls++;
  }
  return { wall: (calls / ms) * 1000, cpu: (calls / cpuMs) * 1000 };
}

function rhsAndJvp(): void {
  const L = 4;
  process.stdout.write(`\n### Right-hand side and Jacobian-vector product per call (JEPA, L = ${L}, diagonal Σ, random state)\n\n`);
  const rows: (string | number)[][] = [];
  for (const d of [16, 32, 64, 128, 256]) {
    const sigma2 = Array.from({ length: d }, (_, i) => 1 + i / d);
    const input = { objective: 'jepa' as const, depth: L, sigmaXX: diag(sigma2), sigmaYX: diag(sigma2.map((s) => 0.6 * s)) };
    const fast = matrixFlow(input);
    const reference = matrixFlow({ ...input, backend: 'reference' });
    const next = uniform(d);
    const y = Float64Array.from({ length: fast.dimension }, () => 0.3 * next());
    const v = Float64Array.from({ length: fast.dimension }, () => next());
    const out = new Float64Array(fast.dimension);
    const check = new Float64Array(fast.dimension);
    fast.rhs(0, y, out);
    reference.rhs(0, y, check);
    const same = out.every((x, i) => x === check[i]);
    const budget = d >= 128 ? 1500 : 400;
    // a fresh point per call for the right-hand side (the kernel keeps the last point's products)
    const rhsCall = (flow: typeof fast) => (): void => {
      y[0] += 1e-12;
      flow.rhs(0, y, out);
    };
    const jvpCall = (flow: typeof fast) => (): void => flow.jvp(0, y, v, out);
    const r = [
      rate(rhsCall(fast), budget),
      rate(rhsCall(reference), budget),
      rate(jvpCall(fast), budget),
      rate(jvpCall(reference), budget),
    ];
    const rhsFlops = 3 * L * 2 * d ** 3;
    const jvpFlops = 6 * L * 2 * d ** 3;
    rows.push([
      d,
      fmt(1000 / r[0].cpu),
      fmt((rhsFlops * r[0].cpu) / 1e9),
      fmt(r[0].cpu / r[1].cpu),
      fmt(1000 / r[2].cpu),
      fmt((jvpFlops * r[2].cpu) / 1e9),
      fmt(r[2].cpu / r[3].cpu),
      String(same),
    ]);
  }
  printTable(
    [
      'd',
      'rhs ms/call (CPU)',
      'rhs GFLOP/s',
      'rhs × reference',
      'jvp ms/call (CPU, same point)',
      'jvp GFLOP/s',
      'jvp × reference',
      'rhs bit-identical to reference',
    ],
    rows,
  );
}

/** The training runs' diagonal moments: σ² from 1 to 2, λ from 0.5 to 1. */
function trainingCovariances(d: number): Covariances {
  return {
    kind: 'diagonal',
    sigmaXX: Float64Array.from({ length: d }, (_, i) => 1 + i / d),
    sigmaYX: Float64Array.from({ length: d }, (_, i) => 0.5 + (0.5 * i) / d),
  };
}

function training(): void {
  process.stdout.write('\n### Training steps/s (JEPA, population moments, diagonal Σ, random init ε = 0.05, η = 0.01)\n\n');
  const rows: (string | number)[][] = [];
  const sizes = full ? [16, 64, 256, 512, 1024] : [16, 64, 256];
  for (const d of sizes) {
    const covariances = trainingCovariances(d);
    for (const L of [1, 4, 8]) {
      const flops = 3 * L * 2 * d ** 3;
      // about 2 s of CPU for the fast kernels at ~10 GFLOP/s, a quarter of that for the reference
      const steps = Math.max(2, Math.min(2000, Math.round(2e10 / flops)));
      const run = (n: number, backend: 'auto' | 'reference'): { cpuMs: number; ms: number; backendUsed: string } => {
        const t = timeIt(() =>
          train({
            objective: 'jepa',
            depth: L,
            covariances,
            init: { kind: 'random', epsilon: 0.05, seed: 1 },
            learningRate: 0.01,
            steps: n,
            recordEvery: Math.max(1, n),
            measure: { loss: false },
            backend,
          }),
        );
        return { cpuMs: t.cpuMs, ms: t.ms, backendUsed: t.value.backend };
      };
      // setup (the init) is timed separately below; subtract a zero-step run of each
      const fast0 = run(0, 'auto');
      const fast = run(steps, 'auto');
      const refSteps = Math.max(1, Math.round(steps / 4));
      const ref0 = run(0, 'reference');
      const ref = run(refSteps, 'reference');
      const fastRate = (steps / Math.max(1e-9, fast.cpuMs - fast0.cpuMs)) * 1000;
      const refRate = (refSteps / Math.max(1e-9, ref.cpuMs - ref0.cpuMs)) * 1000;
      rows.push([d, L, fast.backendUsed, steps, fmt(fastRate), fmt((flops * fastRate) / 1e9), fmt(refRate), fmt(fastRate / refRate)]);
    }
  }
  printTable(['d', 'L', 'backend', 'steps', 'steps/s (CPU)', 'GFLOP/s', 'reference steps/s', '× reference'], rows);
}

function setup(): void {
  process.stdout.write('\n### Setup: random init (L + 1 Haar orthogonal d×d matrices, blocked Householder QR), L = 4\n\n');
  const rows: (string | number)[][] = [];
  for (const d of full ? [16, 64, 256, 512, 1024] : [16, 64, 256, 512]) {
    const t = timeIt(() => initialNetwork({ kind: 'random', epsilon: 0.05, seed: 1 }, d, 4, 'jepa'));
    rows.push([d, fmt(t.ms), fmt(t.cpuMs)]);
  }
  printTable(['d', 'wall ms', 'CPU ms'], rows);
}

/**
 * The flow benchmarks' features at width d (σ²_i = 0.5 + 1.5i/(d − 1), ρ_i = 0.3 + 0.6((7i) mod d)/(d − 1)),
 * the JEPA matrix flow on them, each feature's per-feature t* at ε (NaN where it has none),
 * and 1.5 × the slowest t*.
 */
function benchFlow(d: number, L: number, eps: number) {
  const sigma2 = Array.from({ length: d }, (_, i) => 0.5 + (1.5 * i) / (d - 1));
  const rho = Array.from({ length: d }, (_, i) => 0.3 + (0.6 * ((i * 7) % d)) / (d - 1));
  const flow = matrixFlow({ objective: 'jepa', depth: L, sigmaXX: diag(sigma2), sigmaYX: diag(sigma2.map((s, i) => s * rho[i])) });
  const tStar = rho.map((r, i) => {
    const c = criticalTime({ lambda: sigma2[i] * r, rho: r }, { objective: 'jepa', depth: L, epsilon: eps });
    return c.exists ? c.t : Number.NaN;
  });
  const tEnd = 1.5 * Math.max(...tStar.filter(Number.isFinite));
  const covariances: Covariances = {
    kind: 'diagonal',
    sigmaXX: Float64Array.from(sigma2),
    sigmaYX: Float64Array.from(sigma2.map((s, i) => s * rho[i])),
  };
  return { sigma2, rho, flow, tStar, tEnd, covariances };
}

function stiffFlow(): void {
  const L = 4;
  const eps = 1e-6;
  process.stdout.write(
    `\n### Matrix flow by 'bdf' + GMRES (exact JVP, block preconditioner): JEPA, aligned ε = ${eps}, L = ${L}, to 1.5 × the slowest t*, rtol 1e-8\n\n`,
  );
  const rows: (string | number)[][] = [];
  for (const d of [8, 16, 32, 64]) {
    const { sigma2, rho, flow, tStar, tEnd } = benchFlow(d, L, eps);
    const dd = d * d;
    const events: EventFunction[] = rho.map((r, i) => ({
      g: (_t: number, y: Float64Array): number => {
        let p = 1;
        for (let a = 1; a <= L; a++) p *= y[a * dd + i * d + i];
        return p - 0.5 * r ** L;
      },
      direction: 1,
    }));
    const t = timeIt(() =>
      solveIvp(flow.rhs, [0, tEnd], flow.pack(alignedMatrixInit(d, L, eps)), {
        ...flow.stiffOptions(),
        rtol: 1e-8,
        atol: 1e-20,
        events,
        tEval: [tEnd],
      }),
    );
    const r = t.value;
    const worst = r.events.reduce((m, e) => Math.max(m, Math.abs(e.t - tStar[e.index]) / tStar[e.index]), 0);
    const wbar = flow.encoder(r.y[r.y.length - 1]);
    let worstEntry = 0;
    for (let i = 0; i < d; i++) {
      const exact = closedFormTrajectory({ sigma2: sigma2[i], rho: rho[i] }, { objective: 'jepa', depth: L, epsilon: eps, times: [tEnd] })
        .wbar[0];
      worstEntry = Math.max(worstEntry, Math.abs(wbar[i][i] - exact) / exact);
    }
    rows.push([
      d,
      r.status,
      fmt(t.ms / 1000),
      fmt(t.cpuMs / 1000),
      r.stats.nsteps,
      r.stats.nfev,
      r.stats.njvp ?? 0,
      `${r.stats.nlu ?? 0} (${flow.preconditionerCounts.reused} reusing J)`,
      `${r.events.length}/${d}`,
      worst.toExponential(2),
      worstEntry.toExponential(2),
    ]);
  }
  printTable(
    [
      'd',
      'status',
      'wall s',
      'CPU s',
      'steps',
      'f evals',
      'jvps',
      'preconditioner setups',
      'crossings',
      'max |t* − closed form|/t*',
      'max |W̄_ii(t_end) − closed form|/closed form',
    ],
    rows,
  );
}

/**
 * The matrix flow from a random orthogonal init (`W_a = ε^{1/L}O_a`, `V = ε^{1/L}O_V`, Haar), d = 64 (and d = 8 … 32 at ε = 1e-6),
 * L = 4, to 1.5 × the slowest per-feature t*, and its η → 0 agreement with `train` from the same init.
 */
function randomFlow(): void {
  const d = 64;
  const L = 4;
  // d = 64 at ε = 0.1, 0.01 (and 1e-3 with MATRIX_BENCH_FULL=1); from ε = 1e-6 at d = 8, 16 (and 32 with
  // MATRIX_BENCH_FULL=1), where d = 16 did not finish before the learned × unlearned blocks of the preconditioner
  const cases = [
    ...(full ? [1e-1, 1e-2, 1e-3] : [1e-1, 1e-2]).flatMap((eps) => [1, 2].map((seed) => ({ d, eps, seed }))),
    ...(full ? [8, 16, 32] : [8, 16]).flatMap((width) => [1, 2].map((seed) => ({ d: width, eps: 1e-6, seed }))),
  ];
  process.stdout.write(
    `\n### Matrix flow from a random orthogonal init by 'bdf' + GMRES: JEPA, L = ${L}, to 1.5 × the slowest per-feature t*, rtol 1e-8, atol 1e-14·ε\n\n`,
  );
  const rows: (string | number)[][] = [];
  for (const { d: width, eps, seed } of cases) {
    const { flow, tEnd } = benchFlow(width, L, eps);
    const y0 = flow.pack(networkState(initialNetwork({ kind: 'random', epsilon: eps, seed }, width, L, 'jepa').network, width));
    const t = timeIt(() => solveIvp(flow.rhs, [0, tEnd], y0, { ...flow.stiffOptions(), rtol: 1e-8, atol: 1e-14 * eps, tEval: [tEnd] }));
    const r = t.value;
    const c = flow.preconditionerCounts;
    rows.push([
      width,
      eps,
      seed,
      fmt(tEnd),
      r.status,
      fmt(t.ms / 1000),
      fmt(t.cpuMs / 1000),
      r.stats.nsteps,
      r.stats.nfev,
      fmt((r.stats.nlinear ?? 0) / Math.max(1, r.stats.nnewton ?? 0)),
      `${r.stats.nlu ?? 0} (${c.rotated} rotated, ${c.coupled} coupled)`,
    ]);
  }
  printTable(
    [
      'd',
      'ε',
      'seed',
      't_end',
      'status',
      'wall s',
      'CPU s',
      'steps',
      'f evals',
      'GMRES iterations per Newton iteration',
      'preconditioner setups',
    ],
    rows,
  );

  const eps = 0.1;
  const { flow, tEnd, covariances } = benchFlow(d, L, eps);
  const init = { kind: 'random' as const, epsilon: eps, seed: 1 };
  process.stdout.write(
    `\n### η → 0: train (gradient descent, population moments) against the flow (rtol 1e-10) from the same random init, d = ${d}, L = ${L}, ε = ${eps}, seed 1, at t = ${fmt(tEnd)}\n\n`,
  );
  const y0 = flow.pack(networkState(initialNetwork(init, d, L, 'jepa').network, d));
  const ref = solveIvp(flow.rhs, [0, tEnd], y0, { ...flow.stiffOptions(), rtol: 1e-10, atol: 1e-16, tEval: [tEnd] });
  const yT = ref.y[ref.y.length - 1];
  const moved = yT.reduce((m, v, k) => Math.max(m, Math.abs(v - y0[k])), 0);
  const deviationRows: (string | number)[][] = [];
  let previous = Number.NaN;
  for (const eta of [0.04, 0.02, 0.01]) {
    const steps = Math.round(tEnd / eta);
    const t = timeIt(() =>
      train({
        objective: 'jepa',
        depth: L,
        covariances,
        init,
        learningRate: tEnd / steps,
        steps,
        recordEvery: steps,
        measure: { loss: false },
      }),
    );
    const y = flow.pack(networkState(t.value.network, d));
    const deviation = y.reduce((m, v, k) => Math.max(m, Math.abs(v - yT[k])), 0);
    deviationRows.push([
      fmt(tEnd / steps),
      steps,
      t.value.status,
      fmt(t.ms / 1000),
      deviation.toExponential(3),
      Number.isNaN(previous) ? '—' : fmt(previous / deviation, 4),
    ]);
    previous = deviation;
  }
  printTable(['η', 'steps', 'status', 'wall s', 'max |θ_train − θ_flow|', 'ratio to the previous η'], deviationRows);
  process.stdout.write(`flow: ${ref.status}, largest change of any parameter from the start ${moved.toExponential(3)}\n`);
}

type Rows = readonly (readonly number[])[];
/** ‖W̄e_j‖ for every j: the strength of feature j (rotation invariant). */
const columnNorms = (m: Rows): number[] => m[0].map((_, j) => Math.hypot(...m.map((row) => row[j])));
const transpose = (m: Rows): number[][] => m[0].map((_, j) => m.map((row) => row[j]));
const product = (a: Rows, b: Rows): number[][] => a.map((row) => b[0].map((_, j) => row.reduce((acc, v, k) => acc + v * b[k][j], 0)));

/**
 * How V is aligned on a subspace where balancedness makes its block `QᵀVQ = s·O` (Q orthonormal columns, s the
 * per-layer singular values there): O = block·diag(1/s), the largest deviation of OᵀO from I, the mean eigenvalue of
 * O's symmetric part (trace/u), how many of those eigenvalues are positive, and det O.
 */
function alignment(block: Rows, s: readonly number[]): { orthogonality: number; mean: number; positive: number; det: number } {
  const u = s.length;
  const O = block.map((row) => row.map((v, j) => v / s[j]));
  const OtO = product(transpose(O), O);
  const orthogonality = Math.max(...OtO.flatMap((row, i) => row.map((v, j) => Math.abs(v - (i === j ? 1 : 0)))));
  const values = symmetricEigen(Float64Array.from(O.flatMap((row, i) => row.map((v, j) => (v + O[j][i]) / 2))), u).values;
  return {
    orthogonality,
    mean: values.reduce((a, b) => a + b, 0) / u,
    positive: values.filter((v) => v > 0).length,
    det: determinant(Float64Array.from(O.flat()), u),
  };
}

/**
 * Why the weakest modes wait (docs/flows.md, "Why the weakest modes wait"): JEPA, L = 4, the bench's features, random
 * init at ε = 1e-6, to tEnd = 1.5 × the slowest per-feature t* (rtol 1e-8, atol 1e-14·ε). At the start and at tEnd, V's
 * alignment (see {@link alignment}) on all modes and on the modes whose singular value of W̄ is still ≤ 100ε. For seed 1,
 * integrated on to 10·tEnd as it is and with V's block on those modes replaced by s (O → I, still balanced): the features
 * still unlearned at tEnd that reach half their fixed point ρ^L, and when (121 log-spaced outputs, ±6 %).
 */
function waiting(): void {
  const L = 4;
  const eps = 1e-6;
  const cases = [
    ...[1, 2, 3, 4, 5].map((seed) => ({ width: 8, seed })),
    ...[1, 2, 3].map((seed) => ({ width: 16, seed })),
    ...(full ? [{ width: 32, seed: 1 }] : []),
  ];
  process.stdout.write(
    `\n### Why the weakest modes wait: V = s·O on the modes still at ε's scale (JEPA, L = ${L}, random init ε = 1e-6, at 1.5 × the slowest t*)\n\n`,
  );
  const rows: (string | number)[][] = [];
  const later: (string | number)[][] = [];
  for (const { width, seed } of cases) {
    const { flow, tEnd, rho } = benchFlow(width, L, eps);
    const start = networkState(initialNetwork({ kind: 'random', epsilon: eps, seed }, width, L, 'jepa').network, width);
    const options = { ...flow.stiffOptions(), rtol: 1e-8, atol: 1e-14 * eps };
    const r = solveIvp(flow.rhs, [0, tEnd], flow.pack(start), { ...options, tEval: [tEnd] });
    if (r.status !== 'success') {
      rows.push([width, seed, r.status, r.message, '', '', '', '', '', '']);
      continue;
    }
    const yT = Float64Array.from(r.y[r.y.length - 1]);
    const { V, W } = flow.unpack(yT);
    const encoder = flow.encoder(yT);
    const svd = singularValueDecomposition(Float64Array.from(encoder.flat()), width);
    const unlearned = Array.from(svd.values.keys()).filter((k) => svd.values[k] <= 100 * eps);
    const Q = Array.from({ length: width }, (_, i) => unlearned.map((k) => svd.u[i * width + k]));
    const s = unlearned.map((k) => svd.values[k] ** (1 / L));
    // at the start every direction is unlearned: the block is V itself
    const atStart = alignment(start.V, new Array<number>(width).fill(eps ** (1 / L)));
    const block = product(product(transpose(Q), V), Q);
    const atEnd = unlearned.length > 0 ? alignment(block, s) : null;
    rows.push([
      width,
      seed,
      `${atStart.positive} of ${width}`,
      fmt(atStart.det, 2),
      width - unlearned.length,
      unlearned.length,
      atEnd === null ? '—' : `${atEnd.positive} of ${unlearned.length}`,
      atEnd === null ? '—' : fmt(atEnd.mean, 2),
      atEnd === null ? '—' : fmt(atEnd.det, 2),
      atEnd === null ? '—' : atEnd.orthogonality.toExponential(1),
    ]);
    if (seed !== 1 || atEnd === null) continue;
    // integrate on to 10·tEnd, as it is and with O → I
    const tStarMax = tEnd / 1.5;
    const outputs = Array.from({ length: 121 }, (_, k) => tEnd * 10 ** (k / 120));
    const strengthsAtEnd = columnNorms(encoder);
    const features = rho.map((_, j) => j).filter((j) => strengthsAtEnd[j] <= 100 * eps);
    const correction = product(
      product(
        Q,
        block.map((row, i) => row.map((v, j) => (i === j ? s[i] : 0) - v)),
      ),
      transpose(Q),
    );
    const alignedV = V.map((row, i) => row.map((v, j) => v + correction[i][j]));
    const variants = [
      ['as it is', yT],
      ['O → I', Float64Array.from(flow.pack({ V: alignedV, W: W.map((m) => m.map((row) => [...row])) }))],
    ] as const;
    for (const [name, y0] of variants) {
      const t = timeIt(() => solveIvp(flow.rhs, [tEnd, 10 * tEnd], y0, { ...options, tEval: outputs }));
      const run = t.value;
      if (run.status !== 'success') {
        later.push([width, name, run.status, run.message, '', fmt(t.cpuMs / 1000)]);
        continue;
      }
      const strengths = run.y.map((y) => columnNorms(flow.encoder(y)));
      const crossings = features
        .map((j) => {
          const k = strengths.findIndex((norms) => norms[j] >= 0.5 * rho[j] ** L);
          return k < 0 ? null : run.t[k] / tStarMax;
        })
        .filter((x): x is number => x !== null)
        .sort((a, b) => a - b);
      const finalValues = singularValueDecomposition(Float64Array.from(flow.encoder(run.y[run.y.length - 1]).flat()), width).values;
      const targets = rho.map((p) => p ** L).sort((a, b) => b - a);
      const distance = Math.max(...Array.from(finalValues, (v, k) => Math.abs(v - targets[k]) / targets[k]));
      later.push([
        width,
        name,
        `${crossings.length} of ${features.length}`,
        crossings.map((x) => fmt(x, 2)).join(', ') || '—',
        distance.toExponential(1),
        fmt(t.cpuMs / 1000),
      ]);
    }
  }
  printTable(
    [
      'd',
      'seed',
      'start: positive eigenvalues of (O + Oᵀ)/2',
      'start: det O',
      'learned at 1.5 × t*',
      'unlearned u',
      'unlearned: positive eigenvalues',
      'unlearned: trace/u',
      'unlearned: det O',
      'max |OᵀO − I|',
    ],
    rows,
  );
  process.stdout.write(`\nSeed 1 integrated on from 1.5 × t* to 15 × t* (t* the slowest per-feature critical time):\n\n`);
  printTable(
    [
      'd',
      'V on the unlearned modes',
      'unlearned features learned by 15 × t*',
      'half of ρ^L reached at (× t*)',
      'max relative distance of the singular values from ρ^L at 15 × t*',
      'CPU s',
    ],
    later,
  );
}

/** A network's matrices as {@link MatrixFlow.pack} takes them. */
function networkState(network: { predictor: Float64Array; layers: readonly Float64Array[] }, d: number) {
  const rowsOf = (m: Float64Array): number[][] => Array.from({ length: d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));
  return { V: rowsOf(network.predictor), W: network.layers.map(rowsOf) };
}

function memory(): void {
  const d = 1024;
  const L = 8;
  process.stdout.write(`\n### d = ${d}, L = ${L}: 100 training steps and the peak resident memory\n\n`);
  let peak = process.memoryUsage().rss;
  const covariances = trainingCovariances(d);
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = timeIt(() =>
    train({
      objective: 'jepa',
      depth: L,
      covariances,
      init: { kind: 'random', epsilon: 0.05, seed: 1 },
      learningRate: 0.01,
      steps: 100,
      recordEvery: 100,
      measure: { loss: false },
      // the synchronous run starves the timer: sample the memory at every progress report too
      onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    }),
  );
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  printTable(['status', 'wall s', 'CPU s', 'peak RSS MiB'], [[t.value.status, fmt(t.ms / 1000), fmt(t.cpuMs / 1000), fmt(peak / 2 ** 20)]]);
}

/** The baseline of section 7: right-looking elimination with partial pivoting, one column at a time. */
function columnAtATimeLu(a: Float64Array, n: number, pivots: Int32Array): number {
  for (let k = 0; k < n; k++) {
    let p = k;
    let big = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > big) {
        big = v;
        p = i;
      }
    }
    pivots[k] = p;
    if (big === 0 || !Number.isFinite(big)) return k + 1;
    const rk = k * n;
    if (p !== k)
      for (let j = 0, rp = p * n; j < n; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k] * inv;
      a[ri + k] = m;
      if (m !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= m * a[rk + j];
    }
  }
  return 0;
}

function lu(): void {
  process.stdout.write(
    `\n### LU factorization: luDecomposeKernel (four columns at a time) against column-at-a-time elimination, random n × n\n\n`,
  );
  const rows: (string | number)[][] = [];
  for (const n of [20, 60, 180, 350, 500]) {
    const next = uniform(n);
    const a = Float64Array.from({ length: n * n }, next);
    const work = new Float64Array(n * n);
    const pivots = new Int32Array(n);
    const factor = (kernel: typeof columnAtATimeLu) => (): void => {
      work.set(a);
      kernel(work, n, pivots);
    };
    const baseline = rate(factor(columnAtATimeLu), 300);
    const blocked = rate(factor(luDecomposeKernel), 300);
    const mine = Float64Array.from(a);
    const theirs = Float64Array.from(a);
    luDecomposeKernel(mine, n, new Int32Array(n));
    columnAtATimeLu(theirs, n, new Int32Array(n));
    const identical = mine.every((x, i) => Object.is(x, theirs[i]));
    rows.push([n, fmt(1000 / baseline.cpu), fmt(1000 / blocked.cpu), fmt(blocked.cpu / baseline.cpu), identical ? 'yes' : 'no']);
  }
  printTable(['n', 'column at a time ms (CPU)', 'luDecomposeKernel ms (CPU)', 'ratio', 'bit-identical'], rows);
}

/**
 * The smallest wall time of each of `fns` over `rounds` rounds that take turns (each round
 * repeats a function until `minMs` have passed): on a shared machine a run that the other
 * core's neighbours slowed down never sets the figure, and both sides see the same moments.
 */
function bestOf(fns: readonly (() => void)[], rounds: number, minMs: number): number[] {
  const best = fns.map(() => Infinity);
  for (const fn of fns) fn(); // warm-up
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      let calls = 0;
      const start = performance.now();
      while (performance.now() - start < minMs || calls < 1) {
        fn();
        calls++;
      }
      best[k] = Math.min(best[k], (performance.now() - start) / calls);
    });
  }
  return best;
}

/** Products and training on one thread against two (a team of one helper thread); wall time, best of rounds taken in turn. */
function team(): void {
  const helpers = startNodeProductTeam(1);
  process.stdout.write(
    `\n### Two threads (one helper; products of ≥ 64³ multiply-adds, 96³ when packed, split into bands of rows) against one: wall time, 'wasm' kernels\n\n`,
  );
  const productRows: (string | number)[][] = [];
  for (const d of full ? [64, 96, 128, 256, 512, 1024] : [64, 96, 128, 256, 512]) {
    const next = uniform(d);
    const spaces = [undefined, helpers].map((t?: ProductTeam) => {
      const ws = createMatrixWorkspace({ capacity: 3 * d * d, largestMatrix: d * d, backend: 'wasm', team: t });
      const a = ws.alloc(d * d),
        b = ws.alloc(d * d),
        c = ws.alloc(d * d);
      return { ws, a, b, c };
    });
    for (let i = 0; i < d * d; i++) {
      const [x, y] = [next(), next()];
      for (const s of spaces) [s.a[i], s.b[i]] = [x, y];
    }
    for (const kind of ['A·B', 'Aᵀ·B'] as const) {
      const [alone, two] = bestOf(
        spaces.map((s) => () => (kind === 'A·B' ? s.ws.matmul(s.c, s.a, s.b, d, d, d) : s.ws.matmulTransA(s.c, s.a, s.b, d, d, d))),
        5,
        60,
      );
      const same = spaces[0].c.every((v, i) => Object.is(v, spaces[1].c[i]));
      productRows.push([d, kind, fmt(alone), fmt(two), fmt(alone / two), fmt((2 * d ** 3) / two / 1e6), same ? 'yes' : 'NO']);
    }
  }
  printTable(['d', 'product', 'one thread ms', 'two threads ms', 'speed-up', 'GFLOP/s (two)', 'bit-identical'], productRows);

  process.stdout.write(
    '\n### Training steps/s on two threads against one (JEPA, L = 4, population moments, diagonal Σ, random init ε = 0.05, η = 0.01; wall time)\n\n',
  );
  const trainRows: (string | number)[][] = [];
  for (const d of full ? [128, 256, 512, 1024] : [128, 256, 512]) {
    const L = 4;
    const steps = Math.max(5, Math.round(4e10 / (3 * L * 2 * d ** 3)));
    const run = (t: ProductTeam | undefined, n = steps) =>
      train({
        objective: 'jepa',
        depth: L,
        covariances: trainingCovariances(d),
        init: { kind: 'random', epsilon: 0.05, seed: 1 },
        learningRate: 0.01,
        steps: n,
        recordEvery: Math.max(1, n),
        measure: { loss: false },
        backend: 'wasm',
        team: t,
      });
    // the setup (init, one thread either way) is subtracted: the best zero-step run of each
    const [alone0, two0, aloneAll, twoAll] = bestOf(
      [() => run(undefined, 0), () => run(helpers, 0), () => run(undefined), () => run(helpers)],
      3,
      0,
    );
    const [aloneMs, twoMs] = [aloneAll - alone0, twoAll - two0];
    const flat = (r: ReturnType<typeof run>) => [...r.network.predictor, ...r.network.layers.flatMap((w) => [...w])];
    const [x, y] = [flat(run(undefined)), flat(run(helpers))];
    const same = x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
    trainRows.push([d, steps, fmt((steps / aloneMs) * 1000), fmt((steps / twoMs) * 1000), fmt(aloneMs / twoMs), same ? 'yes' : 'NO']);
  }
  printTable(['d', 'steps', 'one thread steps/s', 'two threads steps/s', 'speed-up', 'bit-identical'], trainRows);
  process.stdout.write('(best of 5 rounds of ≥ 60 ms per product, 3 runs per training, taken in turn)\n');
  void helpers.close();
}

export const matrixSuite: BenchSuite = {
  name: 'matrix',
  description: `full-matrix dynamics: flow RHS/JVP, training, setup, stiff flow${full ? ', d = 1024 memory' : ''} (MATRIX_BENCH_FULL=1 for d = 512, 1024)`,
  run() {
    process.stdout.write(
      `load average at start: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}\n`,
    );
    if (wanted('rhs')) rhsAndJvp();
    if (wanted('setup')) setup();
    if (wanted('training')) training();
    if (wanted('flow')) stiffFlow();
    if (wanted('random')) randomFlow();
    if (wanted('memory')) memory();
    if (wanted('lu')) lu();
    if (wanted('team')) team();
    if (wanted('waiting')) waiting();
    process.stdout.write(
      `\nload average at end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}\n`,
    );
  },
};
