/**
 * A critical time as a JSON value.
 * @module
 */
import type { CriticalTimeResult } from '@jepa-dynamics/ode';

/**
 * The time of a critical-time result, or `null` where it does not exist (JSON has no
 * "missing" number).
 * @param result - a result of `criticalTime` (@jepa-dynamics/ode).
 * @returns t*_p in the result's time unit, or `null`.
 * @example
 * ```ts
 * import { criticalTime } from '@jepa-dynamics/ode';
 * timeOrNull(criticalTime({ lambda: 1, rho: 1 }, { objective: 'mae', depth: 1, epsilon: 0.9 })); // => null
 * ```
 */
export function timeOrNull(result: CriticalTimeResult): number | null {
  return result.exists ? result.t : null;
}
