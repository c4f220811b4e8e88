/**
 * The summary of a sweep, as Markdown.
 *
 * @module
 */
import { RUN_KIND_DEFINITIONS } from './runKindDefinitions.js';
import type { Cell } from './runKind.js';
import type { SweepPlan } from './sweepSpec.js';

/** How many failed runs the summary lists by name. */
const LISTED_FAILURES = 10;

function formatNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e15 ? String(x) : x.toPrecision(6);
}

/**
 * A sweep's summary (`summary.md`): what ran, how many runs finished and failed (the first
 * failures with their messages), and for every numeric result column the number of runs
 * with a number and its minimum, median and maximum over them.
 *
 * @param plan - the sweep (from `readSweepSpec`).
 * @param rows - the table rows of the finished runs (`sweepTable(…).rows`).
 * @returns Markdown text ending in a newline.
 * @example
 * ```ts
 * const plan = readSweepSpec({ command: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1 }, axes: { epsilon: [0.25, 0.6] } });
 * const rows = sweepTable(plan.runs.map((run, index) => ({ index, run, outcome: runOutcome(run) }))).rows;
 * sweepSummary(plan, rows).split('\n').slice(0, 3);
 * // => ["# critical-time", "", "2 runs of `jepa-dynamics critical-time` (critical times t*_p of the features (criticalTime of @jepa-dynamics/ode; docs/math.md §3)); varied: epsilon (2 values); fixed: objective, depth, lambda, rho."]
 * ```
 */
export function sweepSummary(plan: SweepPlan, rows: readonly Record<string, Cell>[]): string {
  const total = plan.runs.length;
  const failed = rows.filter((r) => typeof r.error === 'string' && r.error !== '');
  const counts = plan.varied.map(
    (name) =>
      `${name} (${new Set(plan.runs.map((r) => JSON.stringify(Object.entries(r.settings).find(([k]) => k === name)?.[1]))).size} values)`,
  );
  const lines = [
    `# ${plan.name}`,
    '',
    `${total} runs of \`jepa-dynamics ${plan.command}\` (${RUN_KIND_DEFINITIONS[plan.kind].description}); ` +
      `varied: ${counts.length > 0 ? counts.join(', ') : 'nothing'}; fixed: ${plan.fixed.length > 0 ? plan.fixed.join(', ') : 'nothing'}.`,
    '',
    `Finished: ${rows.length} of ${total}${failed.length > 0 ? `, of which ${failed.length} failed` : ''}.`,
  ];
  const settingNames = new Set(plan.runs.flatMap((r) => Object.keys(r.settings)));
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c !== 'run' && c !== 'error' && !settingNames.has(c));
  const stats = columns.flatMap((c) => {
    const xs = rows.map((r) => r[c]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (xs.length === 0) return [];
    xs.sort((a, b) => a - b);
    const median = xs.length % 2 === 1 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    return [`| ${c} | ${xs.length} | ${formatNumber(xs[0])} | ${formatNumber(median)} | ${formatNumber(xs[xs.length - 1])} |`];
  });
  if (stats.length > 0)
    lines.push('', '| result column | runs with a number | min | median | max |', '| --- | --- | --- | --- | --- |', ...stats);
  if (failed.length > 0) {
    lines.push('', `Failed runs${failed.length > LISTED_FAILURES ? ` (the first ${LISTED_FAILURES})` : ''}:`, '');
    for (const r of failed.slice(0, LISTED_FAILURES)) lines.push(`- run ${String(r.run)}: ${String(r.error)}`);
  }
  return `${lines.join('\n')}\n`;
}
