/**
 * The stiff method against the explicit one on the issue's 50-feature problem:
 * L = 3, ε = 1e-3, σ² = logspace(−2, 2, 50), ρ uniform in (0.1, 0.9) (mulberry32, seed
 * 2024; packages/ode/test/fiftyFeatures.ts, shared with coupledFlow.test.ts), JEPA per-layer flows
 * integrated as ONE system to the median of the features' times to reach 0.99ρ,
 * rtol = atol = 1e-6. Baseline: dopri5 with the stiffness test off, same run; also
 * method 'auto' (dopri5 switching to rodas4 and back).
 * Also: Van der Pol (μ = 1000) and Robertson work counts at several tolerances (rodas4
 * and 'auto'), and
 * (not a timing) the non-diagonal-covariance example of docs/stiff.md.
 */
import {
  alignedMatrixInit,
  coupledFlow,
  criticalTime,
  matrixFlow,
  solveIvp,
  type RhsFunction,
  type SolveResult,
} from '../packages/ode/dist/index.js';
import { initialNetwork, singularValueDecomposition } from '../packages/sim/dist/index.js';
import { EPS, exactU, L, rho, sigma2, T } from '../packages/ode/test/fiftyFeatures.js';
import { determinant } from '../packages/core/dist/index.js';
import type { BenchSuite } from './suites.js';
import { medianMs, printTable } from './timing.js';
import { brusselator2d, integrateBrusselator } from '../packages/ode/test/solver/brusselator2d.js';
import type { JacobianFunction, SolveOptions } from '../packages/ode/dist/index.js';

function maxError(r: SolveResult, exact: (i: number) => number): number {
  const y = r.y[r.y.length - 1];
  let e = 0;
  for (let i = 0; i < y.length; i++) e = Math.max(e, Math.abs(y[i] - exact(i)));
  return e;
}

