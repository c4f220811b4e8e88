/**
 * The matrix-free solver of {@link NewtonLinearSolver}: restarted GMRES ({@link gmres})
 * on `(I − γJ) x = b` with J applied as the caller's Jacobian-vector product `jvp` or
 * as the forward difference `(f(t, y + σv) − f(t, y))/σ`, `σ = 1/‖v‖_w` (CVODE's
 * `cvLsDQJtimes`: a perturbation of one unit of the error weights), at the current
 * Newton iterate; optional right preconditioner `psolve` (with `psetup`).
 *
 * GMRES works on the scaled system `S (I − γJ) S⁻¹ x̃ = S b`, `S = diag(w)` with the
 * error weights `w = 1/(atol + rtol|y|)`, right-preconditioned by `S P⁻¹ S⁻¹`, so its
 * 2-norm is √n times the weighted RMS norm of the error test, and the linear tolerance is
 * set in that norm (CVODE's choice: 0.05 of the Newton tolerance). The preconditioned
 * basis vectors are kept, so the solution costs no extra `psolve` (one per GMRES
 * iteration). Memory: the Krylov basis (m + 1 vectors, and m more with a preconditioner)
 * plus six vectors of length n; nothing of size n² exists.
 *
 * @module
 */

import type { CountedRhs } from '../countedRhs.js';
import type { JacobianVectorProduct, PreconditionerSetup, PreconditionerSolve } from '../types.js';
import { checkFirstCall, poisonOutput } from './firstCallCheck.js';
import { gmres, GmresWorkspace, type LinearOperator } from './gmres.js';
import { createLinearSolverCounters, type LinearSolveStatus, type NewtonLinearSolver } from './newtonLinearSolver.js';

/** Settings of the matrix-free solver. */
export interface KrylovSettings {
  readonly jvp: JacobianVectorProduct | undefined;
  readonly psolve: PreconditionerSolve | undefined;
  readonly psetup: PreconditionerSetup | undefined;
  readonly krylovDimension: number;
  readonly maxRestarts: number;
}

/** Matrix-free GMRES for the Newton iteration (see the module comment). */
export class KrylovNewtonSolver implements NewtonLinearSolver {
  readonly counters = createLinearSolverCounters();
  readonly storesJacobian = false;
  readonly refreshable: boolean;
  private readonly ws: GmresWorkspace;
  private readonly rhsScaled: Float64Array;
  private readonly solution: Float64Array;
  private readonly unscaled: Float64Array;
  /** 1/w of the current solve, for the preconditioner's scaling (a product, not a division, per component). */
  private readonly inverseWeights: Float64Array;
  private readonly preconditioned: Float64Array;
  private readonly product: Float64Array;
  private readonly perturbed: Float64Array;
  private readonly apply: LinearOperator;
  private readonly preconditionScaledOrNone: LinearOperator | undefined;
  private jvpChecked = false;
  private setupDone = false;
  private psolveChecked = false;
  // The current solve's data, read by `apply`.
  private gamma = 0;
  private t = 0;
  private y: Float64Array;
  private fy: Float64Array;
  private weights: Float64Array;

  /**
   * @param n - the dimension.
   * @param rhs - the counted right-hand side (finite-difference products).
   * @param settings - jvp, preconditioner and GMRES settings.
   */
  constructor(
    private readonly n: number,
    private readonly rhs: CountedRhs,
    private readonly settings: KrylovSettings,
  ) {
    this.refreshable = settings.psetup !== undefined;
    this.ws = new GmresWorkspace(n, settings.krylovDimension);
    this.rhsScaled = new Float64Array(n);
    this.solution = new Float64Array(n);
    this.unscaled = new Float64Array(n);
    this.inverseWeights = new Float64Array(n);
    this.preconditioned = new Float64Array(n);
    this.product = new Float64Array(n);
    this.perturbed = new Float64Array(n);
    this.y = this.perturbed;
    this.fy = this.perturbed;
    this.weights = this.perturbed;
    this.apply = (v, out) => this.applyScaled(v, out);
    this.preconditionScaledOrNone = settings.psolve === undefined ? undefined : (v, out) => this.preconditionScaled(v, out);
  }

  jacobian(): void {
    // Matrix-free: nothing is stored.
  }

