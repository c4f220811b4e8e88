/**
 * The table of a sweep's results: one row per run, its settings and its result's columns.
 *
 * @module
 */
import type { Table } from '../table.js';
import { runColumns } from './executeRun.js';
import type { Cell } from './runKind.js';
import type { RunOutcome } from './runOutcome.js';
import type { RunSpec } from './runSpec.js';

/** One finished run of a sweep: its index, its specification and its outcome. */
export interface SweepEntry {
  readonly index: number;
  readonly run: RunSpec;
  readonly outcome: RunOutcome;
}

/**
 * One row of a sweep's table: `run` (the index), every setting of the run (arrays and objects
 * such as `features` as JSON text), the result's columns (`runColumns`), and `error` (the
 * message of a failed run, else empty).
 *
 * @param entry - the run and its outcome.
 * @returns the row.
 * @example
 * ```ts
 * const run = { kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.25 } } as const;
 * sweepRow({ index: 3, run, outcome: { ok: false, error: { name: 'Error', message: 'no' } } });
 * // => { run: 3, objective: "jepa", depth: 1, lambda: 1, rho: 1, epsilon: 0.25, error: "no" }
 * ```
 */
export function sweepRow(entry: SweepEntry): Record<string, Cell> {
  const row: Record<string, Cell> = { run: entry.index };
  for (const [key, value] of Object.entries(entry.run.settings)) {
    row[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : (value as Cell);
  }
  if (entry.outcome.ok) Object.assign(row, runColumns(entry.run, entry.outcome.result), { error: null });
  else row.error = entry.outcome.error.message;
  return row;
}

/**
 * The table of a sweep (`results.csv`): rows in run order, columns `run`, then every setting
 * (in the order first seen), then every result column, then `error`.
 *
 * @param entries - the finished runs, in any order.
 * @returns the table.
 * @example
 * ```ts
 * const run = (depth: number) => ({ kind: 'critical-time', settings: { objective: 'jepa', depth, lambda: 1, rho: 1, epsilon: 0.25 } }) as const;
 * const entries = [2, 1].map((depth, index) => ({ index, run: run(depth), outcome: runOutcome(run(depth)) }));
 * const table = sweepTable(entries.reverse());
 * [table.columns, table.rows.map((r) => r.depth)];
 * // => [["run", "objective", "depth", "lambda", "rho", "epsilon", "t", "status", "uStar", "error"], [2, 1]]
 * ```
 */
export function sweepTable(entries: readonly SweepEntry[]): Table & { rows: Record<string, Cell>[] } {
  const rows = [...entries].sort((a, b) => a.index - b.index).map(sweepRow);
  const settings = new Set<string>();
  const results = new Set<string>();
  for (const e of entries) for (const key of Object.keys(e.run.settings)) settings.add(key);
  for (const row of rows) for (const key of Object.keys(row)) if (key !== 'run' && key !== 'error' && !settings.has(key)) results.add(key);
  return { columns: ['run', ...settings, ...results, 'error'], rows };
}
