/**
 * Running an ensemble: runs, a per-run output, a reduction, an executor.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { EnsembleExecutor } from './ensembleExecutor.js';
import { ensembleRuns } from './ensembleRuns.js';
import type { RunError, RunOutcome } from './runOutcome.js';
import type { RunResult, RunSpec } from './runSpec.js';
import { serialExecutor } from './serialExecutor.js';
import type { Variations } from './variations.js';

/**
 * An ensemble: a template run and its variations (or the runs themselves), what to keep of
 * each run, and how to combine what is kept (DifferentialEquations.jl's `EnsembleProblem`:
 * `prob`, `prob_func`, `output_func`, `reduction`).
 *
 * @typeParam Output - what `output` keeps of one run.
 * @typeParam Reduced - what `reduce` accumulates.
 */
export interface Ensemble<Output = RunResult, Reduced = undefined> {
  /** The run every run starts from. */
  template?: RunSpec;
  /** What changes from run to run (with `template`). */
  variations?: Variations;
  /** The runs themselves, instead of `template` and `variations` (validated again here). */
  runs?: readonly RunSpec[];
  /** What to keep of a successful run; default its whole result. Runs in the calling thread. */
  output?: (result: RunResult, run: RunSpec, index: number) => Output;
  /** Folds the outputs of the successful runs in index order (whatever the order they finished in), from `initial`. */
  reduce?: (accumulator: Reduced, output: Output, index: number, run: RunSpec) => Reduced;
  /** The reduction's start (required with `reduce`). */
  initial?: Reduced;
}

/** Options of {@link runEnsemble}. */
export interface RunEnsembleOptions {
  /** Default {@link serialExecutor}. The caller keeps ownership: it is not closed. */
  executor?: EnsembleExecutor;
  /** Called after each run's outcome, with the number of runs done so far (may yield). */
  onOutcome?: (index: number, outcome: RunOutcome, done: number, total: number) => void | Promise<void>;
  /** Polled between runs; true stops the ensemble with `InterruptedError`. */
  isInterrupted?: () => boolean;
  /** Keep every output in the result (default true); false keeps only the reduction. */
  keepOutputs?: boolean;
}

/** Result of {@link runEnsemble}. */
export interface EnsembleResult<Output, Reduced> {
  /** The runs, in index order. */
  runs: RunSpec[];
  /** `outputs[i]`: the output of run i, undefined if it failed (or if `keepOutputs` was false). */
  outputs: (Output | undefined)[];
  /** The runs that failed, in index order, with their errors. */
  failures: { index: number; error: RunError }[];
  /** The reduction over the successful runs' outputs in index order (`initial` if none; undefined without `reduce`). */
  reduced: Reduced;
}

/**
 * Runs an ensemble on an executor. Every run is validated before the first starts; a run
 * that fails is recorded in `failures` and the others go on. Outputs are formed as outcomes
 * arrive and folded in index order, so the result is the same for every executor.
 *
 * @param ensemble - the runs (template and variations, or runs), output and reduction.
 * @param options - executor (default serial), progress, interruption.
 * @returns runs, outputs, failures and the reduction.
 * @throws `InvalidArgumentError` for an invalid run (naming it) or `reduce` without `initial`;
 *   `InterruptedError` when interrupted; what `output`, `reduce` or `onOutcome` throw.
 * @example
 * ```ts
 * // the mean critical time over ten seeds' worth of ε (seeded random), serially
 * const r = await runEnsemble({
 *   template: { kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-3 } },
 *   variations: randomVariations({ seed: 3, count: 10, ranges: { epsilon: { from: 1e-4, to: 1e-2, scale: 'log' } } }),
 *   output: (result) => ('t' in result && typeof result.t[0] === 'number' ? result.t[0] : NaN),
 *   reduce: (sum, t) => sum + t / 10,
 *   initial: 0,
 * });
 * [r.outputs.length, r.failures.length, r.reduced > 0]; // => [10, 0, true]
 * ```
 */
export async function runEnsemble<Output = RunResult, Reduced = undefined>(
  ensemble: Ensemble<Output, Reduced>,
  options: RunEnsembleOptions = {},
): Promise<EnsembleResult<Output, Reduced>> {
  const where = 'runEnsemble';
  if (typeof ensemble !== 'object' || ensemble === null) throw new InvalidArgumentError(where, 'ensemble', 'must be an object', ensemble);
  let runs: RunSpec[];
  if (ensemble.runs !== undefined) {
    if (ensemble.template !== undefined || ensemble.variations !== undefined) {
      throw new InvalidArgumentError(where, 'ensemble.runs', 'excludes template and variations', 'both');
    }
    if (!Array.isArray(ensemble.runs)) throw new InvalidArgumentError(where, 'ensemble.runs', 'must be an array of runs', ensemble.runs);
    runs = ensemble.runs.flatMap((run) => ensembleRuns(run, undefined, where));
  } else {
    if (ensemble.template === undefined)
      throw new InvalidArgumentError(where, 'ensemble.template', 'is required (or give runs)', undefined);
    runs = ensembleRuns(ensemble.template, ensemble.variations, where);
  }
  if (ensemble.reduce !== undefined && !('initial' in ensemble)) {
    throw new InvalidArgumentError(where, 'ensemble.initial', 'is required with reduce', undefined);
  }
  const output = ensemble.output ?? ((result: RunResult) => result as Output);
  const keep = options.keepOutputs ?? true;
  const outputs: (Output | undefined)[] = new Array<Output | undefined>(runs.length).fill(undefined);
  const failures: { index: number; error: RunError }[] = [];
  // outputs waiting for their turn in the index-ordered reduction
  const pending = new Map<number, { ok: true; out: Output } | { ok: false }>();
  let next = 0;
  let reduced = ensemble.initial as Reduced;
  let done = 0;
  const executor = options.executor ?? serialExecutor();
  await executor.execute(
    runs,
    async (index, outcome) => {
      if (outcome.ok) pending.set(index, { ok: true, out: output(outcome.result, runs[index], index) });
      else {
        failures.push({ index, error: outcome.error });
        pending.set(index, { ok: false });
      }
      for (let entry = pending.get(next); entry !== undefined; entry = pending.get(next)) {
        pending.delete(next);
        if (entry.ok) {
          if (keep) outputs[next] = entry.out;
          if (ensemble.reduce !== undefined) reduced = ensemble.reduce(reduced, entry.out, next, runs[next]);
        }
        next++;
      }
      done++;
      await options.onOutcome?.(index, outcome, done, runs.length);
    },
    { isInterrupted: options.isInterrupted },
  );
  failures.sort((a, b) => a.index - b.index);
  return { runs, outputs, failures, reduced };
}
