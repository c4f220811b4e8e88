/**
 * Benchmark of the general ODE solver: our DOPRI5 and DOP853 (and our 'odex'
 * adapter) against the npm package `odex` called directly (the baseline), in one
 * process, on the Arenstorf orbit and on a scalar problem with a long plateau and
 * a sharp transition (the JEPA per-layer flow of docs/math.md §2, L = 4, ε = 1e-3).
 *
 * For each method and tolerance it prints f-evaluations, the error against the
 * exact answer, and the median wall time; then, for every baseline run, the
 * fastest run of each of our methods with equal or smaller error, and the ratio
 * of times (ours / odex; < 1 means ours is faster).
 */
import { createRequire } from 'node:module';
import { solveIvp } from '../packages/ode/dist/index.js';
import type { Method, RhsFunction } from '../packages/ode/dist/index.js';
import type { BenchSuite } from './suites.js';
import { printTable } from './timing.js';
import { ARENSTORF, arenstorf, PLATEAU, plateau, plateauTime } from '../packages/ode/test/solver/problems.js';

// The baseline package is a dependency of @jepa-dynamics/ode, resolved from there.
const odexPackage = createRequire(new URL('../packages/ode/package.json', import.meta.url))('odex') as typeof import('odex');

interface Problem {
  name: string;
  n: number;
  f: RhsFunction;
  /** The same right-hand side in the baseline's calling convention (returns a new array). */
  fArray: (t: number, y: number[]) => number[];
  t0: number;
  t1: number;
  y0: number[];
  /** Error of a computed end state against the exact one. */
  error: (yEnd: ArrayLike<number>) => number;
}

// The baseline's calling convention (a new array per call), written out rather than
// wrapped around the shared `arenstorf` so that the baseline pays no conversion.
const MU = ARENSTORF.mu;
const arenstorfArray = (_t: number, y: number[]): number[] => {
  const mup = 1 - MU;
  const r1 = (y[0] + MU) ** 2 + y[1] ** 2;
  const r2 = (y[0] - mup) ** 2 + y[1] ** 2;
  const d1 = r1 * Math.sqrt(r1);
  const d2 = r2 * Math.sqrt(r2);
  return [
    y[2],
    y[3],
    y[0] + 2 * y[3] - (mup * (y[0] + MU)) / d1 - (MU * (y[0] - mup)) / d2,
    y[1] - 2 * y[2] - (mup * y[1]) / d1 - (MU * y[1]) / d2,
  ];
};
const AREN_Y0 = ARENSTORF.y0;
const AREN_T = ARENSTORF.T;

// Plateau problem du/dt = u^{2L}(1 − u), L = 4, u0 = ε^{1/L} (problems.ts); exact t(u) from the
// partial fractions of docs/math.md §3 (test/support/oracles), so u(t(u*)) = u* exactly.
const U0 = PLATEAU.epsilon ** (1 / PLATEAU.L);
const U_END = 0.99;
const PLATEAU_T = plateauTime(U_END);

const problems: Problem[] = [
  {
    name: 'Arenstorf orbit, one period (error: ‖y(T) − y0‖∞)',
    n: 4,
    f: arenstorf,
    fArray: arenstorfArray,
    t0: 0,
    t1: AREN_T,
    y0: AREN_Y0,
    error: (y) => Math.max(...AREN_Y0.map((v, i) => Math.abs(y[i] - v))),
  },
  {
    name: `plateau u' = u^8(1 − u), u0 = 1e-3^(1/4), to t(${U_END}) = ${PLATEAU_T.toFixed(3)} (error: |u(T) − ${U_END}|)`,
    n: 1,
    f: plateau,
    fArray: (_t, y) => {
      const u = y[0];
      return [u ** 8 * (1 - u)];
    },
    t0: 0,
    t1: PLATEAU_T,
    y0: [U0],
    error: (y) => Math.abs(y[0] - U_END),
  },
];

interface Run {
  method: string;
  tol: number;
  nfev: number;
  error: number;
  ms: number;
}

function runOurs(p: Problem, method: Method, tol: number): Run {
  const once = (): { nfev: number; yEnd: Float64Array } => {
    const r = solveIvp(p.f, [p.t0, p.t1], p.y0, { method, rtol: tol, atol: tol, maxSteps: 1_000_000 });
    if (r.status !== 'success') throw new Error(`bench: ${method} failed on ${p.name}: ${r.message}`);
    return { nfev: r.stats.nfev, yEnd: r.y[r.y.length - 1] };
  };
  const { nfev, yEnd } = once();
  return { method: method === 'odex' ? 'odex via solveIvp' : method, tol, nfev, error: p.error(yEnd), ms: timePerRunMs(() => void once()) };
}

