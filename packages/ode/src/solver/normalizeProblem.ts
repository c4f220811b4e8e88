/**
 * Validation and normalisation of the arguments of {@link solveIvp}: every rule
 * is checked here, once, before any computation; the kernels assume valid input.
 *
 * @module
 */

import { InvalidArgumentError, MIN_RELATIVE_TOLERANCE, validateKnownKeys } from '@jepa-dynamics/core';
import { guardedJacobian } from './guardedJacobian.js';
import type { JacobianColumnGroups } from './jacobian.js';
import { normalizeBdfSettings, type BdfSettings } from './bdfSettings.js';
import { jacobianSparsityColumns } from './linear/jacobianSparsityColumns.js';
import { quotedList } from './quotedList.js';
import { AUTO_DEFAULT_NON_STIFF, AUTO_DEFAULT_STIFF, registeredMethods, type RegisteredMethod } from './methodRegistry.js';
import type { ControllerSettings } from './stepper.js';
import type { AbortSignalLike, StepStats } from './solveControls.js';
import { AUTO_SWITCH_KEYS, BANDWIDTH_KEYS, CLOCK_RESTART_KEYS, EVENT_KEYS, GMRES_KEYS, SOLVE_OPTION_KEYS } from './solveOptionKeys.js';
import { throwingAsFailure } from './callbackFailure.js';
import type { EventFunction, JacobianFunction, RhsFunction, SolveOptions } from './types.js';

const WHERE = 'solveIvp';

/** An event function with its defaults applied. */
export interface NormalizedEvent {
  g: (t: number, y: Float64Array) => number;
  direction: -1 | 0 | 1;
  terminal: boolean;
}

/** Which method(s) run: one method, or `'auto'`'s pair. */
export type MethodPlan =
  | { readonly kind: 'single'; readonly method: RegisteredMethod }
  | { readonly kind: 'auto'; readonly nonStiff: RegisteredMethod; readonly stiff: RegisteredMethod };

/** `options.clockRestart` with its defaults applied. */
export interface NormalizedClockRestart {
  measure: (y: Float64Array) => number;
  factor: number;
}

/** `options.onStep`, `signal` and `checkJacobian` (see `solveControls.ts`), validated. */
export interface NormalizedControls {
  onStep: ((t: number, y: Float64Array, stats: StepStats) => unknown) | undefined;
  signal: AbortSignalLike | undefined;
  checkJacobian: boolean;
}

/** The validated problem: what the drivers consume. */
export interface NormalizedProblem {
  f: RhsFunction;
  t0: number;
  t1: number;
  /** +1 forward, −1 backward. */
  direction: number;
  /** A private copy of y0. */
  y0: Float64Array;
  n: number;
  /** The method, or the two of `'auto'`. */
  plan: MethodPlan;
  rtol: number;
  atol: Float64Array;
  /** Initial step magnitude; 0 means "choose by HINIT". */
  firstStep: number;
  /** Largest step magnitude; undefined: the length of the interval (of each clock segment). */
  maxStep: number | undefined;
  maxSteps: number;
  /** Output times, or null for "every accepted step". */
  tEval: Float64Array | null;
  /** Whether `sol(t)` is wanted. */
  dense: boolean;
  events: NormalizedEvent[];
  /** The controller constants the caller set (each method fills in its own defaults). */
  controller: Partial<ControllerSettings>;
  /** Stiffness test period in accepted steps; 0 = off. */
  stiffnessCheck: number;
  /** Clock restarts, or undefined. */
  clockRestart: NormalizedClockRestart | undefined;
  /** The caller's Jacobian (stiff methods), or undefined for finite differences. */
  jacobian: JacobianFunction | undefined;
  /** Column groups from `options.jacobianSparsity`, or undefined (one column per evaluation). */
  jacobianColumns: JacobianColumnGroups | undefined;
  /** The options of `'bdf'` with defaults (present whatever the method; only `'bdf'` reads them). */
  bdf: BdfSettings;
  /** Watching and steering the run. */
  controls: NormalizedControls;
}

function finiteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Checks and normalises the arguments of `solveIvp`.
 * @throws {InvalidArgumentError} naming the argument, the rule and the value.
 */
