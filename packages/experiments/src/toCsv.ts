/**
 * CSV text from a table of records (RFC 4180 quoting).
 * @module
 */
import type { Table } from './table.js';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Formats a table as CSV: a header line, then one line per row, each ending in `\n`.
 * Numbers are written in full precision (JavaScript's shortest round-trip form);
 * non-finite numbers become empty cells (CSV has no NaN). Cost: linear in the cells.
 * @param table - the columns and rows.
 * @returns the CSV text.
 * @example
 * ```ts
 * toCsv({ columns: ['x', 'label'], rows: [{ x: 0.1, label: 'a, b' }, { x: NaN }] });
 * // => 'x,label\n0.1,"a, b"\n,\n'
 * ```
 */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => cell(c)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell((row as Record<string, unknown>)[c])).join(','));
  return `${lines.join('\n')}\n`;
}
