/**
 * Runs a list of results, writes every file atomically, and builds summary.md.
 * @module
 */
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../output.js';
import { renderFigure } from './renderFigure.js';
import { toCsv } from './toCsv.js';
import { InterruptedError, UnavailableError, type ReproduceConfig, type ResultDefinition } from './types.js';

/** Where the run reports progress (the command shows it as a bar on stderr). */
export interface ProgressReporter {
  /** Called once with the total number of units of work. */
  start(total: number): void;
  /** One unit done; `label` says what is being computed. */
  advance(label: string): void;
  /** The run ended (normally or not). */
  stop(): void;
}

/** Options of {@link runReproduce}. */
export interface ReproduceOptions {
  /** Output directory (created if missing). */
  out: string;
  /** Settings passed to every result. */
  config: ReproduceConfig;
  /** Progress reporting; default none. */
  progress?: ProgressReporter;
  /** Polled between units of work; once true the run stops with {@link InterruptedError}. */
  isInterrupted?: () => boolean;
}

/** What happened to one result. */
export interface ResultReport {
  /** File stem. */
  id: string;
  /** Heading. */
  title: string;
  /**
   * `written`: all four files exist; `absent`: a library capability it needs is missing;
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

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Computes every result and writes, for each, `<id>.json`, `<id>.csv`, `<id>.svg`
 * and `<id>.png`, then `summary.md`. Each file is written atomically, so an
 * interrupted run leaves only whole files. A result whose library capability is
 * missing ({@link UnavailableError}) is reported as absent, one whose computation
 * throws as failed; neither writes anything, and the other results still run.
 * @param results - the results to compute, in order.
 * @param options - output directory, settings, progress and interruption.
 * @returns what was written and the summary.
 * @throws {@link InterruptedError} when `isInterrupted` became true.
 */
export async function runReproduce(results: readonly ResultDefinition[], options: ReproduceOptions): Promise<ReproduceReport> {
  const { out, config } = options;
  const progress = options.progress;
  const interrupted = options.isInterrupted ?? (() => false);
  removeStaleTempFiles(out);
  const t0 = performance.now();
  const reports: ResultReport[] = [];
  progress?.start(results.reduce((n, r) => n + r.steps(config), 0));
  try {
    for (const result of results) {
      const started = performance.now();
      let budget = result.steps(config);
      const context = {
        config,
        step: async (label: string): Promise<void> => {
          if (budget > 0) {
            budget -= 1;
            progress?.advance(`${result.id}: ${label}`);
          }
          await yieldToEventLoop();
          if (interrupted()) throw new InterruptedError();
        },
      };
      try {
        const artifacts = await result.run(context);
        const figure = await renderFigure(artifacts.figure);
        if (interrupted()) throw new InterruptedError();
        const files: [string, string | Uint8Array][] = [
          [`${result.id}.json`, `${JSON.stringify(artifacts.data, null, 2)}\n`],
          [`${result.id}.csv`, toCsv(artifacts.table)],
          [`${result.id}.svg`, figure.svg],
          [`${result.id}.png`, figure.png],
        ];
        for (const [name, content] of files) writeFileAtomic(join(out, name), content);
        reports.push({
          id: result.id,
          title: result.title,
          status: 'written',
          files: files.map(([name]) => name),
          summary: artifacts.summary,
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        if (error instanceof InterruptedError) throw error;
        // one result's failure must not cost the others: report it, never fake it
        const absent = error instanceof UnavailableError;
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        reports.push({
          id: result.id,
          title: result.title,
          status: absent ? 'absent' : 'failed',
          files: [],
          summary: absent ? `NOT PRODUCED: ${(error as Error).message}` : `FAILED, nothing written: ${message}`,
          seconds: (performance.now() - started) / 1000,
        });
      }
      // a result that finished early leaves its unused units: keep the bar honest
      while (budget > 0) {
        budget -= 1;
        progress?.advance(`${result.id}: done`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const summaryMarkdown = formatSummary(reports, config, seconds);
    writeFileAtomic(join(out, 'summary.md'), summaryMarkdown);
    return { results: reports, summaryMarkdown, seconds };
  } finally {
    progress?.stop();
  }
}

/** summary.md: one line per result, then the files. */
export function formatSummary(reports: readonly ResultReport[], config: ReproduceConfig, seconds: number): string {
  const lines = [
    '# jepa-dynamics reproduce: summary',
    '',
    'Littwin et al., "How JEPA Avoids Noisy Features", NeurIPS 2024, regenerated by formula, ODE and simulation.',
    'Time is gradient-flow time t = kη (paper time τ = L·t); critical times t* are for w̄ to reach the fraction p = 1/2 of w̄∞.',
    `Run: ${config.quick ? 'quick (reduced grids, for tests)' : 'full'}, ${seconds.toFixed(1)} s.`,
    '',
  ];
  for (const r of reports) {
    lines.push(`- **${r.title}** (\`${r.id}\`): ${r.summary}`);
    lines.push(`   Files: ${r.files.length > 0 ? r.files.map((f) => `\`${f}\``).join(', ') : 'none'}.`);
  }
  lines.push('');
  return lines.join('\n');
}
