/**
 * Many features as a structure of arrays, the input of the batched closed forms.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { resolveFeature } from './resolveFeature.js';

/** A column of per-feature numbers: a `Float64Array` (fastest) or a plain array. */
export type NumberColumn = Float64Array | readonly number[];

/**
 * Features as a structure of arrays (docs/math.md §1): any two (or all three, if
 * consistent) of `sigma2` (σ² > 0), `lambda` (λ), `rho` (ρ = λ/σ²), all of one length;
 * entry i of each column belongs to feature i. The rules per feature are those of
 * {@link resolveFeature}.
 */
export interface FeatureArrays {
  /** Variances σ² > 0. */
  readonly sigma2?: NumberColumn;
  /** Cross-covariances λ. */
  readonly lambda?: NumberColumn;
  /** Regression coefficients ρ = λ/σ². */
  readonly rho?: NumberColumn;
}

/** Validated features with all three moments filled in, one `Float64Array` each (`lambda[i] = sigma2[i]·rho[i]`). */
export interface ResolvedFeatureArrays {
  /** Number of features. */
  readonly length: number;
  /** σ² per feature. */
  readonly sigma2: Float64Array;
  /** λ per feature. */
  readonly lambda: Float64Array;
  /** ρ per feature. */
  readonly rho: Float64Array;
}

function column(where: string, name: string, value: unknown): NumberColumn | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Float64Array || Array.isArray(value)) return value as NumberColumn;
  throw new InvalidArgumentError(where, `features.${name}`, 'must be a Float64Array or an array of numbers', value);
}

/**
 * Validates features given as a structure of arrays and fills in the third moment, in one
 * pass: feature i becomes exactly what `resolveFeature({ sigma2: sigma2[i], lambda: lambda[i], rho: rho[i] })`
 * returns (the same divisions, so the batched and the scalar paths see the same bits).
 * Cost: O(n), one pass, three `Float64Array`s of n allocated.
 *
 * @param features - two or three columns of equal length.
 * @param where - the public function to name in error messages.
 * @returns the three columns.
 * @throws {@link InvalidArgumentError} for fewer than two columns, columns of different lengths,
 *   or an invalid feature (naming `features[i]` and the rule, as {@link resolveFeature} words it).
 * @example
 * ```ts
 * const f = resolveFeatureArrays({ lambda: Float64Array.of(1, 6), rho: Float64Array.of(4, 3) });
 * f.sigma2; // => Float64Array [0.25, 2]
 * resolveFeatureArrays({ lambda: [1, -1], rho: [1, 1] }); // => throws InvalidArgumentError: features[1]
 * ```
 */
export function resolveFeatureArrays(features: FeatureArrays, where = 'resolveFeatureArrays'): ResolvedFeatureArrays {
  if (typeof features !== 'object' || features === null) {
    throw new InvalidArgumentError(where, 'features', 'must be an object with two of the columns sigma2, lambda, rho', features);
  }
  const sigma2 = column(where, 'sigma2', features.sigma2);
  const lambda = column(where, 'lambda', features.lambda);
  const rho = column(where, 'rho', features.rho);
  const given = [sigma2, lambda, rho].filter((c) => c !== undefined);
  if (given.length < 2)
    throw new InvalidArgumentError(where, 'features', 'must give at least two of the columns sigma2, lambda, rho', features);
  const length = given[0]?.length ?? 0;
  for (const [name, c] of [
    ['sigma2', sigma2],
    ['lambda', lambda],
    ['rho', rho],
  ] as const) {
    if (c !== undefined && c.length !== length) {
      throw new InvalidArgumentError(
        where,
        `features.${name}`,
        `must have the length of the other columns (${length})`,
        `length ${c.length}`,
      );
    }
  }
  const out = { length, sigma2: new Float64Array(length), lambda: new Float64Array(length), rho: new Float64Array(length) };
  for (let i = 0; i < length; i++) {
    const s = sigma2 === undefined ? undefined : sigma2[i];
    const l = lambda === undefined ? undefined : lambda[i];
    const r = rho === undefined ? undefined : rho[i];
    // The common cases, valid by resolveFeature's rules, are completed here with its arithmetic;
    // anything else (zeros, signs, three columns, non-numbers) goes through resolveFeature itself.
    if (
      s === undefined &&
      l !== undefined &&
      r !== undefined &&
      Number.isFinite(l) &&
      Number.isFinite(r) &&
      ((l > 0 && r > 0) || (l < 0 && r < 0))
    ) {
      out.sigma2[i] = l / r;
      out.lambda[i] = l;
      out.rho[i] = r;
    } else if (l === undefined && s !== undefined && r !== undefined && Number.isFinite(s) && s > 0 && Number.isFinite(r)) {
      out.sigma2[i] = s;
      out.lambda[i] = s * r;
      out.rho[i] = r;
    } else if (r === undefined && s !== undefined && l !== undefined && Number.isFinite(s) && s > 0 && Number.isFinite(l)) {
      out.sigma2[i] = s;
      out.lambda[i] = l;
      out.rho[i] = l / s;
    } else {
      const f = resolveFeature({ sigma2: s, lambda: l, rho: r }, `${where}: features[${i}]`);
      out.sigma2[i] = f.sigma2;
      out.lambda[i] = f.lambda;
      out.rho[i] = f.rho;
    }
  }
  return out;
}
