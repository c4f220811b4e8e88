/**
 * Settings of result 5, noisy features.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** What result 5 computes: the static generative model's features, learned by formula and by training on samples. */
export interface NoisyFeaturesSettings {
  /** Objectives, one panel each. */
  objectives: readonly Objective[];
  /** Signal variance s of each feature (static model, docs/math.md §4: λ = s). */
  signalVariance: readonly number[];
  /** Noise variance γ² of each feature (σ² = s + γ²). */
  noiseVariance: readonly number[];
  /** Encoder depth L. */
  depth: number;
  /** Initialization scale ε. */
  epsilon: number;
  /** Critical times are for w̄ to reach the fraction p of w̄∞. */
  fraction: number;
  /** Training samples drawn from the model. */
  samples: number;
  /** Seed of the first training run's samples; run j draws its own with `seed + j`. */
  seed: number;
  /** Training runs per objective, each on its own samples (seeds `seed`, `seed + 1`, …): the spread of what training measures. */
  seedCount: number;
  /** Per objective: time horizon T (gradient-flow time) and step η of the training run. */
  runs: Record<Objective, { tEnd: number; learningRate: number }>;
}

/**
 * The settings of result 5: equal signal s = 1 and noise γ² = 0, 0.25, 0.5, 1, 2 (γ² ≤ 2
 * keeps every JEPA target p·ρ^L well above ε; closer to it the critical time shrinks and
 * stops measuring speed), L = 2, ε = 1e-2, p = ½; training on 8 sample sets of
 * 100 000 (seeds 11…18) in a full run, 3 of 20 000 (seeds 11…13) in a quick one.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * noisyFeaturesSettings('quick').samples; // => 20000
 * ```
 */
export function noisyFeaturesSettings(mode: RunMode): NoisyFeaturesSettings {
  return {
    objectives: OBJECTIVES,
    signalVariance: [1, 1, 1, 1, 1],
    noiseVariance: [0, 0.25, 0.5, 1, 2],
    depth: 2,
    epsilon: 1e-2,
    fraction: 0.5,
    samples: mode === 'quick' ? 20_000 : 100_000,
    seed: 11,
    seedCount: mode === 'quick' ? 3 : 8,
    runs: {
      jepa: { tEnd: 900, learningRate: 0.05 },
      mae: { tEnd: 16, learningRate: 0.002 },
    },
  };
}
