/**
 * `sweep SPEC.json [--out DIR] [--workers N] [--queue URL [--detach]] [--dry-run] [--json]`,
 * `sweep status SPEC.json --queue URL`, `sweep collect SPEC.json --queue URL [--out DIR]`:
 * many runs of one command over axes of settings (docs/sweeps.md). Locally by default on
 * every core (worker threads), or on a BullMQ queue served by `jepa-dynamics worker`.
 * Results are appended to DIR/results.jsonl and DIR/results.csv as runs finish; a rerun
 * skips the runs already there. Exit status: 0 every run finished; 2 bad usage, a bad
 * specification or an unreachable Redis; 3 some runs failed (the rest is written; summary.md
 * lists them); 130 interrupted (rerun to resume).
 * @module
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { checkOutFolder } from '../checkOutFolder.js';
import { ComputationError, UsageError } from '../errors.js';
import type { CommandRegistrar } from '../main.js';
import { printJson } from '../output.js';

/** Exit status after Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

interface SweepFlags {
  out?: string;
  workers?: string;
  queue?: string;
  detach?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const ACTIONS = ['status', 'collect'] as const;

function seconds(s: number): string {
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`; // bookkeeping: units
  return `${(s / 3600).toFixed(1)} h`; // bookkeeping: units
}

/** Some runs failed (exit 3, `main` prints the sentence): the other results are written. */
function runsFailed(failed: number, runs: number, out: string): ComputationError {
  return new ComputationError(`${failed} of ${runs} runs failed (see ${out}/summary.md); the other results are written.`);
}

