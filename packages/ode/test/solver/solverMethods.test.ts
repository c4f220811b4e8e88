/**
 * solverMethods() (src/solver/solverMethods.ts) is the registry's public view, and the
 * method table of docs/solver.md must say what it says, row for row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solverMethods } from '../../src/index.js';
import type { Order } from '../../src/index.js';

const doc = readFileSync(new URL('../../../../docs/solver.md', import.meta.url), 'utf8');

/** The rows of the first table after the heading `## Methods`, cells trimmed. */
function methodTable(): string[][] {
  const section = doc.slice(doc.indexOf('\n## Methods\n'));
  const lines = section.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| method |'));
  const rows: string[][] = [];
  for (let k = start + 2; k < lines.length && lines[k].startsWith('|'); k++) {
    rows.push(
      lines[k]
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const order = (o: Order): string => String(o);

describe('solverMethods()', () => {
  it('lists the built-in methods in registry order with their properties', () => {
    expect(solverMethods().map((m) => [m.name, m.order, m.stiff])).toEqual([
      ['dopri5', 5, false],
      ['dop853', 8, false],
      ['odex', 'variable', false],
      ['rodas4', 4, true],
      ['bdf', 'variable', true],
    ]);
  });

  it('docs/solver.md has one row per method, in the same order, with the same orders, stiffness, needs and summary', () => {
    const rows = methodTable();
    const methods = solverMethods();
    expect(rows.map((r) => r[0])).toEqual(methods.map((m) => `\`'${m.name}'\``));
    rows.forEach((r, k) => {
      const m = methods[k];
      expect(r.slice(1)).toEqual([
        order(m.order),
        order(m.errorOrder),
        order(m.denseOrder),
        m.stiff ? 'yes' : 'no',
        m.needs.length === 0 ? '–' : m.needs.join(', '),
        m.summary,
      ]);
    });
  });
});
