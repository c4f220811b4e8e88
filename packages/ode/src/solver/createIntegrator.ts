/**
 * The step-by-step integrator: the one-step driver's run, paused after every accepted
 * step, for streaming, live plots, cooperative multitasking and open-ended integration.
 *
 * @module
 */

import { InvalidArgumentError, validateKnownKeys } from '@jepa-dynamics/core';
import { CallbackFailure } from './callbackFailure.js';
import { checkJacobianAtStart } from './checkJacobianAtStart.js';
import { CountedRhs } from './countedRhs.js';
import type { RunEnd, RunSetup, StepSink } from './driver.js';
import type { Integrator, IntegratorOptions, IntegratorState, IntegratorStatus } from './integratorTypes.js';
import { AUTO_DEFAULT_STIFF, registeredMethods, type RegisteredMethod } from './methodRegistry.js';
import { controllerSettings, normalizeProblem, type NormalizedProblem } from './normalizeProblem.js';
import { OneStepRun } from './oneStepDriver.js';
import { oneStepPartsOf } from './oneStepMethod.js';
import { quotedList } from './quotedList.js';
import { SOLVE_OPTION_KEYS } from './solveOptionKeys.js';
import {
  abortedMessage,
  callbackErrorMessage,
  maxStepsMessage,
  reachedMessage,
  stepTooSmallMessage,
  stiffMessage,
} from './statusMessage.js';
import type { RhsFunction, SolveOptions, SolveStats } from './types.js';

const WHERE = 'createIntegrator';

/** Options of `solveIvp` that have no meaning for a paused run. */
const SOLVE_ONLY = ['tEval', 'dense', 'events', 'onStep', 'clockRestart', 'autoSwitch'] as const;

const INTEGRATOR_KEYS: readonly string[] = [...SOLVE_OPTION_KEYS.filter((k) => !(SOLVE_ONLY as readonly string[]).includes(k)), 'tEnd'];

/** The problem validated by `normalizeProblem`, errors reworded for this function. */
function validated<P>(f: RhsFunction<P>, tspan: [number, number], y0: ArrayLike<number>, options: SolveOptions<P>): NormalizedProblem {
  try {
    return normalizeProblem(f, tspan, y0, options);
  } catch (e) {
    throw reworded(e);
  }
}

/** An `InvalidArgumentError` of `solveIvp`'s checks, as this function's. */
function reworded(e: unknown): unknown {
  return e instanceof InvalidArgumentError ? new InvalidArgumentError(WHERE, e.argument, e.rule, e.value) : e;
}

/** The one-step method named by `options.method`. */
function oneStepMethodNamed(name: unknown): RegisteredMethod {
  const oneStep = registeredMethods().filter((m) => oneStepPartsOf(m) !== undefined);
  const method = oneStep.find((m) => m.name === name);
  if (method !== undefined) return method;
  const others = registeredMethods()
    .filter((m) => oneStepPartsOf(m) === undefined)
    .map((m) => m.name);
  throw new InvalidArgumentError(
    WHERE,
    'options.method',
    `must be a one-step method, ${quotedList(oneStep.map((m) => m.name))} (${quotedList([...others, 'auto'])} run their own loop across steps and cannot pause after each: use solveIvp with onStep for them)`,
    name,
  );
}

