/**
 * Reading a sweep specification file.
 * @module
 */
import { readFileSync } from 'node:fs';
import { formatValue, InvalidArgumentError } from '@jepa-dynamics/core';
import { readSweepSpec, type SweepPlan } from '@jepa-dynamics/experiments';
import { UsageError } from '../errors.js';

/**
 * Reads and expands a sweep specification (see `readSweepSpec` of @jepa-dynamics/experiments).
 * @throws {@link UsageError} with one sentence naming the file and the field, e.g.
 *   `spec.json: axes.depth[2] must be an integer ≥ 1; got "x".`
 */
export function loadSweepPlan(path: string): SweepPlan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    return readSweepSpec(value, path);
  } catch (error) {
    if (error instanceof InvalidArgumentError)
      throw new UsageError(`${path}: ${error.argument} ${error.rule}; got ${formatValue(error.value)}.`);
    throw error;
  }
}
