/**
 * The stepper of discrete training: one gradient step of a deep linear JEPA or MAE
 * network on preallocated matrices of a {@link MatrixWorkspace}. {@link train} and
 * {@link networkGradients} drive it; a caller with a loop of their own (an ensemble,
 * a variant with weight decay) can drive it the same way.
 *
 * Product count per step (d×d·d×d products; O(d²) work not counted), docs/math.md §1:
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
import {
  InvalidArgumentError,
  OBJECTIVES,
  scaleColumns,
  validateChoice,
  validateInteger,
  type MatrixWorkspace,
  type Objective,
} from '@jepa-dynamics/core';
import type { Network } from '../model/types.js';

/** What a {@link TrainingKernel} is built for. */
export interface TrainingKernelOptions {
  objective: Objective;
  /** Width d ≥ 1: every matrix is d×d. */
  d: number;
  /** Encoder depth L ≥ 1. */
  depth: number;
  /** How the kernel holds Σxx and Σyx: `'diagonal'` (length-d vectors) or `'full'` (d×d row-major). */
  covarianceKind: 'diagonal' | 'full';
  /**
   * JEPA only: keep a target encoder of its own (`targetLayers`) whose product is the
   * StopGrad branch, for an EMA target (blended by {@link TrainingKernel.update}) or a
   * fixed one. Default false: the target is the online encoder itself.
   */
  separateTarget?: boolean;
}

/** Preallocated state and buffers of one training run. */
export interface TrainingKernel {
  readonly objective: Objective;
  readonly d: number;
  readonly depth: number;
  /** W_1 … W_L (views into the workspace). */
  readonly layers: Float64Array[];
  readonly predictor: Float64Array;
  /** Target layers (with `separateTarget`), or null when the target is the online encoder. */
  readonly targetLayers: Float64Array[] | null;
  /**
   * Gradients of the last {@link TrainingKernel.gradients} call. Writable: a caller may
   * change them before {@link TrainingKernel.update} (e.g. add `γθ` for weight decay).
   */
  readonly gradLayers: Float64Array[];
  readonly gradPredictor: Float64Array;
  /** W̄ of the current state (valid after {@link TrainingKernel.forward}). */
  readonly wbar: Float64Array;
  /** Covariances used by the gradient (replace the contents to change them, e.g. per minibatch). */
  readonly cov: KernelCovariances;
  /**
   * Copies a network into the kernel, and the target layers (default: the network's
   * own layers) when the kernel has a separate target.
   * @throws InvalidArgumentError for a network of another depth or width, or target layers given to a kernel without a separate target.
   */
  load(network: Network, targetLayers?: readonly Float64Array[]): void;
  /** The current layers and predictor as a {@link Network} (fresh copies). */
  snapshot(): Network;
  /** Computes the prefix products and W̄ of the current state. */
  forward(): void;
  /** Whether W̄ and V have only finite entries (after {@link TrainingKernel.forward}); O(d²). */
  isFinite(): boolean;
  /** Computes all gradients at the current state; requires {@link TrainingKernel.forward} first. */
  gradients(): void;
  /**
   * θ ← θ − η∇θ for all layers and V, then (separate target only)
   * `target ← τ·target + (1 − τ)·online` per layer; τ = 0 (default) copies the online layers.
   */
  update(learningRate: number, ema?: number): void;
}

/** Covariances held in the workspace: diagonals (length d) or full matrices (d²). */
export interface KernelCovariances {
  kind: 'diagonal' | 'full';
  sigmaXX: Float64Array;
  sigmaYX: Float64Array;
}

/**
 * Doubles of workspace a kernel takes (for sizing the arena with {@link createMatrixWorkspace}).
 *
 * @param options - what the kernel is built for.
 * @throws InvalidArgumentError as {@link createTrainingKernel}.
 * @returns `d²(3L + 6 (+ L + 2 with a separate target))` plus 2d (diagonal) or 2d² (full) for the covariances.
 * @example
 * ```ts
 * kernelCapacity({ objective: 'jepa', d: 2, depth: 1, covarianceKind: 'diagonal' }); // => 40  (4·(1 + 1 + 0 + 6 + 1) + 2·2)
 * ```
 */
export function kernelCapacity(options: TrainingKernelOptions): number {
  const { d, depth, covarianceKind } = validateKernelOptions(options, 'kernelCapacity');
  const dd = d * d;
  const covs = covarianceKind === 'full' ? 2 * dd : 2 * d;
  // layers L, V, prefix L−1, targets L + 2 (EMA), A, Targ, R, gV, T ×2, gW L
  return dd * (depth + 1 + (depth - 1) + (options.separateTarget === true ? depth + 2 : 0) + 6 + depth) + covs;
}

