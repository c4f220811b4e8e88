/**
 * An executor on a pool of Web Workers.
 *
 * @module
 */
import { InvalidArgumentError, validateInteger } from '@jepa-dynamics/core';
import { InterruptedError } from '../interruptedError.js';
import type { EnsembleExecutor, OutcomeReport } from './ensembleExecutor.js';
import type { RunSpec } from './runSpec.js';
import type { RunMessage, WorkerLike } from './workerProtocol.js';

/** Options of {@link webWorkerPoolExecutor}. */
export interface WebWorkerPoolOptions {
  /**
   * Creates one worker whose script calls `serveRuns(self)`, e.g.
   * `() => new Worker(new URL('./ensembleWorker.js', import.meta.url), { type: 'module' })`
   * (the page's bundler resolves the URL; the library cannot know it).
   */
  create: () => WorkerLike;
  /** Number of workers, integer ≥ 1 (e.g. `navigator.hardwareConcurrency`). */
  size: number;
}

/**
 * An executor that runs an ensemble on a pool of Web Workers in a browser (or any workers
 * with the same four members: `postMessage`, `addEventListener('message' | 'error')`,
 * `terminate`). Each worker holds at most one run at a time; a run goes to the first idle
 * worker. Runs travel as data (structured clone of a validated {@link RunSpec}), and the
 * worker validates them again (`serveRuns`). A worker that raises an error fails its run
 * (reported as a failed outcome) and is replaced. Workers are created at the first
 * `execute` and kept until `close`.
 *
 * @param options - how to create a worker, and how many.
 * @returns the executor.
 * @throws `InvalidArgumentError` for a bad `size` or a `create` that is not a function.
 * @example
 * ```ts
 * // in a page: const executor = webWorkerPoolExecutor({ create: () => new Worker(url, { type: 'module' }), size: 4 });
 * webWorkerPoolExecutor({ create: () => { throw new Error('not here'); }, size: 2 }).name; // => "2 web workers"
 * ```
 */
export function webWorkerPoolExecutor(options: WebWorkerPoolOptions): EnsembleExecutor {
  const where = 'webWorkerPoolExecutor';
  if (typeof options?.create !== 'function')
    throw new InvalidArgumentError(where, 'create', 'must be a function returning a worker', options?.create);
  const size = validateInteger(where, 'size', options.size, 1, 1024);
  const workers: WorkerLike[] = [];
  // the current execute's handlers; each worker's listeners, attached once, forward to them
  let handlers: { message(slot: number, data: unknown): void; error(slot: number, message: string): void } | null = null;
  let closed = false;
  const spawn = (slot: number): void => {
    const worker = options.create();
    workers[slot] = worker;
    worker.addEventListener('message', (event) => {
      if (workers[slot] === worker) handlers?.message(slot, event.data);
    });
    worker.addEventListener('error', (event) => {
      if (workers[slot] === worker)
        handlers?.error(slot, typeof event.message === 'string' ? event.message : 'the worker stopped with an error');
    });
  };
  const replace = (slot: number): void => {
    workers[slot].terminate();
    spawn(slot);
  };
  return {
    name: `${size} web worker${size === 1 ? '' : 's'}`,
    execute(runs: readonly RunSpec[], report: OutcomeReport, executeOptions) {
      if (closed) return Promise.reject(new InvalidArgumentError(where, 'executor', 'is closed', 'closed'));
      return new Promise<void>((resolve, reject) => {
        let nextRun = 0;
        let reported = 0;
        let failed = false;
        // the run each worker holds, or -1
        const holding = new Array<number>(size).fill(-1);
        const fail = (error: unknown): void => {
          if (failed) return;
          failed = true;
          handlers = null;
          // abandon the runs in flight: their workers are replaced
          for (let slot = 0; slot < size; slot++) if (holding[slot] >= 0) replace(slot);
          reject(error);
        };
        const settle = (slot: number, index: number, outcome: Parameters<OutcomeReport>[1]): void => {
          holding[slot] = -1;
          Promise.resolve(report(index, outcome)).then(() => {
            reported++;
            if (failed) return;
            if (reported === runs.length) {
              handlers = null;
              resolve();
            } else dispatch(slot);
          }, fail);
        };
        const dispatch = (slot: number): void => {
          if (failed || nextRun >= runs.length) return;
          if (executeOptions?.isInterrupted?.() === true) {
            fail(new InterruptedError());
            return;
          }
          const index = nextRun++;
          holding[slot] = index;
          const message: RunMessage = { type: 'jepa-dynamics/run', index, run: runs[index] };
          workers[slot].postMessage(message);
        };
        handlers = {
          message(slot, data) {
            const d = data as { type?: unknown; index?: unknown; outcome?: unknown } | undefined;
            if (d?.type !== 'jepa-dynamics/outcome' || holding[slot] < 0 || holding[slot] !== d.index) return;
            settle(slot, holding[slot], d.outcome as Parameters<OutcomeReport>[1]);
          },
          error(slot, message) {
            if (holding[slot] < 0) return;
            const index = holding[slot];
            replace(slot);
            settle(slot, index, { ok: false, error: { name: 'WorkerError', message } });
          },
        };
        try {
          for (let slot = workers.length; slot < size; slot++) spawn(slot);
        } catch (error) {
          handlers = null;
          reject(error);
          return;
        }
        if (runs.length === 0) {
          handlers = null;
          resolve();
        } else for (let slot = 0; slot < size; slot++) dispatch(slot);
      });
    },
    async close() {
      closed = true;
      for (const w of workers) w.terminate();
      workers.length = 0;
    },
  };
}
