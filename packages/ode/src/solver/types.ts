/**
 * Types of the general initial-value-problem solver {@link solveIvp}.
 *
 * Conventions: the state is a `Float64Array` of length n; time may run forward
 * (`t1 > t0`) or backward (`t1 < t0`). Nothing here knows about JEPA.
 *
 * @module
 */

import type { BdfFormula } from './bdfCoefficients.js';
import type { LinearSolverChoice } from './linear/linearSolverChoice.js';
import type { Method, MethodChoice } from './methodRegistry.js';
import type { SolveControls } from './solveControls.js';

/**
 * Right-hand side of `y' = f(t, y)`. Writes the derivative into `dydt` (length n,
 * preallocated by the solver and reused: do not keep a reference to it), returns
 * nothing, and must not modify `y`. It is called on the hot path: allocate nothing
 * inside it. Its first call is checked (solveIvp throws `InvalidArgumentError` if it
 * returns a value or a Promise, leaves a component of dydt unwritten, or changes y).
 *
 * `params` is `options.params` (undefined when unset): one `f` serves many parameter
 * sets, `solveIvp(f, tspan, y0, { params: { k: 2 } })`; `P` is its type.
 */
export type RhsFunction<P = void> = (t: number, y: Float64Array, dydt: Float64Array, params: P) => void;

/**
 * Jacobian `∂f/∂y` of the right-hand side, written row-major into `jac`
 * (`jac[i * n + j] = ∂f_i/∂y_j`, length n², preallocated): all n² entries, zeros
 * included (its first call is checked: every entry written and finite). Used by stiff
 * methods; when omitted they form it by finite differences. `params` is `options.params`.
 */
export type JacobianFunction<P = void> = (t: number, y: Float64Array, jac: Float64Array, params: P) => void;

export type { Method, MethodChoice } from './methodRegistry.js';
export type { BdfFormula } from './bdfCoefficients.js';
export type { LinearSolverChoice } from './linear/linearSolverChoice.js';

/**
 * A scalar event function `g(t, y)`: an event occurs where `g` changes sign.
 * The solver locates the root on the dense output to
 * `|Δt| ≤ 1e-12 · max(1, |t|)` with a bracketing root finder.
 */
export interface EventFunction<P = void> {
  /** The event function; must not modify `y`. `params` is `options.params`. */
  g: (t: number, y: Float64Array, params: P) => number;
  /**
   * Which crossings count: `1` only `g` increasing through 0, `-1` only decreasing,
   * `0` (default) both.
   */
  direction?: -1 | 0 | 1;
  /** Stop the integration at the first such event (status `'event'`). Default false. */
  terminal?: boolean;
}

/**
 * The two methods of `method: 'auto'` (both looked up in the method registry).
 */
export interface AutoSwitchOptions {
  /**
   * The explicit method it starts with and returns to: a non-stiff method with a
   * stiffness test, `'dopri5'` (default) or `'dop853'` (better at tight tolerances).
   */
  nonStiff?: Method;
  /** The stiff method it switches to: a stiff method with an eigenvalue estimate; default `'rodas4'`. */
  stiff?: Method;
}

/**
 * Restarts of the clock (see {@link SolveOptions.clockRestart}): which quantity's
 * growth ends a segment, and by how much.
 */
export interface ClockRestartOptions {
  /**
   * The scalar that measures the size of the solution, e.g. one component or a
   * product of components; must return a finite number. Default: `max_i |y_i|`.
   */
  measure?: (y: Float64Array) => number;
  /** A segment ends when `|measure(y)|` reaches `factor` times its value at the segment's start; > 1, default 2. */
  factor?: number;
}

/**
 * Options of {@link solveIvp}. Every field is optional; defaults are Hairer's. A key
 * that is not one of these is rejected (with the closest valid name suggested).
 * `P` is the type of `params`, passed to `f`, `jacobian`, event functions and `'bdf'`'s
 * `jvp`, `psolve` and `psetup`.
 */