export const stiffSuite: BenchSuite = {
  name: 'stiff',
  description: "rodas4 and 'auto' vs dopri5 (stiffness test off) on the 50-feature coupled JEPA problem; VdP and Robertson counts",
  run: () => {
    const exact = (i: number): number => exactU(T, i);
    const flow = coupledFlow(
      sigma2.map((s, i) => ({ sigma2: s, rho: rho[i] })),
      'jepa',
      L,
    );
    const y0 = flow.initial(EPS);
    const base = { rtol: 1e-6, atol: 1e-6 };
    const runs: [string, () => SolveResult, number][] = [
      // Cheap runs get many repeats (the median then sits after JIT warm-up); dopri5 runs ~10 s, once after one warm-up.
      ['rodas4, exact Jacobian', () => solveIvp(flow.rhs, [0, T], y0, { ...base, method: 'rodas4', jacobian: flow.jacobian }), 21],
      [
        'rodas4, FD Jacobian, diagonal sparsity',
        () => solveIvp(flow.rhs, [0, T], y0, { ...base, method: 'rodas4', jacobianSparsity: flow.sparsity }),
        21,
      ],
      ['rodas4, FD Jacobian, dense (50 columns)', () => solveIvp(flow.rhs, [0, T], y0, { ...base, method: 'rodas4' }), 11],
      [
        "'auto' (dopri5 + rodas4), exact Jacobian",
        () => solveIvp(flow.rhs, [0, T], y0, { ...base, method: 'auto', jacobian: flow.jacobian }),
        21,
      ],
      [
        'dopri5, stiffness test off',
        () => solveIvp(flow.rhs, [0, T], y0, { ...base, method: 'dopri5', stiffnessCheck: false, maxSteps: 50_000_000 }),
        1,
      ],
    ];
    const rows: (string | number)[][] = [];
    const times: number[] = [];
    for (const [name, run, repeats] of runs) {
      const r = run();
      const ms = medianMs(() => {
        run();
      }, repeats);
      times.push(ms);
      rows.push([
        name,
        r.status,
        r.stats.naccepted,
        r.stats.nfev,
        r.stats.njev ?? '-',
        r.stats.nlu ?? '-',
        maxError(r, exact).toExponential(2),
        ms.toFixed(1),
      ]);
    }
    process.stdout.write(`50 features to T = ${T.toPrecision(6)} (median time to 0.99ρ), rtol = atol = 1e-6\n\n`);
    printTable(['method', 'status', 'steps', 'nfev', 'njev', 'nlu', 'max |u − exact|', 'median ms'], rows);
    process.stdout.write(
      `\ndopri5 / rodas4 time ratio: ${(times[4] / times[0]).toFixed(0)}× (exact J), ${(times[4] / times[1]).toFixed(0)}× (FD, sparsity), ${(times[4] / times[2]).toFixed(0)}× (FD, dense); dopri5 / 'auto': ${(times[4] / times[3]).toFixed(0)}×\n\n`,
    );

    const vdp: RhsFunction = (_t, y, d) => {
      d[0] = y[1];
      d[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / 1e-6;
    };
    const rob: RhsFunction = (_t, y, d) => {
      d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      d[2] = 3e7 * y[1] * y[1];
      d[1] = -d[0] - d[2];
    };
    // Published values (Test Set for IVP Solvers; our scipy-Radau fixture agrees to 1e-14).
    const vdpRef = [1.706167732170483, -0.8928097010247975];
    const robRef = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505];
    const rel = (y: Float64Array, ref: number[]): number => Math.max(...ref.map((v, i) => Math.abs(y[i] - v) / Math.abs(v)));
    const rows2: (string | number)[][] = [];
    for (const method of ['rodas4', 'auto'] as const) {
      for (const tol of [1e-4, 1e-6, 1e-8]) {
        const a = solveIvp(vdp, [0, 2], [2, 0], { method, rtol: tol, atol: tol });
        const b = solveIvp(rob, [0, 1e11], [1, 0, 0], { method, rtol: tol, atol: [1e-6 * tol, 1e-10 * tol, 1e-6 * tol] });
        for (const [name, r, ref] of [
          ['Van der Pol μ=1000, t=2', a, vdpRef],
          ['Robertson, t=1e11', b, robRef],
        ] as const) {
          const switches = r.switches === undefined ? '-' : r.switches.map((w) => `${w.to}@${w.t.toPrecision(3)}`).join(' ') || 'none';
          rows2.push([
            name,
            method,
            tol,
            r.stats.naccepted,
            r.stats.nrejected,
            r.stats.nfev,
            r.stats.njev ?? '-',
            rel(r.y[r.y.length - 1], ref).toExponential(2),
            switches,
          ]);
        }
      }
    }
    printTable(['problem (FD Jacobian)', 'method', 'rtol', 'steps', 'rejected', 'nfev', 'njev', 'max rel. error', 'switches'], rows2);
    bdfWorkPrecision(vdp, rob, vdpRef, robRef, flow, y0, exact);
    bdfBrusselator();
    nonDiagonalExample();
    randomInitExample();
  },
};

/**
 * docs/stiff.md, "Random initialization": diagonal Σ (σ² = 1, ρ = 0.9, 0.7, 0.5, 0.3), d = 4,
 * L = 2, ε = 1e-2, balanced Haar-random init (sim's `initialNetwork`, seeds 1–3). Per feature:
 * the rotation-invariant strength ‖W̄ e_i‖ at t = 1e6, the time it first reaches half of that,
 * and the per-feature prediction t*½; plus the signs of det V and det W̄ at t = 0.
 */
