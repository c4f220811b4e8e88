/**
 * The command line's `reproduce` runner: what it writes for each result (JSON, CSV, SVG,
 * PNG, PDF, each whole or not at all) and summary.md, with small stand-in experiments (the
 * real results are checked in test/reproduce.test.ts; the runner beneath it in
 * packages/experiments/test/runExperiments.test.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InterruptedError } from '@jepa-dynamics/experiments';
import { removeStaleTempFiles, resultFiles, runReproduce } from '../../src/reproduce/runReproduce.js';
import { absentExperiment, failingExperiment, lineExperiment } from '../../../../test/support/standInExperiments.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'jd-reproduce-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('runReproduce', () => {
  it('reports a result that throws as failed, writes nothing for it, and still runs the others', async () => {
    const out = tempDir();
    const report = await runReproduce([failingExperiment, lineExperiment('after', 2)], { out, mode: 'quick' });
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'written']);
    expect(readdirSync(out).sort()).toEqual(['after.csv', 'after.json', 'after.pdf', 'after.png', 'after.svg', 'summary.md']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(
      'FAILED, nothing written: RangeError: integration ended with status stiff at t = 3',
    );
  });

  it('writes JSON, CSV, SVG, PNG and PDF per result and a summary naming each', async () => {
    const out = tempDir();
    const report = await runReproduce([lineExperiment('a', 3), absentExperiment], { out, mode: 'quick' });
    const files = readdirSync(out).sort();
    expect(files).toEqual(['a.csv', 'a.json', 'a.pdf', 'a.png', 'a.svg', 'summary.md']);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'))).toEqual({
      rows: [
        { x: 1, y: 1 },
        { x: 2, y: 4 },
        { x: 3, y: 9 },
      ],
    });
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('x,y\n1,1\n2,4\n3,9\n');
    expect(readFileSync(join(out, 'a.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect([...readFileSync(join(out, 'a.png')).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readFileSync(join(out, 'a.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(report.results.map((r) => [r.status, r.files])).toEqual([
      ['written', resultFiles('a')],
      ['absent', []],
    ]);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toBe(report.summaryMarkdown);
    expect(summary).toContain('3 points');
    expect(summary).toContain('   Files: `a.json`, `a.csv`, `a.svg`, `a.png`, `a.pdf`.');
    expect(summary).toContain('NOT PRODUCED: needs fooBar');
  });

  it('stops at the next unit of work once interrupted, leaving only whole files and no temporary ones', async () => {
    const out = tempDir();
    let units = 0;
    const progress = { start: () => undefined, advance: () => void units++, stop: () => undefined };
    // interrupted during the second result: the first one's files are whole, the second's absent
    await expect(
      runReproduce([lineExperiment('first', 2), lineExperiment('second', 5)], {
        out,
        mode: 'quick',
        progress,
        isInterrupted: () => units >= 4,
      }),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(readdirSync(out).sort()).toEqual(['first.csv', 'first.json', 'first.pdf', 'first.png', 'first.svg']);
    expect(JSON.parse(readFileSync(join(out, 'first.json'), 'utf8')).rows).toHaveLength(2);
    // rerunning completes
    const report = await runReproduce([lineExperiment('first', 2), lineExperiment('second', 5)], { out, mode: 'quick' });
    expect(report.results.every((r) => r.status === 'written')).toBe(true);
    expect(readdirSync(out)).toHaveLength(11);
  });

  it('removes temporary files a killed run left behind, and nothing else', () => {
    const out = tempDir();
    writeFileSync(join(out, '.a.png.0123456789ab.tmp'), 'partial');
    writeFileSync(join(out, 'a.png'), 'whole');
    writeFileSync(join(out, '.notes.tmp'), 'not ours');
    removeStaleTempFiles(out);
    expect(readdirSync(out).sort()).toEqual(['.notes.tmp', 'a.png']);
    expect(existsSync(join(out, 'a.png'))).toBe(true);
  });
});