export interface SolveOptions<P = void> extends SolveControls<P> {
  /**
   * Integration method (see {@link solverMethods}); default `'dopri5'`. `'auto'`
   * integrates with an explicit method and switches to a stiff one when Hairer's
   * stiffness test fires, and back when the steps the stiff method takes would be
   * stable for the explicit one (as LSODA and DifferentialEquations.jl's
   * `AutoTsit5(Rosenbrock23())` do); the switches are in `result.switches`.
   */
  method?: MethodChoice;
  /** The two methods of `method: 'auto'`; default `{ nonStiff: 'dopri5', stiff: 'rodas4' }`. */
  autoSwitch?: AutoSwitchOptions;
  /** Relative tolerance (> 0); default 1e-6. */
  rtol?: number;
  /** Absolute tolerance (≥ 0), scalar or one per component; default 1e-6. */
  atol?: number | ArrayLike<number>;
  /** Initial step size (> 0, magnitude); default chosen by Hairer's HINIT. */
  firstStep?: number;
  /** Largest step size (> 0, magnitude); default `|t1 − t0|`. */
  maxStep?: number;
  /** Largest number of steps (accepted and rejected) before giving up with status `'max-steps'`; default 100000. */
  maxSteps?: number;
  /**
   * Output times, monotone in the direction of integration and inside `[t0, t1]`.
   * When given, the result holds the solution at exactly these times (from the
   * dense output) instead of at every step.
   */
  tEval?: ArrayLike<number>;
  /** Keep the continuous solution: the result gets `sol(t)`. Default false. */
  dense?: boolean;
  /** Event functions to locate. */
  events?: readonly EventFunction<P>[];
  /** Step-size safety factor; default 0.9. */
  safety?: number;
  /** Smallest step-size ratio per step; default 0.2 (dopri5, rodas4, radau5), 0.333 (dop853). */
  facMin?: number;
  /** Largest step-size ratio per step; default 10 (dopri5), 6 (dop853, rodas4), 8 (radau5). */
  facMax?: number;
  /** Stabilisation (PI) exponent β of the step controller; default 0.04 (dopri5), 0 (dop853); rodas4 and radau5 ignore it (they use Gustafsson's predictive controller). */
  beta?: number;
  /**
   * Hairer's stiffness test of the explicit methods: checked every this many accepted
   * steps, then at every step once a check was positive; default 1000 (Hairer's), or 1
   * with `method: 'auto'`. `false` turns it off (not allowed with `'auto'`). On
   * detection an explicit method ends with status `'stiff'`; `'auto'` switches to its
   * stiff method. Stiff methods and `'odex'` run no such test.
   */
  stiffnessCheck?: number | false;
  /**
   * Restart the clock whenever the solution has grown by a factor (default 2, of
   * `max_i |y_i|` unless `measure` says otherwise): the integration proceeds in
   * segments, each on its own local clock τ = t − t_k starting at 0, so that steps
   * far shorter than the resolution of double precision at the absolute time t can
   * be taken. Use it for solutions with a long plateau followed by a fast transition
   * (growth from ε to O(1) after t ~ 1/ε^p): on one clock, once h < |t|·2.2e-16 the
   * step cannot advance t and the run stops with `'step-too-small'`, and well before
   * that `t + h` rounds away a fraction `ulp(t)/h` of every step. Each segment ends at
   * the located time where `|measure|` reaches `factor` times its value at the
   * segment's start, and the next starts there afresh (f at its start, Hairer's
   * initial step, a new controller), as if `solveIvp` were called again. `f`, event
   * functions and the result use absolute time `t_k + τ`, where `t_k` is the plain
   * sum of the previous segments' durations (listed in `result.segments`). `true`
   * means the defaults. Does not apply while `|measure|` is 0 at a segment's start.
   */
  clockRestart?: boolean | ClockRestartOptions;
  /**
   * `∂f/∂y` for the stiff methods `'rodas4'` and `'radau5'` (ignored by the explicit
   * methods). When omitted, it is formed by forward differences: n extra f-evaluations
   * per Jacobian (fewer with `jacobianSparsity`), counted in `nfev`. RODAS needs a fresh
   * Jacobian at every accepted step; RADAU5 keeps one while its Newton iteration converges fast.
   */
  jacobian?: JacobianFunction<P>;
  /**
   * Sparsity pattern of `∂f/∂y` for the finite-difference Jacobian of `'rodas4'` and `'radau5'`:
   * `jacobianSparsity[i]` lists the columns j on which `f_i` may depend. Columns that
   * share no row are perturbed together (Curtis–Powell–Reid), so a Jacobian costs one
   * f-evaluation per group instead of n (e.g. 1 for a diagonal Jacobian). Ignored when
   * `jacobian` is given and by the explicit methods. Shorthands: `'diagonal'` (each f_i
   * depends on y_i only: one evaluation per Jacobian) and `{ lower, upper }` (a band:
   * `lower + upper + 1` evaluations); with `'bdf'` both also select its banded linear
   * solver (a diagonal is a band of width 0), which stores O(n) numbers instead of n².
   */
  jacobianSparsity?: JacobianSparsity;

