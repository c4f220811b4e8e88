/**
 * Runs the experiments and writes, for each, its files, then summary.md, into a staging
 * folder that replaces the output folder only at the end (outputFolder.ts).
 * The computing, the progress accounting and the summary text are
 * @jepa-dynamics/experiments'; this module renders and writes.
 * @module
 */
import { join } from 'node:path';
import {
  InterruptedError,
  runExperiments,
  summaryMarkdown,
  toCsv,
  type EnsembleExecutor,
  type Experiment,
  type ExperimentOutcome,
  type RunMode,
  type RunProgress,
} from '@jepa-dynamics/experiments';
import { writeFileAtomic } from '../output.js';
import { removeStaleSideFolders, stageOutputFolder } from './outputFolder.js';
import { renderFigure } from './renderFigure.js';

/** Options of {@link runReproduce}. */
export interface ReproduceOptions {
  /** Output folder, checked (`checkOutputFolder`); it is replaced as a whole at the end of the run. */
  out: string;
  /** How the user named it (`--out` as typed), for messages; default `out`. */
  outLabel?: string;
  /** Quick or full run. */
  mode: RunMode;
  /** Progress reporting; default none. */
  progress?: RunProgress;
  /** Polled between units of work; once true the run stops with `InterruptedError`. */
  isInterrupted?: () => boolean;
  /** Where the ensembles of runs execute; default serially in this thread. Not closed here. */
  executor?: EnsembleExecutor;
}

/** What happened to one result. */
export interface ResultReport {
  /** File stem. */
  id: string;
  /** Heading. */
  title: string;
  /**
   * `written`: all five files exist; `absent`: a library capability it needs is missing;
   * `failed`: its computation threw (a numerical failure or a bug). For the last two
   * nothing is written and `summary` says why.
   */
  status: 'written' | 'absent' | 'failed';
  /** Paths written, relative to the output directory. */
  files: string[];
  /** The result's summary line (or the reason it is absent). */
  summary: string;
  /** Wall-clock seconds spent on it. */
  seconds: number;
}

/** The outcome of a run. */
export interface ReproduceReport {
  /** One entry per result, in order. */
  results: ResultReport[];
  /** The text of summary.md. */
  summaryMarkdown: string;
  /** Total wall-clock seconds. */
  seconds: number;
}

/** The files written for a result: `<id>.json`, `<id>.csv`, `<id>.svg`, `<id>.png`, `<id>.pdf`. */
export function resultFiles(id: string): [json: string, csv: string, svg: string, png: string, pdf: string] {
  return [`${id}.json`, `${id}.csv`, `${id}.svg`, `${id}.png`, `${id}.pdf`];
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function reportOf(outcome: ExperimentOutcome): ResultReport {
  const { id, title, summary, seconds } = outcome;
  switch (outcome.status) {
    case 'computed':
      return { id, title, status: 'written', files: resultFiles(id), summary, seconds };
    case 'absent':
    case 'failed':
      return { id, title, status: outcome.status, files: [], summary, seconds };
    default: {
      const never: never = outcome.status;
      return never;
    }
  }
}

/**
 * Computes every experiment and writes, for each, `<id>.json`, `<id>.csv`, `<id>.svg`,
 * `<id>.png` and `<id>.pdf`, then `summary.md`, into a staging folder beside `out` that then
 * replaces `out` as a whole: an interrupted or failed run leaves `out` as it was (the
 * previous run's files, all of one run and one mode). A result whose library capability
 * is missing is reported as absent, one whose computation throws as failed; neither
 * writes anything, and the other results still run.
 * @param experiments - the experiments to compute, in order.
 * @param options - output folder, mode, progress and interruption.
 * @returns what was written and the summary.
 * @throws `InterruptedError` when `isInterrupted` became true; `UsageError` when the staging folder cannot be created.
 */
export async function runReproduce(
  experiments: readonly Experiment<unknown, unknown>[],
  options: ReproduceOptions,
): Promise<ReproduceReport> {
  const { mode } = options;
  const interrupted = options.isInterrupted ?? (() => false);
  removeStaleSideFolders(options.out);
  const staged = stageOutputFolder(options.out, options.outLabel ?? options.out);
  try {
    const report = await runInto(experiments, staged.path, mode, options.progress, interrupted, options.executor);
    staged.commit();
    return report;
  } catch (error) {
    staged.discard();
    throw error;
  }
}

async function runInto(
  experiments: readonly Experiment<unknown, unknown>[],
  out: string,
  mode: RunMode,
  progress: RunProgress | undefined,
  interrupted: () => boolean,
  executor: EnsembleExecutor | undefined,
): Promise<ReproduceReport> {
  const run = await runExperiments(experiments, {
    mode,
    progress,
    ...(executor === undefined ? {} : { executor }),
    // yield, so that a Ctrl-C handler runs between units of work
    checkpoint: async () => {
      await yieldToEventLoop();
      if (interrupted()) throw new InterruptedError();
    },
    onComputed: async (id, artifacts) => {
      const figure = await renderFigure(artifacts.figure);
      if (interrupted()) throw new InterruptedError();
      const [json, csv, svg, png, pdf] = resultFiles(id);
      writeFileAtomic(join(out, json), `${JSON.stringify(artifacts.document, null, 2)}\n`);
      writeFileAtomic(join(out, csv), toCsv(artifacts.table));
      writeFileAtomic(join(out, svg), figure.svg);
      writeFileAtomic(join(out, png), figure.png);
      writeFileAtomic(join(out, pdf), figure.pdf);
    },
    now: () => performance.now(),
  });
  const results = run.outcomes.map(reportOf);
  const markdown = summaryMarkdown(results, mode, run.seconds);
  writeFileAtomic(join(out, 'summary.md'), markdown);
  return { results, summaryMarkdown: markdown, seconds: run.seconds };
}
