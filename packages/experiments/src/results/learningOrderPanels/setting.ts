/**
 * Settings of result 1, the analogue of the paper's Figure 2.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** One panel's features: a scenario of the paper's Figure 2. */
export interface LearningOrderScenario {
  /** Short key, e.g. `'rho-varied'`. */
  key: string;
  /** Panel title, e.g. `'ρ varied, λ = 1'`. */
  title: string;
  /** The features, each by its cross-covariance λ and regression coefficient ρ (σ² = λ/ρ). */
  features: readonly { lambda: number; rho: number }[];
}

/** What result 1 computes: one panel per objective and scenario. */
export interface LearningOrderPanelsSettings {
  /** Objectives, one row of panels each. */
  objectives: readonly Objective[];
  /** Encoder depth L. */
  depth: number;
  /** Initialization scale ε (w̄(0) = ε). */
  epsilon: number;
  /** Critical times are for w̄ to reach the fraction p of w̄∞. */
  fraction: number;
  /** The scenarios, one panel each. */
  scenarios: readonly LearningOrderScenario[];
  /** Output times per curve, equally spaced from 0 to 1.5 × the slowest critical time of the panel. */
  points: number;
}

/**
 * The paper's three scenarios: λ varied with ρ = 1; ρ varied with λ = 1; λ increasing
 * while ρ decreases (where JEPA and MAE disagree). Within each, features are listed in
 * the order of increasing λ.
 * @example
 * ```ts
 * LEARNING_ORDER_SCENARIOS.map((s) => s.key); // => ['lambda-varied', 'rho-varied', 'lambda-up-rho-down']
 * ```
 */
export const LEARNING_ORDER_SCENARIOS: readonly LearningOrderScenario[] = [
  {
    key: 'lambda-varied',
    title: 'λ varied, ρ = 1',
    features: [
      { lambda: 1, rho: 1 },
      { lambda: 2, rho: 1 },
      { lambda: 4, rho: 1 },
    ],
  },
  {
    key: 'rho-varied',
    title: 'ρ varied, λ = 1',
    features: [
      { lambda: 1, rho: 0.5 },
      { lambda: 1, rho: 1 },
      { lambda: 1, rho: 2 },
    ],
  },
  {
    key: 'lambda-up-rho-down',
    title: 'λ increasing, ρ decreasing',
    features: [
      { lambda: 1, rho: 2 },
      { lambda: 1.15, rho: 1 },
      { lambda: 1.3, rho: 0.5 },
    ],
  },
];

/**
 * The settings of result 1: L = 4, ε = 1e-2, p = ½, the three scenarios under JEPA and
 * MAE; 61 output times per curve in a quick run, 241 in a full one.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * learningOrderPanelsSettings('quick').points; // => 61
 * ```
 */
export function learningOrderPanelsSettings(mode: RunMode): LearningOrderPanelsSettings {
  return {
    objectives: OBJECTIVES,
    depth: 4,
    epsilon: 1e-2,
    fraction: 0.5,
    scenarios: LEARNING_ORDER_SCENARIOS,
    points: mode === 'quick' ? 61 : 241,
  };
}
