/**
 * A sweep on a BullMQ queue: follow it, enqueue and return, count, or collect.
 * @module
 */
import type { SweepPlan } from '@jepa-dynamics/experiments';
import { finishSweep, type SweepReport } from './finishSweep.js';
import { localSweep } from './localSweep.js';
import { enqueueRuns, fetchResults, jobStates, openQueueClient, rejectedOutcome } from './queueClient.js';
import { queueExecutor } from './queueExecutor.js';
import { queueName } from './queueKeys.js';
import { probeRedis, type QueueTarget } from './redisConnection.js';
import { runId } from './runId.js';
import type { SweepProgress } from './sweepProgress.js';
import { openSweepStore } from './sweepStore.js';

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
  /** Runs whose result is in Redis. */
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

/**
 * Runs a sweep on the queue of this build's code version (workers: `jepa-dynamics worker`).
 * `attach`: the local sweep's flow (resume, results appended as they arrive, summary, figure)
 * on {@link queueExecutor}; `detach`: enqueues the runs neither in the output directory nor in
 * Redis and returns; `status`: counts only (writes nothing); `collect`: pulls the results in
 * Redis (and the failures of rejected jobs) into the output directory.
 */
export async function queueSweep(
  options: QueueSweepOptions,
): Promise<{ summary: string; report: SweepReport; enqueued?: number } | { status: QueueStatus }> {
  const { plan, out, target, action } = options;
  // before the output directory is touched: an unreachable Redis is exit 2 with nothing written
  await probeRedis(target);
  if (action === 'attach') {
    const executor = queueExecutor(target);
    try {
      return await localSweep({ plan, out, executor, progress: options.progress, isInterrupted: options.isInterrupted });
    } finally {
      await executor.close();
    }
  }
  const start = performance.now();
  const client = await openQueueClient(target);
  try {
    const ids = plan.runs.map((run) => runId(run, client.version));
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!first.has(id)) first.set(id, i);
    });
    const distinct = [...first.keys()];
    if (action === 'status') {
      const inRedis = await fetchResults(client, distinct);
      const states = await jobStates(
        client,
        distinct.filter((id) => !inRedis.has(id)),
      );
      return {
        status: {
          queue: queueName(client.version),
          codeVersion: client.version,
          runs: distinct.length,
          finished: inRedis.size,
          queued: states.queued,
          rejected: states.failed.size,
          missing: states.missing.length,
          workers: await client.queue.getWorkersCount(),
        },
      };
    }
    const store = openSweepStore(out, plan, client.version);
    try {
      const record = (id: string, outcome: Parameters<typeof store.append>[0]['outcome']): boolean => {
        const index = first.get(id) ?? 0;
        return store.append({ id, index, codeVersion: client.version, run: plan.runs[index], outcome });
      };
      const skipped = distinct.filter((id) => store.done.has(id)).length;
      let ran = 0;
      for (const [id, outcome] of await fetchResults(
        client,
        distinct.filter((id) => !store.done.has(id)),
      ))
        if (record(id, outcome)) ran++;
      const states = await jobStates(
        client,
        distinct.filter((id) => !store.done.has(id)),
      );
      for (const [id, reason] of states.failed) if (record(id, rejectedOutcome(reason))) ran++;
      let enqueued = 0;
      if (action === 'detach') {
        await enqueueRuns(
          client,
          states.missing.map((id) => ({ id, run: plan.runs[first.get(id) ?? 0] })),
        );
        enqueued = states.missing.length;
      }
      const finished = await finishSweep(store, plan, ids, {
        out,
        codeVersion: client.version,
        executor: `queue ${queueName(client.version)} on ${target.display}`,
        runs: distinct.length,
        skipped,
        ran,
        seconds: (performance.now() - start) / 1000, // bookkeeping: ms to s
        interrupted: false,
      });
      return { ...finished, enqueued };
    } finally {
      store.close();
    }
  } finally {
    await client.close();
  }
}
