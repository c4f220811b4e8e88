/**
 * The dense direct solver of {@link NewtonLinearSolver}: the n×n Jacobian (the
 * caller's, or forward differences, grouped by `jacobianSparsity` when given) and
 * the LU factorization of `I − γ̄J` with partial pivoting (`luDecomposeKernel` of
 * `@jepa-dynamics/core`). Memory 2n²; O(n³/3) per factorization, O(n²) per solve.
 *
 * @module
 */

import { luDecomposeKernel, luSolveKernel } from '@jepa-dynamics/core';
import type { CountedRhs } from '../countedRhs.js';
import { finiteDifferenceJacobianKernel, groupedFiniteDifferenceJacobianKernel, type JacobianColumnGroups } from '../jacobian.js';
import type { JacobianFunction } from '../types.js';
import { checkFirstCall, poisonOutput } from './firstCallCheck.js';
import { createLinearSolverCounters, type LinearSolveStatus, type NewtonLinearSolver } from './newtonLinearSolver.js';

/** Dense LU for the Newton iteration (see the module comment). */
export class DenseNewtonSolver implements NewtonLinearSolver {
  readonly counters = createLinearSolverCounters();
  readonly storesJacobian = true;
  readonly refreshable = true;
  private readonly jac: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private readonly work: Float64Array;
  private readonly delta: Float64Array;
  private readonly saved: Float64Array;
  private readonly rhsFn: (t: number, y: Float64Array, dydt: Float64Array) => void;
  private gammaBar = 0;
  private checked = false;

  /**
   * @param n - the dimension.
   * @param rhs - the counted right-hand side (finite differences).
   * @param atol - the absolute tolerances (the finite-difference increments' floor).
   * @param userJacobian - the caller's Jacobian, or undefined for finite differences.
   * @param columns - column groups of `jacobianSparsity`, or undefined (one column per evaluation).
   */
  constructor(
    private readonly n: number,
    rhs: CountedRhs,
    private readonly atol: Float64Array,
    private readonly userJacobian: JacobianFunction | undefined,
    private readonly columns: JacobianColumnGroups | undefined,
  ) {
    this.jac = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.work = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.saved = new Float64Array(n);
    this.rhsFn = (t, y, dydt) => rhs.eval(t, y, dydt);
  }

  jacobian(t: number, y: Float64Array, fy: Float64Array): void {
    this.counters.njev++;
    const { n, jac } = this;
    if (this.userJacobian !== undefined) {
      if (!this.checked) {
        poisonOutput(jac);
        const returned: unknown = this.userJacobian(t, y, jac);
        checkFirstCall('options.jacobian', returned, jac, n * n, `∂f/∂y row-major (n² = ${n * n} entries)`);
        this.checked = true;
      } else this.userJacobian(t, y, jac);
      return;
    }
    if (this.columns === undefined) finiteDifferenceJacobianKernel(this.rhsFn, t, y, fy, jac, this.work, this.atol);
    else groupedFiniteDifferenceJacobianKernel(this.rhsFn, t, y, fy, jac, this.work, this.atol, this.columns, this.delta, this.saved);
  }

  setup(_t: number, _y: Float64Array, _fy: Float64Array, gamma: number, _jacobianFormed: boolean): boolean {
    const { n, jac, lu } = this;
    for (let i = 0; i < n * n; i++) lu[i] = -gamma * jac[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += 1;
    this.counters.nlu++;
    this.gammaBar = gamma;
    return luDecomposeKernel(lu, n, this.piv) === 0;
  }

  solve(b: Float64Array, gamma: number): LinearSolveStatus {
    luSolveKernel(this.lu, this.n, this.piv, b);
    scaleForStaleGamma(b, gamma, this.gammaBar);
    return 'ok';
  }

  eigenvalueEstimate(): number {
    const { n, jac } = this;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += Math.abs(jac[i * n + j]);
      if (row > norm) norm = row;
    }
    return norm;
  }
}

/**
 * CVODE's correction for a factorization of `I − γ̄J` used with γ ≠ γ̄: the solution is
 * scaled by `2/(1 + γ/γ̄)` (right for non-stiff components when γ ≈ γ̄, and halfway
 * between the non-stiff and the stiff limit otherwise).
 */
export function scaleForStaleGamma(x: Float64Array, gamma: number, gammaBar: number): void {
  if (gamma === gammaBar) return;
  const s = 2 / (1 + gamma / gammaBar);
  for (let i = 0; i < x.length; i++) x[i] *= s;
}
