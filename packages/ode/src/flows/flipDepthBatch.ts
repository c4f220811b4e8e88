/**
 * The depth at which the learning order of two features flips, for many pairs at once.
 *
 * @module
 */
import { InvalidArgumentError, validateInteger, validateObjective, type Objective } from '@jepa-dynamics/core';
import { resolveBatchEpsilon, resolveBatchFraction, type BatchParameter, type ResolvedBatchParameter } from './batchParameter.js';
import { criticalTimeBatchKernel, type CriticalTimeBatch } from './criticalTimeBatch.js';
import { resolveFeatureArrays, type FeatureArrays, type ResolvedFeatureArrays } from './featureArrays.js';

/**
 * What entry i of a {@link FlipDepthBatch} holds; `status[i]` is an index into this list:
 * - `0 'found'`: `depth[i]` is the flip depth;
 * - `1 'none'`: A is not learned before B at any depth up to `maxDepth` (`depth[i]` is 0);
 * - `2 'overflow'`: at the depth `depth[i]` a critical time exceeds the largest double, so the
 *   order there cannot be decided and the scan stopped (where `orderFlipDepth` throws).
 *
 * @example
 * ```ts
 * FLIP_DEPTH_STATUSES; // => ["found", "none", "overflow"]
 * ```
 */
export const FLIP_DEPTH_STATUSES = ['found', 'none', 'overflow'] as const;

/** One of {@link FLIP_DEPTH_STATUSES}. */
export type FlipDepthStatus = (typeof FLIP_DEPTH_STATUSES)[number];

const FOUND = 0;
const NONE = 1;
const OVERFLOW = 2;
/** `CRITICAL_TIME_STATUSES` codes used here. */
const EXISTS = 0;
const TIME_OVERFLOW = 3;

/** Settings of {@link flipDepthBatch}. */
export interface FlipDepthBatchOptions {
  /** `'jepa'` or `'mae'`, one for the whole batch. */
  objective: Objective;
  /** Initialisation scale ε > 0: one, or one per pair. */
  epsilon: BatchParameter;
  /** Fraction p of `w̄∞` defining t*_p, 0 < p < 1: one, or one per pair; default ½. */
  fraction?: BatchParameter;
  /** Largest depth examined (integer ≥ 1); default 64, as `orderFlipDepth`. */
  maxDepth?: number;
}

/** Result of {@link flipDepthBatch}: one entry per pair. */
export interface FlipDepthBatch {
  /** The flip depth L* where `status[i]` is 0; 0 where 1; the undecidable depth where 2. */
  readonly depth: Int32Array;
  /** Index into {@link FLIP_DEPTH_STATUSES}. */
  readonly status: Uint8Array;
}

/**
 * The flip depth of many feature pairs (A_i, B_i): the smallest depth L in `1…maxDepth` at
 * which A_i is learned strictly before B_i, `t*_A < t*_B` (exact closed form of docs/math.md §3),
 * the definition of `orderFlipDepth`, which it equals entry by entry; depths at which either
 * critical time does not exist do not count as a flip. Each depth is one call of the kernel
 * of `criticalTimeBatch` on the pairs not yet decided.
 *
 * Cost: O(Σ_i L*_i² ) JEPA multiply–adds (each depth L costs O(L) per pair still scanned),
 * O(n·maxDepth·(maxDepth + 50)) for MAE pairs that never flip.
 *
 * @param a - features A (two or three of `sigma2`, `lambda`, `rho` per entry).
 * @param b - features B, as many as A.
 * @param options - objective; epsilon and fraction as one number or one per pair; maxDepth.
 * @returns `{ depth, status }`, one entry per pair.
 * @throws {@link InvalidArgumentError} for invalid features or settings, or columns of different lengths.
 * @example
 * ```ts
 * // docs/math.md §3.5: A = (λ=1, ρ=3), B = (λ=2, ρ=1) at ε = 1e-2 and 1e-1; MAE never flips
 * const a = { lambda: [1, 1], rho: [3, 3] };
 * const b = { lambda: [2, 2], rho: [1, 1] };
 * flipDepthBatch(a, b, { objective: 'jepa', epsilon: [1e-2, 1e-1] }).depth; // => Int32Array [8, 4]
 * flipDepthBatch(a, b, { objective: 'mae', epsilon: 1e-2, maxDepth: 20 }).status; // => Uint8Array [1, 1]
 * ```
 */