export function normalizeProblem<P>(
  f: RhsFunction<P>,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveOptions<P>,
): NormalizedProblem {
  if (typeof f !== 'function') throw new InvalidArgumentError(WHERE, 'f', 'must be a function (t, y, dydt) => void', f);
  if (tspan === null || typeof tspan !== 'object' || tspan.length !== 2) {
    throw new InvalidArgumentError(WHERE, 'tspan', 'must be a pair [t0, t1]', tspan);
  }
  const [t0, t1] = tspan;
  if (!finiteNumber(t0)) throw new InvalidArgumentError(WHERE, 'tspan[0] (t0)', 'must be a finite number', t0);
  if (!finiteNumber(t1)) throw new InvalidArgumentError(WHERE, 'tspan[1] (t1)', 'must be a finite number', t1);
  if (t0 === t1) throw new InvalidArgumentError(WHERE, 'tspan', 'must have t1 different from t0', tspan);
  const direction = t1 > t0 ? 1 : -1;

  if (y0 === null || typeof y0 !== 'object' || typeof y0.length !== 'number') {
    throw new InvalidArgumentError(WHERE, 'y0', 'must be an array of numbers', y0);
  }
  const n = y0.length;
  if (n === 0) throw new InvalidArgumentError(WHERE, 'y0', 'must have at least one component', y0);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y0[i];
    if (!finiteNumber(v)) throw new InvalidArgumentError(WHERE, `y0[${i}]`, 'must be a finite number', v);
    y[i] = v;
  }

  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError(WHERE, 'options', 'must be an object', options);
  }
  validateKnownKeys(WHERE, 'options', options, SOLVE_OPTION_KEYS);
  // Not validated: any value (undefined included) may parametrise f.
  const params = options.params as P;
  const plan = methodPlan(options);

  const rtol = options.rtol ?? 1e-6;
  if (!finiteNumber(rtol) || rtol <= 0) {
    throw new InvalidArgumentError(WHERE, 'options.rtol', 'must be a positive finite number', rtol);
  }
  if (rtol < MIN_RELATIVE_TOLERANCE) {
    // core's floor of every relative tolerance: below it the rounding of the solution's own arithmetic exceeds the tolerance (steps shrink until they underflow).
    throw new InvalidArgumentError(
      WHERE,
      'options.rtol',
      `must be at least 100·2⁻⁵² ≈ ${MIN_RELATIVE_TOLERANCE.toPrecision(3)} (100 units of double-precision rounding; tighter tolerances cannot be met)`,
      rtol,
    );
  }
  const atolIn = options.atol ?? 1e-6;
  const atol = new Float64Array(n);
  if (typeof atolIn === 'number') {
    if (!finiteNumber(atolIn) || atolIn < 0) {
      throw new InvalidArgumentError(WHERE, 'options.atol', 'must be a nonnegative finite number', atolIn);
    }
    atol.fill(atolIn);
  } else {
    if (atolIn === null || typeof atolIn !== 'object' || atolIn.length !== n) {
      throw new InvalidArgumentError(WHERE, 'options.atol', `must be a number or have one entry per component (${n})`, atolIn);
    }
    for (let i = 0; i < n; i++) {
      const v = atolIn[i];
      if (!finiteNumber(v) || v < 0) {
        throw new InvalidArgumentError(WHERE, `options.atol[${i}]`, 'must be a nonnegative finite number', v);
      }
      atol[i] = v;
    }
  }

  const maxStep = options.maxStep;
  if (maxStep !== undefined && (!finiteNumber(maxStep) || maxStep <= 0)) {
    throw new InvalidArgumentError(WHERE, 'options.maxStep', 'must be a positive finite number', maxStep);
  }
  const firstStep = options.firstStep ?? 0;
  if (options.firstStep !== undefined && (!finiteNumber(firstStep) || firstStep <= 0)) {
    throw new InvalidArgumentError(WHERE, 'options.firstStep', 'must be a positive finite number (a magnitude)', firstStep);
  }
  const maxSteps = options.maxSteps ?? 100000;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError(WHERE, 'options.maxSteps', 'must be a positive integer', maxSteps);
  }

  let tEval: Float64Array | null = null;
  if (options.tEval !== undefined) {
    const te = options.tEval;
    if (te === null || typeof te !== 'object' || typeof te.length !== 'number') {
      throw new InvalidArgumentError(WHERE, 'options.tEval', 'must be an array of times', te);
    }
    tEval = new Float64Array(te.length);
    const lo = Math.min(t0, t1);
    const hi = Math.max(t0, t1);
    for (let k = 0; k < te.length; k++) {
      const v = te[k];
      if (!finiteNumber(v)) throw new InvalidArgumentError(WHERE, `options.tEval[${k}]`, 'must be a finite number', v);
      if (v < lo || v > hi) {
        throw new InvalidArgumentError(WHERE, `options.tEval[${k}]`, `must lie in [${lo}, ${hi}] (the interval of integration)`, v);
      }
      if (k > 0 && (v - tEval[k - 1]) * direction < 0) {
        throw new InvalidArgumentError(
          WHERE,
          `options.tEval[${k}]`,
          `must not come before tEval[${k - 1}] = ${tEval[k - 1]} in the direction of integration (${direction > 0 ? 'increasing' : 'decreasing'})`,
          v,
        );
      }
      tEval[k] = v;
    }
  }

  const dense = options.dense ?? false;
  if (typeof dense !== 'boolean') throw new InvalidArgumentError(WHERE, 'options.dense', 'must be a boolean', dense);

  const events: NormalizedEvent[] = [];
  if (options.events !== undefined) {
    if (!Array.isArray(options.events)) {
      throw new InvalidArgumentError(WHERE, 'options.events', 'must be an array of event functions', options.events);
    }
    options.events.forEach((ev: EventFunction<P>, k: number) => {
      if (ev === null || typeof ev !== 'object' || typeof ev.g !== 'function') {
        throw new InvalidArgumentError(WHERE, `options.events[${k}]`, 'must be an object with a function g(t, y)', ev);
      }
      validateKnownKeys(WHERE, `options.events[${k}]`, ev, EVENT_KEYS);
      const dir = ev.direction ?? 0;
      if (dir !== -1 && dir !== 0 && dir !== 1) {
        throw new InvalidArgumentError(WHERE, `options.events[${k}].direction`, 'must be -1, 0 or 1', dir);
      }
      const terminal = ev.terminal ?? false;
      if (typeof terminal !== 'boolean') {
        throw new InvalidArgumentError(WHERE, `options.events[${k}].terminal`, 'must be a boolean', terminal);
      }
      const g = ev.g;
      events.push({ g: (t, y) => g(t, y, params), direction: dir, terminal });
    });
  }

  for (const method of plan.kind === 'single' ? [plan.method] : [plan.nonStiff, plan.stiff]) method.validateTolerances?.(rtol, atol);

  const controller = controllerOptions(options, plan);

  const sc = options.stiffnessCheck ?? (plan.kind === 'auto' ? 1 : 1000);
  let stiffnessCheck: number;
  if (sc === false) {
    if (plan.kind === 'auto') {
      throw new InvalidArgumentError(
        WHERE,
        'options.stiffnessCheck',
        "must be a positive integer with method 'auto' (its stiffness test decides the switches)",
        sc,
      );
    }
    stiffnessCheck = 0;
  } else if (Number.isInteger(sc) && sc >= 1) stiffnessCheck = sc;
  else throw new InvalidArgumentError(WHERE, 'options.stiffnessCheck', 'must be a positive integer or false', sc);

  const clockRestart = normalizeClockRestart(options.clockRestart);

  const jacobianIn = options.jacobian;
  if (jacobianIn !== undefined && typeof jacobianIn !== 'function') {
    throw new InvalidArgumentError(WHERE, 'options.jacobian', 'must be a function (t, y, jac) => void writing ∂f/∂y row-major', jacobianIn);
  }
  const jacobian = jacobianIn === undefined ? undefined : guardedJacobian(jacobianIn, n, params);
  const sparsity =
    options.jacobianSparsity === undefined
      ? undefined
      : jacobianSparsityColumns(WHERE, 'options.jacobianSparsity', options.jacobianSparsity, n);
  const jacobianColumns = sparsity?.columns;
  const usesBdf = plan.kind === 'single' ? plan.method.name === 'bdf' : plan.stiff.name === 'bdf';
  const bdf = callbacksFailingAsStatus(normalizeBdfSettings(WHERE, options, n, usesBdf, sparsity?.band));
  if (options.gmres !== undefined && options.gmres !== null && typeof options.gmres === 'object') {
    validateKnownKeys(WHERE, 'options.gmres', options.gmres, GMRES_KEYS);
  }
  const bandwidth = options.jacobianBandwidth;
  if (bandwidth !== undefined && bandwidth !== null && typeof bandwidth === 'object') {
    validateKnownKeys(WHERE, 'options.jacobianBandwidth', bandwidth, BANDWIDTH_KEYS);
  }

  return {
    f: (t, y, dydt) => f(t, y, dydt, params),
    t0,
    t1,
    direction,
    y0: y,
    n,
    plan,
    rtol,
    atol,
    firstStep,
    maxStep,
    maxSteps,
    tEval,
    dense,
    events,
    controller,
    stiffnessCheck,
    clockRestart,
    jacobian,
    jacobianColumns,
    bdf,
    controls: normalizeControls(options),
  };
}

