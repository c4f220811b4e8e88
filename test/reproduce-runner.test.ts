/**
 * The `reproduce` runner's file handling, with small stand-in results (the real
 * results are checked in reproduce.test.ts): every file appears whole or not at all,
 * an interrupted run leaves no temporary file, an absent result writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runReproduce, removeStaleTempFiles } from '../packages/cli/src/reproduce/runReproduce.js';
import { toCsv } from '../packages/cli/src/reproduce/toCsv.js';
import { InterruptedError, UnavailableError, type ResultDefinition } from '../packages/cli/src/reproduce/types.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'jd-reproduce-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function lineResult(id: string, steps: number): ResultDefinition {
  return {
    id,
    title: `stand-in ${id}`,
    steps: () => steps,
    async run(ctx) {
      const rows = [];
      for (let i = 0; i < steps; i++) {
        await ctx.step(`point ${i}`);
        rows.push({ x: i + 1, y: (i + 1) ** 2 });
      }
      return {
        data: { rows },
        table: { columns: ['x', 'y'], rows },
        figure: {
          data: { values: rows },
          mark: 'line',
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
        },
        summary: `${steps} points`,
      };
    },
  };
}

const absent: ResultDefinition = {
  id: 'absent',
  title: 'needs a missing API',
  steps: () => 1,
  run: () => Promise.reject(new UnavailableError('needs fooBar from @jepa-dynamics/ode, which does not exist yet')),
};

const failing: ResultDefinition = {
  id: 'failing',
  title: 'throws',
  steps: () => 1,
  run: () => Promise.reject(new RangeError('integration ended with status stiff at t = 3')),
};

describe('runReproduce', () => {
  it('reports a result that throws as failed, writes nothing for it, and still runs the others', async () => {
    const out = tempDir();
    const report = await runReproduce([failing, lineResult('after', 2)], { out, config: { quick: true } });
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'written']);
    expect(readdirSync(out).sort()).toEqual(['after.csv', 'after.json', 'after.png', 'after.svg', 'summary.md']);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('FAILED, nothing written: RangeError: integration ended with status stiff at t = 3');
  });

  it('writes JSON, CSV, SVG and PNG per result and a summary naming each', async () => {
    const out = tempDir();
    const report = await runReproduce([lineResult('a', 3), absent], { out, config: { quick: true } });
    const files = readdirSync(out).sort();
    expect(files).toEqual(['a.csv', 'a.json', 'a.png', 'a.svg', 'summary.md']);
    expect(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8'))).toEqual({ rows: [{ x: 1, y: 1 }, { x: 2, y: 4 }, { x: 3, y: 9 }] });
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('x,y\n1,1\n2,4\n3,9\n');
    expect(readFileSync(join(out, 'a.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect([...readFileSync(join(out, 'a.png')).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(report.results.map((r) => r.status)).toEqual(['written', 'absent']);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toBe(report.summaryMarkdown);
    expect(summary).toContain('3 points');
    expect(summary).toContain('NOT PRODUCED: needs fooBar');
  });

  it('stops at the next unit of work once interrupted, leaving only whole files and no temporary ones', async () => {
    const out = tempDir();
    let units = 0;
    const progress = { start: () => undefined, advance: () => void units++, stop: () => undefined };
    // interrupted during the second result: the first one's files are whole, the second's absent
    await expect(
      runReproduce([lineResult('first', 2), lineResult('second', 5)], { out, config: { quick: true }, progress, isInterrupted: () => units >= 4 }),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(readdirSync(out).sort()).toEqual(['first.csv', 'first.json', 'first.png', 'first.svg']);
    expect(JSON.parse(readFileSync(join(out, 'first.json'), 'utf8')).rows).toHaveLength(2);
    // rerunning completes
    const report = await runReproduce([lineResult('first', 2), lineResult('second', 5)], { out, config: { quick: true } });
    expect(report.results.every((r) => r.status === 'written')).toBe(true);
    expect(readdirSync(out)).toHaveLength(9);
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

describe('toCsv', () => {
  it('quotes cells with commas, quotes or newlines and leaves non-finite numbers empty', () => {
    const csv = toCsv({ columns: ['a', 'b'], rows: [{ a: 'x,y', b: 'say "hi"' }, { a: Number.NaN, b: null }, { a: 1e-300 }] });
    expect(csv).toBe('a,b\n"x,y","say ""hi"""\n,\n1e-300,\n');
  });
});
