/**
 * The objectives the results compare, in the order they show them.
 * @module
 */
import type { Objective } from '@jepa-dynamics/ode';

/**
 * JEPA then MAE: the order of rows, panels and summary clauses in every result.
 * @example
 * ```ts
 * COMPARED_OBJECTIVES; // => ['jepa', 'mae']
 * ```
 */
export const COMPARED_OBJECTIVES: readonly Objective[] = ['jepa', 'mae'];