/** `'bdf'`'s callbacks with a throw turned into status `'f-error'`. */
function callbacksFailingAsStatus(bdf: BdfSettings): BdfSettings {
  const { jvp, psolve, psetup } = bdf;
  return {
    ...bdf,
    jvp: jvp === undefined ? undefined : throwingAsFailure('options.jvp', jvp),
    psolve: psolve === undefined ? undefined : throwingAsFailure('options.psolve', psolve),
    psetup: psetup === undefined ? undefined : throwingAsFailure('options.psetup', psetup),
  };
}

/** Checks `options.onStep`, `signal` and `checkJacobian`. */
function normalizeControls<P>(options: SolveOptions<P>): NormalizedControls {
  const { onStep, signal } = options;
  if (onStep !== undefined && typeof onStep !== 'function') {
    throw new InvalidArgumentError(WHERE, 'options.onStep', 'must be a function (t, y, stats) => …, returning false to stop', onStep);
  }
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || typeof signal.aborted !== 'boolean')) {
    throw new InvalidArgumentError(WHERE, 'options.signal', 'must be an AbortSignal (an object with a boolean aborted)', signal);
  }
  const checkJacobian = options.checkJacobian ?? false;
  if (typeof checkJacobian !== 'boolean')
    throw new InvalidArgumentError(WHERE, 'options.checkJacobian', 'must be a boolean', checkJacobian);
  if (checkJacobian && options.jacobian === undefined) {
    throw new InvalidArgumentError(
      WHERE,
      'options.checkJacobian',
      'applies only with options.jacobian (there is nothing to check)',
      checkJacobian,
    );
  }
  return { onStep, signal, checkJacobian };
}

