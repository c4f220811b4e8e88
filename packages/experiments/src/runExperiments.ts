/**
 * Runs a list of experiments one after the other, with progress reporting, and records
 * for each whether it was computed, absent or failed.
 * @module
 */
import type { EnsembleExecutor } from './ensemble/ensembleExecutor.js';
import { experimentArtifacts, type Experiment, type ExperimentArtifacts } from './experiment.js';
import { InterruptedError } from './interruptedError.js';
import type { RunMode } from './runMode.js';
import { UnavailableError } from './unavailableError.js';

/** Where a run reports its progress (the command line draws it as a bar on stderr). */
export interface RunProgress {
  /** Called once with the total number of units of work. */
  start(total: number): void;
  /** One unit done; `label` (`'<id>: <what>'`) says what was computed. */
  advance(label: string): void;
  /** The run ended, normally or not. */
  stop(): void;
}

/** Options of {@link runExperiments}. */
export interface RunExperimentsOptions {
  /** Quick or full: each experiment's `settings(mode)` is what runs. */
  mode: RunMode;
  /** Progress reporting; default none. */
  progress?: RunProgress;
  /**
   * Awaited after every unit of work (after `progress.advance`): the place to yield to
   * the event loop and to stop the run by throwing {@link InterruptedError}.
   */
  checkpoint?: () => void | Promise<void>;
  /**
   * Awaited with each computed result before the next experiment starts (the command
   * line renders the figure and writes the files here). If it throws, the result counts
   * as failed, unless it throws {@link InterruptedError}, which stops the run.
   */
  onComputed?: (id: string, artifacts: ExperimentArtifacts) => void | Promise<void>;
  /**
   * Where the experiments' ensembles of runs execute (`ExperimentContext.executor`);
   * default serially. Not closed here: the caller owns it.
   */
  executor?: EnsembleExecutor;
  /** Clock in milliseconds for the `seconds` fields; default `Date.now`. */
  now?: () => number;
}

/** What happened to one experiment. */
export interface ExperimentOutcome {
  /** The experiment's id. */
  id: string;
  /** Its title. */
  title: string;
  /**
   * `computed`: its artifacts exist (and `onComputed` accepted them); `absent`: a library
   * capability it needs is missing ({@link UnavailableError}); `failed`: its computation,
   * or `onComputed`, threw.
   */
  status: 'computed' | 'absent' | 'failed';
  /** Its summary, or the reason it is absent or failed. */
  summary: string;
  /** Its artifacts when computed, else `null`. */
  artifacts: ExperimentArtifacts | null;
  /** Wall-clock seconds spent on it (by `now`). */
  seconds: number;
}

/** What {@link runExperiments} returns. */
export interface ExperimentsRun {
  /** One per experiment, in order. */
  outcomes: ExperimentOutcome[];
  /** Total wall-clock seconds (by `now`). */
  seconds: number;
}

/**
 * Computes each experiment with its `settings(mode)`, in order. One experiment's failure
 * does not cost the others: it is recorded (never faked) and the run goes on. Progress
 * counts each experiment's `units`; an experiment that reports fewer units has the rest
 * advanced when it ends, so the total stays honest.
 * @param experiments - the experiments, e.g. {@link EXPERIMENTS}.
 * @param options - mode, progress, checkpoint, what to do with each computed result.
 * @returns each experiment's outcome and the total time.
 * @throws {@link InterruptedError} when `checkpoint` or `onComputed` throws it; nothing
 *   else (other errors are recorded as failed outcomes).
 * @example
 * ```ts
 * const seen: string[] = [];
 * const run = await runExperiments([EXPERIMENTS[5]], { mode: 'quick', onComputed: (id) => void seen.push(id) });
 * run.outcomes.map((o) => o.status); // => ['computed']
 * seen; // => ['6-leading-order-error']
 * ```
 */
export async function runExperiments(
  experiments: readonly Experiment<unknown, unknown>[],
  options: RunExperimentsOptions,
): Promise<ExperimentsRun> {
  const { progress, checkpoint, onComputed } = options;
  const now = options.now ?? Date.now;
  const t0 = now();
  const planned = experiments.map((experiment) => {
    const settings = experiment.settings(options.mode);
    return { experiment, settings, units: experiment.units(settings) };
  });
  const outcomes: ExperimentOutcome[] = [];
  progress?.start(planned.reduce((n, p) => n + p.units, 0));
  try {
    for (const { experiment, settings, units } of planned) {
      const started = now();
      let budget = units;
      const unitDone = async (label: string): Promise<void> => {
        if (budget > 0) {
          budget -= 1;
          progress?.advance(`${experiment.id}: ${label}`);
        }
        await checkpoint?.();
      };
      const outcome = (status: ExperimentOutcome['status'], summary: string, artifacts: ExperimentArtifacts | null): ExperimentOutcome => ({
        id: experiment.id,
        title: experiment.title,
        status,
        summary,
        artifacts,
        seconds: (now() - started) / 1000,
      });
      try {
        const artifacts = experimentArtifacts(experiment, await experiment.run(settings, unitDone, { executor: options.executor }));
        await onComputed?.(experiment.id, artifacts);
        outcomes.push(outcome('computed', artifacts.summary, artifacts));
      } catch (error) {
        if (error instanceof InterruptedError) throw error;
        // one result's failure must not cost the others: report it, never fake it
        if (error instanceof UnavailableError) outcomes.push(outcome('absent', `NOT PRODUCED: ${error.message}`, null));
        else
          outcomes.push(
            outcome(
              'failed',
              `FAILED, nothing written: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
              null,
            ),
          );
      }
      // a result that finished early leaves its unused units: keep the bar honest
      while (budget > 0) {
        budget -= 1;
        progress?.advance(`${experiment.id}: done`);
      }
    }
    return { outcomes, seconds: (now() - t0) / 1000 };
  } finally {
    progress?.stop();
  }
}
