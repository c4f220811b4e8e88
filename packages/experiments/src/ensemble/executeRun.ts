/**
 * Running one run specification.
 *
 * @module
 */
import type { Cell } from './runKind.js';
import { RUN_KIND_DEFINITIONS } from './runKindDefinitions.js';
import type { RunResult, RunSpec } from './runSpec.js';

/**
 * Computes one run (a {@link RunSpec} that passed `validateRunSpec`) with the library
 * packages. Deterministic: the same specification gives the same result, to the last bit,
 * in any process or thread; the result is JSON data (non-finite numbers as null, −0 as 0).
 * Cost: that of the computation (from microseconds for a critical time to hours for a large training run).
 *
 * @param spec - the run.
 * @returns its result, of the type of its kind.
 * @throws what the computation throws (e.g. `IntegrationError` with the time reached).
 * @example
 * ```ts
 * const r = executeRun({ kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.25 } });
 * r; // => { t: [3.0986122886681096], status: ["exists"], uStar: [0.5], order: [0] }
 * ```
 */
export function executeRun(spec: RunSpec): RunResult {
  switch (spec.kind) {
    case 'critical-time':
      return RUN_KIND_DEFINITIONS[spec.kind].execute(spec.settings);
    case 'trajectory':
      return RUN_KIND_DEFINITIONS[spec.kind].execute(spec.settings);
    case 'training':
      return RUN_KIND_DEFINITIONS[spec.kind].execute(spec.settings);
    case 'matrix-flow':
      return RUN_KIND_DEFINITIONS[spec.kind].execute(spec.settings);
    case 'mode-training':
      return RUN_KIND_DEFINITIONS[spec.kind].execute(spec.settings);
    default: {
      const never: never = spec;
      return never;
    }
  }
}

/**
 * The scalar summary of a run's result as table cells (one row of a sweep's `results.csv`),
 * keyed by column name: e.g. `t` (or `t_0`, `t_1`, … for several features) for a critical
 * time, `maxDeviation`, `tSimulated`, `tPredicted`, `orderAgrees` for a training run.
 *
 * @param spec - the run.
 * @param result - what {@link executeRun} returned for it.
 * @returns the cells.
 * @example
 * ```ts
 * const spec = { kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.25 } } as const;
 * runColumns(spec, executeRun(spec)); // => { t: 3.0986122886681096, status: "exists", uStar: 0.5 }
 * ```
 */
export function runColumns(spec: RunSpec, result: RunResult): Record<string, Cell> {
  // the result came from executeRun(spec), so it is of the spec's kind; the casts name that
  switch (spec.kind) {
    case 'critical-time':
      return RUN_KIND_DEFINITIONS[spec.kind].columns(spec.settings, result as never);
    case 'trajectory':
      return RUN_KIND_DEFINITIONS[spec.kind].columns(spec.settings, result as never);
    case 'training':
      return RUN_KIND_DEFINITIONS[spec.kind].columns(spec.settings, result as never);
    case 'matrix-flow':
      return RUN_KIND_DEFINITIONS[spec.kind].columns(spec.settings, result as never);
    case 'mode-training':
      return RUN_KIND_DEFINITIONS[spec.kind].columns(spec.settings, result as never);
    default: {
      const never: never = spec;
      return never;
    }
  }
}
