/**
 * The initialisations of docs/math.md §1, checked by their defining identities with the
 * textbook products of test/support/oracles: scale ε^{1/L} per factor, balance
 * (W_{a+1}ᵀW_{a+1} = W_a W_aᵀ), alignment in the returned basis, reproducibility by seed.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { initialNetwork, type Network } from '../../src/index.js';
import { diagonalMatrix, dotProduct, maxAbsDiff, orthogonalityError, transposed } from '../../../../test/support/oracles/index.js';

const d = 4;
const mul = (a: Float64Array, b: Float64Array): Float64Array => dotProduct(a, b, d, d, d);
const t = (a: Float64Array): Float64Array => transposed(a, d, d);
const identity = (scale = 1): Float64Array => diagonalMatrix(new Array<number>(d).fill(scale));
const encoder = (net: Network): Float64Array => net.layers.reduce((p, w) => mul(w, p), identity());

/** max over a of |W_{a+1}ᵀW_{a+1} − W_a W_aᵀ|, and |VᵀV − W_L W_Lᵀ| (the conserved quantities at zero). */
function imbalance(net: Network): number {
  const L = net.layers.length;
  let e = maxAbsDiff(mul(t(net.predictor), net.predictor), mul(net.layers[L - 1], t(net.layers[L - 1])));
  for (let a = 0; a + 1 < L; a++)
    e = Math.max(e, maxAbsDiff(mul(t(net.layers[a + 1]), net.layers[a + 1]), mul(net.layers[a], t(net.layers[a]))));
  return e;
}

describe('initialNetwork', () => {
  it("'aligned': every layer and the predictor are ε^{1/L} I, so W̄ = ε I, in the standard basis", () => {
    const { network, basis } = initialNetwork({ kind: 'aligned', epsilon: 1e-3 }, d, 3, 'mae');
    const f = 1e-3 ** (1 / 3);
    for (const w of [...network.layers, network.predictor]) expect(w).toEqual(identity(f));
    expect(basis).toEqual(identity());
    expect(maxAbsDiff(encoder(network), identity(1e-3))).toBeLessThan(1e-18);
  });

  for (const objective of ['jepa', 'mae'] as const) {
    it(`'rotated' (${objective}): balanced, W̄ = ε R_L with R_L the returned orthogonal basis, and V aligned with it`, () => {
      for (const depth of [1, 2, 4]) {
        const eps = 0.02;
        const f = eps ** (1 / depth);
        const { network, basis } = initialNetwork({ kind: 'rotated', epsilon: eps, seed: 7 + depth }, d, depth, objective);
        expect(orthogonalityError(basis, d)).toBeLessThan(1e-14);
        // products of ≤ 5 orthogonal factors of size ≤ 1: rounding of a few 1e-16 per entry
        expect(imbalance(network)).toBeLessThan(1e-14);
        expect(maxAbsDiff(mul(t(basis), encoder(network)), identity(eps))).toBeLessThan(1e-14);
        // JEPA: V = ε^{1/L} I (the output lives in the representation); MAE: V = ε^{1/L} R_Lᵀ, so V W̄ = ε^{(L+1)/L} I
        if (objective === 'jepa') expect(maxAbsDiff(network.predictor, identity(f))).toBe(0);
        else expect(maxAbsDiff(mul(network.predictor, encoder(network)), identity(f * eps))).toBeLessThan(1e-14);
        if (depth > 1) expect(maxAbsDiff(basis, identity())).toBeGreaterThan(0.1); // really rotated
      }
    });
  }

  it("'random': each factor is ε^{1/L} times an orthogonal matrix (balanced) but W̄ is not diagonal in any fixed basis", () => {
    const eps = 0.05;
    const f = eps ** (1 / 3);
    const { network, basis } = initialNetwork({ kind: 'random', epsilon: eps, seed: 3 }, d, 3, 'jepa');
    for (const w of [...network.layers, network.predictor])
      expect(
        orthogonalityError(
          w.map((x) => x / f),
          d,
        ),
      ).toBeLessThan(1e-14);
    expect(imbalance(network)).toBeLessThan(1e-14);
    expect(basis).toEqual(identity());
    const wbar = encoder(network);
    const offDiagonal = Math.max(...Array.from(wbar, (x, i) => (i % (d + 1) === 0 ? 0 : Math.abs(x))));
    expect(offDiagonal).toBeGreaterThan(0.01 * eps);
  });

  it('is reproducible from its seed and differs across seeds', () => {
    for (const kind of ['rotated', 'random'] as const) {
      const a = initialNetwork({ kind, epsilon: 0.1, seed: 11 }, d, 2, 'mae');
      expect(initialNetwork({ kind, epsilon: 0.1, seed: 11 }, d, 2, 'mae')).toEqual(a);
      expect(initialNetwork({ kind, epsilon: 0.1, seed: 12 }, d, 2, 'mae').network.layers[0]).not.toEqual(a.network.layers[0]);
    }
  });

  it("'matrices': copies the caller's matrices, and rejects a wrong count, size or a non-finite entry naming it", () => {
    const layers = [identity(2), identity(3)];
    const predictor = identity(0.5);
    const { network } = initialNetwork({ kind: 'matrices', layers, predictor }, d, 2, 'jepa');
    layers[0][0] = 99;
    predictor[0] = 99;
    expect(network.layers[0]).toEqual(identity(2));
    expect(network.predictor).toEqual(identity(0.5));
    expect(() => initialNetwork({ kind: 'matrices', layers: [identity()], predictor }, d, 2, 'jepa')).toThrow(
      /init\.layers: must hold depth = 2/,
    );
    expect(() => initialNetwork({ kind: 'matrices', layers: [identity(), new Float64Array(3)], predictor }, d, 2, 'jepa')).toThrow(
      /init\.layers\[1\]: must have d² = 16 entries/,
    );
    const bad = identity();
    bad[5] = Number.NaN;
    expect(() => initialNetwork({ kind: 'matrices', layers: [identity(), identity()], predictor: bad }, d, 2, 'jepa')).toThrow(
      /init\.predictor: must have finite entries/,
    );
  });

  it('rejects a bad width, depth or ε, naming the argument', () => {
    expect(() => initialNetwork({ kind: 'aligned', epsilon: 0.1 }, 0, 2, 'jepa')).toThrow(/initialNetwork: invalid argument d/);
    expect(() => initialNetwork({ kind: 'aligned', epsilon: 0.1 }, 2, 1.5, 'jepa')).toThrow(/invalid argument depth/);
    expect(() => initialNetwork({ kind: 'aligned', epsilon: -1 }, 2, 2, 'jepa')).toThrow(InvalidArgumentError);
    expect(() => initialNetwork({ kind: 'random', epsilon: 0, seed: 1 }, 2, 2, 'jepa')).toThrow(/init\.epsilon/);
  });
});
