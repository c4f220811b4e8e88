/**
 * A sweep on a BullMQ queue: enqueue, follow, collect.
 * @module
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { RunOutcome, SweepPlan } from '@jepa-dynamics/experiments';
import { codeVersion } from './codeVersion.js';
import { finishSweep, type SweepReport } from './finishSweep.js';
import type { QueueJobData } from './queueJob.js';
import { KEY_PREFIX, queueName, resultsKey } from './queueKeys.js';
import { probeRedis, resilientOptions, type QueueTarget } from './redisConnection.js';
import { runId } from './runId.js';
import type { SweepProgress } from './sweepProgress.js';
import { openSweepStore, type SweepStore } from './sweepStore.js';

/** Runs per Redis round trip (HMGET, EXISTS pipelines, addBulk). */
const CHUNK = 500;
/** How often the results are polled, and how often missing jobs are looked for (ms). */
const POLL_MS = 500;
const RECONCILE_MS = 3000;

/** What `sweep --queue` does: follow the sweep to its end, enqueue and return, report counts, or collect what is there. */
export type QueueAction = 'attach' | 'detach' | 'status' | 'collect';

/** Options of {@link queueSweep}. */
export interface QueueSweepOptions {
  plan: SweepPlan;
  out: string;
  target: QueueTarget;
  action: QueueAction;
  progress: SweepProgress;
  isInterrupted: () => boolean;
}

/** Counts of a distributed sweep (`sweep status`). */
export interface QueueStatus {
  /** The BullMQ queue (of this build's code version). */
  queue: string;
  codeVersion: string;
  /** Distinct runs of the plan. */
  runs: number;
  /** Runs whose result is in Redis or in the output directory. */
  finished: number;
  /** Runs with a job waiting, delayed or active. */
  queued: number;
  /** Runs whose job failed (rejected by a worker, or stalled too often). */
  rejected: number;
  /** Runs with neither a result nor a job (never enqueued, or lost with a restarted Redis). */
  missing: number;
  /** Workers connected to the queue. */
  workers: number;
}

interface Distributed {
  version: string;
  ids: string[];
  /** First plan index of each distinct id. */
  indexOf: Map<string, number>;
  queue: Queue;
  redis: Redis;
  store: SweepStore | null;
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Pulls the results of `outstanding` runs from Redis into the store; returns the ids found. */
async function collect(d: Distributed, plan: SweepPlan, outstanding: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(outstanding)) {
    const values = await d.redis.hmget(resultsKey(d.version), ...part);
    values.forEach((text, k) => {
      if (text === null) return;
      const id = part[k];
      let outcome: RunOutcome;
      try {
        outcome = JSON.parse(text) as RunOutcome;
      } catch {
        outcome = { ok: false, error: { name: 'ResultError', message: `the stored result of ${id} is not JSON` } };
      }
      const index = d.indexOf.get(id) ?? 0;
      d.store?.append({ id, index, codeVersion: d.version, run: plan.runs[index], outcome });
      found.add(id);
    });
  }
  return found;
}

/** Adds the jobs of `ids` (BullMQ ignores an id it already holds). */
async function enqueue(d: Distributed, plan: SweepPlan, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) {
    await d.queue.addBulk(
      part.map((id) => {
        const run = plan.runs[d.indexOf.get(id) ?? 0];
        const data: QueueJobData = { run, codeVersion: d.version };
        return { name: run.kind, data, opts: { jobId: id, removeOnComplete: true, removeOnFail: false, attempts: 3 } };
      }),
    );
  }
}

/** The state of each outstanding run's job: none, failed (with its reason), or queued. */
async function jobStates(
  d: Distributed,
  outstanding: readonly string[],
): Promise<{ missing: string[]; failed: Map<string, string>; queued: number }> {
  const missing: string[] = [];
  const failedIds: string[] = [];
  let queued = 0;
  const failedSet = d.queue.toKey('failed');
  for (const part of chunks(outstanding)) {
    const pipeline = d.redis.pipeline();
    for (const id of part) {
      pipeline.exists(d.queue.toKey(id));
      pipeline.zscore(failedSet, id);
    }
    const replies = (await pipeline.exec()) ?? [];
    part.forEach((id, k) => {
      const exists = replies[2 * k]?.[1] === 1;
      const failed = replies[2 * k + 1]?.[1] !== null && replies[2 * k + 1]?.[1] !== undefined;
      if (!exists) missing.push(id);
      else if (failed) failedIds.push(id);
      else queued++;
    });
  }
  const failed = new Map<string, string>();
  for (const id of failedIds) failed.set(id, (await d.queue.getJob(id))?.failedReason ?? 'the job failed');
  return { missing, failed, queued };
}