  // ---- Options of the multistep method 'bdf' (rejected by the other methods) ----

  /** `'bdf'`: the formulas, `'ndf'` (Klopfenstein–Shampine numerical differentiation formulas, as MATLAB's ode15s and scipy's BDF; default) or `'bdf'` (the classical BDFs, as CVODE). */
  bdfFormula?: BdfFormula;
  /** `'bdf'`: the highest order it may use, 1…5; default 5. */
  maxOrder?: number;
  /**
   * `'bdf'`: the lowest order it settles on, 1…`maxOrder`; default 1. The run starts at
   * order 1 and raises the order by one at each order decision until it reaches
   * `minOrder`; `minOrder = maxOrder = k` then fixes the order at k.
   */
  minOrder?: number;
  /**
   * `'bdf'`: how the Newton iteration solves its linear systems `(I − γJ) x = b`
   * (γ = h/α_k): `'dense'` (LU of the n×n matrix, O(n²) memory, O(n³) per factorization),
   * `'banded'` (band LU with `jacobianBandwidth`, O(n·(lower + upper)) memory), or
   * `'gmres'` (matrix-free GMRES with `jvp` or a finite-difference directional
   * derivative, optional preconditioner `psolve`; memory O(n·krylovDimension)).
   * Default: `'gmres'` when `jvp` or `psolve` is given, `'banded'` when `jacobianBandwidth`
   * or a band/diagonal `jacobianSparsity` is given, `'dense'` otherwise.
   */
  linearSolver?: LinearSolverChoice;
  /**
   * `'bdf'` with `linearSolver: 'banded'`: the bandwidth of `∂f/∂y` (`∂f_i/∂y_j = 0` unless
   * `−lower ≤ j − i ≤ upper`); its finite-difference Jacobian costs `lower + upper + 1`
   * f-evaluations. A `jacobian` function, if given, still writes the full n×n matrix.
   */
  jacobianBandwidth?: JacobianBandwidth;
  /**
   * `'bdf'` with `linearSolver: 'gmres'`: the Jacobian-vector product, `out = ∂f/∂y(t, y) · v`.
   * Without it, `(f(t, y + σv) − f(t, y))/σ` with `σ = 1/‖v‖` in the weighted RMS norm
   * of the error test (one f-evaluation per product, counted in `nfev`).
   */
  jvp?: JacobianVectorProduct<P>;
  /**
   * `'bdf'` with `'gmres'`: a (right) preconditioner, `z ≈ (I − γ J(t, y))⁻¹ r`. GMRES then
   * solves `(I − γJ) P⁻¹ u = b`, `x = P⁻¹ u`; any fixed approximation helps (e.g. the
   * inverse of the stiff part: a block diagonal or the diffusion operator).
   */
  psolve?: PreconditionerSolve<P>;
  /**
   * `'bdf'` with `'gmres'`: called where a direct solver would refactor its matrix (γ
   * changed by more than 30 %, 20 steps passed, or a Newton failure), so that `psolve`
   * can rebuild its approximation of `(I − γ J(t, y))⁻¹`. Its `reuse` argument is true
   * where a direct solver would refactor with its stored Jacobian (CVODE's `jok`): the
   * setup may then keep the Jacobian information of its previous call and rebuild only
   * for the new γ; false at the first setup, where a direct solver would form a new J
   * (every 51 steps) and after a Newton failure with an old preconditioner.
   */
  psetup?: PreconditionerSetup<P>;
  /** `'bdf'` with `'gmres'`: restart length and restarts; default `{ krylovDimension: 10, maxRestarts: 4 }`. */
  gmres?: GmresOptions;
}

