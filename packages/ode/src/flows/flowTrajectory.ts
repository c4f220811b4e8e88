import {
  IntegrationError,
  InvalidArgumentError,
  validateDepth,
  validateEpsilon,
  validateFormulation,
  validateObjective,
  validatePositive,
  validateTimeUnit,
  type Formulation,
  type Objective,
  type TimeUnit,
} from '@jepa-dynamics/core';
import { methodDefinition, registeredMethods } from '../solver/methodRegistry.js';
import { solveIvp } from '../solver/solveIvp.js';
import type { MethodChoice, RhsFunction, SolveOptions, SolveStats } from '../solver/types.js';
import { endToEndFlow } from './endToEndFlow.js';
import { fixedPointKernel } from './fixedPoint.js';
import { layerwiseFlow } from './layerwiseFlow.js';
import { perLayerFlow } from './perLayerFlow.js';
import { resolveFeature } from './resolveFeature.js';
import type { Feature, FeatureInput } from './types.js';

/** Settings of {@link flowTrajectory} and {@link flowTrajectories}. */
export interface TrajectoryOptions {
  /** `'jepa'` or `'mae'`. */
  objective: Objective;
  /** Encoder depth L, integer ≥ 1. */
  depth: number;
  /**
   * Initialisation scale ε > 0 of the balanced start (`u = ε^{1/L}`, `w̄ = ε`,
   * layerwise `v = w_a = ε^{1/L}`). Required unless `initial` is given.
   */
  epsilon?: number;
  /** Which formulation to integrate (docs/math.md §2); default `'per-layer'`. */
  formulation?: Formulation;
  /**
   * Initial state at t = 0 in the formulation's coordinates: `[u]`, `[w̄]` (w̄ > 0) or
   * `[v, w_1, …, w_L]` (any finite values, unbalanced allowed). Overrides `epsilon`.
   */
  initial?: ArrayLike<number>;
  /** Output times, strictly increasing, ≥ 0, in `timeUnit`. Give this or `tEnd`. */
  times?: ArrayLike<number>;
  /** End time (> 0): output on `points` equally spaced times from 0 to `tEnd`. */
  tEnd?: number;
  /** Number of output times with `tEnd` (integer ≥ 2); default 101. */
  points?: number;
  /** Also return the continuous solution (`wbarAt`, `stateAt`) on [0, last time]. Default false. */
  dense?: boolean;
  /** `'gradient-flow'` (default) or `'paper'` (τ = L t): the unit of `times`/`tEnd` and of the output. */
  timeUnit?: TimeUnit;
  /**
   * Integrator; default `'dop853'`. An explicit method with a stiffness test (dopri5,
   * dop853) runs as the non-stiff method of `solveIvp`'s `method: 'auto'` (with
   * Hairer's check period of 1000 steps), so a run that turns stiff near a fixed
   * point continues with the stiff method (`'rodas4'`) by itself. `'auto'`: `solveIvp`'s
   * `'auto'` with its defaults (dopri5, switching to rodas4 and back).
   */
  method?: MethodChoice;
  /** Relative tolerance; default 1e-10. */
  rtol?: number;
  /**
   * Absolute tolerance; default `1e-3 · rtol · (smallest nonzero |initial component|)`, i.e.
   * effectively relative control (the weights span many orders of magnitude on the plateau).
   */
  atol?: number;
  /** Step limit per feature; default 1,000,000. */
  maxSteps?: number;
}

/** One feature's trajectory. */
export interface Trajectory {
  /** Output times in the requested unit. */
  t: Float64Array;
  /** `w̄(t[k])`. */
  wbar: Float64Array;
  /** The formulation's state at each output time (`[u]`, `[w̄]` or `[v, w_1, …, w_L]`). */
  state: Float64Array[];
  /** Continuous `w̄(t)` on [0, last time] (with `dense: true`). */
  wbarAt?: (t: number) => number;
  /** Continuous state (with `dense: true`). */
  stateAt?: (t: number) => Float64Array;
  /** Solver work counters. */
  stats: SolveStats;
}

interface Setting {
  objective: Objective;
  depth: number;
  formulation: Formulation;
  epsilon: number | undefined;
  initial: Float64Array | undefined;
  times: Float64Array;
  dense: boolean;
  timeUnit: TimeUnit;
  method: MethodChoice;
  rtol: number;
  atol: number | undefined;
  maxSteps: number;
}

