/**
 * GMRES(m) with restarts (Saad & Schultz 1986): the matrix-free Krylov solver behind
 * the `'gmres'` linear solver of {@link BDF}. Modified Gram–Schmidt Arnoldi, Givens
 * rotations for the small least-squares problem, the residual norm read from the
 * rotated right-hand side at every iteration (no extra product), and a restart from
 * the true residual after every m iterations. Memory: (m + 1) vectors of length n
 * plus O(m²); never an n×n matrix.
 *
 * @module
 */

/** `out = A v`; must not modify `v` (`v` and `out` never alias). */
export type LinearOperator = (v: Float64Array, out: Float64Array) => void;

/** How a GMRES solve ended. */
export interface GmresResult {
  /** Whether ‖b − A x‖₂ ≤ tol was reached. */
  converged: boolean;
  /** Products with A (Arnoldi steps plus one per restart for the true residual). */
  products: number;
  /** Arnoldi iterations. */
  iterations: number;
  /** ‖b − A x‖₂ at the end (the recurrence's value; the true one at restarts). */
  residualNorm: number;
}

/** Preallocated storage of GMRES(m) for systems of order n: the Krylov basis, the Hessenberg matrix and the rotations. */
export class GmresWorkspace {
  /** (m + 1) basis vectors of length n, one after another. */
  readonly basis: Float64Array;
  /** Hessenberg matrix, (m + 1) × m, column j at `j·(m + 1)`. */
  readonly hessenberg: Float64Array;
  readonly cosines: Float64Array;
  readonly sines: Float64Array;
  /** The rotated right-hand side ‖r₀‖ e₁ of the least-squares problem. */
  readonly g: Float64Array;
  readonly coefficients: Float64Array;
  readonly scratch: Float64Array;
  private zs: Float64Array | null = null;

  /**
   * @param n - order of the systems.
   * @param m - Krylov dimension before a restart (≥ 1).
   */
  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    this.basis = new Float64Array((m + 1) * n);
    this.hessenberg = new Float64Array((m + 1) * m);
    this.cosines = new Float64Array(m);
    this.sines = new Float64Array(m);
    this.g = new Float64Array(m + 1);
    this.coefficients = new Float64Array(m);
    this.scratch = new Float64Array(n);
  }

  /** m preconditioned basis vectors z_j = M v_j (right preconditioning), made on first use. */
  get preconditionedBasis(): Float64Array {
    this.zs ??= new Float64Array(this.m * this.n);
    return this.zs;
  }
}

/**
 * Solves `A x = b` by GMRES(m), starting from x = 0, until `‖b − A x‖₂ ≤ tol` or
 * `1 + maxRestarts` cycles of m iterations. Cost per iteration: one product with A
 * and O(j·n) for the orthogonalisation against the j basis vectors so far.
 *
 * With a preconditioner M (`precondition`), GMRES runs on `A M u = b` (right
 * preconditioning: the residual minimised is the true one, b − A x) and returns
 * `x = M u`; the vectors `z_j = M v_j` are kept (Saad's flexible GMRES storage, m more
 * vectors), so x is `Σ y_j z_j` and costs no further application of M.
 *
 * @param apply - the operator A.
 * @param b - the right-hand side (length n; not modified).
 * @param x - receives the solution (length n).
 * @param tol - absolute tolerance on the residual's 2-norm (≥ 0).
 * @param maxRestarts - restarts allowed after the first cycle (≥ 0).
 * @param ws - workspace of the same n; its m is the restart length.
 * @param precondition - optional right preconditioner M (`z = M v`; must not modify v).
 * @returns whether it converged, the products and iterations spent, and the final residual norm.
 * @example
 * ```ts
 * // A = [[4, 1], [2, 3]], b = [1, 2]: x = [0.1, 0.6]
 * const A = (v: Float64Array, out: Float64Array): void => { out[0] = 4 * v[0] + v[1]; out[1] = 2 * v[0] + 3 * v[1]; };
 * const x = new Float64Array(2);
 * gmres(A, Float64Array.of(1, 2), x, 1e-14, 0, new GmresWorkspace(2, 2)).converged; // => true
 * Array.from(x, (v) => Math.round(v * 1e12) / 1e12); // => [0.1, 0.6]
 * ```
 */
