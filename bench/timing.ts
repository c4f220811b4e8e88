/**
 * Timing helpers shared by the benchmark suites.
 */

/** Median wall time in milliseconds of `fn` over `repeats` runs, after one warm-up run. */
export function medianMs(fn: () => void, repeats = 5): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Wall time and CPU time (user + system, this process) of one call, in milliseconds: on a
 * shared machine the CPU time is the fairer figure.
 */
export function timeIt<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Prints rows as a Markdown table. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => r[j].length)));
  const line = (r: string[]): string => `| ${r.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`;
  process.stdout.write(`${line(cells[0])}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n`);
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}
