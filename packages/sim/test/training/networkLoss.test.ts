/**
 * networkLoss (docs/math.md §1) against its definition: with the covariances of a finite sample,
 * ½E‖V W̄ x − T y‖² is the sample average itself, summed here over the samples; with diagonal
 * covariances, the trace expansion written out with textbook products.
 */
import { describe, expect, it } from 'vitest';
import { encoderProduct, networkLoss, type Network } from '../../src/index.js';
import { diagonalMatrix, dotProduct, normalSource, randomMatrix, transposed } from '../../../../test/support/oracles/index.js';

const d = 3;
const mul = (a: Float64Array, b: Float64Array): Float64Array => dotProduct(a, b, d, d, d);
const trace = (a: Float64Array): number => a[0] + a[4] + a[8];

function randomNetwork(seed: number, depth: number): Network {
  const source = normalSource(seed);
  return { d, layers: Array.from({ length: depth }, () => randomMatrix(source, d, d)), predictor: randomMatrix(source, d, d) };
}

describe('networkLoss', () => {
  // 50 samples of x and y = A x + noise, rows of X and Y; their second moments (1/n) Σ y xᵀ etc.
  const n = 50;
  const source = normalSource(2);
  const X = randomMatrix(source, n, d);
  const mix = randomMatrix(source, d, d);
  const Y = dotProduct(X, transposed(mix, d, d), n, d, d).map((v) => v + 0.3 * source.next());
  const moment = (A: Float64Array, B: Float64Array): Float64Array => dotProduct(transposed(A, n, d), B, d, n, d).map((v) => v / n);
  const cov = { kind: 'full' as const, sigmaXX: moment(X, X), sigmaYX: moment(Y, X), sigmaYY: moment(Y, Y) };

  /** (1/2n) Σ_s ‖E x_s − T y_s‖² with E = V W̄. */
  const sampleLoss = (net: Network, T: Float64Array): number => {
    const E = mul(net.predictor, encoderProduct(net));
    const residual = dotProduct(X, transposed(E, d, d), n, d, d).map((v, i) => v - dotProduct(Y, transposed(T, d, d), n, d, d)[i]);
    return residual.reduce((s, r) => s + r * r, 0) / (2 * n);
  };

  for (const depth of [1, 3]) {
    it(`with a sample's full covariances it is the sample average of ½‖V W̄ x − T y‖² (L = ${depth}; JEPA T = W̄ or a given target, MAE T = I)`, () => {
      const net = randomNetwork(10 + depth, depth);
      const target = randomNetwork(20 + depth, depth);
      // sums of a few hundred products of O(1) terms: rounding ~1e-15 relative, 1e-12 leaves room
      const cases: [number, number][] = [
        [networkLoss(net, cov, 'mae'), sampleLoss(net, diagonalMatrix([1, 1, 1]))],
        [networkLoss(net, cov, 'jepa'), sampleLoss(net, encoderProduct(net))],
        [networkLoss(net, cov, 'jepa', encoderProduct(target)), sampleLoss(net, encoderProduct(target))],
      ];
      for (const [got, want] of cases) expect(Math.abs(got - want) / want).toBeLessThan(1e-12);
    });
  }

  it('with diagonal covariances it is ½tr(EΣxxEᵀ) − tr(EΣxyTᵀ) + ½tr(TΣyyTᵀ), Σyy defaulting to Σxx', () => {
    const net = randomNetwork(5, 2);
    const sxx = [1.5, 0.7, 2];
    const syx = [0.9, -0.2, 1.1];
    const syy = [1.2, 0.4, 3];
    const E = mul(net.predictor, encoderProduct(net));
    const expand = (T: Float64Array, yy: number[]): number => {
      const t = (a: Float64Array): Float64Array => transposed(a, d, d);
      const [Sxx, Sxy, Syy] = [diagonalMatrix(sxx), diagonalMatrix(syx), diagonalMatrix(yy)];
      return 0.5 * trace(mul(mul(E, Sxx), t(E))) - trace(mul(mul(E, Sxy), t(T))) + 0.5 * trace(mul(mul(T, Syy), t(T)));
    };
    const diag = { kind: 'diagonal' as const, sigmaXX: Float64Array.from(sxx), sigmaYX: Float64Array.from(syx) };
    const I = diagonalMatrix([1, 1, 1]);
    for (const [got, want] of [
      [networkLoss(net, { ...diag, sigmaYY: Float64Array.from(syy) }, 'mae'), expand(I, syy)],
      [networkLoss(net, diag, 'mae'), expand(I, sxx)],
      [networkLoss(net, diag, 'jepa'), expand(encoderProduct(net), sxx)],
    ]) {
      expect(Math.abs(got - want)).toBeLessThan(1e-13 * Math.max(1, Math.abs(want)));
    }
  });

  it('encoderProduct is W_L ⋯ W_1 (layer 1 applied first)', () => {
    const net = randomNetwork(8, 3);
    const want = mul(net.layers[2], mul(net.layers[1], net.layers[0]));
    encoderProduct(net).forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThan(1e-14));
  });
});
