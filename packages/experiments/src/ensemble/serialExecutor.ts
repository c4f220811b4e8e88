/**
 * The serial executor.
 *
 * @module
 */
import { InterruptedError } from '../interruptedError.js';
import type { EnsembleExecutor } from './ensembleExecutor.js';
import { runOutcome } from './runOutcome.js';

/**
 * An executor that runs one run after the other in the calling thread, in index order: for
 * tests, small ensembles, and browsers without workers. Each outcome is reported (and the
 * report awaited) before the next run starts, so a report that yields (e.g. to the event
 * loop) keeps a page responsive and lets an interruption in.
 *
 * @returns the executor.
 * @example
 * ```ts
 * const runs = ensembleRuns({ kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.25 } });
 * const seen: number[] = [];
 * await serialExecutor().execute(runs, (i, outcome) => { if (outcome.ok) seen.push(i); });
 * seen; // => [0]
 * ```
 */
export function serialExecutor(): EnsembleExecutor {
  return {
    name: 'serial',
    async execute(runs, report, options) {
      for (let i = 0; i < runs.length; i++) {
        if (options?.isInterrupted?.() === true) throw new InterruptedError();
        await report(i, runOutcome(runs[i]));
      }
    },
    async close() {},
  };
}
