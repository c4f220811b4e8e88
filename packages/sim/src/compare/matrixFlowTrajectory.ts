/**
 * The full matrix gradient flow from an aligned, rotated or random initialisation, integrated
 * by `'bdf'` with matrix-free GMRES, read out as the singular values of `W̄` over time and the
 * critical time of each mode (docs/math.md §1). The mathematics behind `solve --matrix`.
 *
 * @module
 */
import {
  IntegrationError,
  InvalidArgumentError,
  singularValueDecomposition,
  validateChoice,
  validateInteger,
  validatePositive,
  INITIALIZATION_KINDS,
  type InitializationKind,
  type Objective,
} from '@jepa-dynamics/core';
import { matrixFlow, solveIvp, type EventFunction, type Matrix, type SolveStats } from '@jepa-dynamics/ode';
import { initialNetwork, type Initialization } from '../model/initialNetwork.js';

/** Input of {@link matrixFlowTrajectory}. */
export interface MatrixFlowTrajectoryInput {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** `Σxx`, d×d symmetric positive definite (rows). */
  sigmaXX: Matrix;
  /** `Σyx`, d×d (rows). */
  sigmaYX: Matrix;
  /** Initialisation scale ε > 0 (`W̄(0) = ε I` for the aligned init). */
  epsilon: number;
  /** `'aligned'` (default), `'rotated'` or `'random'` (sim's {@link initialNetwork}). */
  init?: InitializationKind;
  /** Seed of a rotated or random init, integer 0 … 2³² − 1; default 0. */
  seed?: number;
  /** End time T > 0, gradient-flow time. */
  tEnd: number;
  /** Output times, evenly spaced from 0 to T, integer ≥ 2; default 101. */
  points?: number;
  /** Relative tolerance of `'bdf'`; default 1e-8 (absolute tolerance rtol·ε·1e-6). */
  rtol?: number;
}

/** Result of {@link matrixFlowTrajectory}. */
export interface MatrixFlowTrajectory {
  /** Width d. */
  d: number;
  /** Output times. */
  t: number[];
  /** `singularValues[k]`: the singular values of `W̄ = W_L ⋯ W_1` at `t[k]`, descending. */
  singularValues: number[][];
  /** `diagonal[k][i] = W̄_ii` at `t[k]` when both covariances are diagonal (the per-feature strengths), else null. */
  diagonal: number[][] | null;
  /**
   * The time mode j (the j-th largest singular value) first reaches half of its value at T,
   * by linear interpolation between output times (resolution: the output grid); null when it never does.
   */
  modeCriticalTimes: (number | null)[];
  /**
   * Aligned init with diagonal covariances only: the time each `W̄_ii` crosses half its fixed point
   * `½w̄∞` (JEPA w̄∞ = ρ^L, MAE ρ^{L/(L+1)}, ρ = Σyx_ii/Σxx_ii), located by the solver's events to
   * its tolerance; null for a feature that does not cross before T (or whose ρ ≤ 0). Else null.
   */
  featureCriticalTimes: (number | null)[] | null;
  /** The solver's work counts. */
  stats: SolveStats;
}

/**
 * Integrates the full matrix flow of {@link matrixFlow} with `'bdf'` + GMRES on its exact
 * Jacobian-vector product and block preconditioner (no n×n matrix, n = (L + 1)d²).
 *
 * Cost: about 3L d³ multiply-adds per right-hand side and 6L d³ per Jacobian-vector
 * product; one singular value decomposition (O(d³)) per output time. Memory O(L d² · 20)
 * doubles for the solver's history and Krylov vectors.
 *
 * @param input - objective, depth, covariances, init, horizon and tolerance.
 * @returns the singular values (and diagonal) of W̄ over time, with the critical times.
 * @throws `InvalidArgumentError` on invalid settings or covariances (shapes, finite
 *   entries, Σxx symmetric positive definite).
 * @throws `IntegrationError` when the integration fails (status and time reached).
 * @example
 * ```ts
 * const r = matrixFlowTrajectory({ objective: 'jepa', depth: 1, sigmaXX: [[1]], sigmaYX: [[1]], epsilon: 0.25, tEnd: 20, points: 2 });
 * r.featureCriticalTimes?.[0]?.toFixed(4); // => '3.0986'   (2 + ln 3, the closed form of criticalTime)
 * ```
 */
