/**
 * Ctrl-C during `jepa-dynamics reproduce` (the built program, as a user runs it): it stops
 * with status 130 and leaves the output folder exactly as the previous run left it (the
 * run writes into a staging folder beside it, swapped in only at the end), with nothing
 * left beside it; a rerun completes. (`--out` values refused before computing are rows of
 * test/cli-bad-input.test.ts.)
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '@jepa-dynamics/experiments';
import { spawnCli } from './support/runCli.js';

let parent = '';
let out = '';
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'jd-interrupt-'));
  out = join(parent, 'results');
});
afterAll(() => {
  if (parent !== '') rmSync(parent, { recursive: true, force: true });
});

/** The staging folder of a run in progress, if any. */
function stagingFolder(): string | undefined {
  const name = readdirSync(parent).find((f) => f.startsWith('.results.reproduce-'));
  return name === undefined ? undefined : join(parent, name);
}

/** Runs `reproduce --quick`; with `interruptMidRun`, sends SIGINT once the run has written its first file (into its staging folder). */
function reproduce(interruptMidRun: boolean): ReturnType<typeof spawnCli> {
  let timer: NodeJS.Timeout | undefined;
  const run = spawnCli(['reproduce', '--quick', '--out', out], {
    onSpawn: (child) => {
      if (!interruptMidRun) return;
      timer = setInterval(() => {
        const staging = stagingFolder();
        if (staging !== undefined && existsSync(staging) && readdirSync(staging).some((f) => !f.startsWith('.'))) {
          clearInterval(timer);
          child.kill('SIGINT');
        }
      }, 5);
    },
  });
  return run.finally(() => clearInterval(timer));
}

/** Every file of the output folder with its bytes (hex), by name. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(out)
      .sort()
      .map((name) => [name, readFileSync(join(out, name)).toString('hex')]),
  );
}

// per result its data (JSON, CSV) and its figure (SVG, PNG, PDF), then the summary
const expectedFiles = [
  ...EXPERIMENTS.flatMap((e) => ['json', 'csv', 'svg', 'png', 'pdf'].map((ext) => `${e.id}.${ext}`)),
  'summary.md',
].sort();

describe('reproduce and Ctrl-C', () => {
  it('an interrupted rerun leaves the previous complete folder byte for byte, nothing beside it; a rerun completes', async () => {
    const first = await reproduce(false);
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expectedFiles);
    const before = snapshot();

    const interrupted = await reproduce(true);
    expect(interrupted.status, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/^jepa-dynamics: reproduce interrupted; .* is as it was before this run, rerun to finish\.\n$/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(parent)).toEqual(['results']);

    const rerun = await reproduce(false);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expectedFiles);
    expect(readdirSync(parent)).toEqual(['results']);
    expect(rerun.stdout).toContain('# jepa-dynamics reproduce: summary');
  });
});