export function flipDepthBatch(a: FeatureArrays, b: FeatureArrays, options: FlipDepthBatchOptions): FlipDepthBatch {
  const where = 'flipDepthBatch';
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError(where, 'options', 'must be an object', options);
  const fa = resolveFeatureArrays(a, where);
  const fb = resolveFeatureArrays(b, where);
  if (fa.length !== fb.length) throw new InvalidArgumentError(where, 'b', `must hold as many features as a (${fa.length})`, fb.length);
  const n = fa.length;
  const objective = validateObjective(where, options.objective);
  const maxDepth = validateInteger(where, 'maxDepth', options.maxDepth ?? 64, 1);
  const epsilon = resolveBatchEpsilon(where, options.epsilon, n);
  const fraction = resolveBatchFraction(where, options.fraction, n);
  return flipDepthKernel(objective, fa, fb, epsilon, fraction, maxDepth);
}

/** The per-pair value of a resolved parameter. */
const valueAt = (p: ResolvedBatchParameter, i: number): number => (p.column === null ? p.value : p.column[i]);

/** Kernel of {@link flipDepthBatch}: validated input. Internal. */
function flipDepthKernel(
  objective: Objective,
  fa: ResolvedFeatureArrays,
  fb: ResolvedFeatureArrays,
  epsilon: ResolvedBatchParameter,
  fraction: ResolvedBatchParameter,
  maxDepth: number,
): FlipDepthBatch {
  const n = fa.length;
  const depth = new Int32Array(n);
  const status = new Uint8Array(n).fill(NONE);
  let pending = Int32Array.from({ length: n }, (_, i) => i);
  for (let L = 1; L <= maxDepth && pending.length > 0; L++) {
    const m = pending.length;
    // A of pending pair j at entry j, its B at entry m + j: one kernel call per depth
    const pairs: ResolvedFeatureArrays = {
      length: 2 * m,
      sigma2: new Float64Array(2 * m),
      lambda: new Float64Array(2 * m),
      rho: new Float64Array(2 * m),
    };
    const eps = new Float64Array(2 * m);
    const p = new Float64Array(2 * m);
    pending.forEach((i, j) => {
      for (const [f, k] of [
        [fa, j],
        [fb, m + j],
      ] as const) {
        pairs.sigma2[k] = f.sigma2[i];
        pairs.lambda[k] = f.lambda[i];
        pairs.rho[k] = f.rho[i];
        eps[k] = valueAt(epsilon, i);
        p[k] = valueAt(fraction, i);
      }
    });
    const out: CriticalTimeBatch = {
      t: new Float64Array(2 * m),
      status: new Uint8Array(2 * m),
      uStar: new Float64Array(2 * m),
      wbarTarget: new Float64Array(2 * m),
    };
    criticalTimeBatchKernel(
      objective,
      'exact',
      'gradient-flow',
      pairs,
      { value: L, column: null },
      { value: Number.NaN, column: eps },
      { value: Number.NaN, column: p },
      out,
    );
    const next: number[] = [];
    pending.forEach((i, j) => {
      const sa = out.status[j];
      const sb = out.status[m + j];
      if (sa === TIME_OVERFLOW || sb === TIME_OVERFLOW) {
        status[i] = OVERFLOW;
        depth[i] = L;
      } else if (sa === EXISTS && sb === EXISTS && out.t[j] < out.t[m + j]) {
        status[i] = FOUND;
        depth[i] = L;
      } else next.push(i);
    });
    pending = Int32Array.from(next);
  }
  return { depth, status };
}
