/**
 * The settings every flow validates once, before its right-hand side runs.
 * @module
 */
import { validateDepth, validateObjective, validateTimeUnit, type Objective, type TimeUnit } from '@jepa-dynamics/core';
import { timeFactor } from './timeFactor.js';

/** The validated objective and depth of a flow, and the factor on its rates. */
export interface FlowSettings {
  readonly objective: Objective;
  readonly depth: number;
  /** 1 in gradient-flow time; 1/L in paper time (τ = L t divides every rate by L). */
  readonly rateScale: number;
}

/**
 * Validates a flow's objective, depth and time unit, in that order, naming `where` in errors.
 * Internal.
 * @throws {@link InvalidArgumentError} for an invalid objective, depth or time unit.
 */
export function flowSettings(where: string, objective: Objective, depth: number, timeUnit: TimeUnit | undefined): FlowSettings {
  const obj = validateObjective(where, objective);
  const L = validateDepth(where, depth);
  return { objective: obj, depth: L, rateScale: 1 / timeFactor(validateTimeUnit(where, timeUnit), L) };
}
