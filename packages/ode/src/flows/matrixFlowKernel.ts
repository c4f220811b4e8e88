/**
 * The arithmetic of the full matrix flow ({@link matrixFlow}): its right-hand side and its
 * exact Jacobian-vector product on preallocated matrices of a `MatrixWorkspace`, without
 * argument checks. Internal.
 *
 * State `θ = [V, W_1, …, W_L]` (and, with a continuous-time EMA target, the target layers
 * `W^T_1 … W^T_L` after them), each d×d row-major. With `Q_a = W_a ⋯ W_1` (`Q_L = W̄`),
 * the target product `T̄` (`W̄` with StopGrad, `W^T_L ⋯ W^T_1` with EMA), docs/math.md §1:
 *
 *     X = W̄ Σxx,   R = V X − T̄ Σyx (JEPA) | V X − Σyx (MAE),
 *     ∇V = R W̄ᵀ,   G_L = Vᵀ R,   G_{a−1} = W_aᵀ G_a,   ∇W_a = G_a Q_{a−1}ᵀ,
 *     θ' = −s ∇θ,  (W^T_a)' = s (W_a − W^T_a)/τ_ema,
 *
 * s the time unit's rate factor. The backward sweep G applies the suffix products
 * `(W_L ⋯ W_{a+1})ᵀ` one factor at a time (as sim's training kernel does), so a call costs
 * 3L d×d products with diagonal Σ (each `·Σ` is then a column scaling), 3L + 2 (JEPA) or
 * 3L + 1 (MAE) with full Σ, and L − 1 more for an EMA target's product.
 *
 * The Jacobian-vector product differentiates every line above along a direction
 * `θ̇ = (V̇, Ẇ_a, Ẇ^T_a)`, the target included (the StopGrad acts on the loss's gradient,
 * not on the flow, whose right-hand side depends on W̄ through the target as well):
 *
 *     Q̇_1 = Ẇ_1,  Q̇_a = W_a Q̇_{a−1} + Ẇ_a Q_{a−1},  Ẋ = Q̇_L Σxx,
 *     Ṙ = V̇ X + V Ẋ − T̄̇ Σyx (JEPA; T̄̇ = Q̇_L, or the EMA target's Q̇^T_L) | V̇ X + V Ẋ (MAE),
 *     (∇V)˙ = Ṙ W̄ᵀ + R Q̇_Lᵀ,  Ġ_L = V̇ᵀ R + Vᵀ Ṙ,  Ġ_{a−1} = Ẇ_aᵀ G_a + W_aᵀ Ġ_a,
 *     (∇W_a)˙ = Ġ_a Q_{a−1}ᵀ + G_a Q̇_{a−1}ᵀ,
 *
 * 6L products with diagonal Σ (+2 with full Σ for JEPA, +1 for MAE, +2(L − 1) with EMA).
 * The forward quantities (Q_a, X, R, G_a) are kept from the last evaluation point
 * (recomputed when `y` differs), so the many products GMRES asks for at one Newton iterate
 * cost only their own 6L products.
 *
 * @module
 */
import { scaleColumns, type MatrixWorkspace, type Objective } from '@jepa-dynamics/core';

/** What {@link createMatrixFlowKernel} is built for (all validated by the caller). */
export interface MatrixFlowKernelOptions {
  objective: Objective;
  d: number;
  depth: number;
  /** Σxx and Σyx: their diagonals (length d) when `diagonal`, else full d×d row-major. */
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
  diagonal: boolean;
  /** Time constant τ_ema of a continuous-time EMA target (JEPA), in gradient-flow time; null: StopGrad. */
  emaTime: number | null;
  /** Rate factor s (1 in gradient-flow time, 1/L in paper time). */
  rateScale: number;
}

/** The right-hand side and the Jacobian-vector product of the matrix flow. */
export interface MatrixFlowKernel {
  /** Length of the state. */
  readonly dimension: number;
  /** `out = θ'(y)`. */
  rhs(y: Float64Array, out: Float64Array): void;
  /** `out = (∂θ'/∂θ)(y) · v`. */
  jvp(y: Float64Array, v: Float64Array, out: Float64Array): void;
}

/**
 * Doubles of workspace {@link createMatrixFlowKernel} takes: 3 state-sized vectors, the
 * covariances and 3L + 6 d×d matrices (5L + 4 with an EMA target).
 */