function randomInitExample(): void {
  const d = 4;
  const L = 2;
  const eps = 1e-2;
  const rho = [0.9, 0.7, 0.5, 0.3];
  const sxx = rho.map((_, i) => rho.map((__, j) => (i === j ? 1 : 0)));
  const syx = rho.map((r, i) => rho.map((__, j) => (i === j ? r : 0)));
  const rows: (string | number)[][] = [];
  for (const objective of ['jepa', 'mae'] as const) {
    const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });
    const pred = rho.map((p) => {
      const c = criticalTime({ sigma2: 1, rho: p }, { objective, depth: L, epsilon: eps });
      return c.exists ? c.t.toPrecision(3) : '-';
    });
    rows.push([objective, 'per-feature t*½', '', ...pred]);
    for (const seed of [1, 2, 3]) {
      const { network } = initialNetwork({ kind: 'random', epsilon: eps, seed }, d, L, objective);
      const y0 = Float64Array.from([...network.predictor, ...network.layers.flatMap((w) => [...w])]);
      const times = [0, ...Array.from({ length: 700 }, (_, k) => 10 ** (-1 + (7 * (k + 1)) / 700))];
      const r = solveIvp(flow.rhs, [0, times[times.length - 1]], y0, { method: 'rodas4', rtol: 1e-8, atol: 1e-13, tEval: times });
      const strength = r.y.map((y) => {
        const W = flow.encoder(y);
        return rho.map((_, i) => Math.hypot(...W.map((row) => row[i])));
      });
      const fin = strength[strength.length - 1];
      const det = (m: number[][]): number => determinant(Float64Array.from(m.flat()), m.length);
      const signs = `det V ${det(flow.unpack(y0).V) > 0 ? '+' : '−'}, det W̄ ${det(flow.encoder(y0)) > 0 ? '+' : '−'}`;
      rows.push([objective, `seed ${seed}: ‖W̄e_i‖ at 1e6`, signs, ...fin.map((f) => f.toFixed(4))]);
      rows.push([
        objective,
        `seed ${seed}: t to ½ of it`,
        r.status,
        ...fin.map((f, i) => (f < 1e-3 ? 'never' : times[strength.findIndex((s) => s[i] >= 0.5 * f)].toPrecision(3))),
      ]);
    }
  }
  process.stdout.write('\nRandom (Haar, balanced) initialization, diagonal Σ (docs/stiff.md)\n\n');
  printTable(['objective', 'row', 'init / status', 'ρ = 0.9', 'ρ = 0.7', 'ρ = 0.5', 'ρ = 0.3'], rows);
}

/**
 * docs/stiff.md, "What the per-feature theory misses": d = 3, L = 2, ε = 1e-2, aligned init,
 * Σxx and Σyx symmetric positive definite but not commuting. Per singular value of W̄: its final
 * value and the time it first reaches half of it, against the per-feature prediction built from
 * the diagonals (σ²_i = Σxx_ii, λ_i = Σyx_ii): w̄∞ and t*_½.
 */
function nonDiagonalExample(): void {
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
  const d = 3;
  const L = 2;
  const eps = 1e-2;
  const rows: (string | number)[][] = [];
  for (const objective of ['jepa', 'mae'] as const) {
    const flow = matrixFlow({ objective, depth: L, sigmaXX: sxx, sigmaYX: syx });
    const times = [0, ...Array.from({ length: 600 }, (_, k) => 10 ** ((5 * (k + 1)) / 600))];
    const r = solveIvp(flow.rhs, [0, times[times.length - 1]], flow.pack(alignedMatrixInit(d, L, eps)), {
      method: 'rodas4',
      rtol: 1e-9,
      atol: 1e-13,
      tEval: times,
    });
    const sv = r.y.map((y) => Array.from(singularValueDecomposition(Float64Array.from(flow.encoder(y).flat()), d).values));
    const fin = sv[sv.length - 1];
    const half = fin.map((f, j) => times[sv.findIndex((s) => s[j] >= 0.5 * f)]);
    for (let i = 0; i < d; i++) {
      const feature = { sigma2: sxx[i][i], lambda: syx[i][i] };
      const rho = feature.lambda / feature.sigma2;
      const c = criticalTime(feature, { objective, depth: L, epsilon: eps });
      const wInf = objective === 'jepa' ? rho ** L : rho ** (L / (L + 1));
      rows.push([
        objective,
        i,
        fin[i].toFixed(4),
        half[i].toPrecision(3),
        `feature ${i}: ρ = ${rho.toFixed(4)}`,
        wInf.toFixed(4),
        c.exists ? c.t.toPrecision(3) : '-',
      ]);
    }
    rows.push([objective, '', `status ${r.status}`, `${r.stats.naccepted} steps`, '', '', '']);
  }
  process.stdout.write('\nNon-diagonal covariances (docs/stiff.md): matrix flow vs per-feature prediction from diag(Σ)\n\n');
  printTable(['objective', 'k', 'σ_k(W̄) final', 't: σ_k reaches ½ final', 'per-feature', 'w̄∞ predicted', 't*½ predicted'], rows);
}

