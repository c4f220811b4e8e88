/**
 * The flat table behind a figure, as written to CSV.
 * @module
 */

/** A table: the column names, in order, and one record per row. */
export interface Table {
  /** Column names, in the order they are written. */
  columns: readonly string[];
  /** Rows (records keyed by column); a missing or `null` cell is written empty, numbers in full precision, objects as JSON. */
  rows: readonly object[];
}
