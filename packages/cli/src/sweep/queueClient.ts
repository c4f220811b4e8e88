/**
 * The submitting side's connection to a distributed sweep: results, jobs and their states.
 * @module
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { RunOutcome, RunSpec } from '@jepa-dynamics/experiments';
import { codeVersion } from './codeVersion.js';
import type { QueueJobData } from './queueJob.js';
import { KEY_PREFIX, queueName, resultsKey } from './queueKeys.js';
import { probeRedis, resilientOptions, type QueueTarget } from './redisConnection.js';

/** Runs per Redis round trip (HMGET, EXISTS pipelines, addBulk). */
const CHUNK = 500;

/** An open connection to the queue of this build's code version. */
export interface QueueClient {
  readonly version: string;
  readonly queue: Queue;
  readonly redis: Redis;
  /** True once after each reconnection (a restarted Redis may have lost the jobs). */
  reconnected(): boolean;
  close(): Promise<void>;
}

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/**
 * Probes Redis (an unreachable one is a `UsageError`, exit 2), then opens the queue of this
 * build's code version and a client for the results, both reconnecting by themselves.
 */
export async function openQueueClient(target: QueueTarget): Promise<QueueClient> {
  await probeRedis(target);
  const version = codeVersion();
  const connection = resilientOptions(target);
  const redis = new Redis(connection);
  const queue = new Queue(queueName(version), { connection, prefix: KEY_PREFIX });
  let reconnected = false;
  let connectedOnce = false;
  redis.on('error', () => {}); // it reconnects by itself; meanwhile progress stands still
  redis.on('ready', () => {
    if (connectedOnce) reconnected = true;
    connectedOnce = true;
  });
  queue.on('error', () => {});
  return {
    version,
    queue,
    redis,
    reconnected() {
      const r = reconnected;
      reconnected = false;
      return r;
    },
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

/** The outcomes stored for these run ids (absent: not finished). */
export async function fetchResults(client: QueueClient, ids: readonly string[]): Promise<Map<string, RunOutcome>> {
  const found = new Map<string, RunOutcome>();
  for (const part of chunks(ids)) {
    const values = await client.redis.hmget(resultsKey(client.version), ...part);
    values.forEach((text, k) => {
      if (text === null) return;
      try {
        found.set(part[k], JSON.parse(text) as RunOutcome);
      } catch {
        found.set(part[k], { ok: false, error: { name: 'ResultError', message: `the stored result of ${part[k]} is not JSON` } });
      }
    });
  }
  return found;
}

/** Adds one job per run, the run id as job id (BullMQ ignores an id it already holds). */
export async function enqueueRuns(client: QueueClient, jobs: readonly { id: string; run: RunSpec }[]): Promise<void> {
  for (const part of chunks(jobs)) {
    await client.queue.addBulk(
      part.map(({ id, run }) => {
        const data: QueueJobData = { run, codeVersion: client.version };
        return { name: run.kind, data, opts: { jobId: id, removeOnComplete: true, removeOnFail: false, attempts: 3 } };
      }),
    );
  }
}

/** The state of each run's job: none (`missing`), failed (with its reason), or queued (waiting, delayed or active). */
export async function jobStates(
  client: QueueClient,
  ids: readonly string[],
): Promise<{ missing: string[]; failed: Map<string, string>; queued: number }> {
  const missing: string[] = [];
  const failedIds: string[] = [];
  let queued = 0;
  const failedSet = client.queue.toKey('failed');
  for (const part of chunks(ids)) {
    const pipeline = client.redis.pipeline();
    for (const id of part) {
      pipeline.exists(client.queue.toKey(id));
      pipeline.zscore(failedSet, id);
    }
    const replies = (await pipeline.exec()) ?? [];
    part.forEach((id, k) => {
      const exists = replies[2 * k]?.[1] === 1; // bookkeeping: two replies per run
      const failedScore = replies[2 * k + 1]?.[1]; // bookkeeping: two replies per run
      if (!exists) missing.push(id);
      else if (failedScore !== null && failedScore !== undefined) failedIds.push(id);
      else queued++;
    });
  }
  const failed = new Map<string, string>();
  for (const id of failedIds) failed.set(id, (await client.queue.getJob(id))?.failedReason ?? 'the job failed');
  return { missing, failed, queued };
}

/** The outcome recorded for a run whose job failed (rejected by a worker, or stalled too often). */
export function rejectedOutcome(reason: string): RunOutcome {
  return { ok: false, error: { name: 'RejectedJob', message: reason } };
}
