/**
 * The per-step work of gradient descent on a deep linear JEPA or MAE, on
 * preallocated matrices of a {@link MatrixWorkspace}. Internal: {@link train}
 * and {@link networkGradients} validate, then drive it.
 *
 * Product count per step (d×d·d×d products; O(d²) work not counted), MATH.md §1:
 * - prefix products `P_a = W_a ⋯ W_1`, a = 2…L (so `P_L = W̄`): L − 1;
 * - residual `R = V W̄Σxx − T Σyx` (T = W̄, or the EMA target's product, for JEPA;
 *   T = I for MAE): 1 (`W̄Σxx`, `W̄Σyx` are diagonal scalings, O(d²));
 * - `∇V = R W̄ᵀ`, `∇W̄ = Vᵀ R`: 2;
 * - backward sweep with `T_L = ∇W̄`, `∇W_a = T_a P_{a−1}ᵀ`, `T_{a−1} = W_aᵀ T_a`: 2(L − 1).
 * Total 3L (12 for L = 4) with diagonal Σ; full Σ adds 1 (MAE) or 2 (JEPA);
 * an EMA target adds L − 1. The suffix products `W_L ⋯ W_{a+1}` of the
 * layer-gradient formula are never formed: the backward sweep applies them one
 * factor at a time, which is what makes the count linear in L with constant 3.
 *
 * @module
 */
import { scaleColumns, type MatrixWorkspace, type Objective } from '@jepa-dynamics/core';
import type { Covariances } from '../model/types.js';

/** Preallocated state and buffers of one training run. */
export interface TrainingKernel {
  readonly d: number;
  readonly depth: number;
  /** W_1 … W_L (views into the workspace). */
  readonly layers: Float64Array[];
  readonly predictor: Float64Array;
  /** EMA target layers, or null when the target is the online encoder. */
  readonly targetLayers: Float64Array[] | null;
  /** Gradients of the last {@link TrainingKernel.gradients} call. */
  readonly gradLayers: Float64Array[];
  readonly gradPredictor: Float64Array;
  /** W̄ of the current state (valid after {@link TrainingKernel.forward}). */
  readonly wbar: Float64Array;
  /** Covariances used by the gradient (replace the contents to change them, e.g. per minibatch). */
  readonly cov: KernelCovariances;
  /** Computes the prefix products and W̄ of the current state. */
  forward(): void;
  /** Computes all gradients at the current state; requires {@link TrainingKernel.forward} first. */
  gradients(): void;
  /** θ ← θ − η∇θ for all layers and V, then the EMA target update. */
  update(learningRate: number, ema: number): void;
}

/** Covariances held in the workspace: diagonals (length d) or full matrices (d²). */
export interface KernelCovariances {
  kind: 'diagonal' | 'full';
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
}

/** Doubles of workspace a kernel needs (for sizing the arena). */
export function kernelCapacity(d: number, depth: number, kind: 'diagonal' | 'full', ema: boolean): number {
  const dd = d * d;
  const covs = kind === 'full' ? 2 * dd : 2 * d;
  // layers L, V, prefix L−1, targets L + 2 (EMA), A, Targ, R, gV, T ×2, gW L
  return dd * (depth + 1 + (depth - 1) + (ema ? depth + 2 : 0) + 6 + depth) + covs;
}

/**
 * Allocates a kernel in `ws` (sized by {@link kernelCapacity}).
 * `ema` true allocates target layers (initialised by the caller).
 */
