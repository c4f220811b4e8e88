/**
 * A sweep on this machine: serially or on a pool of worker threads, resumable.
 * @module
 */
import { InterruptedError, type EnsembleExecutor, type RunOutcome, type SweepPlan } from '@jepa-dynamics/experiments';
import { codeVersion } from './codeVersion.js';
import { finishSweep, type SweepReport } from './finishSweep.js';
import { runId } from './runId.js';
import type { SweepProgress } from './sweepProgress.js';
import { openSweepStore } from './sweepStore.js';

/** Options of {@link localSweep}. */
export interface LocalSweepOptions {
  plan: SweepPlan;
  out: string;
  executor: EnsembleExecutor;
  progress: SweepProgress;
  /** Polled between runs: true stops the sweep (what is finished stays written). */
  isInterrupted: () => boolean;
}

/**
 * Runs the runs of `plan` that `out` does not hold yet, appending each result to
 * `results.jsonl` (and `results.csv`) as it arrives, then writes the table, summary and
 * figure. Interrupted, it writes what is finished and reports `interrupted`.
 */
export async function localSweep(options: LocalSweepOptions): Promise<{ summary: string; report: SweepReport }> {
  const { plan, executor, progress } = options;
  const start = performance.now();
  const version = codeVersion();
  const ids = plan.runs.map((run) => runId(run, version));
  const store = openSweepStore(options.out, plan, version);
  try {
    const distinct = [...new Set(ids)];
    const skipped = distinct.filter((id) => store.done.has(id)).length;
    // one run per distinct id (a run listed twice is run once)
    const pending: number[] = [];
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (!store.done.has(id) && !seen.has(id)) pending.push(index);
      seen.add(id);
    });
    let ran = 0;
    let failed = 0;
    let interrupted = false;
    progress.start(distinct.length, skipped);
    try {
      await executor.execute(
        pending.map((index) => plan.runs[index]),
        async (k: number, outcome: RunOutcome) => {
          const index = pending[k];
          if (store.append({ id: ids[index], index, codeVersion: version, run: plan.runs[index], outcome })) ran++;
          if (!outcome.ok) failed++;
          progress.update(skipped + ran, failed);
          // let signals and timers in between runs
          await new Promise((resolve) => setImmediate(resolve));
        },
        { isInterrupted: options.isInterrupted },
      );
    } catch (error) {
      if (!(error instanceof InterruptedError)) throw error;
      interrupted = true;
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - start) / 1000; // bookkeeping: ms to s
    return await finishSweep(store, plan, ids, {
      out: options.out,
      codeVersion: version,
      executor: executor.name,
      runs: distinct.length,
      skipped,
      ran,
      seconds,
      interrupted,
    });
  } finally {
    store.close();
  }
}