/**
 * 'bdf' work-precision rows: f-evaluations, J, LU, Newton and linear iterations, error and
 * time per solve on Van der Pol, Robertson, HIRES and the 50 features (analytic Jacobians,
 * as CVODE+J in bench/cvode/README.md, and finite differences), with rodas4 beside it.
 */
function bdfWorkPrecision(
  vdp: RhsFunction,
  rob: RhsFunction,
  vdpRef: number[],
  robRef: number[],
  flow: { rhs: RhsFunction; jacobian: JacobianFunction },
  y0: Float64Array,
  exact: (i: number) => number,
): void {
  const vdpJ: JacobianFunction = (_t, y, J) => {
    J[0] = 0;
    J[1] = 1;
    J[2] = (-2 * y[0] * y[1] - 1) / 1e-6;
    J[3] = (1 - y[0] * y[0]) / 1e-6;
  };
  const robJ: JacobianFunction = (_t, y, J) => {
    J.set([-0.04, 1e4 * y[2], 1e4 * y[1], 0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1], 0, 6e7 * y[1], 0]);
  };
  const hires: RhsFunction = (_t, y, d) => {
    d[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    d[1] = 1.71 * y[0] - 8.75 * y[1];
    d[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    d[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    d[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
    d[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    d[6] = 280 * y[5] * y[7] - 1.81 * y[6];
    d[7] = -d[6];
  };
  const hiresRef = [
    7.371312573325541e-4, 1.4424857263161596e-4, 5.888729740967344e-5, 1.1756513432831254e-3, 2.386356198830966e-3, 6.238968252741673e-3,
    2.8499983951855e-3, 2.8500016048145197e-3,
  ];
  const rel = (y: Float64Array, ref: number[]): number => Math.max(...ref.map((v, i) => Math.abs(y[i] - v) / Math.abs(v)));
  const abs50 = (y: Float64Array): number => Math.max(...Array.from(y, (v, i) => Math.abs(v - exact(i))));
  const problems: [string, (o: SolveOptions) => SolveResult, (y: Float64Array) => number, JacobianFunction | undefined, number[]][] = [
    [
      'Van der Pol (CVODE 1e-6: 2181 f, 3.6e-5)',
      (o) => solveIvp(vdp, [0, 2], [2, 0], o),
      (y) => rel(y, vdpRef),
      vdpJ,
      [1e-4, 1e-5, 3e-6, 1e-6, 1e-8],
    ],
    [
      'Robertson (CVODE 1e-6: 1451 f, 9.1e-5)',
      (o) => solveIvp(rob, [0, 1e11], [1, 0, 0], { ...o, atol: [1e-6 * (o.rtol ?? 1), 1e-10 * (o.rtol ?? 1), 1e-6 * (o.rtol ?? 1)] }),
      (y) => rel(y, robRef),
      robJ,
      [1e-4, 1e-6, 1e-8],
    ],
    [
      'HIRES (CVODE 1e-6: 435 f, 3.1e-3)',
      (o) => solveIvp(hires, [0, 321.8122], [1, 0, 0, 0, 0, 0, 0, 0.0057], o),
      (y) => rel(y, hiresRef),
      undefined,
      [1e-4, 1e-6, 1e-8],
    ],
    ['50 features (CVODE 1e-8: 4274 f, 8.0e-7)', (o) => solveIvp(flow.rhs, [0, T], y0, o), abs50, flow.jacobian, [1e-6, 1e-7, 2e-8, 1e-8]],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, solve, error, jacobian, tols] of problems) {
    for (const tol of tols) {
      for (const [label, o] of [
        ['bdf, J', { method: 'bdf', jacobian }],
        ['bdf, FD', { method: 'bdf' }],
        ['rodas4, J', { method: 'rodas4', jacobian }],
      ] as [string, SolveOptions][]) {
        if (jacobian === undefined && label.endsWith(', J')) continue;
        const opts: SolveOptions = { ...o, rtol: tol, atol: tol };
        const r = solve(opts);
        const ms = medianMs(() => void solve(opts), 5);
        const s = r.stats;
        rows.push([
          name,
          label,
          tol,
          s.naccepted,
          s.nfev,
          s.njev ?? '-',
          s.nlu ?? '-',
          s.nnewton ?? '-',
          error(r.y[r.y.length - 1]).toExponential(2),
          ms.toFixed(1),
        ]);
      }
    }
  }
  process.stdout.write('\nbdf work-precision (rtol = atol = tol; Robertson atol (1e-6, 1e-10, 1e-6)·tol)\n\n');
  printTable(['problem', 'method', 'tol', 'steps', 'nfev', 'njev', 'nlu', 'Newton it.', 'max error', 'ms / solve'], rows);
}

/**
 * BRUSS-2D (Hairer–Wanner §IV.10) with 'bdf' + GMRES + jvp at n = 20 000 and 32 768 over
 * [0, 11.5] (two pieces around the forcing's switch at 1.1): time, work, the per-step
 * linear-algebra cost, and the error against the same solver at rtol 1e-8 (weighted RMS
 * in units of tol, and the largest relative deviation).
 */
function bdfBrusselator(): void {
  const rows: (string | number)[][] = [];
  for (const N of [100, 128]) {
    const b = brusselator2d(N);
    const run = (tol: number) => {
      const t0 = performance.now();
      const r = integrateBrusselator(b, 11.5, (f, span, y) => {
        const s = solveIvp(f, span, y, { method: 'bdf', rtol: tol, atol: tol, jvp: b.jvp, tEval: [span[1]] });
        return { status: s.status, y: s.y, stats: { ...s.stats } };
      });
      return { ...r, seconds: (performance.now() - t0) / 1000 };
    };
    const ref = N === 100 ? run(1e-8) : undefined;
    for (const tol of [1e-4, 1e-6]) {
      const r = run(tol);
      const s = r.stats;
      let w = 0;
      let m = 0;
      if (ref !== undefined) {
        for (let i = 0; i < b.n; i++) {
          const d = Math.abs(r.y[i] - ref.y[i]);
          w += (d / (tol * (1 + Math.abs(ref.y[i])))) ** 2;
          m = Math.max(m, d / Math.max(1, Math.abs(ref.y[i])));
        }
      }
      rows.push([
        b.n,
        tol,
        r.status,
        r.seconds.toFixed(1),
        s.naccepted,
        s.nfev,
        s.nnewton,
        s.nlinear,
        s.njvp,
        (s.njvp / s.naccepted).toFixed(1),
        ref === undefined ? '-' : Math.sqrt(w / b.n).toFixed(2),
        ref === undefined ? '-' : (m / tol).toFixed(1),
      ]);
    }
  }
  process.stdout.write("\nBRUSS-2D, 'bdf' + GMRES + jvp, t in [0, 11.5] (reference: bdf at 1e-8)\n\n");
  printTable(
    ['n', 'tol', 'status', 's', 'steps', 'nfev', 'Newton', 'GMRES it.', 'jvp', 'jvp / step', 'WRMS err / tol', 'max rel / tol'],
    rows,
  );
}
