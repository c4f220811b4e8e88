/**
 * The interface every executor of an ensemble implements.
 *
 * @module
 */
import type { RunOutcome } from './runOutcome.js';
import type { RunSpec } from './runSpec.js';

/**
 * Receives the outcome of run `index` (an index into the runs handed to
 * {@link EnsembleExecutor.execute}). Called once per run, in any order; an executor awaits
 * what it returns before it reports the next outcome.
 */
export type OutcomeReport = (index: number, outcome: RunOutcome) => void | Promise<void>;

/** Options of {@link EnsembleExecutor.execute}. */
export interface ExecuteOptions {
  /** Polled between runs; once it returns true the executor starts no further run and rejects with `InterruptedError`. */
  isInterrupted?: () => boolean;
}

/**
 * Executes the runs of an ensemble: serially, on a pool of Web Workers or Node threads, or
 * through a distributed queue. Executors move data only (validated {@link RunSpec}s out,
 * {@link RunOutcome}s back), never code, and every run computes the same result whichever
 * executor runs it (runs are deterministic and results are JSON data).
 */
export interface EnsembleExecutor {
  /** A short description for reports, e.g. `serial` or `2 web workers`. */
  readonly name: string;
  /**
   * Executes every run and reports each outcome once through `report`.
   * @param runs - validated runs.
   * @param report - receives each outcome.
   * @param options - interruption.
   * @returns when every run is reported.
   * @throws `InterruptedError` once `isInterrupted` returned true; whatever `report` throws.
   */
  execute(runs: readonly RunSpec[], report: OutcomeReport, options?: ExecuteOptions): Promise<void>;
  /** Releases the executor's workers or connections; it cannot execute afterwards. */
  close(): Promise<void>;
}
