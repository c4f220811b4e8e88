import { describe, expect, it } from 'vitest';
import {
  createGaussianSource,
  createMatrixWorkspace,
  createTrainingKernel,
  initialNetwork,
  kernelCapacity,
  type Objective,
  type TrainingKernelOptions,
} from '../../src/index.js';
import { diagonalMatrix, dotProduct, transposed } from '../../../../test/support/oracles/index.js';

/** One feature of a diagonal network: scalars w_1 … w_L, v, and (EMA) the target's t_1 … t_L. */
interface Scalars {
  w: number[];
  v: number;
  t: number[];
}

const product = (xs: number[], skip = -1): number => xs.reduce((p, x, a) => (a === skip ? p : p * x), 1);

/**
 * One step θ ← θ − η∇θ of the per-feature loss of docs/math.md §2, ½E(v w̄ x − T y)², written
 * out by hand: with the residual `e = σ² v w̄ − λ T` (JEPA: T = w̄ under StopGrad, or the
 * target's t̄ = Π t_a; MAE: T = 1), `∂/∂v = w̄ e` and `∂/∂w_a = v e Π_{b≠a} w_b` (the
 * table's `dv/dt = w̄²(λ − σ²v)`, `dw_a/dt = (w̄²/w_a) v (λ − σ² v)` for JEPA, and
 * `w̄(λ − σ² v w̄)`, `(w̄/w_a) v (λ − σ² v w̄)` for MAE, with the signs of descent).
 * Then, with an EMA target, `t_a ← τ t_a + (1 − τ) w_a` from the updated w_a.
 */
function scalarStep(s: Scalars, sigma2: number, lambda: number, objective: Objective, eta: number, tau: number | null): Scalars {
  const wbar = product(s.w);
  const target = objective === 'mae' ? 1 : tau === null ? wbar : product(s.t);
  const e = sigma2 * s.v * wbar - lambda * target;
  const w = s.w.map((x, a) => x - eta * s.v * e * product(s.w, a));
  const v = s.v - eta * wbar * e;
  const t = tau === null ? s.t : s.t.map((x, a) => tau * x + (1 - tau) * w[a]);
  return { w, v, t };
}

const sigma2 = [1, 2, 0.5];
const lambda = [0.8, 1, 0.4];
const d = 3;

/** A diagonal network, unbalanced (every w_a, v of every feature different) so each factor Π_{b≠a} w_b matters. */
function diagonalStart(depth: number): Scalars[] {
  return sigma2.map((_, i) => ({
    w: Array.from({ length: depth }, (_, a) => 0.3 + 0.1 * a + 0.05 * i),
    v: 0.45 - 0.05 * i,
    t: Array.from({ length: depth }, (_, a) => 0.35 + 0.05 * a - 0.02 * i),
  }));
}

function kernelFor(objective: Objective, depth: number, covarianceKind: 'diagonal' | 'full', separateTarget: boolean) {
  const options: TrainingKernelOptions = { objective, d, depth, covarianceKind, separateTarget };
  const ws = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: d * d });
  return createTrainingKernel(ws, options);
}

describe('createTrainingKernel: steps against the per-feature recursion of docs/math.md §2', () => {
  // A diagonal network on diagonal Σ stays diagonal, and each feature follows the scalar
  // recursion above exactly in exact arithmetic. Both sides round each parameter's update
  // through ≤ L + 6 operations (≤ 10 for L = 4), each contributing ≤ 2⁻⁵³ relative, about
  // 1.1e-15 per step; over 25 steps of this contracting map (η = 0.1, |1 − ηJ| ≤ 1 here),
  // the errors add to ≤ 25·1.1e-15 ≈ 3e-14. The bound is 1e-13 relative (observed: 2e-16;
  // a wrong factor in any gradient moves the result by more than 1e-3).
  const steps = 25;
  const eta = 0.1;
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 2, 3, 4]) {
      for (const tau of objective === 'jepa' ? [null, 0.6] : [null]) {
        it(`${objective}, L = ${depth}${tau === null ? '' : `, EMA target τ = ${tau}`}: ${steps} steps`, () => {
          const kernel = kernelFor(objective, depth, 'diagonal', tau !== null);
          let scalars = diagonalStart(depth);
          kernel.load(
            {
              d,
              layers: Array.from({ length: depth }, (_, a) => diagonalMatrix(scalars.map((s) => s.w[a]))),
              predictor: diagonalMatrix(scalars.map((s) => s.v)),
            },
            tau === null ? undefined : Array.from({ length: depth }, (_, a) => diagonalMatrix(scalars.map((s) => s.t[a]))),
          );
          kernel.cov.sigmaXX.set(sigma2);
          kernel.cov.sigmaYX.set(lambda);
          for (let k = 0; k < steps; k++) {
            kernel.forward();
            kernel.gradients();
            kernel.update(eta, tau ?? 0);
            scalars = scalars.map((s, i) => scalarStep(s, sigma2[i], lambda[i], objective, eta, tau));
          }
          const close = (actual: number, expected: number): void =>
            expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
          for (let i = 0; i < d; i++) {
            kernel.layers.forEach((w, a) => close(w[i * d + i], scalars[i].w[a]));
            close(kernel.predictor[i * d + i], scalars[i].v);
            kernel.targetLayers?.forEach((t, a) => close(t[i * d + i], scalars[i].t[a]));
          }
          // off-diagonal entries stay exactly zero: the features decouple
          for (const m of [...kernel.layers, kernel.predictor, ...(kernel.targetLayers ?? [])]) {
            for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) expect(m[i * d + j]).toBe(0);
          }
          // and the run moved: every w̄ changed by more than 0.1% (10¹⁰ × the tolerance)
          kernel.forward();
          diagonalStart(depth).forEach((s, i) => expect(Math.abs(kernel.wbar[i * d + i] / product(s.w) - 1)).toBeGreaterThan(1e-3));
        });
      }
    }
  }
});

