/**
 * The work-precision table of the stiff methods (issue 11): Van der Pol (μ = 1000,
 * y(0) = (2, 0), t = 2), Robertson (to 1e11), HIRES (to 321.8122, Test Set) and the
 * 50-feature JEPA problem (packages/ode/test/fiftyFeatures.ts), each at several
 * tolerances, with the Jacobian given and by finite differences. Per run: f-evaluations
 * (finite-difference columns included), Jacobians, LU decompositions, linear solves
 * (where the method counts them), steps, the error against the reference and the
 * median time per solve. A stiff method adds its rows by adding entries to `RUNS`.
 */
import {
  coupledFlow,
  solveIvp,
  type JacobianFunction,
  type Method,
  type RhsFunction,
  type SolveResult,
} from '../packages/ode/dist/index.js';
import { EPS, exactU, L, rho, sigma2, T } from '../packages/ode/test/fiftyFeatures.js';
import { HIRES, hires, hiresJac } from '../packages/ode/test/solver/hires.js';
import { ref, robertson, robertsonJac, vdp, vdpJac } from '../packages/ode/test/solver/stiffProblems.js';
import { medianMs, printTable } from './timing.js';

/** One stiff method with or without the caller's Jacobian. */
interface StiffRun {
  readonly method: Method;
  readonly jacobian: boolean;
}

const RUNS: readonly StiffRun[] = [
  { method: 'rodas4', jacobian: false },
  { method: 'rodas4', jacobian: true },
  { method: 'radau5', jacobian: false },
  { method: 'radau5', jacobian: true },
];

interface Problem {
  readonly name: string;
  readonly f: RhsFunction;
  readonly jac: JacobianFunction;
  readonly tEnd: number;
  readonly y0: readonly number[];
  readonly tols: readonly number[];
  /** atol for rtol = tol. */
  readonly atol: (tol: number) => number | number[];
  /** Error of the final state against the reference, and what it measures. */
  readonly error: (y: Float64Array) => number;
  readonly errorKind: string;
  /** Solves timed per run (cheap runs more often, so the median sits after JIT warm-up). */
  readonly repeats: number;
}

/** Largest relative error of y against ref. */
const relative = (y: Float64Array, ref: readonly number[]): number => Math.max(...ref.map((v, i) => Math.abs(y[i] - v) / Math.abs(v)));

function problems(): Problem[] {
  const flow = coupledFlow(
    sigma2.map((s, i) => ({ sigma2: s, rho: rho[i] })),
    'jepa',
    L,
  );
  const exact = sigma2.map((_, i) => exactU(T, i));
  // Published values (Test Set for IVP Solvers; the committed scipy fixture agrees to 1e-14).
  const vdpRef = ref.vdp.published_t2;
  const robRef = ref.robertson.published_t1e11;
  return [
    {
      name: 'Van der Pol μ=1000, t=2',
      f: vdp,
      jac: vdpJac,
      tEnd: 2,
      y0: [2, 0],
      tols: [1e-4, 1e-6, 1e-8],
      atol: (tol) => tol,
      error: (y) => relative(y, vdpRef),
      errorKind: 'max rel.',
      repeats: 7,
    },
    {
      name: 'Robertson, t=1e11',
      f: robertson,
      jac: robertsonJac,
      tEnd: 1e11,
      y0: [1, 0, 0],
      tols: [1e-4, 1e-6, 1e-8],
      atol: (tol) => [1e-6 * tol, 1e-10 * tol, 1e-6 * tol],
      error: (y) => relative(y, robRef),
      errorKind: 'max rel.',
      repeats: 7,
    },
    {
      name: 'HIRES, t=321.8122',
      f: hires,
      jac: hiresJac,
      tEnd: HIRES.tEnd,
      y0: HIRES.y0,
      tols: [1e-4, 1e-6, 1e-8],
      atol: (tol) => tol,
      error: (y) => Math.max(...HIRES.published.map((v, i) => Math.abs(y[i] - v))),
      errorKind: 'max abs.',
      repeats: 11,
    },
    {
      name: `50 features, T=${T.toPrecision(4)}`,
      f: flow.rhs,
      jac: flow.jacobian,
      tEnd: T,
      y0: Array.from(flow.initial(EPS)),
      tols: [1e-6, 1e-8],
      atol: (tol) => tol,
      error: (y) => Math.max(...exact.map((v, i) => Math.abs(y[i] - v))),
      errorKind: 'max abs.',
      repeats: 5,
    },
  ];
}

/** Prints the work-precision table of every entry of `RUNS` on every problem. */
export function stiffWorkPrecision(): void {
  const rows: (string | number)[][] = [];
  for (const p of problems()) {
    for (const tol of p.tols) {
      for (const { method, jacobian } of RUNS) {
        const run = (): SolveResult =>
          solveIvp(p.f, [0, p.tEnd], p.y0, { method, rtol: tol, atol: p.atol(tol), jacobian: jacobian ? p.jac : undefined });
        const r = run();
        const ms = medianMs(() => {
          run();
        }, p.repeats);
        const s = r.stats;
        rows.push([
          p.name,
          method,
          jacobian ? 'given' : 'FD',
          tol,
          r.status === 'success' ? s.naccepted : r.status,
          s.nfev,
          s.njev ?? '-',
          s.nlu ?? '-',
          s.nsol ?? '-',
          `${p.errorKind} ${p.error(r.y[r.y.length - 1]).toExponential(2)}`,
          ms.toFixed(2),
        ]);
      }
    }
  }
  process.stdout.write('\nWork-precision of the stiff methods (nfev includes the finite-difference columns; rtol = tol)\n\n');
  printTable(['problem', 'method', 'J', 'rtol', 'steps', 'nfev', 'njev', 'nlu', 'nsol', 'error', 'ms/solve'], rows);
}
