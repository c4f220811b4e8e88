/**
 * Settings of result 3, the depth flip.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';
import type { RunMode } from '../../runMode.js';

/** What result 3 computes: t*_A/t*_B by four routes at L = 1 … maxDepth, under JEPA and MAE. */
export interface DepthFlipSettings {
  /** Feature A (λ, ρ): the one JEPA learns first at large depth. */
  featureA: { lambda: number; rho: number };
  /** Feature B (λ, ρ). */
  featureB: { lambda: number; rho: number };
  /** Initialization scale ε. */
  epsilon: number;
  /** Critical times are for w̄ to reach the fraction p of w̄∞. */
  fraction: number;
  /** Largest depth L examined. */
  maxDepth: number;
  /** Gradient-descent step η per objective, before `learningRateScale`. */
  learningRate: Record<Objective, number>;
  /** Factor on every `learningRate` (a quick run takes 2: the same claims with half the steps). */
  learningRateScale: number;
}

/**
 * The settings of result 3: A = (λ=1, ρ=3), B = (λ=2, ρ=1), ε = 1e-2, p = ½, η = 0.02
 * (JEPA) and 5e-4 (MAE); L ≤ 9 with doubled η in a quick run, L ≤ 12 in a full one.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * depthFlipSettings('quick').maxDepth; // => 9
 * ```
 */
export function depthFlipSettings(mode: RunMode): DepthFlipSettings {
  return {
    featureA: { lambda: 1, rho: 3 },
    featureB: { lambda: 2, rho: 1 },
    epsilon: 1e-2,
    fraction: 0.5,
    maxDepth: mode === 'quick' ? 9 : 12,
    learningRate: { jepa: 0.02, mae: 5e-4 },
    learningRateScale: mode === 'quick' ? 2 : 1,
  };
}
