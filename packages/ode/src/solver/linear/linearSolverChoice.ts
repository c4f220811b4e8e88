/**
 * The linear solvers of the Newton iteration of {@link BDF}.
 *
 * @module
 */

/**
 * `options.linearSolver` of `'bdf'`: `'dense'` LU, `'banded'` LU, or matrix-free `'gmres'`.
 *
 * @example
 * ```ts
 * LINEAR_SOLVERS.includes('gmres'); // => true
 * ```
 */
export const LINEAR_SOLVERS = ['dense', 'banded', 'gmres'] as const;

/** One of {@link LINEAR_SOLVERS}. */
export type LinearSolverChoice = (typeof LINEAR_SOLVERS)[number];
