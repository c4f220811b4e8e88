/**
 * The end of a sweep: the table, the summary and the figure.
 * @module
 */
import { join } from 'node:path';
import { sweepFigure, sweepSummary, type Cell, type SweepPlan } from '@jepa-dynamics/experiments';
import { writeFileAtomic } from '../output.js';
import { renderFigure } from '../reproduce/renderFigure.js';
import { SWEEP_FILES, type SweepStore } from './sweepStore.js';

/** What a sweep did, for the summary and `--json`. */
export interface SweepReport {
  /** Output directory. */
  out: string;
  /** The code version runs were computed with. */
  codeVersion: string;
  /** Who executed the runs (`2 worker threads`, `serial`, `queue runs-… on redis://…`). */
  executor: string;
  /** Distinct runs of the plan. */
  runs: number;
  /** Runs found finished at the start (resumed). */
  skipped: number;
  /** Runs finished by this invocation. */
  ran: number;
  /** Finished runs whose computation failed. */
  failed: number;
  /** Runs not finished (interrupted). */
  missing: number;
  /** Wall time of this invocation, seconds. */
  seconds: number;
  /** Files written, relative to `out`. */
  files: string[];
  /** True when stopped by Ctrl-C (or SIGTERM) before the end. */
  interrupted: boolean;
}

/**
 * Writes `results.csv` (whole, in plan order), `summary.md`, and the figure the plan asks for
 * (`figure.svg`, `figure.png`, by `reproduce`'s renderer) once every run is finished.
 * @returns the summary's Markdown and the files written.
 */
export async function finishSweep(
  store: SweepStore,
  plan: SweepPlan,
  ids: readonly string[],
  report: Omit<SweepReport, 'files' | 'failed' | 'missing'>,
): Promise<{ summary: string; rows: Record<string, Cell>[]; report: SweepReport }> {
  const rows = store.writeTable(plan, ids);
  const files: string[] = [SWEEP_FILES.results, SWEEP_FILES.table, SWEEP_FILES.summary];
  const failed = rows.filter((r) => typeof r.error === 'string').length;
  const missing = report.runs - new Set(ids.filter((id) => store.done.has(id))).size;
  const lines = [
    '',
    `Executed by ${report.executor}, code version ${report.codeVersion}: ${report.ran} runs in ${report.seconds.toFixed(1)} s` +
      `${report.skipped > 0 ? `; ${report.skipped} runs were already finished (resumed)` : ''}` +
      `${missing > 0 ? `; ${missing} runs not finished${report.interrupted ? ' (interrupted: rerun the same command to resume)' : ''}` : ''}.`,
  ];
  if (plan.figure !== null && missing === 0) {
    const figure = await renderFigure(sweepFigure(plan.figure, rows, plan.name));
    writeFileAtomic(join(store.dir, 'figure.svg'), figure.svg);
    writeFileAtomic(join(store.dir, 'figure.png'), figure.png);
    files.push('figure.svg', 'figure.png');
    lines.push(
      '',
      `Figure: figure.svg, figure.png (${plan.figure.type} of ${plan.figure.type === 'heatmap' ? `${plan.figure.color ?? ''} over ${plan.figure.x} × ${plan.figure.y}` : `${plan.figure.y} against ${plan.figure.x}`}).`,
    );
  }
  const summary = `${sweepSummary(plan, rows)}${lines.join('\n')}\n`;
  writeFileAtomic(join(store.dir, SWEEP_FILES.summary), summary);
  return { summary, rows, report: { ...report, failed, missing, files } };
}