  setup(t: number, y: Float64Array, _fy: Float64Array, gamma: number, jacobianFormed: boolean): boolean {
    if (this.settings.psetup !== undefined) {
      this.counters.nlu++;
      // the first setup has nothing to reuse; later ones may keep J unless the driver re-formed it
      this.settings.psetup(t, y, gamma, this.setupDone && !jacobianFormed);
      this.setupDone = true;
    }
    return true;
  }

  /** `z = P⁻¹ u` (the identity without a preconditioner). */
  private precondition(u: Float64Array, z: Float64Array): void {
    const psolve = this.settings.psolve;
    if (psolve === undefined) {
      z.set(u);
      return;
    }
    this.counters.nprec++;
    if (!this.psolveChecked) {
      poisonOutput(z);
      const returned: unknown = psolve(this.t, this.y, this.gamma, u, z);
      checkFirstCall('options.psolve', returned, z, this.n, `z ≈ (I − γJ)⁻¹ r (n = ${this.n} entries)`);
      this.psolveChecked = true;
    } else psolve(this.t, this.y, this.gamma, u, z);
  }

  /** `out = J v` at the current iterate. */
  private jacobianTimes(v: Float64Array, out: Float64Array): void {
    this.counters.njvp++;
    const { n, y, t } = this;
    const jvp = this.settings.jvp;
    if (jvp !== undefined) {
      if (!this.jvpChecked) {
        poisonOutput(out);
        const returned: unknown = jvp(t, y, v, out);
        checkFirstCall('options.jvp', returned, out, n, `∂f/∂y · v (n = ${n} entries)`);
        this.jvpChecked = true;
      } else jvp(t, y, v, out);
      return;
    }
    const w = this.weights;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const s = v[i] * w[i];
      norm += s * s;
    }
    norm = Math.sqrt(norm / n);
    if (norm === 0) {
      out.fill(0);
      return;
    }
    const sigma = 1 / norm;
    const yp = this.perturbed;
    for (let i = 0; i < n; i++) yp[i] = y[i] + sigma * v[i];
    this.rhs.eval(t, yp, out);
    const fy = this.fy;
    for (let i = 0; i < n; i++) out[i] = (out[i] - fy[i]) * norm;
  }

  /** The scaled operator `ṽ ↦ S (I − γJ) S⁻¹ ṽ`. */
  private applyScaled(v: Float64Array, out: Float64Array): void {
    const { n, weights: w, unscaled: u, product: jv, gamma } = this;
    for (let i = 0; i < n; i++) u[i] = v[i] / w[i];
    this.jacobianTimes(u, jv);
    for (let i = 0; i < n; i++) out[i] = w[i] * (u[i] - gamma * jv[i]);
  }

  /** The scaled preconditioner `ṽ ↦ S P⁻¹ S⁻¹ ṽ` (GMRES's right preconditioner). */
  private preconditionScaled(v: Float64Array, out: Float64Array): void {
    const { n, weights: w, inverseWeights: iw, unscaled: u, preconditioned: z } = this;
    for (let i = 0; i < n; i++) u[i] = v[i] * iw[i];
    this.precondition(u, z);
    for (let i = 0; i < n; i++) out[i] = w[i] * z[i];
  }

  solve(
    b: Float64Array,
    gamma: number,
    t: number,
    y: Float64Array,
    fy: Float64Array,
    weights: Float64Array,
    tol: number,
  ): LinearSolveStatus {
    const n = this.n;
    this.gamma = gamma;
    this.t = t;
    this.y = y;
    this.fy = fy;
    this.weights = weights;
    const bs = this.rhsScaled;
    const iw = this.inverseWeights;
    for (let i = 0; i < n; i++) {
      bs[i] = weights[i] * b[i];
      iw[i] = 1 / weights[i];
    }
    const result = gmres(
      this.apply,
      bs,
      this.solution,
      tol * Math.sqrt(n),
      this.settings.maxRestarts,
      this.ws,
      this.preconditionScaledOrNone,
    );
    this.counters.nlinear += result.iterations;
    // x = S⁻¹ x̃ (GMRES returns x̃ = S P⁻¹ S⁻¹ ũ already; the last iterate even when not converged: the driver decides)
    for (let i = 0; i < n; i++) b[i] = this.solution[i] / weights[i];
    return result.converged ? 'ok' : 'not-converged';
  }

  eigenvalueEstimate(): number {
    return Number.POSITIVE_INFINITY;
  }
}
