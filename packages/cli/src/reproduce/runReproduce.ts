/**
 * Runs the experiments and writes, for each, its files atomically, then summary.md.
 * The computing, the progress accounting and the summary text are
 * @jepa-dynamics/experiments'; this module renders and writes.
 * @module
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  InterruptedError,
  runExperiments,
  summaryMarkdown,
  toCsv,
  type Experiment,
  type ExperimentOutcome,
  type RunMode,
  type RunProgress,
} from '@jepa-dynamics/experiments';
import { writeFileAtomic } from '../output.js';
import { renderFigure } from './renderFigure.js';

/** Options of {@link runReproduce}. */
export interface ReproduceOptions {
  /** Output directory (must exist). */
  out: string;
  /** Quick or full run. */
  mode: RunMode;
  /** Progress reporting; default none. */
  progress?: RunProgress;
  /** Polled between units of work; once true the run stops with `InterruptedError`. */
  isInterrupted?: () => boolean;
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

/** Temporary files of {@link writeFileAtomic}: `.<name>.<12 hex>.tmp`. */
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Removes temporary files a killed run (SIGKILL, power loss) may have left behind. */
export function removeStaleTempFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (TEMP_FILE.test(name)) rmSync(join(dir, name), { force: true });
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
 * `<id>.png` and `<id>.pdf`, then `summary.md`. Each file is written atomically, so an
 * interrupted run leaves only whole files. A result whose library capability is
 * missing is reported as absent, one whose computation throws as failed; neither
 * writes anything, and the other results still run.
 * @param experiments - the experiments to compute, in order.
 * @param options - output directory, mode, progress and interruption.
 * @returns what was written and the summary.
 * @throws `InterruptedError` when `isInterrupted` became true.
 */
export async function runReproduce(
  experiments: readonly Experiment<unknown, unknown>[],
  options: ReproduceOptions,
): Promise<ReproduceReport> {
  const { out, mode } = options;
  const interrupted = options.isInterrupted ?? (() => false);
  removeStaleTempFiles(out);
  const run = await runExperiments(experiments, {
    mode,
    progress: options.progress,
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