function validateSetting(where: string, o: TrajectoryOptions): Setting {
  if (typeof o !== 'object' || o === null) throw new InvalidArgumentError(where, 'options', 'must be an object', o);
  const objective = validateObjective(where, o.objective);
  const depth = validateDepth(where, o.depth);
  const formulation = validateFormulation(where, o.formulation ?? 'per-layer');
  const dim = formulation === 'layerwise' ? depth + 1 : 1;
  let initial: Float64Array | undefined;
  let epsilon: number | undefined;
  if (o.initial !== undefined) {
    initial = Float64Array.from(o.initial);
    if (initial.length !== dim || !initial.every(Number.isFinite)) {
      throw new InvalidArgumentError(
        where,
        'initial',
        `must hold ${dim} finite numbers for the ${formulation} formulation at depth ${depth}`,
        o.initial,
      );
    }
    if (formulation === 'end-to-end' && !(initial[0] > 0)) {
      throw new InvalidArgumentError(where, 'initial', 'must be > 0 for the end-to-end formulation (fractional powers of w̄)', o.initial);
    }
  } else {
    epsilon = validateEpsilon(where, o.epsilon);
  }
  let times: Float64Array;
  if (o.times !== undefined) {
    times = Float64Array.from(o.times);
    const ok = times.length > 0 && times[0] >= 0 && times.every((t, k) => Number.isFinite(t) && (k === 0 || t > times[k - 1]));
    if (!ok) throw new InvalidArgumentError(where, 'times', 'must be a nonempty, strictly increasing list of finite times ≥ 0', o.times);
  } else {
    const tEnd = validatePositive(where, 'tEnd', o.tEnd);
    const points = o.points ?? 101;
    if (!Number.isInteger(points) || points < 2) throw new InvalidArgumentError(where, 'points', 'must be an integer ≥ 2', points);
    times = new Float64Array(points);
    for (let k = 0; k < points; k++) times[k] = (tEnd * k) / (points - 1);
    times[points - 1] = tEnd;
  }
  const method = o.method ?? 'dop853';
  if (method !== 'auto' && methodDefinition(method) === undefined) {
    const names = [...registeredMethods().map((m) => `'${m.name}'`), "'auto'"];
    throw new InvalidArgumentError(where, 'method', `must be one of ${names.join(', ')} (the methods of solveIvp)`, method);
  }
  const maxSteps = o.maxSteps ?? 1_000_000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new InvalidArgumentError(where, 'maxSteps', 'must be an integer ≥ 1', maxSteps);
  const atol = o.atol;
  if (atol !== undefined && !(typeof atol === 'number' && Number.isFinite(atol) && atol >= 0)) {
    throw new InvalidArgumentError(where, 'atol', 'must be a finite number ≥ 0', atol);
  }
  return {
    objective,
    depth,
    formulation,
    epsilon,
    initial,
    times,
    dense: o.dense === true,
    timeUnit: validateTimeUnit(where, o.timeUnit),
    method,
    rtol: validatePositive(where, 'rtol', o.rtol ?? 1e-10),
    atol,
    maxSteps,
  };
}

/**
 * Integrates one feature's gradient flow (docs/math.md §2) in the chosen formulation and
 * returns `w̄(t)` on a time grid, optionally with the continuous solution.
 *
 * @param feature - any two of σ², λ, ρ.
 * @param options - see {@link TrajectoryOptions}: objective, depth, epsilon or initial,
 *   times or tEnd/points, formulation, timeUnit, integrator settings.
 * @returns a {@link Trajectory}.
 * @throws {@link InvalidArgumentError} for invalid input; {@link IntegrationError} with the
 *   time reached when the integration fails.
 * @example
 * ```ts
 * // MAE, L = 1, λ = σ² = ρ = 1: u' = u(1 − u²), so w̄(t) = u = 1/√(1 + 3e^{−2t}) from ½
 * const r = flowTrajectory({ lambda: 1, rho: 1 }, { objective: 'mae', depth: 1, epsilon: 0.5, times: [0, 1] });
 * Math.abs(r.wbar[1] - 1 / Math.sqrt(1 + 3 * Math.exp(-2))) < 1e-9; // => true
 * ```
 */
export function flowTrajectory(feature: FeatureInput, options: TrajectoryOptions): Trajectory {
  const where = 'flowTrajectory';
  return trajectoryKernel(resolveFeature(feature, where), validateSetting(where, options), where);
}

