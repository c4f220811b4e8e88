/**
 * CSV text from a table of records (RFC 4180 quoting).
 * @module
 */

/** A table: the column names, in order, and one record per row. */
export interface Table {
  /** Column names, in the order they are written. */
  columns: readonly string[];
  /** Rows (records keyed by column); a missing or `null` cell is written empty, numbers in full precision, objects as JSON. */
  rows: readonly object[];
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Formats a table as CSV: a header line, then one line per row, each ending in `\n`.
 * Non-finite numbers become empty cells (CSV has no NaN).
 * @param table - the columns and rows.
 * @returns the CSV text.
 */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => cell(c)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell((row as Record<string, unknown>)[c])).join(','));
  return `${lines.join('\n')}\n`;
}
