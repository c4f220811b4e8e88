/**
 * Initialisations of docs/math.md §1.
 * @module
 */
import {
  createMatrixWorkspace,
  InvalidArgumentError,
  randomOrthogonal,
  validateDepth,
  validateInteger,
  validatePositive,
  wasmSimdAvailable,
  type Objective,
} from '@jepa-dynamics/core';
import { createGaussianSource } from '../random/gaussianSource.js';
import type { Network } from './types.js';

/**
 * How to initialise. With scale ε and depth L, each factor has scale `ε^{1/L}`:
 * - `'aligned'`: `W_a = V = ε^{1/L} I` (balanced, aligned: the features decouple).
 * - `'rotated'`: `W_a = ε^{1/L} R_a R_{a−1}ᵀ` with `R_0 = I` and `R_1 … R_L` Haar
 *   random; `V = ε^{1/L} R_out R_Lᵀ` where the predictor's output lives in the
 *   encoder's space for JEPA (`R_out = R_L`, so `V = ε^{1/L} I`) and in the input space
 *   for MAE (`R_out = I`). Still balanced and aligned: in the basis `R_L` of the
 *   representation, every `w̄_i` follows the per-feature ODE exactly as for `'aligned'`.
 * - `'random'`: `W_a = ε^{1/L} O_a`, `V = ε^{1/L} O_V` with independent Haar `O`:
 *   balanced (`W_{a+1}ᵀW_{a+1} = W_a W_aᵀ = ε^{2/L} I`) but not aligned.
 * - `'matrices'`: the caller's matrices (copied).
 * Random matrices are drawn from {@link createGaussianSource}`(seed)` in the order
 * R_1 … R_L (rotated) or O_1 … O_L, O_V (random), each by {@link randomOrthogonal}.
 */
export type Initialization =
  | { kind: 'aligned'; epsilon: number }
  | { kind: 'rotated'; epsilon: number; seed: number }
  | { kind: 'random'; epsilon: number; seed: number }
  | { kind: 'matrices'; layers: Float64Array[]; predictor: Float64Array };

/** An initialised network and the basis in which its features are read. */
export interface InitialNetwork {
  network: Network;
  /**
   * The representation's feature basis `R` (d×d orthogonal, row-major): the
   * per-feature strength is `w̄_i = (Rᵀ W̄)_ii`. `R_L` for `'rotated'`, I otherwise.
   */
  basis: Float64Array;
}

/**
 * Builds the initial network.
 *
 * @param init - the initialisation.
 * @param d - width (positive integer ≤ 4096).
 * @param depth - encoder depth L (positive integer).
 * @param objective - `'jepa'` or `'mae'` (only the rotated init depends on it).
 * @throws InvalidArgumentError for ε not positive finite, a bad seed, or supplied matrices of the wrong count or size or with non-finite entries.
 * @returns the network and its feature basis.
 * @example
 * ```ts
 * const { network } = initialNetwork({ kind: 'aligned', epsilon: 0.01 }, 2, 2, 'jepa');
 * network.layers[0]; // => Float64Array [0.1, 0, 0, 0.1]
 * ```
 */
export function initialNetwork(init: Initialization, d: number, depth: number, objective: Objective): InitialNetwork {
  const where = 'initialNetwork';
  validateInteger(where, 'd', d, 1, 4096);
  validateDepth(where, depth);
  const identity = (scale: number): Float64Array => {
    const m = new Float64Array(d * d);
    for (let i = 0; i < d; i++) m[i * d + i] = scale;
    return m;
  };
  const scaled = (m: Float64Array, s: number): Float64Array => m.map((x) => x * s);
  if (init.kind !== 'matrices') validatePositive(where, 'init.epsilon', init.epsilon);
  switch (init.kind) {
    case 'aligned': {
      const f = init.epsilon ** (1 / depth);
      return { network: { d, layers: Array.from({ length: depth }, () => identity(f)), predictor: identity(f) }, basis: identity(1) };
    }
    case 'rotated': {
      const f = init.epsilon ** (1 / depth);
      const source = createGaussianSource(init.seed);
      const rs = [identity(1)];
      for (let a = 1; a <= depth; a++) rs.push(randomOrthogonal(d, source));
      // R_a R_{a−1}ᵀ on the fast products (plain 'wasm' or 'js': the same bits on every engine)
      const ws = createMatrixWorkspace({ capacity: 3 * d * d, largestMatrix: d * d, backend: wasmSimdAvailable() ? 'wasm' : 'js' });
      const [left, right, product] = [ws.alloc(d * d), ws.alloc(d * d), ws.alloc(d * d)];
      const rotation = (a: Float64Array, b: Float64Array): Float64Array => {
        left.set(a);
        right.set(b);
        return scaled(ws.matmulTransB(product, left, right, d, d, d), f);
      };
      const layers = [];
      for (let a = 1; a <= depth; a++) layers.push(rotation(rs[a], rs[a - 1]));
      const rL = rs[depth];
      const predictor = objective === 'jepa' ? identity(f) : rotation(identity(1), rL);
      return { network: { d, layers, predictor }, basis: rL };
    }
    case 'random': {
      const f = init.epsilon ** (1 / depth);
      const source = createGaussianSource(init.seed);
      const layers = Array.from({ length: depth }, () => scaled(randomOrthogonal(d, source), f));
      return { network: { d, layers, predictor: scaled(randomOrthogonal(d, source), f) }, basis: identity(1) };
    }
    case 'matrices': {
      if (init.layers.length !== depth)
        throw new InvalidArgumentError(where, 'init.layers', `must hold depth = ${depth} matrices`, init.layers.length);
      const check = (m: Float64Array, label: string): Float64Array => {
        if (m.length !== d * d) throw new InvalidArgumentError(where, label, `must have d² = ${d * d} entries`, m.length);
        if (!m.every(Number.isFinite)) throw new InvalidArgumentError(where, label, 'must have finite entries', m);
        return Float64Array.from(m);
      };
      return {
        network: {
          d,
          layers: init.layers.map((m, a) => check(m, `init.layers[${a}]`)),
          predictor: check(init.predictor, 'init.predictor'),
        },
        basis: identity(1),
      };
    }
  }
}
