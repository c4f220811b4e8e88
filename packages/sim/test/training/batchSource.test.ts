import { describe, expect, it } from 'vitest';
import {
  createBatchSource,
  createGaussianSource,
  createMatrixWorkspace,
  sampleViews,
  type Covariances,
  type GenerativeModel,
  type KernelCovariances,
} from '../../src/index.js';

const model: GenerativeModel = { kind: 'static', signalVariance: [1, 2], noiseVariance: [0.5, 0.25] };
const d = 2;

/** The data set the source draws, drawn again here: n pairs from stream `seed` (the documented order). */
function drawAgain(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(n * d),
    y = new Float64Array(n * d);
  sampleViews(model, n, createGaussianSource(seed), x, y);
  return { x, y };
}

/** `(1/m) Σ_{r ∈ rows} a_r b_rᵀ` entry (i, j) by its definition, rows in the given order. */
function moment(a: Float64Array, b: Float64Array, rows: number[], i: number, j: number): number {
  let s = 0;
  for (const r of rows) s += a[r * d + i] * b[r * d + j];
  return s / rows.length;
}

const fullCov = (): KernelCovariances => ({ kind: 'full', sigmaXX: new Float64Array(d * d), sigmaYX: new Float64Array(d * d) });

describe('createBatchSource', () => {
  it('population moments: the given object, written once into the kernel, unchanged by the feed', () => {
    const covariances: Covariances = { kind: 'diagonal', sigmaXX: Float64Array.of(1, 2), sigmaYX: Float64Array.of(0.5, 1) };
    const source = createBatchSource({ covariances });
    expect(source.covariances).toBe(covariances);
    expect([source.d, source.covarianceKind, source.capacity, source.largestMatrix]).toEqual([2, 'diagonal', 0, 0]);
    const cov: KernelCovariances = { kind: 'diagonal', sigmaXX: new Float64Array(2), sigmaYX: new Float64Array(2) };
    const nextBatch = source.attach(createMatrixWorkspace({ capacity: 0, largestMatrix: 0 }), cov);
    nextBatch();
    expect(cov.sigmaXX).toEqual(covariances.sigmaXX);
    expect(cov.sigmaYX).toEqual(covariances.sigmaYX);
  });

  it('full batch: the moments of the n pairs drawn from stream `seed`, by their definition', () => {
    const n = 30;
    const source = createBatchSource({ data: { model, samples: n, seed: 7 } });
    const { x, y } = drawAgain(n, 7);
    const rows = Array.from({ length: n }, (_, r) => r);
    expect([source.covarianceKind, source.capacity, source.largestMatrix]).toEqual(['full', 0, 0]);
    const c = source.covariances;
    // the same sums in the same order: exact
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        expect(c.sigmaXX[i * d + j]).toBe(moment(x, x, rows, i, j));
        expect(c.sigmaYX[i * d + j]).toBe(moment(y, x, rows, i, j));
        expect(c.sigmaYY?.[i * d + j]).toBe(moment(y, y, rows, i, j));
      }
    const cov = fullCov();
    source.attach(createMatrixWorkspace({ capacity: 0, largestMatrix: 0 }), cov)();
    expect(cov.sigmaXX).toEqual(c.sigmaXX);
  });

  it('minibatches: B consecutive samples per step, wrapping around the data set, each binding from sample 0', () => {
    const n = 5,
      batch = 2;
    const source = createBatchSource({ data: { model, samples: n, seed: 2, batchSize: batch } });
    expect([source.capacity, source.largestMatrix]).toEqual([2 * batch * d, batch * d]);
    const { x, y } = drawAgain(n, 2);
    const ws = createMatrixWorkspace({ capacity: 2 * source.capacity + 2 * 2 * d * d, largestMatrix: source.largestMatrix });
    const alloc = (): KernelCovariances => ({ kind: 'full', sigmaXX: ws.alloc(d * d), sigmaYX: ws.alloc(d * d) });
    const [a, b] = [alloc(), alloc()];
    const nextA = source.attach(ws, a);
    const nextB = source.attach(ws, b);
    const expectedRows = [
      [0, 1],
      [2, 3],
      [4, 0],
      [1, 2],
      [3, 4],
      [0, 1],
    ];
    // a sum of B products then × 1/B: ≤ B roundings of terms of size ≤ max|x|², so 1e-15 relative to the largest term is ample
    for (const rows of expectedRows) {
      nextA();
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          const scale = Math.max(...rows.map((r) => Math.abs(x[r * d + i] * x[r * d + j]) + Math.abs(y[r * d + i] * x[r * d + j])));
          expect(Math.abs(a.sigmaXX[i * d + j] - moment(x, x, rows, i, j))).toBeLessThanOrEqual(1e-15 * scale);
          expect(Math.abs(a.sigmaYX[i * d + j] - moment(y, x, rows, i, j))).toBeLessThanOrEqual(1e-15 * scale);
        }
    }
    // the second binding has its own position: its first batch is rows 0, 1
    nextB();
    expect(Math.abs(b.sigmaXX[0] - moment(x, x, [0, 1], 0, 0))).toBeLessThanOrEqual(1e-15 * Math.max(x[0] ** 2, x[d] ** 2));
  });

  it('rejects neither or both sources, bad sizes and kinds, naming the caller', () => {
    const covariances: Covariances = { kind: 'diagonal', sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1) };
    const data = { model, samples: 4, seed: 1 };
    expect(() => createBatchSource({})).toThrow(
      /^createBatchSource: invalid argument covariances\/data: exactly one of them must be given; got "neither"/,
    );
    expect(() => createBatchSource({ covariances, data })).toThrow(/got "both"/);
    expect(() => createBatchSource({ data: { ...data, samples: 0 } }, 'train')).toThrow(
      /^train: invalid argument data.samples: must be an integer ≥ 1; got 0\./,
    );
    expect(() => createBatchSource({ data: { ...data, batchSize: 5 } })).toThrow(/data.batchSize: must be an integer from 1 to 4; got 5\./);
    expect(() => createBatchSource({ covariances: { ...covariances, sigmaXX: Float64Array.of(-1) } })).toThrow(
      /covariances.sigmaXX\[0\]: must be positive/,
    );
    const source = createBatchSource({ covariances });
    expect(() => source.attach(createMatrixWorkspace({ capacity: 0, largestMatrix: 0 }), fullCov())).toThrow(
      /BatchSource.attach: invalid argument cov.kind: must be "diagonal"/,
    );
  });
});