export function gmres(
  apply: LinearOperator,
  b: Float64Array,
  x: Float64Array,
  tol: number,
  maxRestarts: number,
  ws: GmresWorkspace,
  precondition?: LinearOperator,
): GmresResult {
  const { n, m, basis, hessenberg: h, cosines: cs, sines: sn, g, coefficients: y, scratch } = ws;
  const zs = precondition === undefined ? null : ws.preconditionedBasis;
  const h1 = m + 1;
  x.fill(0);
  let products = 0;
  let iterations = 0;
  // r0 = b (x = 0).
  let beta = 0;
  for (let i = 0; i < n; i++) beta += b[i] * b[i];
  beta = Math.sqrt(beta);
  if (beta <= tol) return { converged: true, products, iterations, residualNorm: beta };
  {
    const inv = 1 / beta;
    for (let i = 0; i < n; i++) basis[i] = b[i] * inv;
  }
  for (let cycle = 0; ; cycle++) {
    g.fill(0);
    g[0] = beta;
    let j = 0;
    let residual = beta;
    for (; j < m; j++) {
      const vj = basis.subarray(j * n, (j + 1) * n);
      const w = basis.subarray((j + 1) * n, (j + 2) * n);
      if (zs === null) apply(vj, w);
      else {
        const zj = zs.subarray(j * n, (j + 1) * n);
        precondition?.(vj, zj);
        apply(zj, w);
      }
      products++;
      iterations++;
      // Modified Gram–Schmidt against v_0 … v_j: w ← w − (w·v_k)v_k for k = 0 … j in turn. Each pass
      // subtracts v_k and forms the next dot product w·v_{k+1} from the updated entries (the last pass
      // the norm): j + 2 passes over w instead of 2j + 2, with every operation and every sum in the
      // order of the textbook loops, so the results are bit-identical to them.
      const col = j * h1;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += w[i] * basis[i];
      for (let k = 0; k < j; k++) {
        h[col + k] = dot;
        const vk = k * n;
        const next = vk + n;
        let following = 0;
        for (let i = 0; i < n; i++) {
          const wi = w[i] - dot * basis[vk + i];
          w[i] = wi;
          following += wi * basis[next + i];
        }
        dot = following;
      }
      h[col + j] = dot;
      let norm = 0;
      {
        const vj = j * n;
        for (let i = 0; i < n; i++) {
          const wi = w[i] - dot * basis[vj + i];
          w[i] = wi;
          norm += wi * wi;
        }
      }
      norm = Math.sqrt(norm);
      h[col + j + 1] = norm;
      // Apply the previous rotations to the new column, then the one that zeroes h[j+1, j].
      for (let k = 0; k < j; k++) {
        const a = h[col + k];
        const c = h[col + k + 1];
        h[col + k] = cs[k] * a + sn[k] * c;
        h[col + k + 1] = -sn[k] * a + cs[k] * c;
      }
      const a = h[col + j];
      const c = h[col + j + 1];
      const r = Math.hypot(a, c);
      cs[j] = r === 0 ? 1 : a / r;
      sn[j] = r === 0 ? 0 : c / r;
      h[col + j] = r;
      h[col + j + 1] = 0;
      g[j + 1] = -sn[j] * g[j];
      g[j] = cs[j] * g[j];
      residual = Math.abs(g[j + 1]);
      if (residual <= tol || norm === 0 || !Number.isFinite(residual)) {
        j++;
        break;
      }
      // v_{j+1} = w/‖w‖ (only needed when the iteration goes on)
      const inv = 1 / norm;
      for (let i = 0; i < n; i++) w[i] *= inv;
    }
    // x += V_j y with H_j y = g (upper triangular after the rotations).
    for (let k = j - 1; k >= 0; k--) {
      let s = g[k];
      for (let l = k + 1; l < j; l++) s -= h[l * h1 + k] * y[l];
      y[k] = s / h[k * h1 + k];
    }
    // (x += Z_j y with a preconditioner)
    const directions = zs ?? basis;
    for (let k = 0; k < j; k++) {
      const yk = y[k];
      const vk = k * n;
      for (let i = 0; i < n; i++) x[i] += yk * directions[vk + i];
    }
    if (!Number.isFinite(residual)) return { converged: false, products, iterations, residualNorm: residual };
    if (residual <= tol) return { converged: true, products, iterations, residualNorm: residual };
    if (cycle >= maxRestarts) return { converged: false, products, iterations, residualNorm: residual };
    // Restart from the true residual r = b − A x.
    apply(x, scratch);
    products++;
    beta = 0;
    for (let i = 0; i < n; i++) {
      const ri = b[i] - scratch[i];
      basis[i] = ri;
      beta += ri * ri;
    }
    beta = Math.sqrt(beta);
    if (beta <= tol) return { converged: true, products, iterations, residualNorm: beta };
    const inv = 1 / beta;
    for (let i = 0; i < n; i++) basis[i] *= inv;
  }
}
