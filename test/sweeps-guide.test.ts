/**
 * docs/sweeps.md says what the code does: its specifications expand, its table of settings
 * lists every setting of every run kind (required ones in bold), and its result columns are
 * the kinds' own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_KIND_DEFINITIONS, RUN_KINDS, readSweepSpec } from '@jepa-dynamics/experiments';

const guide = readFileSync(new URL('../docs/sweeps.md', import.meta.url), 'utf8');

describe('docs/sweeps.md', () => {
  it('every JSON specification in it expands (readSweepSpec)', () => {
    const specs = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as unknown);
    expect(specs.length).toBeGreaterThanOrEqual(2);
    for (const spec of specs) expect(readSweepSpec(spec).runs.length).toBeGreaterThan(0);
  });

  it('the table of settings lists every setting of every kind, the required ones in bold', () => {
    for (const kind of RUN_KINDS) {
      const definition = RUN_KIND_DEFINITIONS[kind];
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${kind}\` (\`${definition.command}\`) |`));
      expect(row, kind).toBeDefined();
      const cell = row?.split('|')[2] ?? '';
      // "fraction (0.5), method (exact, ode, …)": the parentheses give defaults and choices
      const listed = cell
        .replace(/\([^)]*\)/g, '')
        .split(',')
        .map((s) => s.trim());
      const names = listed.map((s) => s.replace(/\*\*/g, ''));
      expect(names.sort(), kind).toEqual(Object.keys(definition.settings).sort());
      const bold = listed.filter((s) => s.startsWith('**')).map((s) => s.replace(/\*\*/g, ''));
      const required = Object.entries(definition.settings)
        .filter(([, rule]) => rule.required)
        .map(([name]) => name);
      expect(bold.sort(), kind).toEqual(required.sort());
    }
  });

  it('names the result columns of every kind', () => {
    const paragraph = guide.slice(guide.indexOf('Result columns'), guide.indexOf('`results.jsonl` holds every run'));
    for (const kind of RUN_KINDS) {
      const definition = RUN_KIND_DEFINITIONS[kind];
      const part = new RegExp(`\`${definition.command}\`: ([^;]*?)(;|\\.$|\\.\\s)`, 'm').exec(paragraph.replace(/\n/g, ' '))?.[1] ?? '';
      const named = [...part.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
      expect(named, kind).toEqual([...definition.resultColumns]);
    }
  });
});
