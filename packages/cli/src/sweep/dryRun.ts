/**
 * `sweep --dry-run`: how many runs, and how long they should take.
 * @module
 */
import { runOutcome, type SweepPlan } from '@jepa-dynamics/experiments';
import { codeVersion } from './codeVersion.js';
import { runId } from './runId.js';
import { finishedRunIds } from './sweepStore.js';

/** At most this many runs are timed, spread over the plan … */
const SAMPLE_RUNS = 5;
/** … and no more are started once the sample has taken this long (ms). */
const SAMPLE_BUDGET_MS = 3000;

/** What `--dry-run` reports. */
export interface DryRunReport {
  /** Distinct runs of the plan. */
  runs: number;
  /** Of them, already finished in the output directory. */
  finished: number;
  /** Runs timed. */
  sampled: number;
  /** Mean wall time of a sampled run, seconds (null when nothing is left to run). */
  secondsPerRun: number | null;
  /** Parallel lanes the estimate assumes (threads; 1 for a queue: divide by its workers). */
  lanes: number;
  /** Estimated wall time of the runs left, seconds (null when nothing is left to run). */
  estimatedSeconds: number | null;
}

/**
 * Counts the runs (and those `out` already holds) and times a short sample of the others in
 * this process: up to 5 runs spread evenly over the plan, stopping after 3 s once one has run.
 * The estimate is the sample's mean time × runs left / lanes; nothing is written.
 */
export function dryRun(plan: SweepPlan, out: string, lanes: number): DryRunReport {
  const version = codeVersion();
  const done = finishedRunIds(out, version);
  const firstIndex = new Map<string, number>();
  plan.runs.forEach((run, i) => {
    const id = runId(run, version);
    if (!firstIndex.has(id)) firstIndex.set(id, i);
  });
  const pending = [...firstIndex].filter(([id]) => !done.has(id)).map(([, i]) => i);
  const count = Math.min(SAMPLE_RUNS, pending.length);
  const sample = Array.from({ length: count }, (_, k) => pending[Math.floor((k * pending.length) / count)]); // bookkeeping: evenly spaced sample of pending runs
  let elapsed = 0;
  let sampled = 0;
  for (const index of sample) {
    if (sampled > 0 && elapsed > SAMPLE_BUDGET_MS) break;
    const start = performance.now();
    runOutcome(plan.runs[index]);
    elapsed += performance.now() - start;
    sampled++;
  }
  const secondsPerRun = sampled === 0 ? null : elapsed / sampled / 1000; // bookkeeping: time per sampled run, ms to s
  const parallel = Math.max(1, Math.min(lanes, pending.length));
  return {
    runs: firstIndex.size,
    finished: firstIndex.size - pending.length,
    sampled,
    secondsPerRun,
    lanes: parallel,
    estimatedSeconds: secondsPerRun === null ? null : (secondsPerRun * pending.length) / parallel, // bookkeeping: wall-time estimate
  };
}
