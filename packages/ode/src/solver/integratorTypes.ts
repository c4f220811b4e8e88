/**
 * Types of the step-by-step integrator {@link createIntegrator}.
 *
 * @module
 */

import type { Method } from './methodRegistry.js';
import type { SolveOptions, SolveStats } from './types.js';

/** The options of `solveIvp` that only its multistep method `'bdf'` reads (not a one-step method). */
type BdfOnlyOptions = 'bdfFormula' | 'maxOrder' | 'minOrder' | 'linearSolver' | 'jacobianBandwidth' | 'jvp' | 'psolve' | 'psetup' | 'gmres';

/**
 * Options of {@link createIntegrator}: those of `solveIvp` that shape the steps of a
 * one-step method, plus `tEnd`. The output options of `solveIvp` (`tEval`, `dense`,
 * `events`, `onStep`) have no place here (`step()` and `advanceTo()` replace them), nor
 * have `clockRestart` and method `'auto'` (they chain runs) or the options of `'bdf'`;
 * passing one is rejected.
 */
export interface IntegratorOptions<P = void> extends Omit<
  SolveOptions<P>,
  'method' | 'autoSwitch' | 'tEval' | 'dense' | 'events' | 'onStep' | 'clockRestart' | 'maxSteps' | BdfOnlyOptions
> {
  /** A one-step method (see {@link createIntegrator}); default `'dopri5'`. */
  method?: Method;
  /**
   * A time the integrator never steps past (it lands on it exactly, status `'finished'`);
   * default `+Infinity`: no end. `-Infinity` (or any tEnd < t0) integrates backward.
   */
  tEnd?: number;
  /** Largest number of steps (accepted and rejected) over the integrator's life before status `'max-steps'`; default unlimited. */
  maxSteps?: number;
}

/**
 * Where an integrator stands. `'running'`: it can take more steps; `'finished'`: it
 * reached `tEnd`; the failures are those of `solveIvp` (`'stiff'`: Hairer's stiffness
 * test fired for an explicit method; `'newton-failed'`, `'singular'`,
 * `'linear-solver-failed'`: an implicit method's iteration), and `'aborted'` (`signal`).
 */
export type IntegratorStatus =
  | 'running'
  | 'finished'
  | 'max-steps'
  | 'step-too-small'
  | 'non-finite'
  | 'stiff'
  | 'newton-failed'
  | 'singular'
  | 'linear-solver-failed'
  | 'f-error'
  | 'aborted';

/** A snapshot of an integrator (fresh arrays: keep them freely). */
export interface IntegratorState {
  /** Time (for `state` and `step()`: the end of the last accepted step; for `advanceTo(t)`: t when reached). */
  readonly t: number;
  /** The state at `t` (a copy). */
  readonly y: Float64Array;
  /** Where the integrator stands. */
  readonly status: IntegratorStatus;
  /** One sentence: what happened last (empty while running). */
  readonly message: string;
  /** Work counters so far. */
  readonly stats: SolveStats;
  /** Status `'f-error'`: the error the callback threw; `'aborted'`: the signal's reason. */
  readonly cause?: unknown;
}

/** A step-by-step integration of `y' = f(t, y)`: see {@link createIntegrator}. */
export interface Integrator {
  /** The method it steps with. */
  readonly method: Method;
  /** Where it stands: the end of the last accepted step (t0 before the first). */
  readonly state: IntegratorState;
  /**
   * Takes one accepted step (however many attempts it needs) and returns the new state;
   * when the status is no longer `'running'`, does nothing and returns the state.
   */
  step(): IntegratorState;
  /**
   * Steps until `t` is reached or passed and returns the solution at exactly `t` from
   * the dense output of the step that covers it (the steps do not depend on the times
   * asked for, as with `solveIvp`'s `tEval`). `t` may lie anywhere from the start of the
   * last step on, up to `tEnd`. If the integration fails first, returns the state where
   * it stopped, with the failure's status.
   */
  advanceTo(t: number): IntegratorState;
}
