/**
 * The implicit solution t(u) of many features in one call.
 *
 * @module
 */
import {
  InvalidArgumentError,
  validateFinite,
  validateObjective,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { resolveBatchDepth, resolveBatchEpsilon, resolveBatchParameter, type BatchParameter } from './batchParameter.js';
import { resolveFeatureArrays, type FeatureArrays } from './featureArrays.js';
import { fixedPointKernel } from './fixedPoint.js';
import { implicitTimeKernel } from './implicitTime.js';
import { timeFactor } from './timeFactor.js';

/**
 * What entry i of an {@link ImplicitTimeBatch} holds; `status[i]` indexes this list:
 * `0 'ok'` (`t[i]` is the time), `1 'rho-not-positive'` (ρ ≤ 0: the flow decays and t(u)
 * is not this formula), `2 'u-out-of-range'` (u outside `[ε^{1/L}, u∞)`, never reached from
 * the start). Where the status is not `'ok'`, `t[i]` is NaN.
 *
 * @example
 * ```ts
 * IMPLICIT_TIME_STATUSES;
 * // => ["ok", "rho-not-positive", "u-out-of-range"]
 * ```
 */
export const IMPLICIT_TIME_STATUSES = ['ok', 'rho-not-positive', 'u-out-of-range'] as const;

/** One of {@link IMPLICIT_TIME_STATUSES}. */
export type ImplicitTimeStatus = (typeof IMPLICIT_TIME_STATUSES)[number];

/** Settings of {@link implicitTimeBatch}. */
export interface ImplicitTimeBatchOptions {
  /** `'jepa'` or `'mae'`, one for the batch. */
  objective: Objective;
  /** Encoder depth L (integer ≥ 1): one, or one per feature. */
  depth: BatchParameter;
  /** Initialisation scale ε > 0 (start `u0 = ε^{1/L}`): one, or one per feature. */
  epsilon: BatchParameter;
  /** The per-layer weight reached: one, or one per feature (finite numbers). */
  u: BatchParameter;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/** Result of {@link implicitTimeBatch}. */
export interface ImplicitTimeBatch {
  /** The time in the requested unit; NaN where `status[i] ≠ 0`. */
  readonly t: Float64Array;
  /** Index into {@link IMPLICIT_TIME_STATUSES}. */
  readonly status: Uint8Array;
}

/**
 * The exact time for the balanced flow of each feature to carry its per-layer weight from
 * `ε^{1/L}` to `u` (docs/math.md §3), entry i equal to `implicitTime(feature i, …)` to the
 * last bit (the same kernel). Where `implicitTime` would throw because ρ ≤ 0 or u is out of
 * range, the entry says so in `status` instead. Cost: O(n·L) (JEPA), one validation pass.
 *
 * @param features - two or three of the columns `sigma2`, `lambda`, `rho`.
 * @param options - objective; depth, epsilon and u as one number or one per feature; timeUnit.
 * @returns `{ t, status }`.
 * @throws {@link InvalidArgumentError} for invalid features or settings (naming the entry).
 * @example
 * ```ts
 * // MAE, L = 1, from u0 = ½: t(½) = 0; u = 2 is beyond u∞ = 1
 * const r = implicitTimeBatch({ lambda: [1, 1], rho: [1, 1] }, { objective: 'mae', depth: 1, epsilon: 0.5, u: [0.5, 2] });
 * r.t; // => Float64Array [0, NaN]
 * Array.from(r.status, (s) => IMPLICIT_TIME_STATUSES[s]); // => ["ok", "u-out-of-range"]
 * ```
 */
export function implicitTimeBatch(features: FeatureArrays, options: ImplicitTimeBatchOptions): ImplicitTimeBatch {
  const where = 'implicitTimeBatch';
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const f = resolveFeatureArrays(features, where);
  const n = f.length;
  const objective = validateObjective(where, options.objective);
  const timeUnit = validateTimeUnit(where, options.timeUnit);
  const depth = resolveBatchDepth(where, options.depth, n);
  const epsilon = resolveBatchEpsilon(where, options.epsilon, n);
  const target = resolveBatchParameter(where, 'u', options.u, n, Number.isFinite, validateFinite);
  const t = new Float64Array(n);
  const status = new Uint8Array(n);
  const u0Once = depth.column === null && epsilon.column === null;
  const u0Fixed = u0Once ? Math.pow(epsilon.value, 1 / depth.value) : Number.NaN;
  for (let i = 0; i < n; i++) {
    const rho = f.rho[i];
    if (!(rho > 0)) {
      t[i] = Number.NaN;
      status[i] = 1;
      continue;
    }
    const L = depth.column === null ? depth.value : depth.column[i];
    const u0 = u0Once ? u0Fixed : Math.pow(epsilon.column === null ? epsilon.value : epsilon.column[i], 1 / L);
    const u = target.column === null ? target.value : target.column[i];
    if (!(u >= u0 && u < fixedPointKernel(objective, rho, L).u)) {
      t[i] = Number.NaN;
      status[i] = 2;
      continue;
    }
    t[i] = timeFactor(timeUnit, L) * implicitTimeKernel(objective, f.sigma2[i], f.lambda[i], rho, L, u0, u);
  }
  return { t, status };
}
