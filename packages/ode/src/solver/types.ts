/**
 * Types of the general initial-value-problem solver {@link solveIvp}.
 *
 * Conventions: the state is a `Float64Array` of length n; time may run forward
 * (`t1 > t0`) or backward (`t1 < t0`). Nothing here knows about JEPA.
 *
 * @module
 */

/**
 * Right-hand side of `y' = f(t, y)`. Writes the derivative into `dydt` (length n,
 * preallocated by the solver and reused: do not keep a reference to it) and must
 * not modify `y`. It is called on the hot path: allocate nothing inside it.
 */
export type RhsFunction = (t: number, y: Float64Array, dydt: Float64Array) => void;

/**
 * Jacobian `∂f/∂y` of the right-hand side, written row-major into `jac`
 * (`jac[i * n + j] = ∂f_i/∂y_j`, length n², preallocated). Used by stiff methods;
 * when omitted they form it by finite differences.
 */
export type JacobianFunction = (t: number, y: Float64Array, jac: Float64Array) => void;

/**
 * Integration method.
 * - `'dopri5'`: Dormand–Prince 5(4) with 4th-order dense output (Hairer's DOPRI5). Default.
 * - `'dop853'`: Dormand–Prince 8(5,3) with 7th-order dense output (Hairer's DOP853).
 * - `'odex'`: Gragg–Bulirsch–Stoer extrapolation, the npm package `odex` (Hairer's ODEX).
 * - `'rodas4'`: the stiffly accurate, L-stable Rosenbrock method RODAS of order 4(3) with
 *   3rd-order dense output (Hairer–Wanner's RODAS); for stiff problems. Uses `jacobian`
 *   (or forward differences) and adds `njev`/`nlu` to the statistics.
 */
export type Method = 'dopri5' | 'dop853' | 'odex' | 'rodas4';

/**
 * A scalar event function `g(t, y)`: an event occurs where `g` changes sign.
 * The solver locates the root on the dense output to
 * `|Δt| ≤ 1e-12 · max(1, |t|)` with a bracketing root finder.
 */
export interface EventFunction {
  /** The event function; must not modify `y`. */
  g: (t: number, y: Float64Array) => number;
  /**
   * Which crossings count: `1` only `g` increasing through 0, `-1` only decreasing,
   * `0` (default) both.
   */
  direction?: -1 | 0 | 1;
  /** Stop the integration at the first such event (status `'event'`). Default false. */
  terminal?: boolean;
}

/** Options of {@link solveIvp}. Every field is optional; defaults are Hairer's. */
export interface SolveOptions {
  /** Integration method; default `'dopri5'`. */
  method?: Method;
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
  events?: readonly EventFunction[];
  /** Step-size safety factor; default 0.9. */
  safety?: number;
  /** Smallest step-size ratio per step; default 0.2 (dopri5, rodas4), 0.333 (dop853). */
  facMin?: number;
  /** Largest step-size ratio per step; default 10 (dopri5), 6 (dop853, rodas4). */
  facMax?: number;
  /** Stabilisation (PI) exponent β of the step controller; default 0.04 (dopri5), 0 (dop853); rodas4 ignores it (it uses Gustafsson's predictive controller). */
  beta?: number;
  /**
   * Hairer's stiffness test: checked every this many accepted steps (default 1000);
   * `false` turns it off. On detection the run ends with status `'stiff'`. Not run by `'rodas4'`.
   */
  stiffnessCheck?: number | false;
  /**
   * `∂f/∂y` for the stiff method `'rodas4'` (ignored by the explicit methods). When
   * omitted, it is formed by forward differences: n extra f-evaluations per Jacobian
   * (fewer with `jacobianSparsity`), counted in `nfev`. RODAS needs a fresh Jacobian at every accepted step.
   */
  jacobian?: JacobianFunction;
  /**
   * Sparsity pattern of `∂f/∂y` for the finite-difference Jacobian of `'rodas4'`:
   * `jacobianSparsity[i]` lists the columns j on which `f_i` may depend. Columns that
   * share no row are perturbed together (Curtis–Powell–Reid), so a Jacobian costs one
   * f-evaluation per group instead of n (e.g. 1 for a diagonal Jacobian). Ignored when
   * `jacobian` is given and by the explicit methods.
   */
  jacobianSparsity?: readonly (readonly number[])[];
}

/** Why an integration ended. Only `'success'` and `'event'` mean the run reached its goal. */
export type SolveStatus = 'success' | 'event' | 'max-steps' | 'step-too-small' | 'non-finite' | 'stiff';

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
  /** Jacobian evaluations (analytic calls or finite-difference formations); stiff methods only. */
  njev?: number;
  /** LU decompositions of the iteration matrix; stiff methods only. */
  nlu?: number;
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
}