export function createTrainingKernel(ws: MatrixWorkspace, objective: Objective, d: number, depth: number, kind: 'diagonal' | 'full', ema: boolean): TrainingKernel {
  const dd = d * d;
  const layers = Array.from({ length: depth }, () => ws.alloc(dd));
  const predictor = ws.alloc(dd);
  const prefix: Float64Array[] = [layers[0]];
  for (let a = 2; a <= depth; a++) prefix.push(ws.alloc(dd));
  const targetLayers = ema ? Array.from({ length: depth }, () => ws.alloc(dd)) : null;
  const targetPing = ema ? [ws.alloc(dd), ws.alloc(dd)] : null;
  const scaled = ws.alloc(dd); // W̄Σxx
  const targ = ws.alloc(dd); // TΣyx
  const residual = ws.alloc(dd);
  const gradPredictor = ws.alloc(dd);
  const sweep = [ws.alloc(dd), ws.alloc(dd)];
  const gradLayers = Array.from({ length: depth }, () => ws.alloc(dd));
  const cov: KernelCovariances = {
    kind,
    sigmaXX: ws.alloc(kind === 'full' ? dd : d),
    sigmaYX: ws.alloc(kind === 'full' ? dd : d),
  };
  const wbar = prefix[depth - 1];

  const forward = (): void => {
    for (let a = 1; a < depth; a++) ws.matmul(prefix[a], layers[a], prefix[a - 1], d, d, d);
  };

  const gradients = (): void => {
    // T: W̄ itself (StopGrad), or the EMA target's product
    let targetBar = wbar;
    if (targetLayers !== null && targetPing !== null && objective === 'jepa') {
      if (depth === 1) targetBar = targetLayers[0];
      else {
        let src = targetLayers[0];
        for (let a = 1; a < depth; a++) {
          const dst = targetPing[a % 2];
          ws.matmul(dst, targetLayers[a], src, d, d, d);
          src = dst;
        }
        targetBar = src;
      }
    }
    // R = V W̄Σxx − T Σyx (MATH.md §1)
    if (kind === 'diagonal') scaleColumns(scaled, wbar, cov.sigmaXX, d, d);
    else ws.matmul(scaled, wbar, cov.sigmaXX, d, d, d);
    ws.matmul(residual, predictor, scaled, d, d, d);
    switch (objective) {
      case 'jepa':
        if (kind === 'diagonal') scaleColumns(targ, targetBar, cov.sigmaYX, d, d);
        else ws.matmul(targ, targetBar, cov.sigmaYX, d, d, d);
        subtractInPlace(residual, targ, dd);
        break;
      case 'mae':
        if (kind === 'diagonal') for (let i = 0; i < d; i++) residual[i * d + i] -= cov.sigmaYX[i];
        else for (let i = 0; i < dd; i++) residual[i] -= cov.sigmaYX[i];
        break;
    }
    ws.matmulTransB(gradPredictor, residual, wbar, d, d, d); // ∇V = R W̄ᵀ
    let t = sweep[0];
    ws.matmulTransA(t, predictor, residual, d, d, d); // ∇W̄ = Vᵀ R
    for (let a = depth; a >= 2; a--) {
      // ∇W_a = (W_L⋯W_{a+1})ᵀ ∇W̄ (W_{a−1}⋯W_1)ᵀ = T_a P_{a−1}ᵀ
      ws.matmulTransB(gradLayers[a - 1], t, prefix[a - 2], d, d, d);
      const next = t === sweep[0] ? sweep[1] : sweep[0];
      ws.matmulTransA(next, layers[a - 1], t, d, d, d);
      t = next;
    }
    gradLayers[0].set(t);
  };

  const update = (eta: number, tau: number): void => {
    for (let a = 0; a < depth; a++) descend(layers[a], gradLayers[a], eta, dd);
    descend(predictor, gradPredictor, eta, dd);
    if (targetLayers !== null) {
      // target ← τ·target + (1 − τ)·online
      for (let a = 0; a < depth; a++) blend(targetLayers[a], layers[a], tau, dd);
    }
  };

  return { d, depth, layers, predictor, targetLayers, gradLayers, gradPredictor, wbar, cov, forward, gradients, update };
}

/** `w ← w − η g` (module-level so the engine optimises one monomorphic loop). */
function descend(w: Float64Array, g: Float64Array, eta: number, n: number): void {
  for (let i = 0; i < n; i++) w[i] -= eta * g[i];
}

/** `r ← r − t`. */
function subtractInPlace(r: Float64Array, t: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) r[i] -= t[i];
}

/** `target ← τ·target + (1 − τ)·online`. */
function blend(target: Float64Array, online: Float64Array, tau: number, n: number): void {
  const keep = 1 - tau;
  for (let i = 0; i < n; i++) target[i] = tau * target[i] + keep * online[i];
}
