/**
 * The task a thread of the local worker pool runs: one run, as data.
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { runOutcome, validateRunSpec, type RunOutcome } from '@jepa-dynamics/experiments';

/**
 * Validates the run (data only: a thread never receives code) and executes it. Loaded by
 * tinypool in each worker thread (its default export).
 */
export default function runTask(run: unknown): RunOutcome {
  try {
    return runOutcome(validateRunSpec(run, 'worker'));
  } catch (error) {
    if (error instanceof InvalidArgumentError) return { ok: false, error: { name: error.name, message: error.message } };
    throw error;
  }
}
