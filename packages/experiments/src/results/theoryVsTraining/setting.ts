/**
 * Settings of result 4, theory vs training.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** What result 4 computes: training runs of the full matrices compared with the per-feature ODE. */
export interface TheoryVsTrainingSettings {
  /** Objectives, one row of panels each. */
  objectives: readonly Objective[];
  /** Encoder depth L. */
  depth: number;
  /** Initialization scale ε. */
  epsilon: number;
  /** The features (λ, ρ); the network width d is their number. */
  features: readonly { lambda: number; rho: number }[];
  /** Per objective: the time horizon T (gradient-flow time) and the step η, before `learningRateScale`. */
  runs: Record<Objective, { tEnd: number; learningRate: number }>;
  /** Seed of the random orthogonal initialization. */
  seed: number;
  /** p: a component counts as learned when it reaches p·w̄∞ and stays at or above it to the end of the run. */
  fraction: number;
  /** Factor on every step η (a quick run takes 4: the same claims, coarser agreement). */
  learningRateScale: number;
}

/**
 * The settings of result 4: L = 2, ε = 1e-2, three features, JEPA to T = 1200 with
 * η = 0.1, MAE to T = 30 with η = 0.005, seed 7, p = ½; η four times larger in a quick run.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * theoryVsTrainingSettings('quick').learningRateScale; // => 4
 * ```
 */
export function theoryVsTrainingSettings(mode: RunMode): TheoryVsTrainingSettings {
  return {
    objectives: OBJECTIVES,
    depth: 2,
    epsilon: 1e-2,
    features: [
      { lambda: 2, rho: 1 },
      { lambda: 1, rho: 1 },
      { lambda: 0.5, rho: 0.5 },
    ],
    runs: {
      jepa: { tEnd: 1200, learningRate: 0.1 },
      mae: { tEnd: 30, learningRate: 0.005 },
    },
    seed: 7,
    fraction: 0.5,
    learningRateScale: mode === 'quick' ? 4 : 1,
  };
}