export function matrixFlowKernelCapacity(d: number, depth: number, diagonal: boolean, ema: boolean): number {
  const blocks = ema ? 2 * depth + 1 : depth + 1;
  const covariances = diagonal ? 2 * d : 2 * d * d;
  return 3 * blocks * d * d + covariances + (3 * depth + 6 + (ema ? 2 * depth - 2 : 0)) * d * d;
}

/** Allocates the kernel in `ws` (room for {@link matrixFlowKernelCapacity} doubles, `largestMatrix` ≥ d²). */
export function createMatrixFlowKernel(ws: MatrixWorkspace, options: MatrixFlowKernelOptions): MatrixFlowKernel {
  const { objective, d, depth: L, diagonal, emaTime, rateScale: s } = options;
  const dd = d * d;
  const ema = emaTime !== null;
  const blocks = ema ? 2 * L + 1 : L + 1;
  const dimension = blocks * dd;
  const view = (m: Float64Array): Float64Array[] => Array.from({ length: blocks }, (_, b) => m.subarray(b * dd, (b + 1) * dd));

  const sxx = ws.alloc(diagonal ? d : dd);
  const syx = ws.alloc(diagonal ? d : dd);
  sxx.set(options.sigmaXX);
  syx.set(options.sigmaYX);
  // the evaluation point (a copy, to recognise it again) and its matrices in the arena
  const point = new Float64Array(dimension);
  let valid = false;
  const theta = ws.alloc(dimension);
  const [V, ...rest] = view(theta);
  const W = rest.slice(0, L);
  const WT = rest.slice(L);
  const out = ws.alloc(dimension);
  const [dV, ...dRest] = view(out);
  const dW = dRest.slice(0, L); // the EMA rates are written straight into the result (finish)
  const dir = ws.alloc(dimension);
  const [Vd, ...dirRest] = view(dir);
  const Wd = dirRest.slice(0, L);
  const WTd = dirRest.slice(L);

  // Q[a] = W_a ⋯ W_1 for a = 1…L (Q[1] is W_1 itself); Q[0] unused (the identity, never formed)
  const none = new Float64Array(0);
  const Q = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? W[0] : ws.alloc(dd)));
  const QT = ema ? Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? WT[0] : ws.alloc(dd))) : Q;
  const X = ws.alloc(dd);
  const R = ws.alloc(dd);
  const G = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : ws.alloc(dd)));
  // directional derivatives
  const Qd = Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? Wd[0] : ws.alloc(dd)));
  const QTd = ema ? Array.from({ length: L + 1 }, (_, a) => (a === 0 ? none : a === 1 ? WTd[0] : ws.alloc(dd))) : Qd;
  const Xd = ws.alloc(dd);
  const Rd = ws.alloc(dd);
  const Gd = [ws.alloc(dd), ws.alloc(dd)];
  const tmp = ws.alloc(dd);
  const tmp2 = ws.alloc(dd);

  /** `c = A·Σ` for Σ diagonal (a column scaling) or full. */
  const timesSigma = (c: Float64Array, a: Float64Array, sigma: Float64Array): void => {
    if (diagonal) scaleColumns(c, a, sigma, d, d);
    else ws.matmul(c, a, sigma, d, d, d);
  };
  /** `c ← c − A·Σyx` (JEPA's target term; MAE's is the constant Σyx). */
  const subtractTarget = (c: Float64Array, a: Float64Array): void => {
    timesSigma(tmp, a, syx);
    for (let i = 0; i < dd; i++) c[i] -= tmp[i];
  };

  /** The forward quantities at y: Q_a, the target's product, X, R, G_a (3L products with diagonal Σ). */
  const linearize = (y: Float64Array): void => {
    if (valid && sameState(point, y, dimension)) return;
    point.set(y.subarray(0, dimension));
    theta.set(point);
    for (let a = 2; a <= L; a++) ws.matmul(Q[a], W[a - 1], Q[a - 1], d, d, d);
    if (ema) for (let a = 2; a <= L; a++) ws.matmul(QT[a], WT[a - 1], QT[a - 1], d, d, d);
    const wbar = Q[L];
    timesSigma(X, wbar, sxx);
    ws.matmul(R, V, X, d, d, d);
    switch (objective) {
      case 'jepa':
        subtractTarget(R, QT[L]);
        break;
      case 'mae':
        if (diagonal) for (let i = 0; i < d; i++) R[i * d + i] -= syx[i];
        else for (let i = 0; i < dd; i++) R[i] -= syx[i];
        break;
      default: {
        const never: never = objective;
        throw new Error(`matrixFlow: unknown objective ${String(never)}`);
      }
    }
    ws.matmulTransA(G[L], V, R, d, d, d);
    for (let a = L; a >= 2; a--) ws.matmulTransA(G[a - 1], W[a - 1], G[a], d, d, d);
    valid = true;
  };

  /** Writes −s·(assembled gradient) and the EMA rates into `result` from `out`'s blocks. */
  const finish = (result: Float64Array, emaSource: Float64Array[], emaTarget: Float64Array[]): void => {
    const n = (L + 1) * dd;
    for (let i = 0; i < n; i++) result[i] = -s * out[i];
    if (ema && emaTime !== null) {
      const rate = s / emaTime;
      for (let a = 0; a < L; a++) {
        const src = emaSource[a],
          tgt = emaTarget[a],
          off = (L + 1 + a) * dd;
        for (let i = 0; i < dd; i++) result[off + i] = rate * (src[i] - tgt[i]);
      }
    }
  };

  const rhs = (y: Float64Array, result: Float64Array): void => {
    linearize(y);
    ws.matmulTransB(dV, R, Q[L], d, d, d); // ∇V = R W̄ᵀ
    for (let a = 1; a <= L; a++) {
      if (a === 1) dW[0].set(G[1]);
      else ws.matmulTransB(dW[a - 1], G[a], Q[a - 1], d, d, d); // ∇W_a = G_a Q_{a−1}ᵀ
    }
    finish(result, W, WT);
  };

  const jvp = (y: Float64Array, v: Float64Array, result: Float64Array): void => {
    linearize(y);
    dir.set(v.subarray(0, dimension));
    for (let a = 2; a <= L; a++) {
      ws.matmul(Qd[a], W[a - 1], Qd[a - 1], d, d, d);
      ws.matmul(tmp, Wd[a - 1], Q[a - 1], d, d, d);
      addInPlace(Qd[a], tmp, dd);
    }
    if (ema)
      for (let a = 2; a <= L; a++) {
        ws.matmul(QTd[a], WT[a - 1], QTd[a - 1], d, d, d);
        ws.matmul(tmp, WTd[a - 1], QT[a - 1], d, d, d);
        addInPlace(QTd[a], tmp, dd);
      }
    const wbarDot = Qd[L];
    // Ṙ = V̇ X + V Ẋ (− T̄̇ Σyx)
    timesSigma(Xd, wbarDot, sxx);
    ws.matmul(Rd, Vd, X, d, d, d);
    ws.matmul(tmp2, V, Xd, d, d, d);
    addInPlace(Rd, tmp2, dd);
    if (objective === 'jepa') subtractTarget(Rd, QTd[L]);
    // (∇V)˙ = Ṙ W̄ᵀ + R Q̇_Lᵀ
    ws.matmulTransB(dV, Rd, Q[L], d, d, d);
    ws.matmulTransB(tmp, R, wbarDot, d, d, d);
    addInPlace(dV, tmp, dd);
    // Ġ_L = V̇ᵀ R + Vᵀ Ṙ, then down the layers
    let gd = Gd[0];
    ws.matmulTransA(gd, Vd, R, d, d, d);
    ws.matmulTransA(tmp, V, Rd, d, d, d);
    addInPlace(gd, tmp, dd);
    for (let a = L; a >= 1; a--) {
      // (∇W_a)˙ = Ġ_a Q_{a−1}ᵀ + G_a Q̇_{a−1}ᵀ
      if (a === 1) dW[0].set(gd);
      else {
        ws.matmulTransB(dW[a - 1], gd, Q[a - 1], d, d, d);
        ws.matmulTransB(tmp, G[a], Qd[a - 1], d, d, d);
        addInPlace(dW[a - 1], tmp, dd);
        // Ġ_{a−1} = Ẇ_aᵀ G_a + W_aᵀ Ġ_a
        const next = gd === Gd[0] ? Gd[1] : Gd[0];
        ws.matmulTransA(next, Wd[a - 1], G[a], d, d, d);
        ws.matmulTransA(tmp, W[a - 1], gd, d, d, d);
        addInPlace(next, tmp, dd);
        gd = next;
      }
    }
    finish(result, Wd, WTd);
  };

  return { dimension, rhs, jvp };
}

/** Whether the first n entries of a and b are the same numbers (bit for bit, NaN never). */
function sameState(a: Float64Array, b: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `a ← a + b`. */
function addInPlace(a: Float64Array, b: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) a[i] += b[i];
}
