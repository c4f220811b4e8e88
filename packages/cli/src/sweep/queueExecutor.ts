/**
 * An executor on a distributed queue: BullMQ on Redis, served by `jepa-dynamics worker`.
 * @module
 */
import { InterruptedError, type EnsembleExecutor } from '@jepa-dynamics/experiments';
import { enqueueRuns, fetchResults, jobStates, openQueueClient, rejectedOutcome, type QueueClient } from './queueClient.js';
import { codeVersion } from './codeVersion.js';
import { queueName } from './queueKeys.js';
import { parseQueueUrl, type QueueTarget } from './redisConnection.js';
import { runId } from './runId.js';

/** How often results are polled, and how often jobs that vanished are looked for (ms). */
const POLL_MS = 500;
const RECONCILE_MS = 3000;

/**
 * Runs an ensemble on the BullMQ queue of this build's code version: one job per distinct
 * run (the run id, a hash of the run and the code version, as job id), executed by
 * `jepa-dynamics worker` processes on any machine; each outcome is read back from the results
 * hash (where a retried job writes the same value again) and reported once. Runs whose result
 * is already in Redis are reported without a job. Every 3 s (and after a reconnection) runs
 * whose job vanished (a restarted Redis) are enqueued again, and runs whose job failed
 * (rejected by a worker) are reported as failed. Interrupted, it stops following; the jobs
 * stay on the queue.
 *
 * @param queue - the Redis: a URL as `--queue` takes it (`redis://user:password@host:port`, `rediss://…`), or a parsed one.
 * @returns the executor (it connects at `execute`; an unreachable Redis throws `UsageError`).
 * @throws `UsageError` for a URL that is not a Redis URL.
 * @example
 * ```ts
 * const executor = queueExecutor('redis://sweeper:secret@10.0.0.5:6379');
 * executor.name.replace(/runs-\S+/, 'runs-…'); // => "queue runs-… on redis://sweeper:***@10.0.0.5:6379"
 * // then: await runEnsemble({ template, variations }, { executor }); await executor.close();
 * ```
 */
export function queueExecutor(queue: string | QueueTarget): EnsembleExecutor {
  const target = typeof queue === 'string' ? parseQueueUrl(queue) : queue;
  let client: QueueClient | null = null;
  return {
    name: `queue ${queueName(codeVersion())} on ${target.display}`,
    async execute(runs, report, options) {
      client ??= await openQueueClient(target);
      const c = client;
      const ids = runs.map((run) => runId(run, c.version));
      const indices = new Map<string, number[]>();
      ids.forEach((id, i) => indices.set(id, [...(indices.get(id) ?? []), i]));
      const pending = new Set(indices.keys());
      const deliver = async (id: string, outcome: Parameters<typeof report>[1]): Promise<void> => {
        if (!pending.delete(id)) return;
        for (const index of indices.get(id) ?? []) await report(index, outcome);
      };
      const reconcile = async (): Promise<void> => {
        const states = await jobStates(c, [...pending]);
        for (const [id, reason] of states.failed) await deliver(id, rejectedOutcome(reason));
        await enqueueRuns(
          c,
          states.missing.map((id) => ({ id, run: runs[(indices.get(id) ?? [0])[0]] })),
        );
      };
      for (const [id, outcome] of await fetchResults(c, [...pending])) await deliver(id, outcome);
      await reconcile();
      let lastReconcile = performance.now();
      while (pending.size > 0) {
        if (options?.isInterrupted?.() === true) throw new InterruptedError();
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        for (const [id, outcome] of await fetchResults(c, [...pending])) await deliver(id, outcome);
        if (c.reconnected() || performance.now() - lastReconcile > RECONCILE_MS) {
          lastReconcile = performance.now();
          await reconcile();
        }
      }
    },
    async close() {
      await client?.close();
      client = null;
    },
  };
}
