/**
 * What an executor reports for one run: its result, or why it failed.
 *
 * @module
 */
import { executeRun } from './executeRun.js';
import type { RunResult, RunSpec } from './runSpec.js';

/**
 * The outcome of one run: `{ ok: true, result }`, or `{ ok: false, error }` when the
 * computation threw (an integration that failed, a setting the computation rejected). JSON
 * data, so every executor (threads, workers, a queue) transports it unchanged.
 */
export type RunOutcome = { readonly ok: true; readonly result: RunResult } | { readonly ok: false; readonly error: RunError };

/** Why a run failed: the error's name and its one-sentence message. */
export interface RunError {
  readonly name: string;
  readonly message: string;
}

/**
 * Runs one specification and captures a failure as data instead of throwing, so that one
 * failed run does not stop an ensemble. Executors call this in their workers.
 *
 * @param spec - a run that passed `validateRunSpec`.
 * @returns its {@link RunOutcome}.
 * @example
 * ```ts
 * runOutcome({ kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-300 } });
 * // => { ok: true, result: { t: [null], status: ["overflow"], uStar: [0.7071067811865476], order: [] } }
 * ```
 */
export function runOutcome(spec: RunSpec): RunOutcome {
  try {
    return { ok: true, result: executeRun(spec) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) },
    };
  }
}
