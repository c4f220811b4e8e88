/**
 * The presets: the paper's Figure 2 panels (result 1 of `reproduce`) and the depth-flip pair
 * (result 3), with their settings taken from @jepa-dynamics/experiments, so that the page
 * and `reproduce` start from the same numbers.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import { LEARNING_ORDER_SCENARIOS, depthFlipSettings, learningOrderPanelsSettings } from '@jepa-dynamics/experiments';
import type { ExplorerState, TrainingSettings } from './explorerState.js';

/** A named starting point. */
export interface Preset {
  /** Stable key (a `<select>` value). */
  key: string;
  /** What the menu shows. */
  label: string;
  /** The state it sets; `depth` may be chosen by {@link Preset.depthFor} once the features are known. */
  state: ExplorerState;
}

/** Training defaults: JEPA, the features' own width, aligned init, η = 0.01, steps to the plot's horizon, seed 0. */
export const DEFAULT_TRAINING: Readonly<TrainingSettings> = {
  objective: 'jepa',
  width: null,
  init: 'aligned',
  learningRate: 0.01,
  steps: null,
  seed: 0,
};

function figure2Presets(): Preset[] {
  const s = learningOrderPanelsSettings('full');
  return LEARNING_ORDER_SCENARIOS.map((scenario) => ({
    key: `figure2-${scenario.key}`,
    label: `Figure 2: ${scenario.title}`,
    state: {
      given: 'lambda-rho',
      features: scenario.features.map((f): [number, number] => [f.lambda, f.rho]),
      objectives: [...s.objectives],
      depth: s.depth,
      epsilon: s.epsilon,
      fraction: s.fraction,
      timeUnit: 'gradient-flow',
      pair: [0, 1],
      training: { ...DEFAULT_TRAINING },
    },
  }));
}

/**
 * The depth-flip pair at depth 1, where B is learned first by both objectives; the depth view
 * shows where JEPA's order flips.
 */
function depthFlipPreset(): Preset {
  const s = depthFlipSettings('full');
  return {
    key: 'depth-flip',
    label: `Depth flip: A = (λ ${s.featureA.lambda}, ρ ${s.featureA.rho}), B = (λ ${s.featureB.lambda}, ρ ${s.featureB.rho})`,
    state: {
      given: 'lambda-rho',
      features: [
        [s.featureA.lambda, s.featureA.rho],
        [s.featureB.lambda, s.featureB.rho],
      ],
      objectives: [...OBJECTIVES],
      depth: 1,
      epsilon: s.epsilon,
      fraction: s.fraction,
      timeUnit: 'gradient-flow',
      pair: [0, 1],
      training: { ...DEFAULT_TRAINING, learningRate: s.learningRate.jepa },
    },
  };
}

/**
 * Every preset, Figure 2's three panels first.
 * @returns new objects on each call (callers may modify them).
 */
export function presets(): Preset[] {
  return [...figure2Presets(), depthFlipPreset()];
}

/**
 * The state of a page opened without settings: Figure 2's third panel (λ increasing, ρ
 * decreasing), where JEPA and MAE disagree.
 * @returns a new state.
 */
export function defaultState(): ExplorerState {
  const all = presets();
  return (all.find((p) => p.key === 'figure2-lambda-up-rho-down') ?? all[0]).state;
}
