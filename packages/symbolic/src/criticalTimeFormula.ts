import { InvalidArgumentError, validateDepth, type NoCriticalTimeReason, type Objective } from '@jepa-dynamics/core';
import { jepaTime } from './jepaTime.js';
import { maeTime } from './maeTime.js';
import { MAX_DEPTH } from './MAX_DEPTH.js';
import type { TimeEvaluator } from './TimeEvaluator.js';

/** Result of {@link criticalTimeFormula}: the time, or why there is none. Never a sentinel number. */
export type CriticalTimeFormulaResult =
  | { readonly exists: true; readonly t: number }
  | { readonly exists: false; readonly reason: NoCriticalTimeReason; readonly message: string };

const evaluators = new Map<string, TimeEvaluator>();

function positive(name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || !(x > 0))
    throw new InvalidArgumentError('criticalTimeFormula', name, 'must be a positive finite number', x);
  return x;
}

/**
 * The critical time t*_p from the derived closed form (validated entry to
 * {@link jepaTime} / {@link maeTime}). Gradient-flow time t = kη.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - L, 1…12.
 * @param lambda - λ > 0.
 * @param rho - ρ = λ/σ² (ρ ≤ 0 has no critical time).
 * @param epsilon - ε > 0, `w̄(0) = ε`.
 * @param fraction - p ∈ (0, 1); default ½.
 * @returns `{ exists: true, t }` or `{ exists: false, reason, message }`.
 * @throws {InvalidArgumentError} for a bad objective, depth, λ, ε, p or non-finite ρ.
 * @example
 * criticalTimeFormula('jepa', 1, 1, 1, 0.01); // => { exists: true, t: 102.5951198501346 }
 */
export function criticalTimeFormula(
  objective: Objective,
  depth: number,
  lambda: number,
  rho: number,
  epsilon: number,
  fraction = 0.5,
): CriticalTimeFormulaResult {
  if (objective !== 'jepa' && objective !== 'mae')
    throw new InvalidArgumentError('criticalTimeFormula', 'objective', "must be 'jepa' or 'mae'", objective);
  const L = validateDepth('criticalTimeFormula', depth, MAX_DEPTH);
  positive('lambda', lambda);
  positive('epsilon', epsilon);
  if (typeof rho !== 'number' || !Number.isFinite(rho))
    throw new InvalidArgumentError('criticalTimeFormula', 'rho', 'must be a finite number', rho);
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1))
    throw new InvalidArgumentError('criticalTimeFormula', 'fraction', 'must be a number in (0, 1)', fraction);
  if (!(rho > 0)) return { exists: false, reason: 'rho-not-positive', message: `ρ = ${rho} ≤ 0: w̄ decays to 0 and never reaches p·w̄∞.` };
  const key = `${objective}:${L}`;
  let ev = evaluators.get(key);
  if (ev === undefined) {
    ev = objective === 'jepa' ? jepaTime(L) : maeTime(L);
    evaluators.set(key, ev);
  }
  const t = ev.tStar(lambda, rho, epsilon, fraction);
  if (t === null) {
    const target = fraction * (objective === 'jepa' ? rho ** L : rho ** (L / (L + 1)));
    return {
      exists: false,
      reason: 'start-not-below-target',
      message: `ε = ${epsilon} is not below the target p·w̄∞ = ${target}, so there is no critical time.`,
    };
  }
  return { exists: true, t };
}
