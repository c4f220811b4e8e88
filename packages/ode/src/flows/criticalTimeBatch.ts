/**
 * Critical times of many features in one call, over `Float64Array`s.
 *
 * @module
 */
import {
  InvalidArgumentError,
  NO_CRITICAL_TIME_REASONS,
  validateChoice,
  validateObjective,
  validateTimeUnit,
  validateUnitInterval,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import {
  resolveBatchDepth,
  resolveBatchEpsilon,
  resolveBatchParameter,
  type BatchParameter,
  type ResolvedBatchParameter,
} from './batchParameter.js';
import { criticalGap, criticalUStar, criticalWbarTarget } from './criticalTarget.js';
import { resolveFeatureArrays, type FeatureArrays, type ResolvedFeatureArrays } from './featureArrays.js';
import { implicitTimeKernel } from './implicitTime.js';
import { leadingOrderKernel } from './leadingOrderCriticalTime.js';
import { timeFactor } from './timeFactor.js';

/**
 * What entry i of a {@link CriticalTimeBatch} holds; `status[i]` is an index into this list:
 * - `0 'exists'`: `t[i]` is the critical time;
 * - `1 'rho-not-positive'`, `2 'start-not-below-target'`: no critical time exists, for the
 *   reasons of `NO_CRITICAL_TIME_REASONS` (docs/math.md §3);
 * - `3 'overflow'`: it exists but exceeds the largest double (ε so small that t* ~ ε^{−(2L−1)/L}
 *   overflows), where `criticalTime` throws.
 *
 * Where the status is not `'exists'`, `t[i]` is NaN: never a number pretending to be a time.
 *
 * @example
 * ```ts
 * CRITICAL_TIME_STATUSES;
 * // => ["exists", "rho-not-positive", "start-not-below-target", "overflow"]
 * ```
 */
export const CRITICAL_TIME_STATUSES = ['exists', ...NO_CRITICAL_TIME_REASONS, 'overflow'] as const;

/** One of {@link CRITICAL_TIME_STATUSES}. */
export type CriticalTimeStatus = (typeof CRITICAL_TIME_STATUSES)[number];

/** Status codes: indices into {@link CRITICAL_TIME_STATUSES}. */
const EXISTS = 0;
const RHO_NOT_POSITIVE = 1;
const START_NOT_BELOW_TARGET = 2;
const OVERFLOW = 3;

/**
 * The closed-form methods of `criticalTime`, the ones a batch can run.
 *
 * @example
 * ```ts
 * BATCH_CRITICAL_TIME_METHODS; // => ["exact", "leading-order"]
 * ```
 */
export const BATCH_CRITICAL_TIME_METHODS = ['exact', 'leading-order'] as const;

/** Settings of {@link criticalTimeBatch}. */
export interface CriticalTimeBatchOptions {
  /** `'jepa'` or `'mae'`, one for the whole batch. */
  objective: Objective;
  /** Encoder depth L (integer ≥ 1): one for all features, or one per feature. */
  depth: BatchParameter;
  /** Initialisation scale ε > 0: one, or one per feature. */
  epsilon: BatchParameter;
  /** Fraction p of `w̄∞`, 0 < p < 1: one, or one per feature; default ½. */
  fraction?: BatchParameter;
  /** `'exact'` (default: the closed form t(u*) of docs/math.md §3) or `'leading-order'` (its ε → 0 approximation). */
  method?: (typeof BATCH_CRITICAL_TIME_METHODS)[number];
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
}

/** Result of {@link criticalTimeBatch}: one entry per feature in each array. */
export interface CriticalTimeBatch {
  /** t*_p in the requested unit; NaN where `status[i] ≠ 0`. */
  readonly t: Float64Array;
  /** Index into {@link CRITICAL_TIME_STATUSES}: 0 exists, 1 ρ ≤ 0, 2 ε ≥ p·w̄∞, 3 t* beyond the largest double. */
  readonly status: Uint8Array;
  /** The per-layer weight `u*` at which `w̄ = p·w̄∞`; NaN where statuses 1 or 2. */
  readonly uStar: Float64Array;
  /** The target `p·w̄∞`; NaN where ρ ≤ 0. */
  readonly wbarTarget: Float64Array;
}

/**
 * The critical times t*_p of many features at once (docs/math.md §3), by the same
 * closed-form kernels as `criticalTime` (method `'exact'` or `'leading-order'`): entry i
 * equals `criticalTime(feature i, …).t` to the last bit. Settings are validated once
 * (features in one pass); per-call overhead is gone, and ε^{1/L}, p^{1/L} are computed
 * once when ε, p and L are single numbers.
 *
 * Cost: O(n·L) for JEPA (2L − 1 multiply–adds, two `log1p` and three `pow` per feature),
 * O(n·(L + 50)) for MAE (a series in `u*^{L+1}/ρ`); on the order of 10⁷ JEPA features
 * per second at L = 4 (see `bench ensemble`).
 *
 * Features without a critical time, and critical times too large for a double, are
 * encoded per entry (`status`, with `t` NaN), never thrown.
 *
 * @param features - two or three of the columns `sigma2`, `lambda`, `rho` (see {@link FeatureArrays}).
 * @param options - objective; depth, epsilon, fraction as one number or one per feature; method; timeUnit.
 * @returns `{ t, status, uStar, wbarTarget }`, each of the features' length.
 * @throws {@link InvalidArgumentError} for invalid settings or features, naming the entry (`features[i]`, `epsilon[i]`, …).
 * @example
 * ```ts
 * // JEPA, L = 1, σ² = ρ = 1: t* = 2 + ln 3 from ε = ¼; no critical time for ρ < 0 or for ε ≥ ½
 * const r = criticalTimeBatch({ lambda: [1, -1, 1], rho: [1, -1, 1] }, { objective: 'jepa', depth: 1, epsilon: [0.25, 0.25, 0.6] });
 * r.t; // => Float64Array [3.0986122886681096, NaN, NaN]
 * Array.from(r.status, (s) => CRITICAL_TIME_STATUSES[s]); // => ["exists", "rho-not-positive", "start-not-below-target"]
 * ```
 */
export function criticalTimeBatch(features: FeatureArrays, options: CriticalTimeBatchOptions): CriticalTimeBatch {
  const where = 'criticalTimeBatch';
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const f = resolveFeatureArrays(features, where);
  const n = f.length;
  const objective = validateObjective(where, options.objective);
  const method = validateChoice(where, 'method', options.method ?? 'exact', BATCH_CRITICAL_TIME_METHODS);
  const timeUnit = validateTimeUnit(where, options.timeUnit);
  const depth = resolveBatchDepth(where, options.depth, n);
  const epsilon = resolveBatchEpsilon(where, options.epsilon, n);
  const fraction = resolveBatchParameter(
    where,
    'fraction',
    options.fraction ?? 0.5,
    n,
    (x) => x > 0 && x < 1,
    (w, name, v) => validateUnitInterval(w, name, v, '(0, 1)'),
  );
  const out: CriticalTimeBatch = {
    t: new Float64Array(n),
    status: new Uint8Array(n),
    uStar: new Float64Array(n),
    wbarTarget: new Float64Array(n),
  };
  criticalTimeBatchKernel(objective, method, timeUnit, f, depth, epsilon, fraction, out);
  return out;
}

/**
 * Kernel of {@link criticalTimeBatch} (and of `criticalTimes` for its closed-form methods):
 * validated input, preallocated output. Per entry it runs exactly the scalar path's steps:
 * `criticalWbarTarget`, `criticalUStar`, `criticalGap` and `implicitTimeKernel`, or `leadingOrderKernel`, times
 * the unit's factor. Internal.
 */
export function criticalTimeBatchKernel(
  objective: Objective,
  method: (typeof BATCH_CRITICAL_TIME_METHODS)[number],
  timeUnit: TimeUnit,
  f: ResolvedFeatureArrays,
  depth: ResolvedBatchParameter,
  epsilon: ResolvedBatchParameter,
  fraction: ResolvedBatchParameter,
  out: CriticalTimeBatch,
): void {
  const { sigma2, lambda, rho } = f;
  const { t, status, uStar, wbarTarget } = out;
  const depths = depth.column;
  const epsilons = epsilon.column;
  const fractions = fraction.column;
  // ε^{1/L} and p^{1/L} once for the batch when their inputs are single numbers (the same pow as the scalar path)
  const u0Once = depths === null && epsilons === null;
  const pRootOnce = depths === null && fractions === null;
  const u0Fixed = u0Once ? Math.pow(epsilon.value, 1 / depth.value) : Number.NaN;
  const pRootFixed = pRootOnce ? Math.pow(fraction.value, 1 / depth.value) : Number.NaN;
  const exact = method === 'exact';
  for (let i = 0; i < f.length; i++) {
    const r = rho[i];
    if (!(r > 0)) {
      t[i] = Number.NaN;
      status[i] = RHO_NOT_POSITIVE;
      uStar[i] = Number.NaN;
      wbarTarget[i] = Number.NaN;
      continue;
    }
    const L = depths === null ? depth.value : depths[i];
    const eps = epsilons === null ? epsilon.value : epsilons[i];
    const p = fractions === null ? fraction.value : fractions[i];
    const target = criticalWbarTarget(objective, r, L, p);
    wbarTarget[i] = target;
    if (!(eps < target)) {
      t[i] = Number.NaN;
      status[i] = START_NOT_BELOW_TARGET;
      uStar[i] = Number.NaN;
      continue;
    }
    const us = criticalUStar(objective, r, L, pRootOnce ? pRootFixed : Math.pow(p, 1 / L));
    uStar[i] = us;
    let time: number;
    if (exact) {
      const u0 = u0Once ? u0Fixed : Math.pow(eps, 1 / L);
      time =
        timeFactor(timeUnit, L) *
        implicitTimeKernel(objective, sigma2[i], lambda[i], r, L, u0, us, criticalGap(objective, r, L, p, eps, target, u0, us));
    } else {
      time = timeFactor(timeUnit, L) * leadingOrderKernel(objective, lambda[i], r, L, eps, p);
    }
    if (Number.isFinite(time)) {
      t[i] = time;
      status[i] = EXISTS;
    } else {
      t[i] = Number.NaN;
      status[i] = OVERFLOW;
    }
  }
}
