/**
 * Settings of result 8, random-initialisation statistics.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** What result 8 computes: many seeds of random orthogonal init per cell of an (L, d, ε) grid. */
export interface RandomInitSettings {
  objectives: readonly Objective[];
  depths: readonly number[];
  /** Widths d; the features of width d are {@link widthFeatures}. */
  widths: readonly number[];
  epsilons: readonly number[];
  /** Seeds of the random init (W_a = ε^{1/L}O_a, V = ε^{1/L}O_V, Haar O; sim's `initialNetwork`). */
  seeds: readonly number[];
  /** p of the critical times. */
  fraction: number;
  learningRate: Record<Objective, number>;
  /** Each run lasts this many times the largest per-feature t*_ODE of its cell. */
  horizon: number;
}

/**
 * The d features of width d: λ_i = 2·4^{−i/(d−1)} (2 down to ½) and ρ_i = 0.9 − 0.5·i/(d−1)
 * (0.9 down to 0.4), i = 0 … d−1, so feature d−1 is the weakest (smallest λ and ρ: the
 * largest t* under both objectives). d = 1: the one feature (2, 0.9).
 * @param d - the width, an integer ≥ 1.
 * @returns the features.
 * @example
 * ```ts
 * widthFeatures(3); // => [{ lambda: 2, rho: 0.9 }, { lambda: 1, rho: 0.65 }, { lambda: 0.5, rho: 0.4 }]
 * ```
 */
export function widthFeatures(d: number): { lambda: number; rho: number }[] {
  return Array.from({ length: d }, (_, i) => {
    const x = d === 1 ? 0 : i / (d - 1);
    return { lambda: 2 * 4 ** -x, rho: 0.9 - 0.5 * x };
  });
}

/**
 * The settings of result 8: L = 1, 2; d = 4; ε = 1e-2; seeds 1 … 50; JEPA η = 0.1, MAE
 * η = 0.01; runs to 6× the largest t*_ODE. Quick: L = 1, 12 seeds. Extended
 * (`reproduce --full`): L = 1, 2, 3; d = 4, 8, 16; ε = 3e-2, 1e-2; seeds 1 … 200.
 * @param mode - quick, full or extended.
 * @returns a new settings object.
 * @example
 * ```ts
 * randomInitSettings('full').seeds.length; // => 50
 * ```
 */
export function randomInitSettings(mode: RunMode): RandomInitSettings {
  const seeds = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
  const base = { objectives: OBJECTIVES, fraction: 0.5, learningRate: { jepa: 0.1, mae: 0.01 }, horizon: 6 };
  switch (mode) {
    case 'quick':
      return { ...base, depths: [1], widths: [4], epsilons: [1e-2], seeds: seeds(12) };
    case 'full':
      return { ...base, depths: [1, 2], widths: [4], epsilons: [1e-2], seeds: seeds(50) };
    case 'extended':
      return { ...base, depths: [1, 2, 3], widths: [4, 8, 16], epsilons: [3e-2, 1e-2], seeds: seeds(200) };
  }
}
