/**
 * Ctrl-C during `jepa-dynamics reproduce` (the built program, as a user runs it):
 * it stops with status 130, every file in the output directory is whole, no temporary
 * file is left, and a rerun completes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../packages/cli/bin/jepa-dynamics.js', import.meta.url));

let out = '';
beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'jd-interrupt-')), 'results');
});
afterAll(() => {
  if (out !== '') rmSync(join(out, '..'), { recursive: true, force: true });
});

/** Runs `reproduce --quick`; with `interruptAfterFirstFile`, sends SIGINT once the first output file exists. */
function reproduce(
  interruptAfterFirstFile: boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'reproduce', '--quick', '--out', out], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let timer: NodeJS.Timeout | undefined;
    if (interruptAfterFirstFile) {
      timer = setInterval(() => {
        if (existsSync(out) && readdirSync(out).some((f) => !f.startsWith('.'))) {
          clearInterval(timer);
          child.kill('SIGINT');
        }
      }, 5);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearInterval(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Throws unless the file is complete for its type. */
function assertWhole(path: string): void {
  const data = readFileSync(path);
  if (path.endsWith('.json')) JSON.parse(data.toString('utf8'));
  else if (path.endsWith('.csv') || path.endsWith('.md')) expect(data.toString('utf8').endsWith('\n')).toBe(true);
  else if (path.endsWith('.svg')) expect(data.toString('utf8').trimEnd().endsWith('</svg>')).toBe(true);
  // a PNG ends with its IEND chunk: length 0, "IEND", CRC ae 42 60 82
  else if (path.endsWith('.png')) expect(data.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
  // a PDF ends with its end-of-file marker
  else if (path.endsWith('.pdf')) expect(data.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  else throw new Error(`unexpected file ${path}`);
}

describe('reproduce and Ctrl-C', () => {
  it('stops with 130 leaving only whole files and no temporary ones; a rerun completes', async () => {
    const first = await reproduce(true);
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toMatch(/interrupted/);
    const left = readdirSync(out);
    expect(left.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(left).not.toContain('summary.md');
    expect(left.length).toBeGreaterThan(0);
    for (const f of left) assertWhole(join(out, f));

    const second = await reproduce(false);
    expect(second.code, second.stderr).toBe(0);
    const all = readdirSync(out).sort();
    expect(all.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(all).toHaveLength(6 * 5 + 1);
    for (const f of all) assertWhole(join(out, f));
    expect(second.stdout).toContain('# jepa-dynamics reproduce: summary');
  });

  it('an --out that cannot be a directory exits 2 naming --out, before computing anything', () => {
    const file = join(out, '..', 'a-file');
    writeFileSync(file, 'not a directory');
    const r = spawnSync(process.execPath, [bin, 'reproduce', '--quick', '--out', file], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jepa-dynamics: --out .* cannot be used as the output directory/);
    expect(r.stdout).toBe('');
  });
});
