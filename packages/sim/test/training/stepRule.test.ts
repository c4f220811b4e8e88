import { describe, expect, it } from 'vitest';
import { createStepRule, type StepRuleState } from '../../src/index.js';

const state = (layers: number[][], grads: number[][], v: number[], gv: number[]): StepRuleState => ({
  layers: layers.map((m) => Float64Array.from(m)),
  gradLayers: grads.map((m) => Float64Array.from(m)),
  predictor: Float64Array.from(v),
  gradPredictor: Float64Array.from(gv),
});

describe('createStepRule', () => {
  it('constant η: every step returns η, and the time after k steps is the product kη, not a running sum', () => {
    const rule = createStepRule({ learningRate: 0.1 });
    const any = state([[1]], [[1]], [1], [1]);
    for (let k = 0; k < 10; k++) expect(rule.next(any)).toBe(0.1);
    expect(rule.steps).toBe(10);
    // 10·0.1 rounds to exactly 1; ten additions of 0.1 give 0.9999999999999999
    expect(rule.time).toBe(1);
    expect(0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1 + 0.1).not.toBe(1);
  });

  it('relative-change control: η_k = min(η, c · min_θ ‖θ‖_F/‖∇θ‖_F), time Σ η_k (norms by hand)', () => {
    const rule = createStepRule({ learningRate: 1, stepControl: { maxRelativeChange: 0.5 } });
    // ‖W_1‖ = 5, ‖∇W_1‖ = 10 (ratio ½); ‖W_2‖ = 13 (5, 12), ‖∇W_2‖ = 1 (13); ‖V‖ = 2, ‖∇V‖ = 2 (1): η = min(1, ½·½)
    expect(
      rule.next(
        state(
          [
            [3, 4],
            [5, 12],
          ],
          [
            [6, 8],
            [0, 1],
          ],
          [2, 0],
          [0, 2],
        ),
      ),
    ).toBe(0.25);
    // a vanishing gradient does not limit (its ratio is ∞); ‖V‖/‖∇V‖ = 4: η = min(1, ½·4) = 1
    expect(rule.next(state([[1, 1]], [[0, 0]], [4], [1]))).toBe(1);
    // every gradient zero: η
    expect(rule.next(state([[1]], [[0]], [1], [0]))).toBe(1);
    expect(rule.steps).toBe(3);
    expect(rule.time).toBe(2.25);
  });

  it('rejects η and c that are not positive finite numbers', () => {
    expect(() => createStepRule({ learningRate: 0 })).toThrow(
      /^createStepRule: invalid argument learningRate: must be a positive finite number; got 0/,
    );
    expect(() => createStepRule({ learningRate: Number.POSITIVE_INFINITY })).toThrow(/learningRate/);
    expect(() => createStepRule({ learningRate: 1, stepControl: { maxRelativeChange: Number.NaN } })).toThrow(
      /stepControl.maxRelativeChange: must be a positive finite number/,
    );
  });
});
