/**
 * Validation of the settings every flow function takes (depth, ε, objective, time
 * unit, fraction). Internal: the public functions call these once, before any
 * computation, and pass validated values to their kernels.
 * @module
 */
import { InvalidArgumentError } from '../errors.js';
import type { Formulation, Objective, TimeUnit } from './types.js';

/** Depth L: an integer ≥ 1. */
export function validateDepth(where: string, depth: unknown): number {
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) {
    throw new InvalidArgumentError(where, 'depth', 'must be an integer ≥ 1', depth);
  }
  return depth;
}

/** Initialisation scale ε: a finite number > 0 (`w̄(0) = ε`). */
export function validateEpsilon(where: string, epsilon: unknown): number {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || !(epsilon > 0)) {
    throw new InvalidArgumentError(where, 'epsilon', 'must be a finite number > 0', epsilon);
  }
  return epsilon;
}

/** Fraction p of `w̄∞` defining the critical time: 0 < p < 1 (p = 1 is reached only as t → ∞). */
export function validateFraction(where: string, fraction: unknown): number {
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
    throw new InvalidArgumentError(where, 'fraction', 'must be a number with 0 < fraction < 1', fraction);
  }
  return fraction;
}

/** Objective: `'jepa'` or `'mae'`. */
export function validateObjective(where: string, objective: unknown): Objective {
  if (objective !== 'jepa' && objective !== 'mae') {
    throw new InvalidArgumentError(where, 'objective', "must be 'jepa' or 'mae'", objective);
  }
  return objective;
}

/** Time unit: `'gradient-flow'` (default) or `'paper'`. */
export function validateTimeUnit(where: string, timeUnit: unknown): TimeUnit {
  if (timeUnit === undefined) return 'gradient-flow';
  if (timeUnit !== 'gradient-flow' && timeUnit !== 'paper') {
    throw new InvalidArgumentError(where, 'timeUnit', "must be 'gradient-flow' or 'paper'", timeUnit);
  }
  return timeUnit;
}

/** Formulation: `'per-layer'`, `'end-to-end'` or `'layerwise'`. */
export function validateFormulation(where: string, formulation: unknown): Formulation {
  if (formulation !== 'per-layer' && formulation !== 'end-to-end' && formulation !== 'layerwise') {
    throw new InvalidArgumentError(where, 'formulation', "must be 'per-layer', 'end-to-end' or 'layerwise'", formulation);
  }
  return formulation;
}

/** A tolerance: finite and > 0. */
export function validatePositive(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new InvalidArgumentError(where, name, 'must be a finite number > 0', value);
  }
  return value;
}

/** Factor converting gradient-flow time to the requested unit: τ = L·t for `'paper'`. */
export function timeFactor(timeUnit: TimeUnit, depth: number): number {
  switch (timeUnit) {
    case 'gradient-flow':
      return 1;
    case 'paper':
      return depth;
    default: {
      const never: never = timeUnit;
      return never;
    }
  }
}
