/**
 * Many features' balanced per-layer flows integrated as ONE system (what a
 * researcher does when the features share a network: one clock, one step-size
 * sequence). Fast features settle long before slow ones move, so the system is
 * stiff; it comes with its exact (diagonal) Jacobian for the stiff method `rodas4`.
 *
 * @module
 */

import {
  IntegrationError,
  InvalidArgumentError,
  validateDepth,
  validateNonNegative,
  validateEpsilon,
  validateObjective,
  validatePositive,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { solveIvp } from '../solver/solveIvp.js';
import type { JacobianFunction, MethodChoice, RhsFunction, SolveStats } from '../solver/types.js';
import { perLayerRate } from './perLayerFlow.js';
import { resolveFeature } from './resolveFeature.js';
import type { FeatureInput } from './types.js';
import { flowSettings } from './flowSettings.js';

/** The coupled system of {@link coupledFlow}. */
export interface CoupledFlow {
  /** Number of features = length of the state `[u_1, …, u_n]`. */
  readonly dimension: number;
  /** `du_i/dt` = the per-layer rate of feature i (docs/math.md §2), allocation-free. */
  readonly rhs: RhsFunction;
  /** The exact Jacobian: diagonal, `∂(du_i/dt)/∂u_i` (pass as `solveIvp`'s `jacobian`). */
  readonly jacobian: JacobianFunction;
  /** Its sparsity pattern, `[[0], [1], …]` (pass as `solveIvp`'s `jacobianSparsity` for one-evaluation finite differences). */
  readonly sparsity: readonly (readonly number[])[];
  /** The balanced start `u_i(0) = ε^{1/L}` (`w̄_i(0) = ε`). @throws {@link InvalidArgumentError} for ε ≤ 0. */
  initial(epsilon: number): Float64Array;
}

/**
 * Builds the coupled per-layer system `u_i' = σ²_i u_i^{2L}(ρ_i − u_i)` (JEPA) or
 * `u_i' = σ²_i u_i^L(ρ_i − u_i^{L+1})` (MAE), i = 1…n, docs/math.md §2, with its Jacobian
 * `diag(σ²(2L u^{2L−1}(ρ − u) − u^{2L}))` (JEPA) or `diag(σ²(L u^{L−1}(ρ − u^{L+1}) − (L+1) u^{2L}))` (MAE).
 * Mathematically the features are independent; only the numerics couple them.
 *
 * @param features - features, each any two of σ², λ, ρ.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L (integer ≥ 1).
 * @param timeUnit - `'gradient-flow'` (default) or `'paper'` (rates divided by L).
 * @returns the system.
 * @throws {@link InvalidArgumentError} for an empty feature list or invalid feature, objective, depth or time unit.
 * @example
 * ```ts
 * const c = coupledFlow([{ sigma2: 1, rho: 0.5 }, { sigma2: 2, rho: 0.5 }], 'jepa', 1);
 * const d = new Float64Array(2);
 * c.rhs(0, Float64Array.of(0.25, 0.25), d);
 * Array.from(d); // => [0.015625, 0.03125]   (σ² u² (ρ − u) with u = ¼)
 * ```
 */
export function coupledFlow(
  features: readonly FeatureInput[],
  objective: Objective,
  depth: number,
  timeUnit: TimeUnit = 'gradient-flow',
): CoupledFlow {
  const where = 'coupledFlow';
  if (!Array.isArray(features) || features.length === 0) {
    throw new InvalidArgumentError(where, 'features', 'must be a non-empty array of features', features);
  }
  const resolved = features.map((f, i) => resolveFeature(f, `${where}: features[${i}]`));
  const { objective: obj, depth: L, rateScale: scale } = flowSettings(where, objective, depth, timeUnit);
  const n = resolved.length;
  const sigma2 = Float64Array.from(resolved, (f) => f.sigma2);
  const rho = Float64Array.from(resolved, (f) => f.rho);
  const rhs: RhsFunction = (_t, y, dydt) => {
    for (let i = 0; i < n; i++) dydt[i] = scale * perLayerRate(obj, sigma2[i], rho[i], L, y[i]);
  };
  const jacobian: JacobianFunction = (_t, y, jac) => {
    jac.fill(0);
    for (let i = 0; i < n; i++) {
      const u = y[i];
      let dfdu: number;
      switch (obj) {
        case 'jepa': {
          const u2Lm1 = Math.pow(u, 2 * L - 1);
          dfdu = sigma2[i] * (2 * L * u2Lm1 * (rho[i] - u) - u2Lm1 * u);
          break;
        }
        case 'mae': {
          const uLm1 = Math.pow(u, L - 1);
          const uL = uLm1 * u;
          dfdu = sigma2[i] * (L * uLm1 * (rho[i] - uL * u) - (L + 1) * uL * uL);
          break;
        }
        default: {
          const never: never = obj;
          return never;
        }
      }
      jac[i * n + i] = scale * dfdu;
    }
  };
  const initial = (epsilon: number): Float64Array =>
    new Float64Array(n).fill(Math.pow(validateEpsilon('coupledFlow.initial', epsilon), 1 / L));
  const sparsity = Array.from({ length: n }, (_, i) => [i]);
  return { dimension: n, rhs, jacobian, sparsity, initial };
}

/** Options of {@link coupledTrajectories}. */
export interface CoupledTrajectoryOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L (integer ≥ 1). */
  depth: number;
  /** Initialization scale ε > 0 (`w̄_i(0) = ε`). */
  epsilon: number;
  /** Output times, strictly increasing, ≥ 0 (in `timeUnit`). Give this or `tEnd`. */
  times?: ArrayLike<number>;
  /** End time (> 0): `points` equally spaced output times from 0. */
  tEnd?: number;
  /** Number of output times with `tEnd` (integer ≥ 2); default 101. */
  points?: number;
  /** `'gradient-flow'` (default) or `'paper'`. */
  timeUnit?: TimeUnit;
  /** Integrator, or `'auto'` (`solveIvp`'s); default `'rodas4'` (the system is stiff). */
  method?: MethodChoice;
  /** Relative tolerance; default 1e-8. */
  rtol?: number;
  /** Absolute tolerance on every u_i; default `1e-3 · rtol · ε^{1/L}` (effectively relative control). */
  atol?: number;
  /**
   * `'analytic'` (default): the exact diagonal Jacobian; `'finite-difference'`: forward
   * differences using the diagonal sparsity (one f-evaluation per Jacobian);
   * `'dense-finite-difference'`: n f-evaluations per Jacobian (ignores the structure).
   */
  jacobian?: 'analytic' | 'finite-difference' | 'dense-finite-difference';
  /** Step limit; default 1,000,000. */
  maxSteps?: number;
}

