import {
  IntegrationError,
  InvalidArgumentError,
  validateDepth,
  validateEpsilon,
  validateFraction,
  validateObjective,
  validateRelativeTolerance,
  validateTimeUnit,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { registeredMethods } from '../solver/methodRegistry.js';
import { quotedList } from '../solver/quotedList.js';
import { solveIvp } from '../solver/solveIvp.js';
import type { Method } from '../solver/types.js';
import { criticalTarget } from './criticalTarget.js';
import { criticalTimeResults } from './criticalTimeResults.js';
import { implicitTimeKernel } from './implicitTime.js';
import { leadingOrderKernel } from './leadingOrderCriticalTime.js';
import { logGrowthOfGap } from './logGrowth.js';
import { resolveFeature } from './resolveFeature.js';
import { timeDomainCriticalTime } from './timeDomainCriticalTime.js';
import type { CriticalTimeResult, Feature, FeatureInput } from './types.js';
import { timeFactor } from './timeFactor.js';

/**
 * How {@link criticalTime} computes t*_p.
 * - `'exact'`: the closed-form implicit solution `t(u*)` of docs/math.md §3 ({@link implicitTime}). No integration.
 * - `'ode'`: integrates the balanced per-layer flow `du/dt` in time from `u(0) = ε^{1/L}` and
 *   locates the event `u = u*` (equivalently `w̄ = p·w̄∞`) on the dense output, with the
 *   state measured from its start (`(u − u0)/(u* − u0)`, so the tolerance is relative to
 *   the distance travelled), time in units of a lower bound on t*, and `solveIvp`'s clock
 *   restarts each time the flow's time scale has shrunk 256-fold (the transition can be far
 *   shorter than the resolution of double precision at t ≈ t*).
 * - `'inverse-ode'`: integrates the same flow with the roles of time and state exchanged,
 *   `dt/dx = 1/(σ² u^{2L−1}(ρ − u))` (JEPA) or `1/(σ² u^{L−1}(ρ − u^{L+1}))` (MAE) with
 *   `x = ln(u/u0)`, from 0 to `ln(u* / u0)`. A change of variables, still a numerical integration;
 *   smooth in x where the time-domain solution has a long plateau and a sharp transition,
 *   hence far fewer steps.
 * - `'leading-order'`: the ε → 0 approximation of docs/math.md §3 ({@link leadingOrderCriticalTime}).
 */
export type CriticalTimeMethod = 'exact' | 'ode' | 'inverse-ode' | 'leading-order';

/** Settings of {@link criticalTime}. */
export interface CriticalTimeOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /** Initialisation scale ε > 0 (`w̄(0) = ε`, balanced aligned init). */
  epsilon: number;
  /** Fraction p of `w̄∞` to reach, 0 < p < 1; default ½. */
  fraction?: number;
  /** Default `'exact'`. */
  method?: CriticalTimeMethod;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t). */
  timeUnit?: TimeUnit;
  /** Relative tolerance of the `'ode'` and `'inverse-ode'` integrations, from 2.22e-14 (100 machine epsilons) to below 1; default 1e-12. */
  rtol?: number;
  /** Integrator of the `'ode'` and `'inverse-ode'` methods, one of the non-stiff methods of `solveIvp` (`'dopri5'`, `'dop853'`, `'odex'`); default `'dop853'`. */
  solver?: Method;
}

/** Validated settings (internal). */
interface Setting {
  /** The public function to name in messages. */
  where: string;
  objective: Objective;
  depth: number;
  epsilon: number;
  fraction: number;
  method: CriticalTimeMethod;
  factor: number;
  rtol: number;
  solver: Method;
}

