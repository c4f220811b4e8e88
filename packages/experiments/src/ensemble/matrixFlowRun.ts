/**
 * The run kind `matrix-flow`: the full matrix gradient flow of the network from an
 * aligned, rotated or random initialisation (docs/math.md §1).
 *
 * @module
 */
import {
  INITIALIZATION_KINDS,
  IntegrationError,
  InvalidArgumentError,
  OBJECTIVES,
  singularValueDecomposition,
  type InitializationKind,
  type Objective,
} from '@jepa-dynamics/core';
import { matrixFlow, solveIvp, solverMethods, type Matrix, type Method } from '@jepa-dynamics/ode';
import { initialNetwork, type Initialization } from '@jepa-dynamics/sim';
import { matrixRows } from '../arrange/matrixRows.js';
import { FEATURE_SETTING_RULES, featureColumns, runFeatures, type FeatureSettings } from './featureSettings.js';
import { jsonNumber, jsonNumbers } from './jsonNumber.js';
import type { Cell, RunKindDefinition } from './runKind.js';
import { arrayRule, choiceRule, integerRule, positiveRule, finiteNumbers } from './settingRule.js';

/**
 * Largest width d of a matrix-flow run (its state has (L + 1)d² entries; with a method other
 * than `'bdf'` the solver's Jacobian is dense, (L + 1)²d⁴ numbers).
 *
 * @example
 * ```ts
 * MAX_MATRIX_FLOW_WIDTH; // => 64
 * ```
 */
export const MAX_MATRIX_FLOW_WIDTH = 64;

/** Settings of a `matrix-flow` run. */
export interface MatrixFlowRunSettings extends FeatureSettings {
  objective: Objective;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** Full `Σxx` (d×d rows, symmetric positive definite) instead of the features' `diag(σ²)`. */
  sigmaXX?: readonly (readonly number[])[];
  /** Full `Σyx` (d×d rows) instead of the features' `diag(λ)`. */
  sigmaYX?: readonly (readonly number[])[];
  /** Initialisation scale ε > 0. */
  epsilon: number;
  /** Default `'aligned'`. */
  init?: InitializationKind;
  /** Seed of a rotated or random init, 0 … 2³² − 1; default 0. */
  seed?: number;
  /** End time T > 0 (gradient-flow time). */
  tEnd: number;
  /** Output times from 0 to T, evenly spaced; default 11. */
  points?: number;
  /**
   * Integrator; default `'bdf'`, with matrix-free GMRES on the flow's exact Jacobian-vector
   * product and its block preconditioner (`matrixFlow(…).stiffOptions()`, as `solve --matrix`);
   * any other method of `solveIvp` (e.g. `'rodas4'`) gets a dense finite-difference Jacobian.
   */
  method?: Method;
  /** Relative tolerance; default 1e-8. */
  rtol?: number;
  /** Absolute tolerance; default 1e-14. */
  atol?: number;
  /** Directions u_k (each d numbers) along which to read W̄: the result's `amplitude[k][r] = ‖W̄(t_r) u_k‖`. */
  directions?: readonly (readonly number[])[];
}

/** Result of a `matrix-flow` run. */
export interface MatrixFlowRunResult {
  /** Output times. */
  t: (number | null)[];
  /** `singularValues[k]`: the singular values of `W̄ = W_L ⋯ W_1` at `t[k]`, descending. */
  singularValues: (number | null)[][];
  /** `diagonal[k][i] = W̄_ii` at `t[k]` (the per-feature strengths when the covariances and the init are diagonal). */
  diagonal: (number | null)[][];
  /** With `directions`: `amplitude[j][k] = ‖W̄(t[k]) u_j‖` (e.g. a mode's amplitude along its dual direction). */
  amplitude?: (number | null)[][];
}

function covariances(where: string, s: MatrixFlowRunSettings): { sigmaXX: Matrix; sigmaYX: Matrix } {
  if ((s.sigmaXX === undefined) !== (s.sigmaYX === undefined)) {
    throw new InvalidArgumentError(
      where,
      s.sigmaXX === undefined ? 'settings.sigmaXX' : 'settings.sigmaYX',
      'must be given together with the other covariance',
      null,
    );
  }
  if (s.sigmaXX !== undefined && s.sigmaYX !== undefined) {
    if (s.features !== undefined || s.lambda !== undefined || s.rho !== undefined || s.sigma2 !== undefined) {
      throw new InvalidArgumentError(where, 'settings.sigmaXX', 'replaces the features: give one or the other', 'both');
    }
    return { sigmaXX: s.sigmaXX, sigmaYX: s.sigmaYX };
  }
  const features = runFeatures(where, s);
  const diagonal = (value: (i: number) => number): number[][] => features.map((_, i) => features.map((__, j) => (i === j ? value(i) : 0)));
  return { sigmaXX: diagonal((i) => features[i].sigma2), sigmaYX: diagonal((i) => features[i].lambda) };
}

