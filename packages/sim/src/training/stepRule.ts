/**
 * The learning rate of each step and the clock of gradient-flow time it implies.
 * @module
 */
import { validatePositive } from '@jepa-dynamics/core';
import type { TrainingKernel } from './trainingKernel.js';

/** Options of {@link createStepRule} (the fields of {@link TrainOptions} of that name). */
export interface StepRuleOptions {
  /** Learning rate η > 0. */
  learningRate: number;
  /**
   * Optional relative-change control: step k uses
   * `η_k = min(η, c · min_θ ‖θ‖_F/‖∇θ‖_F)` over θ ∈ {W_1, …, W_L, V} with
   * `c = maxRelativeChange` (see {@link TrainOptions.stepControl}). Default: constant η.
   */
  stepControl?: { maxRelativeChange: number };
}

/** What a rule reads: the parameters and their gradients (a {@link TrainingKernel} after `gradients()`). */
export type StepRuleState = Pick<TrainingKernel, 'layers' | 'gradLayers' | 'predictor' | 'gradPredictor'>;

/** Decides each step's learning rate and keeps the time; see {@link createStepRule}. */
export interface StepRule {
  /** Steps taken: calls of {@link StepRule.next} so far. */
  readonly steps: number;
  /** Gradient-flow time after those steps: `kη` (one product, not a running sum) for a constant η, `Σ_{j<k} η_j` with step control. */
  readonly time: number;
  /**
   * The learning rate η_k of the step about to be taken, from the current parameters and
   * gradients (call it after `gradients()`, before `update(η_k)`); counts the step and
   * advances {@link StepRule.time} past it. O(L d²) with step control, O(1) otherwise.
   */
  next(state: StepRuleState): number;
}

/**
 * A constant learning rate, or relative-change control when `stepControl` is given:
 * for runs whose stiffness grows by orders of magnitude (deep JEPA with ρ > 1), still
 * gradient descent with one learning rate per step for all parameters, now an explicit
 * Euler scheme with relative-change control.
 *
 * @param options - η and the optional control.
 * @throws InvalidArgumentError for η or `maxRelativeChange` not positive finite.
 * @returns the rule, at step 0 and time 0.
 * @example
 * ```ts
 * const rule = createStepRule({ learningRate: 0.5, stepControl: { maxRelativeChange: 0.1 } });
 * // ‖W_1‖ = 5, ‖∇W_1‖ = 1; ‖V‖ = 1, ‖∇V‖ = 2: η_0 = min(0.5, 0.1 · min(5, 0.5))
 * rule.next({ layers: [Float64Array.of(3, 4)], gradLayers: [Float64Array.of(0, 1)], predictor: Float64Array.of(1), gradPredictor: Float64Array.of(2) });
 * // => 0.05
 * rule.time; // => 0.05
 * ```
 */
export function createStepRule(options: StepRuleOptions): StepRule {
  const where = 'createStepRule';
  const eta = validatePositive(where, 'learningRate', options.learningRate);
  const control = options.stepControl?.maxRelativeChange;
  const maxRelativeChange = control === undefined ? undefined : validatePositive(where, 'stepControl.maxRelativeChange', control);
  let steps = 0;
  let time = 0;
  if (maxRelativeChange === undefined) {
    return {
      get steps() {
        return steps;
      },
      get time() {
        return time;
      },
      next() {
        steps++;
        time = steps * eta;
        return eta;
      },
    };
  }
  return {
    get steps() {
      return steps;
    },
    get time() {
      return time;
    },
    next(state) {
      const etaK = Math.min(eta, maxRelativeChange * relativeScale(state.layers, state.gradLayers, state.predictor, state.gradPredictor));
      steps++;
      time = time + etaK;
      return etaK;
    },
  };
}

/** `min_θ ‖θ‖_F / ‖∇θ‖_F` over the layers and V (∞ when every gradient vanishes). */
function relativeScale(layers: Float64Array[], grads: Float64Array[], v: Float64Array, gv: Float64Array): number {
  let m = Number.POSITIVE_INFINITY;
  const ratio = (x: Float64Array, g: Float64Array): void => {
    let xx = 0,
      gg = 0;
    for (let i = 0; i < x.length; i++) {
      xx += x[i] * x[i];
      gg += g[i] * g[i];
    }
    if (gg > 0) m = Math.min(m, Math.sqrt(xx / gg));
  };
  layers.forEach((w, a) => ratio(w, grads[a]));
  ratio(v, gv);
  return m;
}