function validateSetting(where: string, options: CriticalTimeOptions): Setting {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const method = options.method ?? 'exact';
  if (method !== 'exact' && method !== 'ode' && method !== 'inverse-ode' && method !== 'leading-order') {
    throw new InvalidArgumentError(where, 'method', "must be 'exact', 'ode', 'inverse-ode' or 'leading-order'", method);
  }
  const solver = options.solver ?? 'dop853';
  // The flow is one-dimensional and smooth up to t*: the non-stiff methods of the registry.
  const nonStiff = registeredMethods().filter((m) => !m.stiff);
  if (!nonStiff.some((m) => m.name === solver)) {
    throw new InvalidArgumentError(where, 'solver', `must be ${quotedList(nonStiff.map((m) => m.name))}`, solver);
  }
  const depth = validateDepth(where, options.depth);
  return {
    where,
    objective: validateObjective(where, options.objective),
    depth,
    epsilon: validateEpsilon(where, options.epsilon),
    fraction: validateFraction(where, options.fraction ?? 0.5),
    method,
    factor: timeFactor(validateTimeUnit(where, options.timeUnit), depth),
    rtol: validateRelativeTolerance(where, 'rtol', options.rtol ?? 1e-12),
    solver,
  };
}

/**
 * The critical time t*_p of one feature: the time at which the end-to-end weight `w̄`
 * of the balanced flow from `w̄(0) = ε` reaches `p·w̄∞` (docs/math.md §3), computed by the
 * chosen {@link CriticalTimeMethod}.
 *
 * It does not exist, and the result says why (`{ exists: false, reason, message }`), when
 * ρ ≤ 0 (the flow from the positive start decays to 0, for JEPA and MAE alike) or
 * ε ≥ p·w̄∞ (the start is not below the target).
 *
 * @param feature - any two of σ², λ, ρ.
 * @param options - objective, depth, epsilon; fraction (default ½), method (default `'exact'`),
 *   timeUnit (default `'gradient-flow'`), rtol and solver for the integrating methods.
 * @returns a {@link CriticalTimeResult} with `t` in the requested unit.
 * @throws {@link InvalidArgumentError} for invalid input, or an ε so small that t* exceeds the
 *   largest double; {@link IntegrationError} (with the time reached) when an integration fails
 *   or ends without reaching `u*`.
 * @example
 * ```ts
 * // JEPA, L = 1, σ² = ρ = 1, u0 = ¼, u* = ½: t* = ln 3 + (1/u0 − 1/u*) = 2 + ln 3
 * const r = criticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.25 });
 * r.exists && r.t; // => 3.0986122886681096
 * // ε ≥ p·w̄∞ = ½: no critical time
 * criticalTime({ lambda: 1, rho: 1 }, { objective: 'jepa', depth: 1, epsilon: 0.6 }).exists; // => false
 * ```
 */
export function criticalTime(feature: FeatureInput, options: CriticalTimeOptions): CriticalTimeResult {
  const where = 'criticalTime';
  const resolved = resolveFeature(feature, where);
  return criticalTimeKernel(resolved, validateSetting(where, options));
}

/**
 * Critical times of many features with one setting. Each feature is computed on its own
 * (its own integration and step-size sequence), so a slow feature costs only its own time.
 *
 * @param features - an array of features, each any two of σ², λ, ρ.
 * @param options - as for {@link criticalTime}.
 * @returns one {@link CriticalTimeResult} per feature, in order.
 * @throws {@link InvalidArgumentError} naming `features[i]` for an invalid feature; {@link IntegrationError} as {@link criticalTime}.
 * @example
 * ```ts
 * criticalTimes([{ lambda: 1, rho: 1 }, { lambda: -1, rho: -1 }], { objective: 'jepa', depth: 1, epsilon: 0.6 })
 *   .map((r) => r.exists); // => [false, false]
 * ```
 */
export function criticalTimes(features: readonly FeatureInput[], options: CriticalTimeOptions): CriticalTimeResult[] {
  return criticalTimesFor('criticalTimes', features, options);
}

/**
 * {@link criticalTimes} on behalf of another public function (`learningOrder`,
 * `criticalTimeRatio`, `orderFlipDepth`), whose name `where` its errors carry. Internal.
 */
export function criticalTimesFor(where: string, features: readonly FeatureInput[], options: CriticalTimeOptions): CriticalTimeResult[] {
  if (!Array.isArray(features)) throw new InvalidArgumentError(where, 'features', 'must be an array of features', features);
  const setting = validateSetting(where, options);
  const resolved = features.map((f, i) => resolveFeature(f, `${where}: features[${i}]`));
  // the closed forms run batched (same kernels, same bits as criticalTimeKernel below)
  if (setting.method === 'exact' || setting.method === 'leading-order')
    return criticalTimeResults(resolved, { ...setting, method: setting.method, timeUnit: validateTimeUnit(where, options.timeUnit) });
  return resolved.map((f) => criticalTimeKernel(f, setting));
}

