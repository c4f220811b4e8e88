/**
 * The banded direct solver of {@link NewtonLinearSolver}: the band of the Jacobian
 * (forward differences over `lower + upper + 1` column groups, or the band of the
 * caller's dense Jacobian) and the band LU of `I − γ̄J` ({@link bandLuDecomposeKernel}).
 * Memory O(n·(lower + upper)) (plus n² only when the caller gives a dense `jacobian`);
 * O(n·lower·(lower + upper)) per factorization.
 *
 * @module
 */

import type { CountedRhs } from '../countedRhs.js';
import { groupedFiniteDifferenceColumnsKernel, type JacobianColumnGroups } from '../jacobian.js';
import type { JacobianBandwidth, JacobianFunction } from '../types.js';
import { bandLuDecomposeKernel, bandLuSolveKernel, bandStorageWidth } from './bandLu.js';
import { scaleForStaleGamma } from './denseNewtonSolver.js';
import { checkFirstCall, poisonOutput } from './firstCallCheck.js';
import { bandColumnGroups } from './jacobianSparsityColumns.js';
import { createLinearSolverCounters, type LinearSolveStatus, type NewtonLinearSolver } from './newtonLinearSolver.js';

/** Band LU for the Newton iteration (see the module comment). */
export class BandedNewtonSolver implements NewtonLinearSolver {
  readonly counters = createLinearSolverCounters();
  readonly storesJacobian = true;
  readonly refreshable = true;
  private readonly lower: number;
  private readonly upper: number;
  /** The Jacobian's band, row i at `i·(lower + upper + 1)`, entry (i, j) at offset `j − i + lower`. */
  private readonly jac: Float64Array;
  private readonly lu: Float64Array;
  private readonly piv: Int32Array;
  private readonly work: Float64Array;
  private readonly delta: Float64Array;
  private readonly saved: Float64Array;
  private readonly columns: JacobianColumnGroups;
  /** The caller's dense Jacobian's buffer (n²), only when a `jacobian` function is given. */
  private readonly dense: Float64Array | undefined;
  private readonly rhsFn: (t: number, y: Float64Array, dydt: Float64Array) => void;
  private readonly store: (i: number, j: number, v: number) => void;
  private gammaBar = 0;
  private checked = false;

  /**
   * @param n - the dimension.
   * @param band - the bandwidth.
   * @param rhs - the counted right-hand side.
   * @param atol - absolute tolerances (finite-difference increments).
   * @param userJacobian - the caller's dense Jacobian, or undefined for banded finite differences.
   */
  constructor(
    private readonly n: number,
    band: JacobianBandwidth,
    rhs: CountedRhs,
    private readonly atol: Float64Array,
    private readonly userJacobian: JacobianFunction | undefined,
  ) {
    this.lower = band.lower;
    this.upper = band.upper;
    const wj = band.lower + band.upper + 1;
    this.jac = new Float64Array(n * wj);
    this.lu = new Float64Array(n * bandStorageWidth(band.lower, band.upper));
    this.piv = new Int32Array(n);
    this.work = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.saved = new Float64Array(n);
    this.columns = bandColumnGroups(n, band);
    this.dense = userJacobian === undefined ? undefined : new Float64Array(n * n);
    this.rhsFn = (t, y, dydt) => rhs.eval(t, y, dydt);
    const jac = this.jac;
    const lower = this.lower;
    this.store = (i, j, v) => {
      jac[i * wj + j - i + lower] = v;
    };
  }

  jacobian(t: number, y: Float64Array, fy: Float64Array): void {
    this.counters.njev++;
    const { n, lower, upper, jac, dense } = this;
    if (this.userJacobian !== undefined && dense !== undefined) {
      if (!this.checked) {
        poisonOutput(dense);
        const returned: unknown = this.userJacobian(t, y, dense);
        checkFirstCall('options.jacobian', returned, dense, n * n, `∂f/∂y row-major (n² = ${n * n} entries)`);
        this.checked = true;
      } else this.userJacobian(t, y, dense);
      const wj = lower + upper + 1;
      for (let i = 0; i < n; i++) {
        for (let j = Math.max(0, i - lower); j <= Math.min(n - 1, i + upper); j++) jac[i * wj + j - i + lower] = dense[i * n + j];
      }
      return;
    }
    groupedFiniteDifferenceColumnsKernel(this.rhsFn, t, y, fy, this.work, this.atol, this.columns, this.delta, this.saved, this.store);
  }

  setup(_t: number, _y: Float64Array, _fy: Float64Array, gamma: number, _jacobianFormed: boolean): boolean {
    const { n, lower, upper, jac, lu } = this;
    const wj = lower + upper + 1;
    const w = bandStorageWidth(lower, upper);
    lu.fill(0);
    for (let i = 0; i < n; i++) {
      // Offsets j − i + lower coincide in both storages; the LU rows are wider (fill-in).
      for (let o = 0; o < wj; o++) lu[i * w + o] = -gamma * jac[i * wj + o];
      lu[i * w + lower] += 1;
    }
    this.counters.nlu++;
    this.gammaBar = gamma;
    return bandLuDecomposeKernel(lu, n, lower, upper, this.piv) === 0;
  }

  solve(b: Float64Array, gamma: number): LinearSolveStatus {
    bandLuSolveKernel(this.lu, this.n, this.lower, this.upper, this.piv, b);
    scaleForStaleGamma(b, gamma, this.gammaBar);
    return 'ok';
  }

  eigenvalueEstimate(): number {
    const { n, lower, upper, jac } = this;
    const wj = lower + upper + 1;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let o = 0; o < wj; o++) row += Math.abs(jac[i * wj + o]);
      if (row > norm) norm = row;
    }
    return norm;
  }
}
