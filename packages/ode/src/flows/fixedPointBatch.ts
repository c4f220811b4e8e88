/**
 * Fixed points of many features in one call.
 *
 * @module
 */
import { validateObjective, type Objective } from '@jepa-dynamics/core';
import { resolveBatchDepth, type BatchParameter } from './batchParameter.js';
import { resolveFeatureArrays, type FeatureArrays } from './featureArrays.js';
import { fixedPointKernel } from './fixedPoint.js';

/** Result of {@link fixedPointBatch}: one entry per feature. */
export interface FixedPointBatch {
  /** Per-layer weight `u∞` (0 where ρ ≤ 0). */
  readonly u: Float64Array;
  /** End-to-end weight `w̄∞ = u∞^L` (0 where ρ ≤ 0). */
  readonly wbar: Float64Array;
}

/**
 * The limits of the balanced flows of many features (docs/math.md §2), entry i equal to
 * `fixedPoint(feature i, objective, depth)` to the last bit (the same kernel): for ρ > 0,
 * JEPA `u∞ = ρ`, `w̄∞ = ρ^L`; MAE `u∞ = ρ^{1/(L+1)}`, `w̄∞ = u∞^L`; for ρ ≤ 0 both 0 (the
 * positive balanced flow decays to 0). Cost: O(n), one validation pass.
 *
 * @param features - two or three of the columns `sigma2`, `lambda`, `rho`.
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L (integer ≥ 1): one, or one per feature.
 * @returns `{ u, wbar }`.
 * @throws {@link InvalidArgumentError} for invalid features, objective or depth (naming the entry).
 * @example
 * ```ts
 * const r = fixedPointBatch({ lambda: [1, 1, -1], rho: [4, 8, -1] }, 'mae', [1, 2, 2]);
 * r.u; // => Float64Array [2, 2, 0]
 * r.wbar; // => Float64Array [2, 4, 0]
 * ```
 */
export function fixedPointBatch(features: FeatureArrays, objective: Objective, depth: BatchParameter): FixedPointBatch {
  const where = 'fixedPointBatch';
  const f = resolveFeatureArrays(features, where);
  const o = validateObjective(where, objective);
  const L = resolveBatchDepth(where, depth, f.length);
  const u = new Float64Array(f.length);
  const wbar = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const point = fixedPointKernel(o, f.rho[i], L.column === null ? L.value : L.column[i]);
    u[i] = point.u;
    wbar[i] = point.wbar;
  }
  return { u, wbar };
}