function runBaselineOnce(p: Problem, tol: number): { nfev: number; yEnd: number[] } {
  const s = new odexPackage.Solver(p.n);
  s.relativeTolerance = tol;
  s.absoluteTolerance = tol;
  s.maxSteps = 1_000_000;
  let nfev = 0;
  const res = s.solve(
    (t, y) => {
      nfev++;
      return p.fArray(t, y);
    },
    p.t0,
    p.y0,
    p.t1,
  );
  if (res.outcome !== 0) throw new Error(`bench: odex failed on ${p.name} (outcome ${res.outcome})`);
  return { nfev, yEnd: res.y };
}

function runBaseline(p: Problem, tol: number): Run {
  const once = (): { nfev: number; yEnd: number[] } => runBaselineOnce(p, tol);
  const { nfev, yEnd } = once();
  return { method: 'odex (package, baseline)', tol, nfev, error: p.error(yEnd), ms: timePerRunMs(() => void once()) };
}

/**
 * Time per run in milliseconds: runs are batched so that one batch lasts at
 * least ~20 ms (sub-millisecond runs are otherwise dominated by timer noise), and
 * the fastest of 9 batches is reported: the work is deterministic, so other
 * processes on a shared machine can only add time, and the minimum is the least
 * disturbed estimate (the median still carries their load).
 */
function timePerRunMs(fn: () => void): number {
  let reps = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const elapsed = performance.now() - start;
    if (elapsed >= 20) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let b = 0; b < 9; b++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    times.push((performance.now() - start) / reps);
  }
  return Math.min(...times);
}

/** Tolerances of the baseline runs. */
const BASE_TOLS = [1e-4, 1e-6, 1e-8, 1e-10, 1e-12];
/** Tolerances of our runs: every decade, so a run of comparable error exists for each baseline run. */
const OUR_TOLS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13];
const fmt = (x: number): string => x.toExponential(2);

export const solverSuite: BenchSuite = {
  name: 'solver',
  description: 'solveIvp (dopri5, dop853) against the npm package odex, same process, rtol = atol',
  run: () => {
    for (const p of problems) {
      process.stdout.write(`\n### ${p.name}\n\n`);
      // Warm-up: let the JIT compile every code path before anything is timed.
      for (const tol of BASE_TOLS) runBaselineOnce(p, tol);
      for (const tol of OUR_TOLS) {
        for (const m of ['dopri5', 'dop853'] as const)
          solveIvp(p.f, [p.t0, p.t1], p.y0, { method: m, rtol: tol, atol: tol, maxSteps: 1_000_000 });
      }
      const runs: Run[] = [];
      for (const tol of BASE_TOLS) {
        runs.push(runBaseline(p, tol));
        runs.push(runOurs(p, 'odex', tol));
      }
      for (const tol of OUR_TOLS) {
        for (const m of ['dopri5', 'dop853'] as const) runs.push(runOurs(p, m, tol));
      }
      printTable(
        ['method', 'tol', 'f-evals', 'error', 'time (ms)'],
        runs.map((r) => [r.method, fmt(r.tol), r.nfev, fmt(r.error), r.ms.toFixed(3)]),
      );
      process.stdout.write('\nAt equal or better error than each baseline run: fastest run of ours, time ratio ours/odex.\n\n');
      const rows: (string | number)[][] = [];
      for (const base of runs.filter((r) => r.method.startsWith('odex (package'))) {
        for (const m of ['dopri5', 'dop853']) {
          const ok = runs.filter((r) => r.method === m && r.error <= base.error);
          if (ok.length === 0) {
            rows.push([fmt(base.tol), fmt(base.error), base.ms.toFixed(3), m, '(none as accurate)', '', '']);
            continue;
          }
          const best = ok.reduce((a, b) => (b.ms < a.ms ? b : a));
          rows.push([
            fmt(base.tol),
            fmt(base.error),
            base.ms.toFixed(3),
            m,
            fmt(best.tol),
            fmt(best.error),
            best.ms.toFixed(3),
            (best.ms / base.ms).toFixed(2),
          ]);
        }
      }
      printTable(
        ['odex tol', 'odex error', 'odex ms', 'ours', 'our tol', 'our error', 'our ms', 'ratio'],
        rows.map((r) => (r.length === 8 ? r : [...r, ''])),
      );
    }
  },
};