function criticalTimeKernel(feature: Feature, s: Setting): CriticalTimeResult {
  const { sigma2, lambda, rho } = feature;
  const target = criticalTarget(s.objective, rho, s.depth, s.epsilon, s.fraction);
  if (!target.exists) return target;
  let t: number;
  switch (s.method) {
    case 'exact':
      t = implicitTimeKernel(s.objective, sigma2, lambda, rho, s.depth, target.u0, target.uStar, target.gap);
      break;
    case 'leading-order':
      t = leadingOrderKernel(s.objective, lambda, rho, s.depth, s.epsilon, s.fraction);
      break;
    case 'ode':
      t = timeDomainCriticalTime({ ...s, sigma2, rho, u0: target.u0, uStar: target.uStar, gap: target.gap });
      break;
    case 'inverse-ode':
      t = inverseCriticalTime(s, sigma2, rho, target.u0, target.uStar, target.gap);
      break;
    default: {
      const never: never = s.method;
      t = never;
    }
  }
  const scaled = s.factor * t;
  if (!Number.isFinite(scaled)) {
    // e.g. ε = 1e-300 at L = 2: t* ~ ε^{−3/2} is beyond the largest double; a number here would be a lie
    throw new InvalidArgumentError(
      s.where,
      'epsilon',
      `is so small that t* overflows double precision (method ${s.method}, t = ${scaled})`,
      s.epsilon,
    );
  }
  return { exists: true, t: scaled, uStar: target.uStar, wbarTarget: target.wbarTarget };
}

/** docs/math.md §3 integrand dt/dx, x = ln(u/u0), integrated by solveIvp from 0 to ln(u* / u0). */
function inverseCriticalTime(s: Setting, sigma2: number, rho: number, u0: number, uStar: number, gap: number): number {
  const { objective, depth } = s;
  // x = ln(u/u0) from 0, not ln u from ln u0: ln u* − ln u0 loses to rounding what ln(u*/u0)
  // keeps when ε is close to the target (logGrowth); u^{-(2L-1)} = e^{-(2L-1)(ln u0 + x)}
  // (JEPA), u^{-(L-1)} (MAE): one exp, and no overflow of u0^{-(2L-1)} on its own.
  const logU0 = Math.log(u0);
  const x1 = logGrowthOfGap(u0, uStar, gap);
  const jepaPower = 2 * depth - 1;
  const maePower = depth - 1;
  const rhs =
    objective === 'jepa'
      ? (x: number, _y: Float64Array, dydx: Float64Array): void => {
          dydx[0] = Math.exp(-jepaPower * (logU0 + x)) / (sigma2 * (rho - u0 * Math.exp(x)));
        }
      : (x: number, _y: Float64Array, dydx: Float64Array): void => {
          dydx[0] = Math.exp(-maePower * (logU0 + x)) / (sigma2 * (rho - Math.exp((depth + 1) * (logU0 + x))));
        };
  const result = solveIvp(rhs, [0, x1], Float64Array.of(0), {
    method: s.solver,
    rtol: s.rtol,
    atol: 0,
    firstStep: Math.min(x1, 0.1 / (2 * depth)),
    maxSteps: 1_000_000,
  });
  if (result.status !== 'success') {
    const k = result.t.length - 1;
    const tReached = s.factor * (k >= 0 ? result.y[k][0] : 0);
    throw new IntegrationError(
      `${s.where}: the inverse (t as a function of ln u) integration (${s.solver}, rtol ${s.rtol}) stopped with status '${result.status}' at ln u = ${logU0 + (k >= 0 ? result.t[k] : 0)}, t = ${tReached}, before reaching ln u* = ${Math.log(uStar)}.`,
      result.status,
      tReached,
    );
  }
  return result.y[result.y.length - 1][0];
}