export function matrixFlowTrajectory(input: MatrixFlowTrajectoryInput): MatrixFlowTrajectory {
  const where = 'matrixFlowTrajectory';
  const flow = matrixFlow({ objective: input.objective, depth: input.depth, sigmaXX: input.sigmaXX, sigmaYX: input.sigmaYX });
  const d = flow.d;
  const L = flow.depth;
  const epsilon = validatePositive(where, 'epsilon', input.epsilon);
  const tEnd = validatePositive(where, 'tEnd', input.tEnd);
  const kind = validateChoice(where, 'init', input.init ?? 'aligned', INITIALIZATION_KINDS);
  const seed = validateInteger(where, 'seed', input.seed ?? 0, 0, 4294967295);
  const points = validateInteger(where, 'points', input.points ?? 101, 2, 10_000_000);
  const rtol = validatePositive(where, 'rtol', input.rtol ?? 1e-8);
  if (rtol >= 1) throw new InvalidArgumentError(where, 'rtol', 'must be below 1', rtol);

  const init: Initialization = kind === 'aligned' ? { kind, epsilon } : { kind, epsilon, seed };
  const { network } = initialNetwork(init, d, L, input.objective);
  const rows = (m: Float64Array): number[][] => Array.from({ length: d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));
  const y0 = flow.pack({ V: rows(network.predictor), W: network.layers.map(rows) });

  const diagonalCovariances = isDiagonal(input.sigmaXX) && isDiagonal(input.sigmaYX);
  const dd = d * d;
  // aligned init on diagonal covariances: the state stays diagonal (off-diagonal rates vanish
  // exactly), so W̄_ii is the product of the layers' diagonal entries and each crossing is an event
  const aligned = kind === 'aligned' && diagonalCovariances;
  const wInf = Array.from({ length: d }, (_, i) => {
    const rho = input.sigmaYX[i][i] / input.sigmaXX[i][i];
    return rho > 0 ? (input.objective === 'jepa' ? rho ** L : rho ** (L / (L + 1))) : Number.NaN;
  });
  const events: EventFunction[] = aligned
    ? wInf.map((w, i) => ({
        g: (_t: number, y: Float64Array): number => {
          if (!(w > 0)) return -1; // no fixed point above 0: never crosses
          let p = 1;
          for (let a = 1; a <= L; a++) p *= y[a * dd + i * d + i];
          return p - 0.5 * w;
        },
        direction: 1 as const,
      }))
    : [];

  const tEval = Array.from({ length: points }, (_, k) => (k === points - 1 ? tEnd : (tEnd * k) / (points - 1)));
  const r = solveIvp(flow.rhs, [0, tEnd], y0, { ...flow.stiffOptions(), rtol, atol: rtol * epsilon * 1e-6, tEval, events });
  if (r.status !== 'success') {
    const reached = r.t.length > 0 ? r.t[r.t.length - 1] : 0;
    throw new IntegrationError(
      `${where}: the integration ended with status '${r.status}' at t = ${reached} (${r.message})`,
      r.status,
      reached,
    );
  }
  const singularValues: number[][] = [];
  const diagonal: number[][] = [];
  for (const y of r.y) {
    const product = Float64Array.from(flow.encoder(y).flat());
    singularValues.push(Array.from(singularValueDecomposition(product, d).values));
    diagonal.push(Array.from({ length: d }, (_, i) => product[i * d + i]));
  }
  const t = Array.from(r.t);
  const modeCriticalTimes = Array.from({ length: d }, (_, j) => halfCrossing(t, singularValues, j));
  let featureCriticalTimes: (number | null)[] | null = null;
  if (aligned) {
    featureCriticalTimes = new Array<number | null>(d).fill(null);
    for (const e of r.events) if (featureCriticalTimes[e.index] === null) featureCriticalTimes[e.index] = e.t;
  }
  return {
    d,
    t,
    singularValues,
    diagonal: diagonalCovariances ? diagonal : null,
    modeCriticalTimes,
    featureCriticalTimes,
    stats: r.stats,
  };
}

/** First time series[·][j] reaches half its last value, linearly interpolated; null if never (or the last value is not positive). */
function halfCrossing(t: number[], series: number[][], j: number): number | null {
  const target = 0.5 * series[series.length - 1][j];
  if (!(target > 0)) return null;
  for (let k = 1; k < t.length; k++) {
    const a = series[k - 1][j],
      b = series[k][j];
    if (a < target && b >= target) return t[k - 1] + ((target - a) / (b - a)) * (t[k] - t[k - 1]);
    if (k === 1 && a >= target) return t[0];
  }
  return null;
}

function isDiagonal(m: Matrix): boolean {
  return m.every((row, i) => row.every((x, j) => i === j || x === 0));
}