/** Resolves `options.method` and `options.autoSwitch` through the registry. */
function methodPlan<P>(options: SolveOptions<P>): MethodPlan {
  const name = options.method ?? 'dopri5';
  const methods = registeredMethods();
  if (name !== 'auto') {
    const method = methods.find((m) => m.name === name);
    if (method === undefined) {
      throw new InvalidArgumentError(
        WHERE,
        'options.method',
        `must be one of ${quotedList([...methods.map((m) => m.name), 'auto'])}`,
        name,
      );
    }
    if (options.autoSwitch !== undefined) {
      throw new InvalidArgumentError(WHERE, 'options.autoSwitch', "applies to method 'auto' only; leave it unset", options.autoSwitch);
    }
    return { kind: 'single', method };
  }
  const auto = options.autoSwitch ?? {};
  if (auto === null || typeof auto !== 'object')
    throw new InvalidArgumentError(WHERE, 'options.autoSwitch', 'must be an object { nonStiff?, stiff? }', auto);
  validateKnownKeys(WHERE, 'options.autoSwitch', auto, AUTO_SWITCH_KEYS);
  const nonStiffOk = methods.filter((m) => !m.stiff && m.stiffnessTest !== undefined && m.stabilityBoundary !== undefined);
  // A stiff partner needs an eigenvalue estimate (for the switch back); one with its own step controller (bdf) is fine.
  const stiffOk = methods.filter((m) => m.stiff && m.estimatesEigenvalues);
  const nonStiff = nonStiffOk.find((m) => m.name === (auto.nonStiff ?? AUTO_DEFAULT_NON_STIFF));
  if (nonStiff === undefined) {
    throw new InvalidArgumentError(
      WHERE,
      'options.autoSwitch.nonStiff',
      `must be an explicit method with a stiffness test: ${quotedList(nonStiffOk.map((m) => m.name))}`,
      auto.nonStiff,
    );
  }
  const stiff = stiffOk.find((m) => m.name === (auto.stiff ?? AUTO_DEFAULT_STIFF));
  if (stiff === undefined) {
    throw new InvalidArgumentError(
      WHERE,
      'options.autoSwitch.stiff',
      `must be a stiff method with an eigenvalue estimate: ${quotedList(stiffOk.map((m) => m.name))}`,
      auto.stiff,
    );
  }
  return { kind: 'auto', nonStiff, stiff };
}

