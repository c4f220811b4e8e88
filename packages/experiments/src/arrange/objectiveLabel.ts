/**
 * The printed name of an objective.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';

/**
 * The name of an objective in titles, legends and summaries.
 * @param objective - `'jepa'` or `'mae'`.
 * @returns `'JEPA'` or `'MAE'`.
 * @example
 * ```ts
 * objectiveLabel('mae'); // => 'MAE'
 * ```
 */
export function objectiveLabel(objective: Objective): string {
  switch (objective) {
    case 'jepa':
      return 'JEPA';
    case 'mae':
      return 'MAE';
    default: {
      const never: never = objective;
      return never;
    }
  }
}
