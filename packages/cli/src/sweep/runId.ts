/**
 * The identity of one run of a sweep.
 * @module
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type RunSpec } from '@jepa-dynamics/experiments';

/**
 * `run-` and 32 hex digits of SHA-256 over the code version and the run's canonical JSON
 * (sorted keys): the same run under the same code always has the same id, on any machine.
 * It is the BullMQ job id and the key of the run's result, so a resumed, re-enqueued or
 * retried run is recognised and never counted twice.
 */
export function runId(run: RunSpec, version: string): string {
  return `run-${createHash('sha256')
    .update(`${version}\n${canonicalJson(run)}`)
    .digest('hex')
    .slice(0, 32)}`;
}
