/**
 * `derive --format latex`: a fragment by default, a complete document with --standalone.
 * With a TeX engine on PATH (pdflatex or lualatex; Debian's texlive-latex-base) both are
 * compiled; without one, their structure is checked against test/support/latexStructure.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWED_MACROS, latexProblems } from './support/latexStructure.js';
import { expectFailure, runCli } from './support/runCli.js';

const work = mkdtempSync(join(tmpdir(), 'jd-latex-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first TeX engine on PATH, or null. */
const engine = ['pdflatex', 'lualatex'].find((e) => spawnSync(e, ['--version'], { encoding: 'utf8' }).status === 0) ?? null;

/** Compiles a document; returns the log's error lines (empty when it compiled). */
function compile(name: string, tex: string): string[] {
  if (engine === null) throw new Error('no TeX engine');
  writeFileSync(join(work, `${name}.tex`), tex);
  const r = spawnSync(engine, ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return r.status === 0 ? [] : r.stdout.split('\n').filter((l) => l.startsWith('!') || l.startsWith('l.'));
}

// a log term (JEPA), the closed L = 1 form and roots of unity with zero coefficients (MAE L = 5)
const cases = [
  ['jepa', 4],
  ['mae', 1],
  ['mae', 5],
] as const;

describe('derive --format latex', () => {
  for (const [objective, L] of cases) {
    it(`${objective} L = ${L}: a fragment and a standalone document, sound in structure${engine === null ? '' : ` and compiled by ${engine}`}`, () => {
      const fragment = runCli(['derive', '--objective', objective, '--depth', String(L), '--format', 'latex']);
      const standalone = runCli(['derive', '--objective', objective, '--depth', String(L), '--format', 'latex', '--standalone']);
      expect([fragment.status, standalone.status]).toEqual([0, 0]);
      expect(fragment.stdout).not.toContain('\\documentclass');
      expect(fragment.stdout).toContain('\\begin{align*}');
      expect(standalone.stdout.startsWith('\\documentclass{article}\n\\usepackage{amsmath}\n')).toBe(true);
      expect(standalone.stdout.trimEnd().endsWith('\\end{document}')).toBe(true);
      expect(standalone.stdout).toContain(fragment.stdout.trimEnd());
      for (const tex of [fragment.stdout, standalone.stdout]) {
        expect(latexProblems(tex)).toEqual([]);
        // the simplified forms: no doubled braces, no 1·x, no x^{1/2}
        for (const clumsy of ['{{', '1\\cdot', '\\cdot{', '^{\\frac{1}{2}}', '0\\cdot']) expect(tex).not.toContain(clumsy);
      }
      if (engine !== null) {
        const wrapped = `\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n${fragment.stdout}\\end{document}\n`;
        expect(compile(`${objective}${L}-fragment`, wrapped)).toEqual([]);
        expect(compile(`${objective}${L}-standalone`, standalone.stdout)).toEqual([]);
      }
    });
  }

  it('the structure check fails on what it must catch', () => {
    expect(latexProblems('\\frac{a}{b')).toContain('1 unclosed {');
    expect(latexProblems('\\begin{align*} a \\end{equation}')).toContain('\\end{equation} does not close the last environment');
    expect(latexProblems('\\left( a')).toHaveLength(1);
    expect(latexProblems('\\mathbb{R}')).toEqual(['macro \\mathbb is not in the grammar']);
    expect(latexProblems('λ % λ in a comment is fine')).toEqual(['non-ASCII outside comments: λ']);
    expect(latexProblems('$a')).toEqual(['odd number of $']);
    expect(ALLOWED_MACROS.has('documentclass')).toBe(true);
  });

  it('--standalone with another format exits 2 naming it', () => {
    expectFailure(
      runCli(['derive', '--objective', 'jepa', '--depth', '2', '--format', 'text', '--standalone']),
      2,
      '--standalone',
      '--format text',
    );
  });
});
