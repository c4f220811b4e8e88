/**
 * An executor on a pool of Node worker threads (tinypool).
 * @module
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { InterruptedError, serialExecutor, type EnsembleExecutor, type RunOutcome } from '@jepa-dynamics/experiments';
import { parseInteger } from '../options.js';

/**
 * `--workers N` of `sweep` and `reproduce`: an integer 1 … 1024, or `fallback` when absent.
 * @throws `UsageError` naming the flag and the value.
 */
export function parseWorkers(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : parseInteger('--workers', value, 1, 1024);
}

/**
 * The executor of N local worker threads: one runs in this process (no thread is started),
 * more on a {@link nodePoolExecutor} pool.
 * @param workers - integer ≥ 1.
 * @returns the executor (close it when done).
 */
export function localExecutor(workers: number): EnsembleExecutor {
  return workers === 1 ? serialExecutor() : nodePoolExecutor(workers);
}

/**
 * Runs an ensemble on `threads` Node worker threads (default: every core,
 * `os.availableParallelism()`), at most one run per thread at a time, through tinypool 2.2.0.
 * Runs travel as data (structured clone of a validated run) and are validated again in the
 * thread; results are JSON data, so they equal the serial executor's bit for bit. On
 * interruption no further run starts and the runs in flight are abandoned (the threads are
 * terminated); `close` during `execute` does the same at once (the command's Ctrl-C), and
 * `execute` then rejects with `InterruptedError`.
 *
 * @param threads - number of threads, integer ≥ 1 (started at the first `execute`).
 * @returns the executor.
 * @example
 * ```ts
 * const executor = nodePoolExecutor(2);
 * executor.name; // => "2 worker threads"
 * // then: await runEnsemble({ template, variations }, { executor }); await executor.close();
 * ```
 */
export function nodePoolExecutor(threads = availableParallelism()): EnsembleExecutor {
  // created at the first execute: an executor that never runs starts no thread
  let pool: Tinypool | null = null;
  let destroyed = false;
  const destroy = async (): Promise<void> => {
    if (destroyed) return;
    destroyed = true;
    await pool?.destroy();
  };
  const running = (): Tinypool =>
    (pool ??= new Tinypool({
      filename: new URL('./runTask.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // threads stay up between runs: each loads the library once
      isolateWorkers: false,
      idleTimeout: 60_000,
    }));
  return {
    name: `${threads} worker thread${threads === 1 ? '' : 's'}`,
    async execute(runs, report, options) {
      let next = 0;
      let failure: unknown = null;
      const lane = async (): Promise<void> => {
        while (failure === null && next < runs.length) {
          if (options?.isInterrupted?.() === true) {
            failure = new InterruptedError();
            void destroy(); // abandon the runs in flight
            break;
          }
          const index = next++;
          let outcome: RunOutcome;
          try {
            outcome = (await running().run(runs[index])) as RunOutcome;
          } catch (error) {
            if (destroyed) return;
            // the thread died (e.g. out of memory): this run failed, the pool replaces the thread
            outcome = { ok: false, error: { name: 'WorkerError', message: error instanceof Error ? error.message : String(error) } };
          }
          if (failure !== null) return;
          try {
            await report(index, outcome);
          } catch (error) {
            failure = error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(threads, runs.length) }, lane));
      if (failure !== null) {
        await destroy();
        throw failure;
      }
      // closed while executing (Ctrl-C): the runs in flight were abandoned
      if (destroyed && next > 0) throw new InterruptedError();
    },
    close: destroy,
  };
}
