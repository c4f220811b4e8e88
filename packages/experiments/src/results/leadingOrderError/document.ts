/**
 * JSON document of result 6.
 * @module
 */
import type { LeadingOrderErrorData } from './compute.js';

/**
 * The JSON document of result 6: conventions, setting (with the ε grid) and the rows.
 * @param data - what {@link computeLeadingOrderError} returned.
 * @returns a JSON-compatible object.
 */
export function leadingOrderErrorDocument(data: LeadingOrderErrorData): Record<string, unknown> {
  const { feature, fraction, depths, epsilonMin, epsilonMax } = data.settings;
  return {
    description: 'Relative error of the leading-order critical time (docs/math.md §3) against the exact one.',
    conventions: { time: 'gradient-flow time t = kη', relativeError: '|leading − exact| / exact' },
    setting: { feature, fraction, depths, epsilonMin, epsilonMax, epsilons: data.epsilons },
    rows: data.rows,
  };
}
