/**
 * The command outputs shown in docs/getting-started.md are what the program prints.
 * A ```console block holds `$ pnpm exec jepa-dynamics …` lines, each followed by the
 * expected output (stdout, then stderr) and, when not 0, a line `[exit status N]`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

interface Shown {
  args: string[];
  output: string;
  status: number;
}

function shownCommands(markdown: string): Shown[] {
  const out: Shown[] = [];
  for (const block of markdown.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: Shown | undefined;
    for (const line of block[1].split('\n')) {
      if (line.startsWith('$ ')) {
        if (current !== undefined) out.push(current);
        const words = line.slice(2).trim().split(/\s+/);
        expect(words.slice(0, 3)).toEqual(['pnpm', 'exec', 'jepa-dynamics']);
        current = { args: words.slice(3), output: '', status: 0 };
      } else if (current !== undefined) {
        const status = /^\[exit status (\d+)\]$/.exec(line);
        if (status !== null) current.status = Number(status[1]);
        else if (line !== '' || current.output !== '') current.output += `${line}\n`;
      }
    }
    if (current !== undefined) out.push(current);
  }
  return out.map((s) => ({ ...s, output: s.output.replace(/\n+$/, '\n') }));
}

const shown = shownCommands(readFileSync(new URL('../docs/getting-started.md', import.meta.url), 'utf8'));

describe('docs/getting-started.md', () => {
  it('shows commands', () => {
    expect(shown.length).toBeGreaterThanOrEqual(5);
  });
  for (const s of shown) {
    it(`jepa-dynamics ${s.args.join(' ')}`, () => {
      const r = runCli(s.args);
      expect(r.status).toBe(s.status);
      expect(r.stdout + r.stderr).toBe(s.output);
    });
  }
});
