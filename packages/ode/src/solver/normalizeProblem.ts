/**
 * Validation and normalisation of the arguments of {@link solveIvp}: every rule
 * is checked here, once, before any computation; the kernels assume valid input.
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { EventFunction, JacobianFunction, Method, RhsFunction, SolveOptions } from './types.js';
import type { ControllerSettings } from './stepper.js';
import { jacobianColumnGroups, type JacobianColumnGroups } from './jacobian.js';

const WHERE = 'solveIvp';

/** An event function with its defaults applied. */
export interface NormalizedEvent {
  g: (t: number, y: Float64Array) => number;
  direction: -1 | 0 | 1;
  terminal: boolean;
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
  method: Method;
  rtol: number;
  atol: Float64Array;
  /** Initial step magnitude; 0 means "choose by HINIT". */
  firstStep: number;
  /** Largest step magnitude. */
  maxStep: number;
  maxSteps: number;
  /** Output times, or null for "every accepted step". */
  tEval: Float64Array | null;
  /** Whether `sol(t)` is wanted. */
  dense: boolean;
  events: NormalizedEvent[];
  /** Controller constants with the method's defaults applied (unused by odex). */
  controller: ControllerSettings;
  /** Stiffness test period in accepted steps; 0 = off. */
  stiffnessCheck: number;
  /** The caller's Jacobian (stiff methods), or undefined for finite differences. */
  jacobian: JacobianFunction | undefined;
  /** Column groups from `options.jacobianSparsity`, or undefined (one column per evaluation). */
  jacobianColumns: JacobianColumnGroups | undefined;
}

/** Every method `solveIvp` knows, in the order messages list them. */
export const METHODS: readonly Method[] = ['dopri5', 'dop853', 'odex', 'rodas4'];

function finiteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Checks and normalises the arguments of `solveIvp`.
 * @throws {InvalidArgumentError} naming the argument, the rule and the value.
 */
export function normalizeProblem(
  f: RhsFunction,
  tspan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveOptions,
  controllerDefaults: (method: Method) => ControllerSettings | null,
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
  const method = options.method ?? 'dopri5';
  if (!METHODS.includes(method)) {
    throw new InvalidArgumentError(WHERE, 'options.method', `must be one of ${METHODS.map((m) => `'${m}'`).join(', ')}`, method);
  }

  const rtol = options.rtol ?? 1e-6;
  if (!finiteNumber(rtol) || rtol <= 0) {
    throw new InvalidArgumentError(WHERE, 'options.rtol', 'must be a positive finite number', rtol);
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

  const span = Math.abs(t1 - t0);
  const maxStep = options.maxStep ?? span;
  if (!finiteNumber(maxStep) || maxStep <= 0) {
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
    options.events.forEach((ev: EventFunction, k: number) => {
      if (ev === null || typeof ev !== 'object' || typeof ev.g !== 'function') {
        throw new InvalidArgumentError(WHERE, `options.events[${k}]`, 'must be an object with a function g(t, y)', ev);
      }
      const dir = ev.direction ?? 0;
      if (dir !== -1 && dir !== 0 && dir !== 1) {
        throw new InvalidArgumentError(WHERE, `options.events[${k}].direction`, 'must be -1, 0 or 1', dir);
      }
      const terminal = ev.terminal ?? false;
      if (typeof terminal !== 'boolean') {
        throw new InvalidArgumentError(WHERE, `options.events[${k}].terminal`, 'must be a boolean', terminal);
      }
      events.push({ g: ev.g, direction: dir, terminal });
    });
  }

  const controllerKeys = ['safety', 'facMin', 'facMax', 'beta'] as const;
  let controller: ControllerSettings;
  const d = controllerDefaults(method);
  if (d === null) {
    for (const key of controllerKeys) {
      if (options[key] !== undefined) {
        throw new InvalidArgumentError(
          WHERE,
          `options.${key}`,
          `does not apply to method '${method}' (it has its own step controller); leave it unset`,
          options[key],
        );
      }
    }
    controller = { safety: 0.9, facMin: 0.2, facMax: 10, beta: 0 };
  } else {
    controller = {
      safety: options.safety ?? d.safety,
      facMin: options.facMin ?? d.facMin,
      facMax: options.facMax ?? d.facMax,
      beta: options.beta ?? d.beta,
    };
    // Hairer's admissible ranges (dopri5.f / dop853.f input checks).
    if (!finiteNumber(controller.safety) || controller.safety <= 1e-4 || controller.safety >= 1) {
      throw new InvalidArgumentError(WHERE, 'options.safety', 'must lie strictly between 1e-4 and 1', controller.safety);
    }
    if (!finiteNumber(controller.facMin) || controller.facMin <= 0 || controller.facMin > 1) {
      throw new InvalidArgumentError(WHERE, 'options.facMin', 'must lie in (0, 1]', controller.facMin);
    }
    if (!finiteNumber(controller.facMax) || controller.facMax < 1) {
      throw new InvalidArgumentError(WHERE, 'options.facMax', 'must be a finite number ≥ 1', controller.facMax);
    }
    if (!finiteNumber(controller.beta) || controller.beta < 0 || controller.beta > 0.2) {
      throw new InvalidArgumentError(WHERE, 'options.beta', 'must lie in [0, 0.2]', controller.beta);
    }
  }

  const sc = options.stiffnessCheck ?? 1000;
  let stiffnessCheck: number;
  if (sc === false) stiffnessCheck = 0;
  else if (Number.isInteger(sc) && sc >= 1) stiffnessCheck = sc;
  else throw new InvalidArgumentError(WHERE, 'options.stiffnessCheck', 'must be a positive integer or false', sc);

  const jacobian = options.jacobian;
  if (jacobian !== undefined && typeof jacobian !== 'function') {
    throw new InvalidArgumentError(WHERE, 'options.jacobian', 'must be a function (t, y, jac) => void writing ∂f/∂y row-major', jacobian);
  }
  const jacobianColumns =
    options.jacobianSparsity === undefined ? undefined : jacobianColumnGroups(WHERE, 'options.jacobianSparsity', options.jacobianSparsity, n);

  return {
    f,
    t0,
    t1,
    direction,
    y0: y,
    n,
    method,
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
    jacobian,
    jacobianColumns,
  };
}