const CONTROLLER_KEYS = ['safety', 'facMin', 'facMax', 'beta'] as const;

/** The controller constants the caller set, checked against Hairer's admissible ranges (dopri5.f / dop853.f input checks). */
function controllerOptions<P>(options: SolveOptions<P>, plan: MethodPlan): Partial<ControllerSettings> {
  const methods = plan.kind === 'single' ? [plan.method] : [plan.nonStiff, plan.stiff];
  const out: Partial<ControllerSettings> = {};
  for (const key of CONTROLLER_KEYS) {
    const v = options[key];
    if (v === undefined) continue;
    const own = methods.find((m) => m.controllerDefaults === undefined);
    if (own !== undefined) {
      throw new InvalidArgumentError(
        WHERE,
        `options.${key}`,
        `does not apply to method '${own.name}' (it has its own step controller); leave it unset`,
        v,
      );
    }
    out[key] = v;
  }
  const { safety, facMin, facMax, beta } = out;
  if (safety !== undefined && (!finiteNumber(safety) || safety <= 1e-4 || safety >= 1)) {
    throw new InvalidArgumentError(WHERE, 'options.safety', 'must lie strictly between 1e-4 and 1', safety);
  }
  if (facMin !== undefined && (!finiteNumber(facMin) || facMin <= 0 || facMin > 1)) {
    throw new InvalidArgumentError(WHERE, 'options.facMin', 'must lie in (0, 1]', facMin);
  }
  if (facMax !== undefined && (!finiteNumber(facMax) || facMax < 1)) {
    throw new InvalidArgumentError(WHERE, 'options.facMax', 'must be a finite number ≥ 1', facMax);
  }
  if (beta !== undefined && (!finiteNumber(beta) || beta < 0 || beta > 0.2)) {
    throw new InvalidArgumentError(WHERE, 'options.beta', 'must lie in [0, 0.2]', beta);
  }
  return out;
}

/** The largest |y_i|: the default measure of `clockRestart`. */
function maxAbs(y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m = Math.max(m, Math.abs(y[i]));
  return m;
}

function normalizeClockRestart(option: SolveOptions<unknown>['clockRestart']): NormalizedClockRestart | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return { measure: maxAbs, factor: 2 };
  if (option === null || typeof option !== 'object') {
    throw new InvalidArgumentError(WHERE, 'options.clockRestart', 'must be true, false or an object { measure?, factor? }', option);
  }
  validateKnownKeys(WHERE, 'options.clockRestart', option, CLOCK_RESTART_KEYS);
  const measure = option.measure ?? maxAbs;
  if (typeof measure !== 'function') {
    throw new InvalidArgumentError(WHERE, 'options.clockRestart.measure', 'must be a function (y) => number', measure);
  }
  const factor = option.factor ?? 2;
  if (!finiteNumber(factor) || factor <= 1) {
    throw new InvalidArgumentError(WHERE, 'options.clockRestart.factor', 'must be a finite number > 1', factor);
  }
  return { measure, factor };
}

/** The controller constants of `method`: its defaults overridden by the caller's; undefined for methods with their own controller. */
export function controllerSettings(problem: NormalizedProblem, method: RegisteredMethod): ControllerSettings | undefined {
  const d = method.controllerDefaults;
  if (d === undefined) return undefined;
  const c = problem.controller;
  return { safety: c.safety ?? d.safety, facMin: c.facMin ?? d.facMin, facMax: c.facMax ?? d.facMax, beta: c.beta ?? d.beta };
}
