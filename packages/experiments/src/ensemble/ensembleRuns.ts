/**
 * The runs of an ensemble: a template run and its variations.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { RunSpec } from './runSpec.js';
import { validateRunSpec } from './validateRunSpec.js';
import type { Variations } from './variations.js';

/**
 * The runs of an ensemble: run i is the template with the settings `variations.at(i)`
 * written over its own, each validated completely (`validateRunSpec`) before anything runs.
 *
 * @param template - the run every run starts from (`{ kind, settings }`).
 * @param variations - what changes from run to run; default none (one run: the template).
 * @param where - the public function to name; default `ensembleRuns`.
 * @returns the runs, in index order.
 * @throws `InvalidArgumentError` naming the run and the setting (`runs[3].settings.depth`).
 * @example
 * ```ts
 * const template = { kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 1e-3 } } as const;
 * const runs = ensembleRuns(template, gridVariations({ depth: [1, 2, 4] }));
 * runs.map((r) => r.settings.depth); // => [1, 2, 4]
 * ensembleRuns(template, gridVariations({ depth: [1, 0] })); // => throws InvalidArgumentError: runs[1].settings.depth
 * ```
 */
export function ensembleRuns(template: RunSpec, variations?: Variations, where = 'ensembleRuns'): RunSpec[] {
  if (typeof template !== 'object' || template === null)
    throw new InvalidArgumentError(where, 'template', 'must be a run { kind, settings }', template);
  const count = variations?.count ?? 1;
  const runs: RunSpec[] = [];
  for (let i = 0; i < count; i++) {
    const candidate = { kind: template.kind, settings: { ...template.settings, ...(variations?.at(i) ?? {}) } };
    try {
      runs.push(validateRunSpec(candidate, where));
    } catch (error) {
      if (!(error instanceof InvalidArgumentError)) throw error;
      throw new InvalidArgumentError(where, `runs[${i}].${error.argument}`, error.rule, error.value);
    }
  }
  return runs;
}