/** C = A·B for d×d row-major, by the dot-product definition. */
const mul = (a: Float64Array, b: Float64Array): Float64Array => dotProduct(a, b, d, d, d);
const transposeOf = (a: Float64Array): Float64Array => transposed(a, d, d);
const identity = (): Float64Array => diagonalMatrix([1, 1, 1]);
/** W_to ⋯ W_from (1-based, inclusive), formed afresh; I when empty. */
function chain(layers: Float64Array[], from: number, to: number): Float64Array {
  let p = identity();
  for (let a = from; a <= to; a++) p = mul(layers[a - 1], p);
  return p;
}
const relativeError = (actual: Float64Array, expected: Float64Array): number => {
  let num = 0,
    den = 0;
  expected.forEach((x, i) => {
    num += (actual[i] - x) ** 2;
    den += x * x;
  });
  return Math.sqrt(num / den);
};

describe('createTrainingKernel: full Σ and a dense network against the textbook formulas of docs/math.md §1', () => {
  // The formulas with every prefix and suffix product formed afresh (18 products at L = 4
  // instead of the kernel's 3L + 2): the same sums in another association, so they agree to
  // rounding. With O(1) entries (ε = 0.8), d = 3 and ≤ 2L + 4 products in a chain, each entry
  // carries ≤ (2L + 4)·d·2⁻⁵³ ≈ 4e-15 relative error on each side; 1e-13 leaves room for
  // the cancellation in the residual VW̄Σxx − TΣyx (observed: 3.4e-16).
  const source = createGaussianSource(21);
  const g = source.fill(new Float64Array(d * d));
  const sigmaXX = mul(g, transposeOf(g)).map((x, i) => x + (i % (d + 1) === 0 ? 0.5 : 0));
  const sigmaYX = source.fill(new Float64Array(d * d));
  for (const objective of ['jepa', 'mae'] as const) {
    for (const depth of [1, 2, 4]) {
      for (const ema of objective === 'jepa' ? [false, true] : [false]) {
        it(`${objective}, L = ${depth}${ema ? ', separate target' : ''}: gradients, then the update θ − η∇θ`, () => {
          const { network } = initialNetwork({ kind: 'random', epsilon: 0.8, seed: depth }, d, depth, objective);
          const target = ema
            ? initialNetwork({ kind: 'random', epsilon: 0.8, seed: 40 + depth }, d, depth, objective).network.layers
            : undefined;
          const kernel = kernelFor(objective, depth, 'full', ema);
          kernel.load(network, target);
          kernel.cov.sigmaXX.set(sigmaXX);
          kernel.cov.sigmaYX.set(sigmaYX);
          kernel.forward();
          kernel.gradients();

          const w = network.layers;
          const wbar = chain(w, 1, depth);
          const t = objective === 'mae' ? identity() : target === undefined ? wbar : chain(target, 1, depth);
          const residual = mul(mul(network.predictor, wbar), sigmaXX).map((x, i) => x - mul(t, sigmaYX)[i]);
          const gradV = mul(residual, transposeOf(wbar));
          const gradWbar = mul(transposeOf(network.predictor), residual);
          const gradW = w.map((_, idx) => mul(mul(transposeOf(chain(w, idx + 2, depth)), gradWbar), transposeOf(chain(w, 1, idx))));
          expect(relativeError(kernel.wbar, wbar)).toBeLessThan(1e-13);
          expect(relativeError(kernel.gradPredictor, gradV)).toBeLessThan(1e-13);
          kernel.gradLayers.forEach((gw, a) => expect(relativeError(gw, gradW[a])).toBeLessThan(1e-13));

          const eta = 0.05;
          kernel.update(eta, 0.25);
          kernel.layers.forEach((x, a) =>
            expect(
              relativeError(
                x,
                w[a].map((y, i) => y - eta * gradW[a][i]),
              ),
            ).toBeLessThan(1e-13),
          );
          expect(
            relativeError(
              kernel.predictor,
              network.predictor.map((y, i) => y - eta * gradV[i]),
            ),
          ).toBeLessThan(1e-13);
          // target_a ← ¼ target_a + ¾ W_a (new)
          kernel.targetLayers?.forEach((x, a) =>
            expect(
              relativeError(
                x,
                (target ?? [])[a].map((y, i) => 0.25 * y + 0.75 * kernel.layers[a][i]),
              ),
            ).toBeLessThan(1e-15),
          );
        });
      }
    }
  }
});

