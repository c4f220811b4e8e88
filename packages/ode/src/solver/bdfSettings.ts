/**
 * Validation of the options of the multistep method `'bdf'` (formula, orders, linear
 * solver, band, Jacobian-vector product, preconditioner, GMRES settings): part of
 * `solveIvp`'s single validation pass (`normalizeProblem.ts` calls it).
 *
 * @module
 */

import { InvalidArgumentError } from '@jepa-dynamics/core';
import { BDF_FORMULAS, BDF_MAX_ORDER, type BdfFormula } from './bdfCoefficients.js';
import { validateBandwidth } from './linear/jacobianSparsityColumns.js';
import { LINEAR_SOLVERS, type LinearSolverChoice } from './linear/linearSolverChoice.js';
import { quotedList } from './quotedList.js';
import type { JacobianBandwidth, JacobianVectorProduct, PreconditionerSetup, PreconditionerSolve, SolveOptions } from './types.js';

/** The options of `'bdf'` with their defaults applied. */
export interface BdfSettings {
  readonly formula: BdfFormula;
  readonly minOrder: number;
  readonly maxOrder: number;
  readonly linearSolver: LinearSolverChoice;
  /** The band of the banded solver (`jacobianBandwidth`, or the band/diagonal `jacobianSparsity`); undefined otherwise. */
  readonly band: JacobianBandwidth | undefined;
  readonly jvp: JacobianVectorProduct | undefined;
  readonly psolve: PreconditionerSolve | undefined;
  readonly psetup: PreconditionerSetup | undefined;
  readonly krylovDimension: number;
  readonly maxRestarts: number;
}

/** The option names that only `'bdf'` reads. */
const BDF_ONLY = ['bdfFormula', 'maxOrder', 'minOrder', 'linearSolver', 'jacobianBandwidth', 'jvp', 'psolve', 'psetup', 'gmres'] as const;

function integerIn(where: string, name: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
    throw new InvalidArgumentError(where, name, `must be an integer in [${lo}, ${hi}]`, v);
  }
  return v;
}

function optionalFunction<F>(where: string, name: string, v: unknown, signature: string): F | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'function') throw new InvalidArgumentError(where, name, `must be a function ${signature}`, v);
  return v as F;
}

/**
 * Checks the `'bdf'` options and applies their defaults.
 *
 * @param where - `'solveIvp'`.
 * @param options - the caller's options.
 * @param n - the dimension.
 * @param usesBdf - whether the method (or `'auto'`'s stiff method) is `'bdf'`; if not, any of its options is an error.
 * @param sparsityBand - the band of a shorthand `jacobianSparsity` (`'diagonal'`, `{ lower, upper }`), if any.
 * @returns the settings.
 * @throws {@link InvalidArgumentError} naming the option, the rule and the value.
 * @example
 * ```ts
 * normalizeBdfSettings('solveIvp', { maxOrder: 3 }, 2, true, undefined).maxOrder; // => 3
 * normalizeBdfSettings('solveIvp', { jvp: () => {} }, 2, true, undefined).linearSolver; // => 'gmres'
 * normalizeBdfSettings('solveIvp', { maxOrder: 3 }, 2, false, undefined); // => throws InvalidArgumentError: options.maxOrder
 * ```
 */