/**
 * Trajectories of many features on one time grid. Each feature is integrated on its own
 * (its own step-size sequence), so a feature with a long plateau or a sharp transition
 * does not make the others expensive.
 *
 * @param features - features, each any two of σ², λ, ρ.
 * @param options - as for {@link flowTrajectory} (`initial`, if given, applies to every feature).
 * @returns `{ t, wbar, trajectories }` with `wbar[i][k] = w̄_i(t[k])`.
 * @throws as {@link flowTrajectory}; feature errors name `features[i]`.
 * @example
 * ```ts
 * const r = flowTrajectories([{ lambda: 1, rho: 1 }, { lambda: 2, rho: 1 }], { objective: 'jepa', depth: 1, epsilon: 0.1, tEnd: 5, points: 3 });
 * r.wbar.length; // => 2
 * Array.from(r.t); // => [0, 2.5, 5]
 * ```
 */
export function flowTrajectories(
  features: readonly FeatureInput[],
  options: TrajectoryOptions,
): { t: Float64Array; wbar: Float64Array[]; trajectories: Trajectory[] } {
  const where = 'flowTrajectories';
  if (!Array.isArray(features)) throw new InvalidArgumentError(where, 'features', 'must be an array of features', features);
  const setting = validateSetting(where, options);
  const resolved = features.map((f, i) => resolveFeature(f, `${where}: features[${i}]`));
  const trajectories = resolved.map((f) => trajectoryKernel(f, setting, where));
  return { t: setting.times, wbar: trajectories.map((r) => r.wbar), trajectories };
}

