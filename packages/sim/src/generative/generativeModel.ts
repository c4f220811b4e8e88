/**
 * The generative models of docs/math.md §4: population moments and seeded samples.
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { Covariances } from '../model/types.js';
import type { GaussianSource } from '../random/gaussianSource.js';

/**
 * A linear generative model of the two views, per feature i (docs/math.md §4):
 * - `'static'`: `x = z + ξ`, `y = z + ξ'`, `z_i ~ N(0, s_i)`, `ξ_i, ξ'_i ~ N(0, γ²_i)`.
 * - `'dynamic'`: `z_{t+1} = a_i z_t + ξ_t` with innovation variance `q_i`, `|a_i| < 1`,
 *   stationary `z_t ~ N(0, s_i)`, `s_i = q_i/(1 − a_i²)`; `x = z_t + n`, `y = z_{t+1} + n'`, noise variance γ²_i.
 */
export type GenerativeModel =
  | { kind: 'static'; signalVariance: readonly number[]; noiseVariance: readonly number[] }
  | { kind: 'dynamic'; autoregression: readonly number[]; innovationVariance: readonly number[]; noiseVariance: readonly number[] };

/** One feature's moments: `sigma2 = E[x_i²]`, `lambda = E[y_i x_i]`, `rho = λ/σ²`. */
export interface FeatureMoments {
  sigma2: number;
  lambda: number;
  rho: number;
}

/**
 * Validates a model (docs/math.md §4) and returns its width d.
 *
 * @param model - the generative model.
 * @param where - the public function to name in error messages.
 * @returns the number of features d.
 * @throws InvalidArgumentError for mismatched lengths, non-positive variances, |a| ≥ 1, or an empty model.
 * @example
 * ```ts
 * validateGenerativeModel({ kind: 'static', signalVariance: [1, 2], noiseVariance: [0, 0.5] }, 'example'); // => 2
 * validateGenerativeModel({ kind: 'dynamic', autoregression: [1], innovationVariance: [1], noiseVariance: [0] }, 'example');
 * // => throws InvalidArgumentError: model.autoregression[0]
 * ```
 */
export function validateGenerativeModel(model: GenerativeModel, where: string): number {
  const lists: [string, readonly number[]][] =
    model.kind === 'static'
      ? [
          ['signalVariance', model.signalVariance],
          ['noiseVariance', model.noiseVariance],
        ]
      : [
          ['autoregression', model.autoregression],
          ['innovationVariance', model.innovationVariance],
          ['noiseVariance', model.noiseVariance],
        ];
  const d = lists[0][1].length;
  if (d < 1) throw new InvalidArgumentError(where, `model.${lists[0][0]}`, 'must hold at least one feature', d);
  for (const [label, list] of lists) {
    if (list.length !== d)
      throw new InvalidArgumentError(where, `model.${label}`, `must have the length of model.${lists[0][0]} (${d})`, list.length);
    list.forEach((x, i) => {
      const ok =
        label === 'autoregression'
          ? Number.isFinite(x) && Math.abs(x) < 1
          : label === 'noiseVariance'
            ? Number.isFinite(x) && x >= 0
            : Number.isFinite(x) && x > 0;
      const rule =
        label === 'autoregression'
          ? 'must satisfy |a| < 1'
          : label === 'noiseVariance'
            ? 'must be a non-negative finite number'
            : 'must be a positive finite number';
      if (!ok) throw new InvalidArgumentError(where, `model.${label}[${i}]`, rule, x);
    });
  }
  return d;
}

/**
 * Per-feature moments of a model (docs/math.md §4): static `σ² = s + γ²`, `λ = s`;
 * dynamic `σ² = s + γ²`, `λ = a s` with `s = q/(1 − a²)`.
 *
 * @param model - the generative model.
 * @throws InvalidArgumentError for an invalid model.
 * @returns one entry per feature.
 * @example
 * ```ts
 * featureMoments({ kind: 'static', signalVariance: [1], noiseVariance: [1] });
 * // => [{ sigma2: 2, lambda: 1, rho: 0.5 }]
 * ```
 */
export function featureMoments(model: GenerativeModel): FeatureMoments[] {
  const d = validateGenerativeModel(model, 'featureMoments');
  const out: FeatureMoments[] = [];
  for (let i = 0; i < d; i++) {
    let s: number, lambda: number;
    if (model.kind === 'static') {
      s = model.signalVariance[i];
      lambda = s;
    } else {
      const a = model.autoregression[i];
      s = model.innovationVariance[i] / (1 - a * a);
      lambda = a * s;
    }
    const sigma2 = s + model.noiseVariance[i];
    out.push({ sigma2, lambda, rho: lambda / sigma2 });
  }
  return out;
}

/**
 * Population covariances of a model: diagonal, `Σxx = Σyy = diag(σ²)`, `Σyx = diag(λ)`.
 *
 * @param model - the generative model.
 * @throws InvalidArgumentError for an invalid model.
 * @returns diagonal covariances.
 * @example
 * ```ts
 * populationCovariances({ kind: 'dynamic', autoregression: [0.5], innovationVariance: [0.75], noiseVariance: [0] }).sigmaYX;
 * // => Float64Array [0.5]
 * ```
 */
export function populationCovariances(model: GenerativeModel): Covariances {
  const f = featureMoments(model);
  const sigmaXX = Float64Array.from(f, (m) => m.sigma2);
  return { kind: 'diagonal', sigmaXX, sigmaYX: Float64Array.from(f, (m) => m.lambda), sigmaYY: Float64Array.from(sigmaXX) };
}

/**
 * Draws n independent pairs (x, y) into `x`, `y` (n×d row-major: sample r in row r).
 * Stream order, per sample then per feature: static `z, ξ, ξ'`; dynamic
 * `z_t, innovation, n, n'` (each a standard normal scaled by its standard deviation;
 * every sample starts from the stationary law, so samples are independent).
 *
 * @param model - the generative model (assumed valid).
 * @param n - number of samples.
 * @param source - the Gaussian stream.
 * @param x - output, length ≥ n·d.
 * @param y - output, length ≥ n·d.
 * @example
 * ```ts
 * const x = new Float64Array(3), y = new Float64Array(3);
 * sampleViews({ kind: 'static', signalVariance: [1], noiseVariance: [0] }, 3, createGaussianSource(1), x, y);
 * Array.from(x).every((v, r) => v === y[r]); // => true  (no noise: both views are the signal z)
 * ```
 */
export function sampleViews(model: GenerativeModel, n: number, source: GaussianSource, x: Float64Array, y: Float64Array): void {
  const d = model.noiseVariance.length;
  const noiseSd = model.noiseVariance.map(Math.sqrt);
  if (model.kind === 'static') {
    const sd = model.signalVariance.map(Math.sqrt);
    for (let r = 0; r < n; r++)
      for (let i = 0; i < d; i++) {
        const z = sd[i] * source.next();
        x[r * d + i] = z + noiseSd[i] * source.next();
        y[r * d + i] = z + noiseSd[i] * source.next();
      }
  } else {
    const a = model.autoregression;
    const sd = a.map((ai, i) => Math.sqrt(model.innovationVariance[i] / (1 - ai * ai)));
    const qd = model.innovationVariance.map(Math.sqrt);
    for (let r = 0; r < n; r++)
      for (let i = 0; i < d; i++) {
        const z = sd[i] * source.next();
        const zNext = a[i] * z + qd[i] * source.next();
        x[r * d + i] = z + noiseSd[i] * source.next();
        y[r * d + i] = zNext + noiseSd[i] * source.next();
      }
  }
}
