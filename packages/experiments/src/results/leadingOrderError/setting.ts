/**
 * Settings of result 6, the error of the leading-order critical time.
 * @module
 */
import { OBJECTIVES } from '@jepa-dynamics/core';
import type { Objective } from '@jepa-dynamics/ode';
import { integerRange } from '../../arrange/grids.js';
import type { RunMode } from '../../runMode.js';

/** What result 6 computes: exact and leading-order t* over a grid of depths and ε. */
export interface LeadingOrderErrorSettings {
  /** Objectives, one panel each. */
  objectives: readonly Objective[];
  /** The feature (λ, ρ). */
  feature: { lambda: number; rho: number };
  /** Critical times are for w̄ to reach the fraction p of w̄∞. */
  fraction: number;
  /** Encoder depths L, one curve each. */
  depths: readonly number[];
  /** Smallest ε of the grid. */
  epsilonMin: number;
  /** Largest ε of the grid. */
  epsilonMax: number;
  /** Number of ε values, log-spaced from epsilonMin to epsilonMax. */
  epsilonPoints: number;
}

/**
 * The settings of result 6: λ = ρ = 1, p = ½, L = 1 … 8, ε from 1e-8 to 1e-1; 8 values of
 * ε in a quick run, 29 in a full one.
 * @param mode - quick or full.
 * @returns a new settings object.
 * @example
 * ```ts
 * leadingOrderErrorSettings('quick').epsilonPoints; // => 8
 * ```
 */
export function leadingOrderErrorSettings(mode: RunMode): LeadingOrderErrorSettings {
  return {
    objectives: OBJECTIVES,
    feature: { lambda: 1, rho: 1 },
    fraction: 0.5,
    depths: integerRange(1, 8),
    epsilonMin: 1e-8,
    epsilonMax: 1e-1,
    epsilonPoints: mode === 'quick' ? 8 : 29,
  };
}
