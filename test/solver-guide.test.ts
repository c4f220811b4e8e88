/**
 * Every ```ts block of docs/solver.md runs as the guide says (saved in the repository
 * root, an ES module package, and run with tsx), and none of the checks it prints is
 * false (the blocks print `true` for each claim they make). One tsx process runs all
 * the blocks in turn, each as its own module.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const guide = readFileSync(new URL('../docs/solver.md', import.meta.url), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = mkdtempSync(join(tmpdir(), 'solver-guide-'));
const MARK = '=== block ';
let outputs: string[] = [];
let stderr = '';
let status: number | null = null;

beforeAll(() => {
  blocks.forEach((code, k) => {
    // The guide's imports are relative to the repository root; the copies run elsewhere, as .mts.
    writeFileSync(join(dir, `block${k}.mts`), code.replaceAll("'./packages/", `'${pathToFileURL(root).href}packages/`));
  });
  const runner = blocks.map((_c, k) => `console.log(${JSON.stringify(`${MARK}${k}`)});\nawait import('./block${k}.mts');`).join('\n');
  writeFileSync(join(dir, 'run.mts'), `${runner}\n`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(dir, 'run.mts')], {
    encoding: 'utf8',
    cwd: root,
  });
  status = r.status;
  stderr = r.stderr;
  outputs = r.stdout.split(MARK).slice(1);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/solver.md', () => {
  it('has code blocks, and they all run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(status, stderr).toBe(0);
    expect(outputs).toHaveLength(blocks.length);
  });
  blocks.forEach((code, k) => {
    it(`block ${k + 1} (${code.split('\n').find((l) => l.startsWith('//')) ?? ''}) prints no false check`, () => {
      const out = outputs[k] ?? '';
      expect(out).not.toMatch(/\bfalse\b/);
      expect(out).toMatch(/\btrue\b|aborted/);
    });
  });
});