/** The `matrix-flow` run kind (`RUN_KIND_DEFINITIONS['matrix-flow']`). */
export const matrixFlowRun: RunKindDefinition<MatrixFlowRunSettings, MatrixFlowRunResult> = {
  command: 'matrix-flow',
  description:
    'the full matrix gradient flow of V, W_1 … W_L (matrixFlow of @jepa-dynamics/ode; docs/math.md §1), singular values of W̄ over time',
  resultColumns: ['sigmaEnd'],
  settings: {
    objective: choiceRule('jepa or mae', OBJECTIVES, true),
    depth: integerRule('encoder depth L, integer ≥ 1', 1, undefined, true),
    ...FEATURE_SETTING_RULES,
    sigmaXX: arrayRule(`full Σxx as rows (instead of features), d ≤ ${MAX_MATRIX_FLOW_WIDTH}`, finiteNumbers, MAX_MATRIX_FLOW_WIDTH),
    sigmaYX: arrayRule('full Σyx as rows (with sigmaXX)', finiteNumbers, MAX_MATRIX_FLOW_WIDTH),
    epsilon: positiveRule('initialisation scale ε > 0', true),
    init: choiceRule('aligned (default), rotated or random', INITIALIZATION_KINDS),
    seed: integerRule('seed of a rotated or random init, integer 0 … 4294967295 (default 0)', 0, 4294967295),
    tEnd: positiveRule('end time T > 0 (gradient-flow time)', true),
    points: integerRule('output times from 0 to T, integer from 2 to 10000 (default 11)', 2, 10_000),
    method: choiceRule(
      'integrator (default bdf with GMRES on the exact JVP and the flow’s preconditioner)',
      solverMethods().map((m) => m.name),
    ),
    rtol: positiveRule('relative tolerance (default 1e-8)'),
    atol: positiveRule('absolute tolerance (default 1e-14)'),
    directions: arrayRule(
      'directions u_j (d numbers each) to read ‖W̄u_j‖ along',
      finiteNumbers,
      MAX_MATRIX_FLOW_WIDTH * MAX_MATRIX_FLOW_WIDTH,
    ),
  },
  checkTogether(where, s) {
    const c = covariances(where, s);
    if (c.sigmaXX.length > MAX_MATRIX_FLOW_WIDTH) {
      throw new InvalidArgumentError(
        where,
        'settings.features',
        `must hold at most ${MAX_MATRIX_FLOW_WIDTH} features (the width d)`,
        c.sigmaXX.length,
      );
    }
    s.directions?.forEach((u, j) => {
      if (u.length !== c.sigmaXX.length)
        throw new InvalidArgumentError(where, `settings.directions[${j}]`, `must hold d = ${c.sigmaXX.length} numbers`, u.length);
    });
    try {
      matrixFlow({ objective: s.objective, depth: s.depth, ...c }); // shapes, finiteness, Σxx symmetric positive definite
    } catch (error) {
      if (error instanceof InvalidArgumentError)
        throw new InvalidArgumentError(where, `settings.${error.argument}`, error.rule, error.value);
      throw error;
    }
  },
  execute(s) {
    const where = 'matrix-flow run';
    const c = covariances(where, s);
    const d = c.sigmaXX.length;
    const L = s.depth;
    const flow = matrixFlow({ objective: s.objective, depth: L, ...c });
    const kind = s.init ?? 'aligned';
    const init: Initialization = kind === 'aligned' ? { kind, epsilon: s.epsilon } : { kind, epsilon: s.epsilon, seed: s.seed ?? 0 };
    const { network } = initialNetwork(init, d, L, s.objective);
    const y0 = flow.pack({ V: matrixRows(network.predictor, d), W: network.layers.map((w) => matrixRows(w, d)) });
    const points = s.points ?? 11;
    const tEval = Array.from({ length: points }, (_, k) => (k === points - 1 ? s.tEnd : (s.tEnd * k) / (points - 1)));
    const method = s.method ?? 'bdf';
    const solver = method === 'bdf' ? flow.stiffOptions() : { method };
    const r = solveIvp(flow.rhs, [0, s.tEnd], y0, { ...solver, rtol: s.rtol ?? 1e-8, atol: s.atol ?? 1e-14, tEval });
    if (r.status !== 'success') {
      const reached = r.t.length > 0 ? r.t[r.t.length - 1] : 0;
      throw new IntegrationError(
        `matrix-flow run: the integration ended with status '${r.status}' at t = ${reached} (${r.message})`,
        r.status,
        reached,
      );
    }
    const singularValues: (number | null)[][] = [];
    const diagonal: (number | null)[][] = [];
    const amplitude: (number | null)[][] = (s.directions ?? []).map(() => []);
    for (const y of r.y) {
      const wbar = flow.encoder(y);
      const product = Float64Array.from(wbar.flat());
      singularValues.push(jsonNumbers(singularValueDecomposition(product, d).values));
      diagonal.push(Array.from({ length: d }, (_, i) => jsonNumber(product[i * d + i])));
      s.directions?.forEach((u, j) =>
        amplitude[j].push(jsonNumber(Math.hypot(...wbar.map((row) => row.reduce((sum, x, i) => sum + x * u[i], 0))))),
      );
    }
    return { t: jsonNumbers(r.t), singularValues, diagonal, ...(s.directions === undefined ? {} : { amplitude }) };
  },
  columns(_s, r) {
    const cells: Record<string, Cell> = {};
    const last = r.singularValues.at(-1) ?? [];
    featureColumns('sigmaEnd', last.length).forEach((c, i) => (cells[c] = last[i]));
    return cells;
  },
};
