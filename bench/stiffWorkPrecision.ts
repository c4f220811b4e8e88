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
  const vdp: RhsFunction = (_t, y, d) => {
    d[0] = y[1];
    d[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / 1e-6;
  };
  const vdpJac: JacobianFunction = (_t, y, J) => {
    J[0] = 0;
    J[1] = 1;
    J[2] = (-2 * y[0] * y[1] - 1) / 1e-6;
    J[3] = (1 - y[0] * y[0]) / 1e-6;
  };
  const rob: RhsFunction = (_t, y, d) => {
    d[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    d[2] = 3e7 * y[1] * y[1];
    d[1] = -d[0] - d[2];
  };
  const robJac: JacobianFunction = (_t, y, J) => {
    J.set([-0.04, 1e4 * y[2], 1e4 * y[1], 0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1], 0, 6e7 * y[1], 0]);
  };
  const hires: RhsFunction = (_t, y, f) => {
    f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
    f[1] = 1.71 * y[0] - 8.75 * y[1];
    f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
    f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
    f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
    f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
    f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
    f[7] = -f[6];
  };
  const hiresJac: JacobianFunction = (_t, y, J) => {
    J.fill(0);
    const rows: [number, number, number][] = [
      [0, 0, -1.71],
      [0, 1, 0.43],
      [0, 2, 8.32],
      [1, 0, 1.71],
      [1, 1, -8.75],
      [2, 2, -10.03],
      [2, 3, 0.43],
      [2, 4, 0.035],
      [3, 1, 8.32],
      [3, 2, 1.71],
      [3, 3, -1.12],
      [4, 4, -1.745],
      [4, 5, 0.43],
      [4, 6, 0.43],
      [5, 3, 0.69],
      [5, 4, 1.71],
      [5, 5, -0.43 - 280 * y[7]],
      [5, 6, 0.69],
      [5, 7, -280 * y[5]],
      [6, 5, 280 * y[7]],
      [6, 6, -1.81],
      [6, 7, 280 * y[5]],
      [7, 5, -280 * y[7]],
      [7, 6, 1.81],
      [7, 7, -280 * y[5]],
    ];
    for (const [i, j, v] of rows) J[i * 8 + j] = v;
  };
  const flow = coupledFlow(
    sigma2.map((s, i) => ({ sigma2: s, rho: rho[i] })),
    'jepa',
    L,
  );
  const exact = sigma2.map((_, i) => exactU(T, i));
  // Published values: Test Set for IVP Solvers (our scipy fixture agrees to 1e-14).
  const vdpRef = [1.706167732170483, -0.8928097010247975];
  const robRef = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505];
  const hiresRef = [
    0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2, 0.2386356198831331e-2,
    0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
  ];
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
      f: rob,
      jac: robJac,
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
      tEnd: 321.8122,
      y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
      tols: [1e-4, 1e-6, 1e-8],
      atol: (tol) => tol,
      error: (y) => Math.max(...hiresRef.map((v, i) => Math.abs(y[i] - v))),
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
