/**
 * Where a distributed sweep lives in Redis.
 * @module
 */

/** The prefix of every key (BullMQ's queue keys included). */
export const KEY_PREFIX = 'jepa-dynamics';

/** The BullMQ queue of a code version: workers serve only their own version's runs. */
export function queueName(version: string): string {
  return `runs-${version}`;
}

/** The hash of results: field = run id (the job id), value = the run's outcome as JSON. Written once per run id. */
export function resultsKey(version: string): string {
  return `${KEY_PREFIX}:results:${version}`;
}

/** The hash of rejected jobs: field = job id, value = `{ reason, worker, at }` as JSON. */
export function rejectedKey(version: string): string {
  return `${KEY_PREFIX}:rejected:${version}`;
}
