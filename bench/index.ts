/**
 * Runs the benchmarks: `pnpm bench [name …]` (all suites when no name is given).
 * Each suite measures its subject and a baseline in the same process and prints
 * ratios, so the figures are comparable across machines and runs.
 */
import { suites } from './suites.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}.\n`);
  process.exit(2);
}
for (const suite of suites) {
  if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
  process.stdout.write(`\n## ${suite.name}: ${suite.description}\n\n`);
  await suite.run();
}
