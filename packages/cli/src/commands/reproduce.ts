/**
 * `jepa-dynamics reproduce [--out DIR] [--quick|--full] [--workers N] [--json]`: the paper's
 * results as data (JSON, CSV), figures (SVG, PNG) and summary.md, with a progress bar. The
 * ensembles of runs (result 8's seeds) execute on N worker threads (default: every core with
 * `--full`, else one, in this process); the data do not depend on N.
 * `--out` is checked before anything is computed; the run writes into a staging folder
 * beside it and replaces the folder only at the end, so Ctrl-C (which stops at the next
 * unit of work) leaves the previous results exactly as they were.
 * Exit status: 0 all results written; 1 some result could not be produced (the others
 * are written and summary.md says why); 2 bad usage; 130 interrupted.
 * @module
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { NoAnswerError, UsageError } from '../errors.js';
import type { CommandRegistrar } from '../main.js';
import { printJson } from '../output.js';

/** Exit status after Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

interface ReproduceFlags {
  out: string;
  quick?: boolean;
  full?: boolean;
  workers?: string;
  json?: boolean;
}

/** The run mode of the flags: `--quick`, `--full` (mode `'extended'`), or neither (`'full'`). */
function reproduceMode(flags: ReproduceFlags): 'quick' | 'full' | 'extended' {
  if (flags.quick === true && flags.full === true)
    throw new UsageError('reproduce: --quick and --full exclude each other; give one of them.');
  if (flags.quick === true) return 'quick';
  return flags.full === true ? 'extended' : 'full';
}

/** Registers `reproduce` on the program. */
export const registerReproduce: CommandRegistrar = (program: Command) => {
  program
    .command('reproduce')
    .description("Regenerate the paper's results as data (JSON, CSV), figures (SVG, PNG) and summary.md.")
    .option('--out <dir>', 'output directory', './results')
    .option('--quick', 'reduced grids and shorter training (for tests); same claims, less data')
    .option('--full', 'larger grids and more seeds for the results that have them (minutes, not seconds)')
    .option(
      '--workers <N>',
      `worker threads for the ensembles of runs, integer ≥ 1 (default: with --full every core, here ${availableParallelism()}; else 1, in this process)`,
    )
    .option('--json', 'print the run report as JSON instead of the summary')
    .action(async (flags: ReproduceFlags) => {
      const mode = reproduceMode(flags);
      const { parseWorkers, localExecutor } = await import('../sweep/nodePoolExecutor.js');
      const workers = parseWorkers(flags.workers, mode === 'extended' ? availableParallelism() : 1);
      // loaded here, not at start-up: vega, vega-lite and resvg would slow every other command
      const [{ progressBar }, { EXPERIMENTS, InterruptedError }, { runReproduce }, { checkOutputFolder }] = await Promise.all([
        import('../reproduce/progressBar.js'),
        import('@jepa-dynamics/experiments'),
        import('../reproduce/runReproduce.js'),
        import('../reproduce/outputFolder.js'),
      ]);
      const out = checkOutputFolder(
        flags.out,
        EXPERIMENTS.map((e) => e.id),
      );
      let interrupted = false;
      const onSigint = (): void => {
        // a second signal exits at once: a handler runs between JS turns, never inside a (synchronous) file write
        if (interrupted) process.exit(EXIT_INTERRUPTED);
        interrupted = true;
      };
      // SIGTERM (e.g. a job scheduler) is handled like Ctrl-C: stop between units of work
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      const executor = localExecutor(workers);
      try {
        const report = await runReproduce(EXPERIMENTS, {
          out,
          outLabel: flags.out,
          mode,
          progress: progressBar(),
          isInterrupted: () => interrupted,
          executor,
        });
        if (flags.json === true) printJson({ out, ...report });
        else process.stdout.write(`${report.summaryMarkdown}\nWritten to ${out}\n`);
        const missing = report.results.filter((r) => r.status !== 'written');
        if (missing.length > 0) {
          throw new NoAnswerError(
            `${missing.length} of ${report.results.length} results were not produced: ${missing.map((r) => r.id).join(', ')} (see summary.md).`,
          );
        }
      } catch (error) {
        if (!(error instanceof InterruptedError)) throw error;
        process.stderr.write(`jepa-dynamics: reproduce interrupted; ${out} is as it was before this run, rerun to finish.\n`);
        process.exit(EXIT_INTERRUPTED);
      } finally {
        await executor.close();
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
      }
    });
};