describe('createTrainingKernel: state, sizes and bad input', () => {
  it('kernelCapacity is exactly what the kernel takes from the workspace', () => {
    for (const options of [
      { objective: 'jepa', d: 5, depth: 3, covarianceKind: 'full', separateTarget: true },
      { objective: 'mae', d: 4, depth: 1, covarianceKind: 'diagonal' },
    ] as const) {
      const dd = options.d * options.d;
      const exact = createMatrixWorkspace({ capacity: kernelCapacity(options), largestMatrix: dd });
      expect(() => createTrainingKernel(exact, options)).not.toThrow();
      expect(() => exact.alloc(1)).toThrow(/must fit in the arena \(0 doubles left\)/);
      const short = createMatrixWorkspace({ capacity: kernelCapacity(options) - 1, largestMatrix: dd });
      expect(() => createTrainingKernel(short, options)).toThrow(/must fit in the arena/);
    }
  });

  it('load copies in, snapshot copies out, update(η) without τ copies the online layers into a separate target', () => {
    const kernel = kernelFor('jepa', 2, 'diagonal', true);
    const { network } = initialNetwork({ kind: 'random', epsilon: 0.5, seed: 3 }, d, 2, 'jepa');
    kernel.load(network);
    network.layers[0][0] = 99; // the kernel holds a copy
    expect(kernel.layers[0][0]).not.toBe(99);
    expect(kernel.targetLayers).toEqual(kernel.layers);
    const snap = kernel.snapshot();
    snap.predictor[0] = 99;
    expect(kernel.predictor[0]).not.toBe(99);
    kernel.cov.sigmaXX.set(sigma2);
    kernel.cov.sigmaYX.set(lambda);
    kernel.forward();
    kernel.gradients();
    kernel.update(0.1);
    expect(kernel.targetLayers).toEqual(kernel.layers);
    expect(kernel.snapshot().layers).not.toEqual(snap.layers);
  });

  it('isFinite reports a non-finite W̄ or V after forward()', () => {
    const kernel = kernelFor('mae', 2, 'diagonal', false);
    kernel.load({ d, layers: [identity(), identity()], predictor: identity() });
    kernel.forward();
    expect(kernel.isFinite()).toBe(true);
    kernel.layers[1][4] = Number.POSITIVE_INFINITY;
    kernel.forward();
    expect(kernel.isFinite()).toBe(false);
    kernel.load({ d, layers: [identity(), identity()], predictor: identity().map((x, i) => (i === 2 ? Number.NaN : x)) });
    kernel.forward();
    expect(kernel.isFinite()).toBe(false);
  });

  it('rejects bad options and mismatched networks, naming the argument', () => {
    const ws = createMatrixWorkspace({ capacity: 1000, largestMatrix: 9 });
    expect(() => createTrainingKernel(ws, { objective: 'jepa', d: 0, depth: 1, covarianceKind: 'diagonal' })).toThrow(
      /createTrainingKernel: invalid argument options.d: must be an integer ≥ 1; got 0\./,
    );
    expect(() => createTrainingKernel(ws, { objective: 'jepa', d: 3, depth: 1.5, covarianceKind: 'diagonal' })).toThrow(/options.depth/);
    expect(() => kernelCapacity({ objective: 'mae', d: 3, depth: 1, covarianceKind: 'diagonal', separateTarget: true })).toThrow(
      /kernelCapacity: invalid argument options.separateTarget: only applies to the JEPA objective/,
    );
    // @ts-expect-error an objective the type does not allow, as plain JavaScript could pass
    expect(() => kernelCapacity({ objective: 'byol', d: 3, depth: 1, covarianceKind: 'diagonal' })).toThrow(
      /options.objective: must be 'jepa' or 'mae'; got "byol"\./,
    );
    // @ts-expect-error a covariance kind the type does not allow
    expect(() => kernelCapacity({ objective: 'jepa', d: 3, depth: 1, covarianceKind: 'banded' })).toThrow(
      /options.covarianceKind: must be 'diagonal' or 'full'; got "banded"\./,
    );
    const kernel = kernelFor('jepa', 2, 'diagonal', false);
    expect(() => kernel.load({ d, layers: [identity()], predictor: identity() })).toThrow(
      /TrainingKernel.load: invalid argument network.layers: must hold depth = 2/,
    );
    expect(() => kernel.load({ d, layers: [identity(), new Float64Array(4)], predictor: identity() })).toThrow(
      /must each have d² = 9 entries \(matrix 1\)/,
    );
    expect(() => kernel.load({ d, layers: [identity(), identity()], predictor: identity() }, [identity(), identity()])).toThrow(
      /targetLayers: must be omitted/,
    );
  });
});
