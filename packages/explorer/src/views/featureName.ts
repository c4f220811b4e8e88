/**
 * How the page names a feature: its row number and (λ, ρ), under legends titled
 * "feature (λ, ρ)" as in the figures of `reproduce`.
 * @module
 */
import type { Feature } from '@jepa-dynamics/ode';
import { formatPlain } from '../plot/formatNumber.js';

/**
 * @param row - 0-based row of the table.
 * @param feature - its moments.
 * @returns e.g. `'1 (1, 0.5)'`.
 */
export function featureName(row: number, feature: Feature): string {
  return `${row + 1} (${formatPlain(feature.lambda)}, ${formatPlain(feature.rho)})`;
}

/** The legend title that goes with {@link featureName}. */
export const FEATURE_LEGEND_TITLE = 'feature (λ, ρ)';

/** The title of a time axis in a unit. */
export const TIME_AXIS_TITLE = { 'gradient-flow': 'gradient-flow time t = kη', paper: 'paper time τ = L·t' } as const;

/** An objective's printed name. */
export const OBJECTIVE_NAME = { jepa: 'JEPA', mae: 'MAE' } as const;