/** Registers `sweep` on the program. */
export const registerSweep: CommandRegistrar = (program: Command) => {
  program
    .command('sweep')
    .description(
      'Many runs of critical-time, solve, simulate, matrix-flow or simulate-modes over axes of settings, from a JSON specification (docs/sweeps.md). ' +
        'Runs locally on every core by default, or on a BullMQ queue (--queue) served by `jepa-dynamics worker`. Results are appended to ' +
        'DIR/results.jsonl and DIR/results.csv as runs finish; rerunning resumes (finished runs are skipped). `sweep status SPEC --queue URL` ' +
        'and `sweep collect SPEC --queue URL` follow a detached sweep. Exit 3 when some runs failed, 130 when interrupted.',
    )
    .argument('<spec>', 'SPEC.json (or status / collect, then SPEC.json)')
    .argument('[spec]', 'SPEC.json after status or collect')
    .option('--out <dir>', 'output directory (default: sweep-<name of SPEC>)')
    .option(
      '--workers <N>',
      `local worker threads, integer ≥ 1 (default: every core, here ${availableParallelism()}); 1 runs in this process`,
    )
    .option('--queue <url>', 'redis://[user:password@]host[:port][/db] or rediss:// (TLS): run on a BullMQ queue')
    .option('--detach', 'with --queue: enqueue and return (then sweep status / sweep collect)')
    .option('--dry-run', 'print the number of runs and an estimate of the time from a short timed sample; run nothing')
    .option('--json', 'print one JSON document')
    .action(async (first: string, second: string | undefined, flags: SweepFlags) => {
      const action = (ACTIONS as readonly string[]).includes(first) && second !== undefined ? (first as (typeof ACTIONS)[number]) : null;
      const specPath = action === null ? first : (second ?? '');
      if (action === null && second !== undefined)
        throw new UsageError(`sweep takes one specification; got ${JSON.stringify(first)} and ${JSON.stringify(second)}.`);
      if (action !== null && flags.queue === undefined)
        throw new UsageError(`sweep ${action} needs --queue (it reads a distributed sweep).`);
      if (flags.detach === true && flags.queue === undefined) throw new UsageError('--detach needs --queue.');
      if (flags.workers !== undefined && flags.queue !== undefined)
        throw new UsageError('--workers applies to local sweeps; with --queue, start workers with `jepa-dynamics worker`.');
      const { parseWorkers, localExecutor } = await import('../sweep/nodePoolExecutor.js');
      const workers = parseWorkers(flags.workers, availableParallelism());
      // loaded here: the library and the queue client are not needed by --help
      const { loadSweepPlan } = await import('../sweep/loadSweepPlan.js');
      const plan = loadSweepPlan(specPath);
      // checked as every --out is (an empty value, /proc, /sys, /dev, the root, a file): never created blindly
      const out = checkOutFolder(flags.out ?? `sweep-${basename(specPath).replace(/\.json$/i, '')}`);
      const target = flags.queue === undefined ? null : (await import('../sweep/redisConnection.js')).parseQueueUrl(flags.queue);

      if (flags.dryRun === true) {
        const { dryRun } = await import('../sweep/dryRun.js');
        const r = dryRun(plan, out, target === null ? workers : 1);
        if (flags.json === true) printJson({ name: plan.name, command: plan.command, out, ...r });
        else {
          const where =
            target === null ? `${r.lanes} worker thread${r.lanes === 1 ? '' : 's'}` : 'one worker (divide by the number of workers)';
          process.stdout.write(
            `${r.runs} runs of ${plan.command} (${r.finished} already finished in ${out}, ${r.runs - r.finished} to run).` +
              (r.secondsPerRun === null || r.estimatedSeconds === null
                ? '\n'
                : ` A sample of ${r.sampled} run${r.sampled === 1 ? '' : 's'} took ${seconds(r.secondsPerRun)} each on average: about ${seconds(r.estimatedSeconds)} on ${where}, if the sample is typical.\n`),
          );
        }
        return;
      }

      const { sweepProgress } = await import('../sweep/sweepProgress.js');
      const progress = sweepProgress();
      let interrupted = false;
      let onInterrupt = (): void => {};
      const onSignal = (): void => {
        // a second signal exits at once; the first stops between runs (what is finished is written)
        if (interrupted) process.exit(EXIT_INTERRUPTED);
        interrupted = true;
        onInterrupt();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        if (target !== null) {
          const { queueSweep } = await import('../sweep/queueSweep.js');
          const queueAction = action ?? (flags.detach === true ? 'detach' : 'attach');
          const r = await queueSweep({ plan, out, target, action: queueAction, progress, isInterrupted: () => interrupted });
          if ('status' in r) {
            if (flags.json === true) printJson(r.status);
            else {
              const s = r.status;
              process.stdout.write(
                `${plan.name}: ${s.finished} of ${s.runs} runs finished, ${s.queued} queued, ${s.rejected} rejected, ${s.missing} not on the queue; ` +
                  `${s.workers} worker${s.workers === 1 ? '' : 's'} on ${s.queue}.\n`,
              );
            }
            return;
          }
          if (flags.json === true) printJson({ ...r.report, enqueued: r.enqueued });
          else if (queueAction === 'detach') {
            process.stdout.write(
              `Enqueued ${r.enqueued ?? 0} runs on ${r.report.executor} (${r.report.runs - r.report.missing} of ${r.report.runs} already finished). ` +
                `Follow with \`jepa-dynamics sweep status ${specPath} --queue …\`, collect with \`jepa-dynamics sweep collect ${specPath} --queue … --out ${out}\`.\n`,
            );
          } else process.stdout.write(`${r.summary}\nWritten to ${out}: ${r.report.files.join(', ')}.\n`);
          if (r.report.interrupted) {
            process.stderr.write(
              `jepa-dynamics: sweep interrupted; the runs stay on the queue: \`sweep collect\` later, or rerun to follow them again.\n`,
            );
            process.exit(EXIT_INTERRUPTED);
          }
          // some runs' answers exist but their computation failed: exit 3 through main's mapping
          if (r.report.failed > 0 && queueAction !== 'detach') throw runsFailed(r.report.failed, r.report.runs, out);
          return;
        }
        const { localSweep } = await import('../sweep/localSweep.js');
        const executor = localExecutor(workers);
        // Ctrl-C abandons the runs in flight at once (they run again on resume)
        onInterrupt = () => void executor.close();
        try {
          const r = await localSweep({ plan, out, executor, progress, isInterrupted: () => interrupted });
          if (flags.json === true) printJson(r.report);
          else process.stdout.write(`${r.summary}\nWritten to ${out}: ${r.report.files.join(', ')}.\n`);
          if (r.report.interrupted) {
            process.stderr.write(
              `jepa-dynamics: sweep interrupted after ${r.report.ran} runs (${r.report.missing} not finished); the results in ${out} are complete lines: rerun the same command to resume.\n`,
            );
            process.exit(EXIT_INTERRUPTED);
          }
          if (r.report.failed > 0) throw runsFailed(r.report.failed, r.report.runs, out);
        } finally {
          await executor.close();
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
};
