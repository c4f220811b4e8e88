/**
 * Settings of result 2, depth amplifies JEPA's dependence on ρ.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import { integerRange } from '../../arrange/grids.js';
import type { RunMode } from '../../runMode.js';

/** What result 2 computes: t*(ρ) at fixed λ, one curve per objective and depth. */
export interface DepthAmplifiesBiasSettings {
  /** Objectives, one column of panels each. */
  objectives: readonly Objective[];
  /** Cross-covariance λ shared by every feature. */
  lambda: number;
  /** Initialization scale ε. */
  epsilon: number;
  /** Critical times are for w̄ to reach the fraction p of w̄∞. */
  fraction: number;
  /** Smallest ρ of the grid. */
  rhoMin: number;
  /** Largest ρ of the grid; the curves are also shown relative to t* here. */
  rhoMax: number;
  /** Encoder depths L, one curve each. */
  depths: readonly number[];
  /** Number of ρ values, log-spaced from rhoMin to rhoMax. */
  rhoPoints: number;
}

/**
 * The settings of result 2: λ = 1, ε = 1e-4, p = ½, ρ from 0.3 to 3 (every t* on this
 * grid exists for L ≤ 6), L = 1 … 6; 5 values of ρ in a quick run, 25 in a full one.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * depthAmplifiesBiasSettings('full').rhoPoints; // => 25
 * ```
 */
export function depthAmplifiesBiasSettings(mode: RunMode): DepthAmplifiesBiasSettings {
  return {
    objectives: OBJECTIVES,
    lambda: 1,
    epsilon: 1e-4,
    fraction: 0.5,
    rhoMin: 0.3,
    rhoMax: 3,
    depths: integerRange(1, 6),
    rhoPoints: mode === 'quick' ? 5 : 25,
  };
}
