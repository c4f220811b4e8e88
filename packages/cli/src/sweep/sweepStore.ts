/**
 * A sweep's output directory: results appended as JSON Lines (and CSV), resumable.
 * @module
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sweepRow, sweepTable, toCsv, type Cell, type RunOutcome, type RunSpec, type SweepPlan } from '@jepa-dynamics/experiments';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../output.js';

/** One line of `results.jsonl`: a finished run with its full settings. */
export interface SweepRecord {
  /** The run's id (`runId`): hash of its settings and the code version. */
  id: string;
  /** Its index in the sweep's plan when it was written. */
  index: number;
  /** The code version that computed it. */
  codeVersion: string;
  /** The run: kind and every setting. */
  run: RunSpec;
  /** Its result, or why it failed. */
  outcome: RunOutcome;
}

/** The files of a sweep's output directory. */
export const SWEEP_FILES = {
  results: 'results.jsonl',
  table: 'results.csv',
  summary: 'summary.md',
  meta: 'sweep.json',
} as const;

/** An open output directory. */
export interface SweepStore {
  readonly dir: string;
  /** Finished runs by id (read back from `results.jsonl`, then appended). */
  readonly done: ReadonlyMap<string, SweepRecord>;
  /** Lines of a previous run's interrupted write that were dropped (0 or 1). */
  readonly droppedPartialLines: number;
  /**
   * Appends a finished run, unless its id is already there (then nothing happens and it
   * returns false): one `write` of one whole line to `results.jsonl`, and its row to `results.csv`.
   */
  append(record: SweepRecord): boolean;
  /** Rewrites `results.csv` (every finished run of the plan, in plan order) atomically; returns its rows. */
  writeTable(plan: SweepPlan, ids: readonly string[]): Record<string, Cell>[];
  close(): void;
}

/**
 * Opens (creating it if needed) a sweep's output directory. A `results.jsonl` left by an
 * earlier, interrupted run of the same sweep is read back, so its runs count as done; a last
 * line cut off mid-write is dropped. The directory must not hold results of another code
 * version (their ids would never match).
 * @throws {@link UsageError} for a directory that cannot be used, a results file that is not
 *   JSON Lines, or results of another code version.
 */
export function openSweepStore(dir: string, plan: SweepPlan, version: string): SweepStore {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `--out ${JSON.stringify(dir)} cannot be used as the output directory (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const metaPath = join(dir, SWEEP_FILES.meta);
  if (existsSync(metaPath)) {
    let previous: { codeVersion?: unknown };
    try {
      previous = JSON.parse(readFileSync(metaPath, 'utf8')) as { codeVersion?: unknown };
    } catch {
      throw new UsageError(`${metaPath} is not JSON; it is not a sweep's output directory, or it was damaged: choose another --out.`);
    }
    if (previous.codeVersion !== version) {
      throw new UsageError(
        `--out ${JSON.stringify(dir)} holds results of code version ${String(previous.codeVersion)}, and this is ${version}: choose another --out (results of different code are not mixed).`,
      );
    }
  }
  writeFileAtomic(
    metaPath,
    `${JSON.stringify({ name: plan.name, command: plan.command, codeVersion: version, runs: plan.runs.length }, null, 2)}\n`,
  );

  const resultsPath = join(dir, SWEEP_FILES.results);
  const done = new Map<string, SweepRecord>();
  let droppedPartialLines = 0;
  const fd = openSync(resultsPath, 'a+');
  const text = readFileSync(resultsPath, 'utf8');
  const lastNewline = text.lastIndexOf('\n');
  if (lastNewline < text.length - 1) {
    // an interrupted write: drop the cut-off line, so the next record starts a line of its own
    ftruncateSync(fd, Buffer.byteLength(text.slice(0, lastNewline + 1)));
    droppedPartialLines = 1;
  }
  text
    .slice(0, lastNewline + 1)
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      let record: SweepRecord;
      try {
        record = JSON.parse(line) as SweepRecord;
      } catch {
        throw new UsageError(`${resultsPath} line ${i + 1} is not a JSON record: move the file away to start the sweep over.`);
      }
      if (typeof record.id !== 'string' || record.codeVersion !== version) {
        throw new UsageError(`${resultsPath} line ${i + 1} is not a result of code version ${version}: choose another --out.`);
      }
      done.set(record.id, record);
    });

  const tablePath = join(dir, SWEEP_FILES.table);
  let tableFd = -1;
  let tableColumns: string[] = [];
  return {
    dir,
    done,
    droppedPartialLines,
    append(record) {
      if (done.has(record.id)) return false;
      // one write of one line: O_APPEND places it whole at the end, even with other writers
      writeSync(fd, `${JSON.stringify(record)}\n`);
      done.set(record.id, record);
      const row = sweepRow({ index: record.index, run: record.run, outcome: record.outcome });
      if (tableFd < 0) {
        // the table grows with the results, starting from every run already done (resuming; this one
        // included); writeTable rewrites it whole (all columns, plan order) at the end
        const table = sweepTable([...done.values()].map((r) => ({ index: r.index, run: r.run, outcome: r.outcome })));
        tableColumns = [...table.columns];
        writeFileAtomic(tablePath, toCsv(table));
        tableFd = openSync(tablePath, 'a');
      } else {
        writeSync(tableFd, toCsv({ columns: tableColumns, rows: [row] }).slice(toCsv({ columns: tableColumns, rows: [] }).length));
      }
      return true;
    },
    writeTable(p, ids) {
      const entries = p.runs.flatMap((run, index) => {
        const record = done.get(ids[index]);
        return record === undefined ? [] : [{ index, run, outcome: record.outcome }];
      });
      const table = sweepTable(entries);
      if (tableFd >= 0) closeSync(tableFd);
      tableFd = -1;
      writeFileAtomic(tablePath, toCsv(table));
      return table.rows;
    },
    close() {
      closeSync(fd);
      if (tableFd >= 0) closeSync(tableFd);
      tableFd = -1;
    },
  };
}

/**
 * The ids of the runs `results.jsonl` in `dir` holds for code version `version`, read only
 * (for `--dry-run`); empty when there is no such file. A cut-off last line is ignored.
 */
export function finishedRunIds(dir: string, version: string): Set<string> {
  const path = join(dir, SWEEP_FILES.results);
  const ids = new Set<string>();
  if (!existsSync(path)) return ids;
  const text = readFileSync(path, 'utf8');
  for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
    if (line === '') continue;
    try {
      const record = JSON.parse(line) as Partial<SweepRecord>;
      if (typeof record.id === 'string' && record.codeVersion === version) ids.add(record.id);
    } catch {
      // a damaged line: the sweep itself will say so
    }
  }
  return ids;
}
