/**
 * The second moments each training step descends on: the population's, or those of
 * minibatches of a data set drawn once from a generative model (docs/math.md §4).
 * @module
 */
import { InvalidArgumentError, validateInteger, type MatrixWorkspace } from '@jepa-dynamics/core';
import type { Covariances } from '../model/types.js';
import { validateCovariances } from '../model/validateCovariances.js';
import { createGaussianSource } from '../random/gaussianSource.js';
import { sampleViews, validateGenerativeModel, type GenerativeModel } from '../generative/generativeModel.js';
import { empiricalMoments } from './empiricalMoments.js';
import type { KernelCovariances } from './trainingKernel.js';

/**
 * Finite-sample training: a data set of `samples` pairs is drawn once from
 * `model` with {@link createGaussianSource}`(seed)` ({@link sampleViews}); each step
 * uses the empirical second moments (`XᵀX/B`, `YᵀX/B`, uncentred, as docs/math.md's Σ
 * are) of a minibatch of `batchSize` consecutive samples, cycling through the data
 * set in order (samples are i.i.d., so the order is already random). With
 * `batchSize` = `samples` (the default) this is full-batch gradient descent on the
 * empirical risk.
 */
export interface SampleOptions {
  model: GenerativeModel;
  samples: number;
  seed: number;
  batchSize?: number;
}

/** Options of {@link createBatchSource}: exactly one of `covariances` and `data` (as in {@link TrainOptions}). */
export interface BatchSourceOptions {
  /** Population second moments (exact expectations): every step uses them. */
  covariances?: Covariances;
  /** Finite samples instead. */
  data?: SampleOptions;
}

/** The moments of a run, ready to feed a {@link TrainingKernel}. */
export interface BatchSource {
  /** Width d. */
  readonly d: number;
  /** How a kernel must hold the moments: the population's kind, or `'full'` for samples. */
  readonly covarianceKind: 'diagonal' | 'full';
  /** The moments the loss is measured with: the population's (the object given), or the whole data set's empirical ones. */
  readonly covariances: Covariances;
  /** Doubles of workspace {@link BatchSource.attach} takes: 2·B·d for minibatches (B < n), else 0. */
  readonly capacity: number;
  /** The largest operand the minibatch products transpose (B·d for minibatches, else 0): `largestMatrix` of the workspace must be at least this. */
  readonly largestMatrix: number;
  /**
   * Binds the source to a kernel's covariance buffers: writes {@link BatchSource.covariances}
   * into `cov`, takes the minibatch buffers from `ws`, and returns the step's feed, which
   * overwrites `cov` with the next minibatch's moments (B consecutive samples, wrapping
   * around the data set) and does nothing for population or full-batch sources. Each
   * binding has its own position in the data set, starting at sample 0.
   * @throws InvalidArgumentError when `cov` is not of this source's kind and width.
   */
  attach(ws: MatrixWorkspace, cov: KernelCovariances): () => void;
}

/**
 * Validates the moments' options and, for finite samples, draws the data set.
 * Cost: validation (a Cholesky factorisation, O(d³), for full covariances); with `data`,
 * n·d·(3 or 4) normals and the data set's moments (3·n·d² multiply-adds). Each minibatch
 * then costs 2·B·d² multiply-adds.
 *
 * @param options - `covariances` or `data`.
 * @param where - the public function named in error messages (default `'createBatchSource'`; {@link train} passes its own name).
 * @throws InvalidArgumentError for neither or both options, invalid covariances or model, `samples` not a positive integer, `batchSize` not an integer from 1 to `samples`, a bad seed.
 * @returns the source.
 * @example
 * ```ts
 * // d = 1, 4 noiseless samples (x = y = z), minibatches of 2
 * const source = createBatchSource({ data: { model: { kind: 'static', signalVariance: [1], noiseVariance: [0] }, samples: 4, seed: 3, batchSize: 2 } });
 * source.covarianceKind; // => 'full'
 * const cov = { kind: 'full', sigmaXX: new Float64Array(1), sigmaYX: new Float64Array(1) } as const;
 * const ws = createMatrixWorkspace({ capacity: source.capacity, largestMatrix: source.largestMatrix });
 * const nextBatch = source.attach(ws, cov);
 * cov.sigmaXX[0] === source.covariances.sigmaXX[0]; // => true  (the whole data set's moments first)
 * nextBatch();
 * cov.sigmaYX[0] === cov.sigmaXX[0]; // => true  (no noise: E yx = E x² on every batch)
 * ```
 */