/**
 * Creates an integrator of `y' = f(t, y)`, `y(t0) = y0` that advances one accepted
 * step at a time: `step()` takes the next step, `advanceTo(t)` steps until t and
 * interpolates there, `state` says where it stands. It takes exactly the steps
 * `solveIvp` takes over the same interval with the same options (same method, step
 * control, HINIT, stiffness test), so a stream and a batch run agree to the last bit.
 * Between calls nothing runs: a caller can yield to the event loop (`await`), draw,
 * check an `AbortSignal` (also checked before every step), or stop for good.
 *
 * Methods: the one-step methods, those built on the shared one-step driver: `'dopri5'`,
 * `'dop853'`, `'rodas4'`, `'radau5'` (and any registered one-step method). `'odex'` and `'bdf'` are
 * rejected: they run their own loops across steps (the `odex` package's; the multistep
 * history of `'bdf'`) and cannot pause after one (use `solveIvp` with `onStep`);
 * `'auto'` and `clockRestart` chain several runs and are `solveIvp`'s only.
 *
 * Errors: invalid options throw `InvalidArgumentError` here; `f` is called once at once
 * (f(t0, y0), with the checks of `solveIvp`), so a misused `f` throws here too. Failures
 * of the integration are statuses, as in `solveIvp`. Cost per step: that of the method
 * with dense output (dop853: 15 f-evaluations instead of 12), plus one copy of the
 * state per `state`/`step()` snapshot.
 *
 * @typeParam P - type of `options.params`.
 * @param f - right-hand side `f(t, y, dydt, params)`, as for `solveIvp`.
 * @param t0 - start time (finite).
 * @param y0 - initial state (finite numbers, length n ≥ 1).
 * @param options - see {@link IntegratorOptions}; `tEnd` bounds the integration (default none).
 * @returns the integrator.
 * @throws {InvalidArgumentError} for invalid arguments, options of `solveIvp` only, a method
 *   that is not one-step, and a misused `f` or `jacobian` (checked on their first call).
 * @example
 * ```ts
 * // y' = −y from y(0) = 1, streamed: one accepted step at a time, then exact output times.
 * const stream = createIntegrator((t, y, dy) => { dy[0] = -y[0]; }, 0, [1], { rtol: 1e-10, atol: 1e-12 });
 * const first = stream.step();
 * first.status;                                          // => 'running'
 * first.t > 0;                                           // => true
 * const at1 = stream.advanceTo(1);
 * Math.abs(at1.y[0] - Math.exp(-1)) < 1e-9;              // => true
 * at1.t;                                                 // => 1
 * stream.state.t >= 1;                                       // => true  (the last step may end past 1)
 * // The same steps as solveIvp over [0, 2]:
 * const bounded = createIntegrator((t, y, dy) => { dy[0] = -y[0]; }, 0, [1], { tEnd: 2 });
 * const times = [0];
 * while (bounded.step().status === 'running') times.push(bounded.state.t);
 * times.push(bounded.state.t);
 * const batch = solveIvp((t, y, dy) => { dy[0] = -y[0]; }, [0, 2], [1]);
 * times.length === batch.t.length && times.every((t, k) => t === batch.t[k]); // => true
 * bounded.state.status;                                  // => 'finished'
 * createIntegrator((t, y, dy) => { dy[0] = -y[0]; }, 0, [1], { method: 'odex' });
 * // => throws InvalidArgumentError: must be a one-step method
 * ```
 */