/**
 * Integrates all features as one system ({@link coupledFlow}) and returns `w̄_i(t) = u_i(t)^L`
 * on a time grid, with the solver's work counters.
 *
 * @param features - features, each any two of σ², λ, ρ.
 * @param options - see {@link CoupledTrajectoryOptions}.
 * @returns `{ t, wbar, stats }` with `wbar[i][k] = w̄_i(t[k])`.
 * @throws {@link InvalidArgumentError} for invalid input; {@link IntegrationError} (with the
 *   time reached) when the integration fails, e.g. status `'stiff'` from an explicit method.
 * @example
 * ```ts
 * const r = coupledTrajectories([{ sigma2: 1, rho: 0.5 }, { sigma2: 100, rho: 0.5 }], { objective: 'jepa', depth: 1, epsilon: 0.1, tEnd: 10, points: 2 });
 * r.wbar[1][1] > 0.49; // => true   (the fast feature has settled at ρ^L = 0.5)
 * ```
 */
export function coupledTrajectories(
  features: readonly FeatureInput[],
  options: CoupledTrajectoryOptions,
): { t: Float64Array; wbar: Float64Array[]; stats: SolveStats } {
  const where = 'coupledTrajectories';
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const depth = validateDepth(where, options.depth);
  const epsilon = validateEpsilon(where, options.epsilon);
  const flow = coupledFlow(features, validateObjective(where, options.objective), depth, validateTimeUnit(where, options.timeUnit));
  let times: Float64Array;
  if (options.times !== undefined) {
    times = Float64Array.from(options.times);
    const ok = times.length > 0 && times[0] >= 0 && times.every((t, k) => Number.isFinite(t) && (k === 0 || t > times[k - 1]));
    if (!ok)
      throw new InvalidArgumentError(where, 'times', 'must be a nonempty, strictly increasing list of finite times ≥ 0', options.times);
  } else {
    const tEnd = validatePositive(where, 'tEnd', options.tEnd);
    const points = options.points ?? 101;
    if (!Number.isInteger(points) || points < 2) throw new InvalidArgumentError(where, 'points', 'must be an integer ≥ 2', points);
    times = Float64Array.from({ length: points }, (_, k) => (tEnd * k) / (points - 1));
    times[points - 1] = tEnd;
  }
  const rtol = validatePositive(where, 'rtol', options.rtol ?? 1e-8);
  const u0 = flow.initial(epsilon);
  const atol = validateNonNegative(where, 'atol', options.atol ?? 1e-3 * rtol * u0[0]);
  const jacobianMode = options.jacobian ?? 'analytic';
  if (jacobianMode !== 'analytic' && jacobianMode !== 'finite-difference' && jacobianMode !== 'dense-finite-difference') {
    throw new InvalidArgumentError(where, 'jacobian', "must be 'analytic', 'finite-difference' or 'dense-finite-difference'", jacobianMode);
  }
  const n = flow.dimension;
  const tLast = times[times.length - 1];
  const wbarOf = (y: Float64Array, i: number): number => Math.pow(y[i], depth);
  if (tLast === 0) {
    return {
      t: times,
      wbar: Array.from({ length: n }, (_, i) => Float64Array.of(wbarOf(u0, i))),
      stats: { nfev: 0, nsteps: 0, naccepted: 0, nrejected: 0 },
    };
  }
  const result = solveIvp(flow.rhs, [0, tLast], u0, {
    method: options.method ?? 'rodas4',
    rtol,
    atol,
    tEval: times,
    maxSteps: options.maxSteps ?? 1_000_000,
    jacobian: jacobianMode === 'analytic' ? flow.jacobian : undefined,
    jacobianSparsity: jacobianMode === 'finite-difference' ? flow.sparsity : undefined,
  });
  if (result.status !== 'success') {
    const tReached = result.t.length > 0 ? result.t[result.t.length - 1] : 0;
    // tReached is the last output time delivered; the solver's message names where it stopped.
    throw new IntegrationError(
      `${where}: integration ended with status '${result.status}': ${result.message} Outputs were delivered up to t = ${tReached}.`,
      result.status,
      tReached,
    );
  }
  const wbar = Array.from({ length: n }, (_, i) => Float64Array.from(result.y, (y) => wbarOf(y, i)));
  return { t: result.t, wbar, stats: result.stats };
}
