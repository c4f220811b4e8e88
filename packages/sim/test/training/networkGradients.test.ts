import { describe, expect, it } from 'vitest';
import {
  createGaussianSource,
  initialNetwork,
  networkGradients,
  networkLoss,
  encoderProduct,
  type Covariances,
  type Network,
  type Objective,
} from '../../src/index.js';

/**
 * Central finite differences of networkLoss with the JEPA target held fixed at the
 * base point's W̄ (StopGrad: only the online branch is differentiated). The loss is
 * quadratic in every single entry (W̄ is linear in each W_a and the target is fixed),
 * so the central difference has no truncation error: only rounding, ~ulp·loss/h.
 */
function finiteDifferenceGradient(net: Network, cov: Covariances, objective: Objective, target: Float64Array | undefined): Float64Array[] {
  const h = 1e-3;
  const mats = [...net.layers, net.predictor];
  return mats.map((m) => {
    const g = new Float64Array(m.length);
    for (let i = 0; i < m.length; i++) {
      const x = m[i];
      m[i] = x + h;
      const up = networkLoss(net, cov, objective, target);
      m[i] = x - h;
      const down = networkLoss(net, cov, objective, target);
      m[i] = x;
      g[i] = (up - down) / (2 * h);
    }
    return g;
  });
}

function relativeError(exact: Float64Array[], approx: Float64Array[]): number {
  let num = 0,
    den = 0;
  exact.forEach((g, a) =>
    g.forEach((x, i) => {
      num += (x - approx[a][i]) ** 2;
      den += x * x;
    }),
  );
  return Math.sqrt(num / den);
}

const d = 3;
const source = createGaussianSource(99);
const diagonal: Covariances = {
  kind: 'diagonal',
  sigmaXX: Float64Array.of(1.5, 0.7, 2),
  sigmaYX: Float64Array.of(0.9, -0.3, 1.1),
  sigmaYY: Float64Array.of(1.2, 0.8, 2.5),
};
const full = ((): Covariances => {
  const g = source.fill(new Float64Array(d * d)),
    h = source.fill(new Float64Array(d * d));
  const spd = (m: Float64Array): Float64Array => {
    const s = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        for (let k = 0; k < d; k++) s[i * d + j] += m[i * d + k] * m[j * d + k];
        if (i === j) s[i * d + j] += 0.5;
      }
    return s;
  };
  return { kind: 'full', sigmaXX: spd(g), sigmaYX: source.fill(new Float64Array(d * d)), sigmaYY: spd(h) };
})();

describe('networkGradients against central finite differences of networkLoss (relative error ≤ 1e-7)', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 2, 3, 4]) {
      for (const init of ['aligned', 'random'] as const) {
        for (const [label, cov] of [
          ['diagonal', diagonal],
          ['full', full],
        ] as const) {
          it(`${objective}, L = ${depth}, ${init} init, ${label} Σ`, () => {
            // ε = 0.8 keeps every factor O(1), so gradients are not tiny
            const { network } = initialNetwork(
              init === 'aligned' ? { kind: 'aligned', epsilon: 0.8 } : { kind: 'random', epsilon: 0.8, seed: depth },
              d,
              depth,
              objective,
            );
            if (init === 'aligned') network.layers.forEach((w) => w.forEach((_, i) => (w[i] += 0.05 * source.next()))); // leave the decoupled subspace
            const target = objective === 'jepa' ? encoderProduct(network) : undefined;
            const exact = networkGradients(network, cov, objective);
            const fd = finiteDifferenceGradient(network, cov, objective, target);
            expect(relativeError([...exact.layers, exact.predictor], fd)).toBeLessThan(1e-7);
          });
        }
      }
    }
  }

  it('jepa with an EMA target: the gradient differentiates the online branch at the target product', () => {
    const { network } = initialNetwork({ kind: 'random', epsilon: 0.8, seed: 1 }, d, 3, 'jepa');
    const { network: tnet } = initialNetwork({ kind: 'random', epsilon: 0.8, seed: 2 }, d, 3, 'jepa');
    const exact = networkGradients(network, full, 'jepa', tnet.layers);
    const fd = finiteDifferenceGradient(network, full, 'jepa', encoderProduct(tnet));
    expect(relativeError([...exact.layers, exact.predictor], fd)).toBeLessThan(1e-7);
  });

  it('all backends give bit-identical gradients', () => {
    const { network } = initialNetwork({ kind: 'random', epsilon: 0.8, seed: 3 }, 9, 4, 'jepa');
    const cov: Covariances = {
      kind: 'diagonal',
      sigmaXX: Float64Array.from({ length: 9 }, (_, i) => 1 + i),
      sigmaYX: Float64Array.from({ length: 9 }, (_, i) => 0.5 + i),
    };
    const ref = networkGradients(network, cov, 'jepa', undefined, 'reference');
    expect(networkGradients(network, cov, 'jepa', undefined, 'wasm')).toEqual(ref);
    expect(networkGradients(network, cov, 'jepa', undefined, 'js')).toEqual(ref);
  });

  it('rejects a network whose width does not match the covariances', () => {
    const { network } = initialNetwork({ kind: 'aligned', epsilon: 0.5 }, 2, 1, 'mae');
    expect(() => networkGradients(network, diagonal, 'mae')).toThrow(/networkGradients: invalid argument network.d/);
  });
});