export function createIntegrator<P = void>(
  f: RhsFunction<P>,
  t0: number,
  y0: ArrayLike<number>,
  options: IntegratorOptions<P> = {},
): Integrator {
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError(WHERE, 'options', 'must be an object', options);
  for (const key of SOLVE_ONLY) {
    if ((options as Record<string, unknown>)[key] !== undefined) {
      throw new InvalidArgumentError(
        WHERE,
        `options.${key}`,
        "applies to solveIvp only: an integrator outputs through step() and advanceTo(t), and runs one method on one clock (no 'auto', no clockRestart)",
        (options as Record<string, unknown>)[key],
      );
    }
  }
  validateKnownKeys(WHERE, 'options', options, INTEGRATOR_KEYS);
  const { tEnd: tEndIn, method: methodName, maxSteps, ...rest } = options;
  const method = oneStepMethodNamed(methodName ?? 'dopri5');
  const tEnd = tEndIn ?? Number.POSITIVE_INFINITY;
  if (typeof tEnd !== 'number' || Number.isNaN(tEnd) || tEnd === t0) {
    throw new InvalidArgumentError(WHERE, 'options.tEnd', 'must be a number (±Infinity allowed) different from t0', tEnd);
  }
  // normalizeProblem wants a finite interval: without an end, a unit one in the direction
  // of integration (it only orients the run; tEnd replaces t1 below).
  const direction = tEnd > t0 ? 1 : -1;
  const tspan: [number, number] = [t0, Number.isFinite(tEnd) ? tEnd : t0 + direction];
  const solveOptions: SolveOptions<P> = { ...rest, method: method.name, maxSteps: maxSteps ?? Number.MAX_SAFE_INTEGER };
  const problem: NormalizedProblem = { ...validated(f, tspan, y0, solveOptions), t1: tEnd };

  const parts = oneStepPartsOf(method);
  if (parts === undefined) throw new Error(`${WHERE}: internal error: '${method.name}' has no one-step parts.`);
  const rhs = new CountedRhs(problem.f);
  // As in solveIvp: by default no step is longer than the interval (none without an end).
  const hMax = problem.maxStep ?? Math.abs(tEnd - t0);
  const detector = problem.stiffnessCheck > 0 ? method.stiffnessTest?.(problem.stiffnessCheck) : undefined;
  const setup: RunSetup = {
    problem,
    rhs,
    t: t0,
    y: problem.y0,
    tEnd,
    hMax,
    h: problem.firstStep > 0 ? Math.min(problem.firstStep, hMax) * direction : undefined,
    maxSteps: problem.maxSteps,
    dense: true,
    controller: controllerSettings(problem, method),
    detector,
    label: method.name,
  };
  const run = new OneStepRun(parts, setup);
  const interpolant = run.interpolant;
  const coef = new Float64Array(interpolant.denseSize);
  let tOld = t0;
  let hLast = 0;
  const sink: StepSink = {
    step(tPrevious, h, _tNew, _y, c) {
      tOld = tPrevious;
      hLast = h;
      coef.set(c.subarray(0, coef.length));
      return false;
    },
  };

  let status: IntegratorStatus = 'running';
  let message = '';
  let cause: unknown;
  // Messages are worded for solveIvp; here they speak of the integrator.
  const ours = (text: string): string => text.replace(/^solveIvp \(/, `${WHERE} (`);
  const ended = (end: RunEnd): void => {
    const t = end.t;
    switch (end.reason) {
      case 'finished':
        status = 'finished';
        message = reachedMessage(method.name, tEnd, end.naccepted, end.nrejected, rhs.count);
        break;
      case 'detected':
        status = 'stiff';
        message = stiffMessage(method.name, t, detector?.description ?? 'stiffness test', AUTO_DEFAULT_STIFF);
        break;
      case 'max-steps':
        status = 'max-steps';
        message = maxStepsMessage(method.name, t, problem.maxSteps, tEnd, method.stiff);
        break;
      case 'step-too-small':
        status = 'step-too-small';
        // radau5's own message when its Newton iteration kept failing
        message = end.message ?? stepTooSmallMessage(method.name, end.hNext, t);
        break;
      case 'non-finite':
        status = 'non-finite';
        message = end.message ?? `solveIvp (${method.name}): non-finite values at t = ${t}.`;
        break;
      case 'newton-failed':
      case 'singular':
      case 'linear-solver-failed':
        status = end.reason;
        message = end.message ?? `solveIvp (${method.name}): ${end.reason} at t = ${t}.`;
        break;
      case 'f-error':
        status = 'f-error';
        message = callbackErrorMessage(method.name, end.failure?.description ?? 'a callback failed', t);
        cause = end.failure?.cause;
        break;
      case 'stopped':
        throw new Error(`${WHERE}: internal error: the run stopped although nothing asked it to.`);
      default: {
        const never: never = end.reason;
        return never;
      }
    }
    message = ours(message);
  };

  const stats = (): SolveStats => {
    const s: SolveStats = { nfev: rhs.count, ...run.counts };
    const work = run.workCounters;
    if (work !== undefined) {
      s.njev = work.njev;
      s.nlu = work.nlu;
      if (work.nsol !== undefined) s.nsol = work.nsol;
      if (work.nnewton !== undefined) s.nnewton = work.nnewton;
    }
    return s;
  };
  const snapshot = (t: number, y: Float64Array): IntegratorState => {
    const state: { -readonly [K in keyof IntegratorState]: IntegratorState[K] } = { t, y, status, message, stats: stats() };
    if (cause !== undefined) state.cause = cause;
    return state;
  };
  const current = (): IntegratorState => snapshot(run.time, run.state.slice());
  const advance = (): void => {
    if (status !== 'running') return;
    if (problem.controls.signal?.aborted === true) {
      status = 'aborted';
      message = ours(abortedMessage(method.name, run.time));
      cause = problem.controls.signal.reason;
      return;
    }
    const end = run.advance(sink);
    if (end !== undefined) ended(end);
  };

  try {
    if (problem.controls.checkJacobian && problem.jacobian !== undefined)
      checkJacobianAtStart(problem.jacobian, rhs, t0, problem.y0, problem.atol);
    const failed = run.start();
    if (failed !== undefined) ended(failed);
  } catch (e) {
    if (!(e instanceof CallbackFailure)) throw reworded(e);
    status = 'f-error';
    message = ours(callbackErrorMessage(method.name, e.description, t0));
    cause = e.cause;
  }

  return {
    method: method.name,
    get state() {
      return current();
    },
    step() {
      advance();
      return current();
    },
    advanceTo(t: number) {
      if (typeof t !== 'number' || !Number.isFinite(t))
        throw new InvalidArgumentError('Integrator.advanceTo', 't', 'must be a finite number', t);
      if ((t - tOld) * direction < 0) {
        throw new InvalidArgumentError(
          'Integrator.advanceTo',
          't',
          `must not come before the start of the last step, t = ${tOld} (the integrator keeps only that step's dense output)`,
          t,
        );
      }
      if ((t - tEnd) * direction > 0)
        throw new InvalidArgumentError('Integrator.advanceTo', 't', `must not pass options.tEnd = ${tEnd}`, t);
      while (status === 'running' && (t - run.time) * direction > 0) advance();
      if ((t - run.time) * direction > 0) return current();
      if (t === run.time) return snapshot(t, run.state.slice());
      const y = new Float64Array(problem.n);
      interpolant.interpolate(coef, 0, (t - tOld) / hLast, y);
      return snapshot(t, y);
    },
  };
}