/** A band of `∂f/∂y`: `∂f_i/∂y_j = 0` unless `−lower ≤ j − i ≤ upper` (integers ≥ 0, below n). */
export interface JacobianBandwidth {
  /** Subdiagonals. */
  lower: number;
  /** Superdiagonals. */
  upper: number;
}

/** `options.jacobianSparsity`: rows of column indices, `'diagonal'`, or a band. */
export type JacobianSparsity = readonly (readonly number[])[] | 'diagonal' | JacobianBandwidth;

/**
 * The product of the Jacobian with a vector, `out = (∂f/∂y)(t, y) · v` (length n each);
 * must not modify `y` or `v`, and must write every entry of `out` (a preallocated array:
 * do not return a new one). Cost: typically that of one f-evaluation. `params` is `options.params`.
 */
export type JacobianVectorProduct<P = void> = (t: number, y: Float64Array, v: Float64Array, out: Float64Array, params: P) => void;

/**
 * Applies a preconditioner: `z ≈ (I − gamma · ∂f/∂y(t, y))⁻¹ r` (write every entry of
 * `z`; do not modify `r`). `gamma` = h/α_k of the current step (time units). `params` is `options.params`.
 */
export type PreconditionerSolve<P = void> = (
  t: number,
  y: Float64Array,
  gamma: number,
  r: Float64Array,
  z: Float64Array,
  params: P,
) => void;

/**
 * Prepares the preconditioner for `(I − gamma · ∂f/∂y(t, y))` (see {@link SolveOptions.psetup}).
 * `reuse`: the Jacobian information of the previous call may be kept (only γ must be
 * updated); `params` is `options.params`.
 */
export type PreconditionerSetup<P = void> = (t: number, y: Float64Array, gamma: number, reuse: boolean, params: P) => void;

/** Restarted GMRES settings of `'bdf'`. */
export interface GmresOptions {
  /** Krylov vectors before a restart, m ≥ 1 (memory m + 1 vectors of length n); default 10. */
  krylovDimension?: number;
  /** Restarts after the first cycle of m iterations, ≥ 0; default 4. */
  maxRestarts?: number;
}

/** A change of method under `method: 'auto'`. */
export interface MethodSwitch {
  /** Time of the switch: the end of the last step of `from`. */
  t: number;
  /** The method used before `t`. */
  from: Method;
  /** The method used from `t` on. */
  to: Method;
}

/** One segment of the local clock (with `options.clockRestart`). */
export interface ClockSegment {
  /** Absolute time of the segment's local time 0 (the plain sum of the previous durations; `t0` for the first). */
  start: number;
  /** Local time at which the segment ended (its length; the last one's ends where the run ended). */
  duration: number;
}

/**
 * Why an integration ended. Only `'success'` and `'event'` mean the run reached its goal;
 * `'stopped'` (`onStep` returned false) and `'aborted'` (`signal`) mean the caller ended
 * it; `'f-error'` means a callback (`f`, `jacobian`, `jvp`, `psolve`, an event function, the
 * clock-restart measure, `onStep`) threw or, for an event function, returned a non-finite
 * value: the error is in `result.cause`. The rest are failures of the integration itself.
 */