export function normalizeBdfSettings<P>(
  where: string,
  options: SolveOptions<P>,
  n: number,
  usesBdf: boolean,
  sparsityBand: JacobianBandwidth | undefined,
): BdfSettings {
  if (!usesBdf) {
    for (const key of BDF_ONLY) {
      if (options[key] !== undefined) {
        throw new InvalidArgumentError(
          where,
          `options.${key}`,
          "applies to method 'bdf' only (or 'auto' with autoSwitch.stiff 'bdf'); leave it unset",
          options[key],
        );
      }
    }
  }
  const formula = options.bdfFormula ?? 'ndf';
  if (!(BDF_FORMULAS as readonly unknown[]).includes(formula)) {
    throw new InvalidArgumentError(where, 'options.bdfFormula', `must be one of ${quotedList(BDF_FORMULAS)}`, formula);
  }
  const maxOrder = integerIn(where, 'options.maxOrder', options.maxOrder ?? BDF_MAX_ORDER, 1, BDF_MAX_ORDER);
  const minOrder = integerIn(where, 'options.minOrder', options.minOrder ?? 1, 1, maxOrder);
  const jvpIn = optionalFunction<JacobianVectorProduct<P>>(
    where,
    'options.jvp',
    options.jvp,
    '(t, y, v, out, params) => void writing ∂f/∂y · v into out',
  );
  const psolveIn = optionalFunction<PreconditionerSolve<P>>(
    where,
    'options.psolve',
    options.psolve,
    '(t, y, gamma, r, z, params) => void writing z ≈ (I − γJ)⁻¹ r',
  );
  const psetupIn = optionalFunction<PreconditionerSetup<P>>(
    where,
    'options.psetup',
    options.psetup,
    '(t, y, gamma, reuse, params) => void',
  );
  // Bound to options.params, as f and the Jacobian are (what they return passes through, for the first-call checks).
  const params = options.params as P;
  const jvp: JacobianVectorProduct | undefined = jvpIn === undefined ? undefined : (t, y, v, out) => jvpIn(t, y, v, out, params);
  const psolve: PreconditionerSolve | undefined =
    psolveIn === undefined ? undefined : (t, y, gamma, r, z) => psolveIn(t, y, gamma, r, z, params);
  const psetup: PreconditionerSetup | undefined =
    psetupIn === undefined ? undefined : (t, y, gamma, reuse) => psetupIn(t, y, gamma, reuse, params);
  const bandwidth =
    options.jacobianBandwidth === undefined
      ? undefined
      : validateBandwidth(where, 'options.jacobianBandwidth', options.jacobianBandwidth, n);
  const krylov = jvp !== undefined || psolve !== undefined || psetup !== undefined || options.gmres !== undefined;
  const choice = options.linearSolver ?? (krylov ? 'gmres' : bandwidth !== undefined || sparsityBand !== undefined ? 'banded' : 'dense');
  if (!(LINEAR_SOLVERS as readonly unknown[]).includes(choice)) {
    throw new InvalidArgumentError(where, 'options.linearSolver', `must be one of ${quotedList(LINEAR_SOLVERS)}`, choice);
  }
  const linearSolver = choice as LinearSolverChoice;
  if (linearSolver !== 'gmres') {
    for (const key of ['jvp', 'psolve', 'psetup', 'gmres'] as const) {
      if (options[key] !== undefined) {
        throw new InvalidArgumentError(
          where,
          `options.${key}`,
          `applies to linearSolver 'gmres' only (linearSolver is '${linearSolver}')`,
          options[key],
        );
      }
    }
  }
  if (linearSolver !== 'banded' && bandwidth !== undefined) {
    throw new InvalidArgumentError(
      where,
      'options.jacobianBandwidth',
      `applies to linearSolver 'banded' only (linearSolver is '${linearSolver}')`,
      options.jacobianBandwidth,
    );
  }
  const band = bandwidth ?? sparsityBand;
  if (linearSolver === 'banded' && band === undefined) {
    throw new InvalidArgumentError(
      where,
      'options.jacobianBandwidth',
      "is required with linearSolver 'banded' (or give jacobianSparsity as 'diagonal' or { lower, upper })",
      options.jacobianBandwidth,
    );
  }
  const g: unknown = options.gmres ?? {};
  if (g === null || typeof g !== 'object') {
    throw new InvalidArgumentError(where, 'options.gmres', 'must be an object { krylovDimension?, maxRestarts? }', g);
  }
  const gm = g as { krylovDimension?: unknown; maxRestarts?: unknown };
  const krylovDimension = integerIn(where, 'options.gmres.krylovDimension', gm.krylovDimension ?? Math.min(10, n), 1, n);
  const maxRestarts = integerIn(where, 'options.gmres.maxRestarts', gm.maxRestarts ?? 4, 0, 1000);
  return {
    formula,
    minOrder,
    maxOrder,
    linearSolver,
    band: linearSolver === 'banded' ? band : undefined,
    jvp,
    psolve,
    psetup,
    krylovDimension,
    maxRestarts,
  };
}