export function createBatchSource(options: BatchSourceOptions, where = 'createBatchSource'): BatchSource {
  const { covariances, data } = options;
  if (covariances !== undefined && data === undefined) {
    const d = validateCovariances(covariances, where);
    return {
      d,
      covarianceKind: covariances.kind,
      covariances,
      capacity: 0,
      largestMatrix: 0,
      attach(_ws, cov) {
        bindCheck(cov, covariances.kind, d);
        cov.sigmaXX.set(covariances.sigmaXX);
        cov.sigmaYX.set(covariances.sigmaYX);
        return noBatches;
      },
    };
  }
  if (data === undefined || covariances !== undefined) {
    throw new InvalidArgumentError(where, 'covariances/data', 'exactly one of them must be given', data === undefined ? 'neither' : 'both');
  }
  const d = validateGenerativeModel(data.model, where);
  const n = validateInteger(where, 'data.samples', data.samples, 1);
  const batch = validateInteger(where, 'data.batchSize', data.batchSize ?? n, 1, n);
  const dataX = new Float64Array(n * d);
  const dataY = new Float64Array(n * d);
  sampleViews(data.model, n, createGaussianSource(data.seed), dataX, dataY);
  const moments = empiricalMoments(dataX, dataY, 0, n, d);
  const minibatches = batch < n;
  return {
    d,
    covarianceKind: 'full',
    covariances: moments,
    capacity: minibatches ? 2 * batch * d : 0,
    largestMatrix: minibatches ? batch * d : 0,
    attach(ws, cov) {
      bindCheck(cov, 'full', d);
      cov.sigmaXX.set(moments.sigmaXX);
      cov.sigmaYX.set(moments.sigmaYX);
      if (!minibatches) return noBatches;
      const batchX = ws.alloc(batch * d);
      const batchY = ws.alloc(batch * d);
      let cursor = 0;
      return () => {
        // consecutive samples, wrapping around the data set
        for (let r = 0; r < batch; r++) {
          const src = ((cursor + r) % n) * d;
          batchX.set(dataX.subarray(src, src + d), r * d);
          batchY.set(dataY.subarray(src, src + d), r * d);
        }
        cursor = (cursor + batch) % n;
        ws.matmulTransA(cov.sigmaXX, batchX, batchX, d, batch, d);
        ws.matmulTransA(cov.sigmaYX, batchY, batchX, d, batch, d);
        const inv = 1 / batch;
        for (let i = 0; i < d * d; i++) {
          cov.sigmaXX[i] *= inv;
          cov.sigmaYX[i] *= inv;
        }
      };
    },
  };
}

/** The feed of a source whose moments never change. */
function noBatches(): void {}

function bindCheck(cov: KernelCovariances, kind: 'diagonal' | 'full', d: number): void {
  const size = kind === 'full' ? d * d : d;
  if (cov.kind !== kind) throw new InvalidArgumentError('BatchSource.attach', 'cov.kind', `must be "${kind}" for this source`, cov.kind);
  if (cov.sigmaXX.length !== size || cov.sigmaYX.length !== size)
    throw new InvalidArgumentError('BatchSource.attach', 'cov', `must hold ${size} entries per matrix`, [
      cov.sigmaXX.length,
      cov.sigmaYX.length,
    ]);
}