function trajectoryKernel(feature: Feature, s: Setting, where: string): Trajectory {
  const { objective, depth, formulation, timeUnit } = s;
  let rhs: RhsFunction;
  let y0: Float64Array;
  let wbarOf: (y: Float64Array) => number;
  switch (formulation) {
    case 'per-layer':
      rhs = perLayerFlow(feature, objective, depth, timeUnit);
      y0 = s.initial ?? Float64Array.of(Math.pow(s.epsilon ?? 1, 1 / depth));
      wbarOf = (y) => Math.pow(y[0], depth);
      break;
    case 'end-to-end':
      rhs = endToEndFlow(feature, objective, depth, timeUnit);
      y0 = s.initial ?? Float64Array.of(s.epsilon ?? 1);
      wbarOf = (y) => y[0];
      break;
    case 'layerwise':
      rhs = layerwiseFlow(feature, objective, depth, timeUnit);
      y0 = s.initial ?? new Float64Array(depth + 1).fill(Math.pow(s.epsilon ?? 1, 1 / depth));
      wbarOf = (y) => {
        let p = 1;
        for (let a = 1; a <= depth; a++) p *= y[a];
        return p;
      };
      break;
    default: {
      const never: never = formulation;
      return never;
    }
  }
  const times = s.times;
  const tLast = times[times.length - 1];
  const limit = attractingFixedPoint(feature, s, y0);
  let floor = Number.POSITIVE_INFINITY;
  for (const y of y0) if (y !== 0) floor = Math.min(floor, Math.abs(y));
  const atol = s.atol ?? (Number.isFinite(floor) ? 1e-3 * s.rtol * floor : 1e-300);
  if (tLast === 0) {
    // only t = 0 asked for: nothing to integrate
    const first = Float64Array.from(y0);
    const trajectory: Trajectory = {
      t: Float64Array.of(0),
      wbar: Float64Array.of(wbarOf(first)),
      state: [first],
      stats: { nfev: 0, nsteps: 0, naccepted: 0, nrejected: 0 },
    };
    if (s.dense) {
      trajectory.stateAt = () => Float64Array.from(first);
      trajectory.wbarAt = () => wbarOf(first);
    }
    return trajectory;
  }
  // The clock restarts (local time 0) whenever |w̄| doubles: near the transition the solution
  // changes on a time scale that can be below the resolution of double precision at the
  // absolute time (1e-13·t* and less), which a single time axis from 0 cannot step through.
  // The measure and the event are kept finite: at a loose rtol a step can overshoot until
  // w̄ = u^L overflows (or the state is no longer finite), and solveIvp would then reject
  // them as invalid functions; finite, the run goes on to end with the solver's own status
  // ('non-finite', with the time reached), an integration failure (issue 12: `solve --rtol 0.5`).
  const finiteOr = (x: number, fallback: number): number => (Number.isFinite(x) ? x : fallback);
  const result = solveIvp(rhs, [0, tLast], y0, {
    ...integrator(s.method),
    rtol: s.rtol,
    atol,
    maxSteps: s.maxSteps,
    tEval: times,
    dense: s.dense,
    clockRestart: { measure: (y: Float64Array) => finiteOr(Math.abs(wbarOf(y)), Number.MAX_VALUE), factor: 2 },
    events:
      limit === undefined
        ? []
        : [
            {
              g: (_t: number, yy: Float64Array) => finiteOr(Math.abs(yy[0] - limit.value) - limit.delta, Number.MAX_VALUE),
              direction: -1 as const,
              terminal: true,
            },
          ],
  });
  if (result.status !== 'success' && result.status !== 'event') {
    const tReached = result.t.length > 0 ? result.t[result.t.length - 1] : 0;
    throw new IntegrationError(
      `${where}: integration ended with status '${result.status}' at t = ${tReached} (${result.message})`,
      result.status,
      tReached,
    );
  }
  // The only terminal event is the convergence to the fixed point.
  const converged = result.status === 'event' && limit !== undefined ? result.events[result.events.length - 1] : undefined;
  const outT: number[] = [];
  const outY: Float64Array[] = [];
  for (let j = 0; j < result.t.length; j++) {
    // outputs at or after the convergence event get the fixed point below
    if (converged !== undefined && result.t[j] >= converged.t) break;
    outT.push(result.t[j]);
    outY.push(result.y[j]);
  }
  const fixed = limit === undefined ? undefined : new Float64Array(y0.length).fill(limit.value);
  if (converged !== undefined && fixed !== undefined) {
    // 1-D monotone convergence: the exact solution stays within delta of the fixed point from here on
    for (let k = outT.length; k < times.length; k++) {
      outT.push(times[k]);
      outY.push(Float64Array.from(fixed));
    }
  }
  const wbar = new Float64Array(outY.length);
  for (let j = 0; j < outY.length; j++) wbar[j] = wbarOf(outY[j]);
  const trajectory: Trajectory = { t: Float64Array.from(outT), wbar, state: outY, stats: result.stats };
  const sol = result.sol;
  if (s.dense && sol !== undefined) {
    const tEnd = converged !== undefined ? converged.t : tLast;
    const stateAt = (t: number): Float64Array => {
      if (converged !== undefined && fixed !== undefined && t >= converged.t) return Float64Array.from(fixed);
      return sol(Math.min(tEnd, Math.max(0, t)));
    };
    trajectory.stateAt = stateAt;
    trajectory.wbarAt = (t) => wbarOf(stateAt(t));
  }
  return trajectory;
}

/**
 * The solver options for the method: an explicit method with a stiffness test runs as the
 * non-stiff method of 'auto' (Hairer's check period kept, so the explicit run is the same
 * until the test fires); others as they are.
 */
function integrator(method: MethodChoice): Pick<SolveOptions, 'method' | 'autoSwitch' | 'stiffnessCheck'> {
  if (method === 'auto') return { method };
  const definition = methodDefinition(method);
  if (definition !== undefined && !definition.stiff && definition.stiffnessTest !== undefined) {
    return { method: 'auto', autoSwitch: { nonStiff: method }, stiffnessCheck: 1000 };
  }
  return { method };
}

/**
 * The attracting fixed point of a one-dimensional (or exactly balanced) run, with the
 * distance `delta = rtol·|value|` below which the run stops stepping: a 1-D autonomous
 * flow converges monotonically, so the exact solution stays within delta afterwards, while
 * the flow near the fixed point is stiff for an explicit method. Undefined when not applicable
 * (ρ ≤ 0, an unbalanced or non-positive layerwise start, a start outside the basin).
 */
function attractingFixedPoint(feature: Feature, s: Setting, y0: Float64Array): { value: number; delta: number } | undefined {
  if (!(feature.rho > 0) || !(y0[0] > 0)) return undefined;
  if (s.formulation === 'layerwise' && !y0.every((y) => y === y0[0])) return undefined;
  const { u, wbar } = fixedPointKernel(s.objective, feature.rho, s.depth);
  const value = s.formulation === 'end-to-end' ? wbar : u;
  return { value, delta: s.rtol * value };
}
