/**
 * CSV table of result 6.
 * @module
 */
import type { Table } from '../../table.js';
import type { LeadingOrderErrorData } from './compute.js';

/**
 * The table of result 6: one row per objective, depth and ε.
 * @param data - what {@link computeLeadingOrderError} returned.
 * @returns columns objective, depth, epsilon, exact, leadingOrder, relativeError.
 */
export function leadingOrderErrorTable(data: LeadingOrderErrorData): Table {
  return { columns: ['objective', 'depth', 'epsilon', 'exact', 'leadingOrder', 'relativeError'], rows: data.rows };
}
