/**
 * A one-feature, one-state flow from its rate kernel.
 * @module
 */
import type { Objective, TimeUnit } from '@jepa-dynamics/core';
import type { RhsFunction } from '../solver/types.js';
import { flowSettings } from './flowSettings.js';
import { resolveFeature } from './resolveFeature.js';
import type { FeatureInput } from './types.js';

/** A rate kernel `(objective, σ², ρ, L, x) ↦ dx/dt` in gradient-flow time, as `perLayerRate` and `endToEndRate`. */
export type ScalarRate = (objective: Objective, sigma2: number, rho: number, depth: number, x: number) => number;

/**
 * Validates the feature and settings once (naming `where`) and returns the right-hand side
 * writing `rate(x)` into `dydt[0]`, divided by L in paper time. Internal: behind
 * {@link perLayerFlow} and {@link endToEndFlow}.
 * @throws {@link InvalidArgumentError} for an invalid feature, objective, depth or time unit.
 */
export function scalarFlow(
  where: string,
  rate: ScalarRate,
  feature: FeatureInput,
  objective: Objective,
  depth: number,
  timeUnit: TimeUnit,
): RhsFunction {
  const { sigma2, rho } = resolveFeature(feature, where);
  const { objective: obj, depth: L, rateScale: scale } = flowSettings(where, objective, depth, timeUnit);
  return (_t, y, dydt) => {
    dydt[0] = scale * rate(obj, sigma2, rho, L, y[0]);
  };
}
