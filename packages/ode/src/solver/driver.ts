/**
 * The one interface through which every method's step loop plugs into `solveIvp`:
 * the shared one-step driver (`oneStepDriver.ts`, for every `Stepper`), and
 * methods with their own loop (`odex.ts`; next the multistep BDF).
 *
 * A *run* integrates with one method over a stretch of one segment of the local
 * clock, from a given state, and hands every accepted step to a {@link StepSink}
 * (the output side: `tEval`, events, `sol`, clock restarts). It ends when it reaches
 * the end of the stretch, when the sink stops it, when its stiffness detector fires
 * (`method: 'auto'` then continues with the other method from the returned state),
 * or on failure. The orchestrator (`integrate.ts`) chains runs; the driver never
 * sees clock restarts or method switches.
 *
 * @module
 */

import type { CallbackFailure } from './callbackFailure.js';
import type { CountedRhs } from './countedRhs.js';
import type { NormalizedProblem } from './normalizeProblem.js';
import type { ControllerSettings, DenseInterpolant } from './stepper.js';
import type { StiffnessDetector } from './stiffnessDetector.js';

/** Receives the accepted steps of a run (times are local: see {@link CountedRhs}). */
export interface StepSink {
  /**
   * One accepted step from `tOld` to `tNew` (`tOld + h`, or exactly the end of the
   * stretch on the last step) with the new state and its dense output: `coef`
   * evaluated by `dense.interpolate` (ignored unless the run was asked for dense output).
   * @returns true to stop the run here (a terminal event, or the end of a clock segment).
   */
  step(tOld: number, h: number, tNew: number, yNew: Float64Array, coef: Float64Array, dense: DenseInterpolant): boolean;
}

/** Where and how one run starts. */
export interface RunSetup {
  /** The validated problem: tolerances, Jacobian options, `firstStep`. */
  readonly problem: NormalizedProblem;
  /** The counted right-hand side; its `origin` maps local to absolute time. */
  readonly rhs: CountedRhs;
  /** Start time (local). */
  readonly t: number;
  /** Start state (the driver copies it). */
  readonly y: Float64Array;
  /** End of the stretch (local): the run's t1. */
  readonly tEnd: number;
  /** Largest step magnitude. */
  readonly hMax: number;
  /** f(t, y) when the caller has it (after a method switch), saving one evaluation. */
  readonly f?: Float64Array;
  /** Signed first step when the caller has one (after a method switch); otherwise `firstStep` or HINIT. */
  readonly h?: number;
  /** Steps (accepted + rejected) this run may still attempt before `'max-steps'`. */
  readonly maxSteps: number;
  /** Whether steps must produce dense output (`dense`, `tEval`, events or clock restarts). */
  readonly dense: boolean;
  /** Controller constants with the method's defaults applied (undefined for methods with their own controller). */
  readonly controller: ControllerSettings | undefined;
  /** Consulted after every accepted step; the run ends with `'detected'` when it fires. */
  readonly detector?: StiffnessDetector;
  /** Name for messages, e.g. `'dopri5'` or `'auto: rodas4'`. */
  readonly label: string;
}

/** Why a run ended. */
export type RunEndReason =
  /** Reached `tEnd`. */
  | 'finished'
  /** The sink returned true. */
  | 'stopped'
  /** The stiffness detector fired (after the step was handed to the sink). */
  | 'detected'
  /** `maxSteps` exhausted. */
  | 'max-steps'
  /** The step size fell below what double precision resolves at t. */
  | 'step-too-small'
  /** Non-finite values that shorter steps did not cure. */
  | 'non-finite'
  /** Implicit methods: the Newton iteration failed at every step size tried (message set). */
  | 'newton-failed'
  /** Implicit methods: the iteration matrix stayed singular (message set). */
  | 'singular'
  /** Implicit methods with an iterative linear solver: it did not converge (message set). */
  | 'linear-solver-failed'
  /** A user callback threw (a `CallbackFailure`, see `callbackFailure.ts`); `failure` says which. */
  | 'f-error';

/** Work counters of implicit multistep methods beyond f, J and LU (added to `SolveStats`). */
export interface NewtonWork {
  readonly nnewton: number;
  readonly nlinear: number;
  readonly njvp: number;
  readonly nprec: number;
}

/** How a run ended, with what the next run (or the result) needs. */
export interface RunEnd {
  readonly reason: RunEndReason;
  /** Time reached (local): the last accepted step's end. */
  readonly t: number;
  /** State at `t`. */
  readonly y: Float64Array;
  /** f(t, y) when the driver has it (undefined otherwise). */
  readonly f: Float64Array | undefined;
  /** The last accepted step (signed; the first step's size if none was accepted). */
  readonly h: number;
  /** The step the controller proposed next (signed). */
  readonly hNext: number;
  /** Steps attempted, accepted and rejected in this run. */
  readonly nsteps: number;
  readonly naccepted: number;
  readonly nrejected: number;
  /** Jacobian evaluations and LU decompositions in this run (undefined for methods without them). */
  readonly njev: number | undefined;
  readonly nlu: number | undefined;
  /** One-step implicit methods (radau5): linear solves (Hairer's NSOL) and Newton iterations in this run. */
  readonly nsol?: number;
  readonly nnewton?: number;
  /** For `'non-finite'` (and optionally `'step-too-small'`): the sentence saying what happened where. */
  readonly message?: string;
  /** Newton and linear-solver counters of the run (undefined for methods without them). */
  readonly newton?: NewtonWork;
  /** For `'f-error'`: the callback's failure. */
  readonly failure?: CallbackFailure;
}

/** A method's step loop. */
export interface Driver {
  /** Integrates from `setup.t` towards `setup.tEnd`, handing each accepted step to `sink`. */
  run(setup: RunSetup, sink: StepSink): RunEnd;
}