export type SolveStatus =
  | 'success'
  | 'event'
  | 'max-steps'
  | 'step-too-small'
  | 'non-finite'
  | 'stiff'
  /** `'bdf'`: the Newton iteration diverged at every step size tried (10 reductions of one step). */
  | 'newton-failed'
  /**
   * An implicit method's iteration matrix was singular too often: `'bdf'` (`I − γJ`) through
   * 10 reductions of one step, `'radau5'` five times in a run (Hairer's limit).
   */
  | 'singular'
  /** `'bdf'` with `'gmres'`: GMRES did not reach its tolerance through 10 reductions of one step. */
  | 'linear-solver-failed'
  /** A callback threw; the error is `result.cause`. */
  | 'f-error'
  /** `onStep` returned false. */
  | 'stopped'
  /** `options.signal` was aborted; its reason is `result.cause`. */
  | 'aborted';

/** Work counters, counted as Hairer's codes count them (NFCN, NSTEP, NACCPT, NREJCT). */
export interface SolveStats {
  /** Right-hand-side evaluations: every call of `f` (for dopri5/dop853 with default options, Hairer's NFCN). */
  nfev: number;
  /** Steps attempted (accepted + rejected). */
  nsteps: number;
  /** Accepted steps. */
  naccepted: number;
  /** Rejected steps, all of them (Hairer's NREJCT omits rejections before the first accepted step). */
  nrejected: number;
  /** Jacobian evaluations (analytic calls or finite-difference formations); stiff methods and `'auto'` only. */
  njev?: number;
  /** LU decompositions of the iteration matrix; stiff methods and `'auto'` only (radau5: one real and one complex matrix count as one, Hairer's NDEC). */
  nlu?: number;
  /**
   * Newton iterations (implicit methods): `'bdf'` one f-evaluation and one linear solve
   * each; `'radau5'` three f-evaluations and one solve of its real and complex systems each.
   */
  nnewton?: number;
  /**
   * `'radau5'`: linear solves with the factored iteration matrices, counted as Hairer
   * counts NSOL: one per Newton iteration (the real and the complex system together);
   * the solves of the error estimate are not counted.
   */
  nsol?: number;
  /** `'bdf'`: linear iterations (GMRES Arnoldi steps; 0 with the direct solvers). */
  nlinear?: number;
  /** `'bdf'` with `'gmres'`: Jacobian-vector products (calls of `jvp`, or finite-difference products, each one f-evaluation in `nfev`). */
  njvp?: number;
  /** `'bdf'` with `'gmres'`: preconditioner applications (calls of `psolve`). */
  nprec?: number;
}

/** One located event. */
export interface EventRecord {
  /** Index of the event function in `options.events`. */
  index: number;
  /** Time of the event. */
  t: number;
  /** State at the event (from the dense output). */
  y: Float64Array;
}

/** Result of {@link solveIvp}. */
export interface SolveResult {
  /** Output times: every accepted step (with `t0` first), or `tEval` when given; ends early on failure or a terminal event. */
  t: Float64Array;
  /** States: `y[k]` is the state at `t[k]`. */
  y: Float64Array[];
  /** How the run ended. */
  status: SolveStatus;
  /** One sentence: what happened, the time reached, and for failures what to do. */
  message: string;
  /** Work counters. */
  stats: SolveStats;
  /** Located events in the order they occurred. */
  events: EventRecord[];
  /** Continuous solution on the integrated interval (present when `options.dense`). */
  sol?: (t: number) => Float64Array;
  /** With `method: 'auto'`: the switches of method, in time order (empty if none). */
  switches?: MethodSwitch[];
  /** With `options.clockRestart`: the clock's segments, in time order. */
  segments?: ClockSegment[];
  /**
   * Status `'f-error'`: the error the callback threw (or an `InvalidArgumentError` stating
   * the rule it broke); status `'aborted'`: the signal's `reason`.
   */
  cause?: unknown;
}

/** The result of {@link solveIvp} with `dense: true`: `sol` is always present. */
export interface DenseSolveResult extends SolveResult {
  /** Continuous solution on the integrated interval (up to the time reached). */
  sol: (t: number) => Float64Array;
}
