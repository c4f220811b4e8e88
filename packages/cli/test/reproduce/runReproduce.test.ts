/**
 * The command line's `reproduce` runner: what it writes for each result (JSON, CSV, SVG,
 * PNG, PDF) and summary.md, and that the output folder changes only as a whole, at the end of
 * a run, with small stand-in experiments (the real results are checked in
 * test/reproduce.test.ts; the runner beneath it in packages/experiments/test/runExperiments.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InterruptedError } from '@jepa-dynamics/experiments';
import { resultFiles, runReproduce } from '../../src/reproduce/runReproduce.js';
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

  it('once interrupted, stops at the next unit of work and leaves the previous folder exactly as it was; a rerun completes', async () => {
    const out = join(tempDir(), 'results');
    // a complete earlier run ('full', 3 and 5 points)
    await runReproduce([lineExperiment('first', 3), lineExperiment('second', 5)], { out, mode: 'full' });
    const before = snapshot(out);
    expect(Object.keys(before)).toHaveLength(11);
    let units = 0;
    const progress = { start: () => undefined, advance: () => void units++, stop: () => undefined };
    // a 'quick' rerun (2 points each), interrupted during its second result, after the first one's files were written
    await expect(
      runReproduce([lineExperiment('first', 2), lineExperiment('second', 2)], {
        out,
        mode: 'quick',
        progress,
        isInterrupted: () => units >= 3,
      }),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('Run: full');
    // nothing is left beside it
    expect(readdirSync(join(out, '..'))).toEqual(['results']);
    // rerunning completes, all of one run
    const report = await runReproduce([lineExperiment('first', 2), lineExperiment('second', 2)], { out, mode: 'quick' });
    expect(report.results.every((r) => r.status === 'written')).toBe(true);
    expect(readdirSync(out)).toHaveLength(11);
    expect(JSON.parse(readFileSync(join(out, 'first.json'), 'utf8')).rows).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(out, 'second.json'), 'utf8')).rows).toHaveLength(2);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('Run: quick');
  });

  it('removes staging folders that killed runs left beside the output folder, and nothing else', async () => {
    const parent = tempDir();
    const out = join(parent, 'results');
    // pid 2^22 + 1 is above Linux's pid_max: no such process
    mkdirSync(join(parent, '.results.reproduce-4194305-abc123'));
    writeFileSync(join(parent, '.results.reproduce-4194305-abc123', 'a.png'), 'partial');
    mkdirSync(join(parent, '.results.replaced-4194305-def456'));
    // a run still alive (this process) keeps its folder; unrelated names are never touched
    mkdirSync(join(parent, `.results.reproduce-${process.pid}-ghi789`));
    writeFileSync(join(parent, '.notes.tmp'), 'not ours');
    await runReproduce([lineExperiment('a', 1)], { out, mode: 'quick' });
    expect(readdirSync(parent).sort()).toEqual(['.notes.tmp', `.results.reproduce-${process.pid}-ghi789`, 'results']);
    expect(existsSync(join(out, 'a.png'))).toBe(true);
  });
});

/** Every file of a folder with its bytes (hex), by name. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name)).toString('hex')]),
  );
}
