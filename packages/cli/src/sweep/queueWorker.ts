/**
 * A worker of distributed sweeps: takes runs from the BullMQ queue of its code version.
 * @module
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import Tinypool from 'tinypool';
import type { RunOutcome } from '@jepa-dynamics/experiments';
import { codeVersion } from './codeVersion.js';
import { checkQueueJob } from './queueJob.js';
import { KEY_PREFIX, queueName, rejectedKey, resultsKey } from './queueKeys.js';
import { resilientOptions, type QueueTarget } from './redisConnection.js';

/** Options of {@link serveQueue}. */
export interface ServeQueueOptions {
  target: QueueTarget;
  /** Runs at once (each on its own thread), integer ≥ 1. */
  concurrency: number;
  /** Largest job accepted, bytes of JSON. */
  maxJobBytes: number;
  /** BullMQ lock duration, ms: a job whose worker stops renewing its lock for this long is retried elsewhere. */
  lockDuration: number;
  /** BullMQ stalled-job check interval, ms. */
  stalledInterval: number;
  /** Stop after this many seconds without a job (null: serve until stopped). */
  idleExit: number | null;
  /** Writes one line (no newline) to the log. */
  log: (line: string) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** The queue it serves. */
  readonly queue: string;
  /** Resolves when the worker has stopped (by `stop` or by `idleExit`). */
  readonly stopped: Promise<void>;
  /** Stops taking jobs, waits for the jobs in hand, and disconnects. */
  stop(): Promise<void>;
}

/**
 * Serves the queue of this build's code version: each job is checked as data
 * (`checkQueueJob`); a job that fails the check is rejected with its reason (recorded in the
 * job's failure and in the `rejected` hash) and the worker goes on; a valid run is computed on
 * a worker thread (the main thread stays free to renew the job's lock) and its outcome stored
 * in the results hash under the job's id (HSET: a retried job writes the same value again,
 * and counts once). A worker that dies mid-job loses only that job: its lock expires and
 * BullMQ's stalled-job check hands it to another worker.
 */
export async function serveQueue(options: ServeQueueOptions): Promise<QueueWorker> {
  const version = codeVersion();
  const name = queueName(version);
  const me = `${hostname()}:${process.pid}`;
  const connection = resilientOptions(options.target);
  const store = new Redis(connection);
  let lastError = '';
  const logError = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    if (message === lastError) return; // a lost connection repeats the same error until Redis is back
    lastError = message;
    options.log(`worker ${me}: ${message}`);
  };
  store.on('error', logError);
  const pool = new Tinypool({
    filename: new URL('./runTask.js', import.meta.url).href,
    minThreads: options.concurrency,
    maxThreads: options.concurrency,
    isolateWorkers: false,
  });
  let active = 0;
  let lastActivity = Date.now();
  const processor = async (job: Job): Promise<{ ok: boolean }> => {
    active++;
    lastActivity = Date.now();
    try {
      const id = job.id ?? '';
      const checked = checkQueueJob(job.id, job.data, version, options.maxJobBytes);
      if ('reason' in checked) {
        await store.hset(rejectedKey(version), id, JSON.stringify({ reason: checked.reason, worker: me, at: new Date().toISOString() }));
        options.log(`worker ${me}: ${id} rejected: ${checked.reason}`);
        throw new UnrecoverableError(checked.reason);
      }
      options.log(`worker ${me}: ${id} started (${checked.run.kind})`);
      const start = performance.now();
      const outcome = (await pool.run(checked.run)) as RunOutcome;
      await store.hset(resultsKey(version), id, JSON.stringify(outcome));
      options.log(
        `worker ${me}: ${id} ${outcome.ok ? 'finished' : `failed (${outcome.error.message})`} in ${((performance.now() - start) / 1000).toFixed(2)} s`, // bookkeeping: ms to s
      );
      return { ok: outcome.ok };
    } finally {
      active--;
      lastActivity = Date.now();
    }
  };
  const worker = new Worker(name, processor, {
    connection,
    prefix: KEY_PREFIX,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    maxStalledCount: 3,
    name: me,
  });
  worker.on('error', logError);
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      clearInterval(idleTimer);
      await worker.close();
      await pool.destroy();
      store.disconnect();
      resolveStopped();
    })();
    return stopping;
  };
  const idleMs = options.idleExit === null ? null : options.idleExit * 1000; // bookkeeping: s to ms
  const idleTimer = setInterval(() => {
    if (idleMs !== null && active === 0 && Date.now() - lastActivity > idleMs) {
      options.log(`worker ${me}: no job for ${options.idleExit} s; stopping.`);
      void stop();
    }
  }, 1000);
  await worker.waitUntilReady();
  return { queue: name, stopped, stop };
}