/**
 * Allocates a kernel in `ws`, which must have room for {@link kernelCapacity}`(options)`
 * doubles (and `largestMatrix` ≥ d²). The network starts at zero: {@link TrainingKernel.load} one.
 * Per step: `forward()`, then `gradients()` (with `cov` holding this step's moments),
 * then `update(η)`; nothing allocates.
 *
 * @param ws - the workspace (all products run on its backend).
 * @param options - objective, width, depth, how Σ is held, separate target.
 * @throws InvalidArgumentError for an unknown objective or covariance kind, d or L not a positive integer, a separate target with MAE, or a workspace too small.
 * @returns the kernel.
 * @example
 * ```ts
 * // MAE, L = 1, d = 1, σ² = λ = 1, from w = v = ½
 * const options = { objective: 'mae', d: 1, depth: 1, covarianceKind: 'diagonal' } as const;
 * const ws = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: 1 });
 * const kernel = createTrainingKernel(ws, options);
 * kernel.load({ d: 1, layers: [Float64Array.of(0.5)], predictor: Float64Array.of(0.5) });
 * kernel.cov.sigmaXX[0] = 1;
 * kernel.cov.sigmaYX[0] = 1;
 * kernel.forward();
 * kernel.gradients();
 * kernel.gradPredictor; // => Float64Array [-0.375]  (∇v = w̄(σ² v w̄ − λ) = ½(¼ − 1), docs/math.md §2)
 * // weight decay γ = 0.2, added by the caller between gradients() and update():
 * kernel.gradLayers[0][0] += 0.2 * kernel.layers[0][0];
 * kernel.gradPredictor[0] += 0.2 * kernel.predictor[0];
 * kernel.update(0.1);
 * kernel.predictor; // => Float64Array [0.5275]  (½ − 0.1·(−0.375 + 0.1))
 * ```
 */
export function createTrainingKernel(ws: MatrixWorkspace, options: TrainingKernelOptions): TrainingKernel {
  const where = 'createTrainingKernel';
  const { objective, d, depth, covarianceKind: kind } = validateKernelOptions(options, where);
  const ema = options.separateTarget === true;
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

  const load = (network: Network, target?: readonly Float64Array[]): void => {
    const at = 'TrainingKernel.load';
    if (network.layers.length !== depth)
      throw new InvalidArgumentError(at, 'network.layers', `must hold depth = ${depth} matrices`, network.layers.length);
    if (target !== undefined && targetLayers === null)
      throw new InvalidArgumentError(at, 'targetLayers', 'must be omitted: the kernel has no separate target', target.length);
    if (target !== undefined && target.length !== depth)
      throw new InvalidArgumentError(at, 'targetLayers', `must hold depth = ${depth} matrices`, target.length);
    [...network.layers, network.predictor, ...(target ?? [])].forEach((m, i) => {
      if (m.length !== dd)
        throw new InvalidArgumentError(at, 'network matrices', `must each have d² = ${dd} entries (matrix ${i})`, m.length);
    });
    network.layers.forEach((w, a) => layers[a].set(w));
    predictor.set(network.predictor);
    if (targetLayers !== null) (target ?? network.layers).forEach((w, a) => targetLayers[a].set(w));
  };

  const snapshot = (): Network => ({ d, layers: layers.map((w) => Float64Array.from(w)), predictor: Float64Array.from(predictor) });

  const forward = (): void => {
    for (let a = 1; a < depth; a++) ws.matmul(prefix[a], layers[a], prefix[a - 1], d, d, d);
  };

  // divergence check: O(d²), catches overflow and NaN within a step or two
  const allFinite = (): boolean => Number.isFinite(entrySum(wbar, predictor, dd));

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
    // R = V W̄Σxx − T Σyx (docs/math.md §1)
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

  const update = (eta: number, tau = 0): void => {
    for (let a = 0; a < depth; a++) descend(layers[a], gradLayers[a], eta, dd);
    descend(predictor, gradPredictor, eta, dd);
    if (targetLayers !== null) {
      // target ← τ·target + (1 − τ)·online
      for (let a = 0; a < depth; a++) blend(targetLayers[a], layers[a], tau, dd);
    }
  };

  return {
    objective,
    d,
    depth,
    layers,
    predictor,
    targetLayers,
    gradLayers,
    gradPredictor,
    wbar,
    cov,
    load,
    snapshot,
    forward,
    isFinite: allFinite,
    gradients,
    update,
  };
}

/** How a kernel can hold Σxx and Σyx (the kinds of {@link Covariances}). */
const COVARIANCE_KINDS: readonly TrainingKernelOptions['covarianceKind'][] = ['diagonal', 'full'];

/** Checks the options of {@link createTrainingKernel} (O(1)); returns them. */
function validateKernelOptions(options: TrainingKernelOptions, where: string): TrainingKernelOptions {
  const { objective, d, depth, covarianceKind } = options;
  validateChoice(where, 'options.objective', objective, OBJECTIVES);
  validateInteger(where, 'options.d', d, 1);
  validateInteger(where, 'options.depth', depth, 1);
  validateChoice(where, 'options.covarianceKind', covarianceKind, COVARIANCE_KINDS);
  if (options.separateTarget === true && objective !== 'jepa')
    throw new InvalidArgumentError(where, 'options.separateTarget', 'only applies to the JEPA objective', true);
  return options;
}

/** Σ a_i + Σ b_i: finite exactly when no entry is NaN or ±∞ (barring an overflow of the sum, itself a divergence). */
function entrySum(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] + b[i];
  return s;
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