/**
 * Runs a sweep on the queue of this build's code version (workers: `jepa-dynamics worker`).
 * `attach`: enqueues the runs not yet finished (one job per run, the run id as job id) and
 * follows them, pulling results into the output directory as they arrive, re-enqueueing runs
 * whose job disappeared (a restarted Redis), recording runs whose job failed (rejected); `detach`:
 * enqueues and returns; `status`: counts only (writes nothing); `collect`: pulls the results
 * that are there into the output directory.
 */
export async function queueSweep(
  options: QueueSweepOptions,
): Promise<{ summary: string; report: SweepReport; enqueued: number } | { status: QueueStatus }> {
  const { plan, target, action, progress } = options;
  const start = performance.now();
  await probeRedis(target);
  const version = codeVersion();
  const ids = plan.runs.map((run) => runId(run, version));
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!indexOf.has(id)) indexOf.set(id, i);
  });
  const distinct = [...indexOf.keys()];
  const connection = resilientOptions(target);
  const redis = new Redis(connection);
  const queue = new Queue(queueName(version), { connection, prefix: KEY_PREFIX });
  let reconnected = false;
  redis.on('error', () => {}); // it reconnects by itself; meanwhile the bar stands still
  redis.on('ready', () => (reconnected = true));
  queue.on('error', () => {});
  const store = action === 'status' ? null : openSweepStore(options.out, plan, version);
  const d: Distributed = { version, ids, indexOf, queue, redis, store };
  try {
    const skipped = distinct.filter((id) => store?.done.has(id) === true).length;
    const inRedis = await collect(
      d,
      plan,
      distinct.filter((id) => store?.done.has(id) !== true),
    );
    const isFinished = (id: string): boolean => inRedis.has(id) || store?.done.has(id) === true;
    const outstanding = (): string[] => distinct.filter((id) => !isFinished(id));
    if (store === null) {
      const states = await jobStates(d, outstanding());
      const status: QueueStatus = {
        queue: queueName(version),
        codeVersion: version,
        runs: distinct.length,
        finished: distinct.length - outstanding().length,
        queued: states.queued,
        rejected: states.failed.size,
        missing: states.missing.length,
        workers: await queue.getWorkersCount(),
      };
      return { status };
    }
    const recordFailed = (failed: Map<string, string>): void => {
      for (const [id, reason] of failed) {
        const index = indexOf.get(id) ?? 0;
        store.append({
          id,
          index,
          codeVersion: version,
          run: plan.runs[index],
          outcome: { ok: false, error: { name: 'RejectedJob', message: reason } },
        });
      }
    };
    let enqueued = 0;
    if (action !== 'collect') {
      const first = await jobStates(d, outstanding());
      recordFailed(first.failed);
      await enqueue(d, plan, first.missing);
      enqueued = first.missing.length;
    }
    if (action === 'attach') {
      progress.start(distinct.length, distinct.length - outstanding().length);
      let lastReconcile = performance.now();
      try {
        while (outstanding().length > 0 && !options.isInterrupted()) {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          for (const id of await collect(d, plan, outstanding())) inRedis.add(id);
          if (reconnected || performance.now() - lastReconcile > RECONCILE_MS) {
            reconnected = false;
            lastReconcile = performance.now();
            const states = await jobStates(d, outstanding());
            recordFailed(states.failed);
            await enqueue(d, plan, states.missing);
          }
          const failedRuns = [...store.done.values()].filter((r) => !r.outcome.ok).length;
          progress.update(distinct.length - outstanding().length, failedRuns, `${await queue.getWorkersCount()} workers`);
        }
      } finally {
        progress.stop();
      }
    }
    const finished = await finishSweep(store, plan, ids, {
      out: options.out,
      codeVersion: version,
      executor: `queue ${queueName(version)} on ${target.display}`,
      runs: distinct.length,
      skipped,
      ran: distinct.length - outstanding().length - skipped,
      seconds: (performance.now() - start) / 1000,
      interrupted: action === 'attach' && outstanding().length > 0,
    });
    return { ...finished, enqueued };
  } finally {
    store?.close();
    await queue.close();
    redis.disconnect();
  }
}
