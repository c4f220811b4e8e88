/**
 * The linear algebra of the Newton iteration of the multistep method {@link BDF}:
 * what the driver asks of it, whatever the solver (dense LU, banded LU, matrix-free
 * GMRES). The systems are `(I − γJ) x = b` with γ = h/α_k and J = ∂f/∂y.
 *
 * Direct solvers keep a Jacobian and an LU factorization of `I − γ̄J` across steps
 * (the driver decides when to refresh either, as CVODE does) and correct for a stale γ̄
 * by scaling the solution with `2/(1 + γ/γ̄)` (CVODE's `cvLsSolve`: exact for both
 * the non-stiff and, in the limit, the very stiff components' average). The Krylov
 * solver multiplies by J at the current Newton iterate (so its Newton iteration is
 * exact up to the linear tolerance) and refreshes only the user's preconditioner.
 *
 * @module
 */

/** Work counters of a linear solver (added to `SolveStats`). */
export interface LinearSolverCounters {
  /** Jacobian formations (analytic calls or finite-difference Jacobians). */
  njev: number;
  /** LU factorizations (direct), or preconditioner setups (GMRES with `psetup`). */
  nlu: number;
  /** GMRES iterations (Arnoldi steps). */
  nlinear: number;
  /** Jacobian-vector products (GMRES). */
  njvp: number;
  /** Preconditioner applications (GMRES with `psolve`). */
  nprec: number;
}

/** Why a linear solve failed (the driver then shrinks the step or refreshes J). */
export type LinearSolveStatus = 'ok' | 'not-converged';

/** One Newton linear solver (see the module comment). */
export interface NewtonLinearSolver {
  readonly counters: LinearSolverCounters;
  /**
   * Whether a Jacobian is stored and must be refreshed by the driver when Newton
   * struggles (direct solvers); false for the matrix-free solver (its products use
   * the current iterate; only a preconditioner may be stale).
   */
  readonly storesJacobian: boolean;
  /** Whether a refresh (`jacobian`) is meaningful: direct solvers, or GMRES with `psetup`. */
  readonly refreshable: boolean;
  /**
   * Forms J at (t, y) with `fy = f(t, y)` (direct solvers; finite differences go
   * through the counted right-hand side). The matrix-free solver does nothing.
   */
  jacobian(t: number, y: Float64Array, fy: Float64Array): void;
  /**
   * Prepares `I − γJ`: LU factorization (direct), `psetup` (GMRES). Returns false when
   * the matrix is singular (zero or non-finite pivot). `jacobianFormed`: whether
   * `jacobian` was called for this setup (GMRES passes `psetup` the opposite as `reuse`).
   */
  setup(t: number, y: Float64Array, fy: Float64Array, gamma: number, jacobianFormed: boolean): boolean;
  /**
   * Solves `(I − γJ) x = b` in place (b becomes x) at the Newton iterate (t, y) with
   * `fy = f(t, y)`. `weights` are the error test's `1/(atol + rtol|y|)`; GMRES stops
   * when the weighted RMS norm of the residual is ≤ `tol`.
   */
  solve(
    b: Float64Array,
    gamma: number,
    t: number,
    y: Float64Array,
    fy: Float64Array,
    weights: Float64Array,
    tol: number,
  ): LinearSolveStatus;
  /** `‖J‖∞` of the stored Jacobian (an upper bound of its spectral radius), or +Infinity when there is none (GMRES). */
  eigenvalueEstimate(): number;
}

/** Fresh counters. */
export function createLinearSolverCounters(): LinearSolverCounters {
  return { njev: 0, nlu: 0, nlinear: 0, njvp: 0, nprec: 0 };
}
