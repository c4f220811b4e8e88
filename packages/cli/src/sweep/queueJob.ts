/**
 * A job of a distributed sweep: data only, checked by the worker before it runs anything.
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { validateRunSpec, type RunSpec } from '@jepa-dynamics/experiments';
import { runId } from './runId.js';

/** What a job carries: a run specification and the code version it is meant for. Never code. */
export interface QueueJobData {
  run: RunSpec;
  codeVersion: string;
}

/** Default largest job a worker accepts, in bytes of its JSON (a run of 4096 features is ~200 KB). */
export const DEFAULT_MAX_JOB_BYTES = 1_048_576;

/**
 * Checks a job taken from the queue: its size, its shape (`{ run, codeVersion }` and nothing
 * else), its code version (the worker's own), its run (`validateRunSpec`: every setting by its
 * rule), and that its id is the hash of that run (so a result is stored under the id of the
 * run it belongs to).
 * @returns the validated run, or the reason to reject the job (one sentence).
 */
export function checkQueueJob(
  id: string | undefined,
  data: unknown,
  version: string,
  maxBytes: number,
): { run: RunSpec } | { reason: string } {
  const bytes = Buffer.byteLength(JSON.stringify(data) ?? '');
  if (bytes > maxBytes) return { reason: `job data of ${bytes} bytes exceeds the limit of ${maxBytes} bytes` };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { reason: 'job data must be an object { run, codeVersion }' };
  const extra = Object.keys(data).filter((k) => k !== 'run' && k !== 'codeVersion');
  if (extra.length > 0) return { reason: `job data has fields other than run and codeVersion: ${extra.join(', ')}` };
  const { run, codeVersion } = data as { run?: unknown; codeVersion?: unknown };
  if (codeVersion !== version) return { reason: `job is for code version ${JSON.stringify(codeVersion)}, this worker runs ${version}` };
  let checked: RunSpec;
  try {
    checked = validateRunSpec(run, 'job');
  } catch (error) {
    if (error instanceof InvalidArgumentError) return { reason: `job run is invalid: ${error.argument} ${error.rule}` };
    throw error;
  }
  const expected = runId(checked, version);
  if (id !== expected) return { reason: `job id ${JSON.stringify(id)} is not the id of its run (${expected})` };
  return { run: checked };
}
