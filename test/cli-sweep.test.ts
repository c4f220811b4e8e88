/**
 * `jepa-dynamics sweep` on this machine (the built program, as a user runs it): bad
 * specifications exit 2 with one sentence naming the field; two worker threads give the
 * serial run's results bit for bit; --dry-run counts and estimates without writing; Ctrl-C
 * stops with 130 and a rerun executes only the missing runs; CSV, summary and figure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, expectFailure, root, runCli } from './support/runCli.js';
import { seedStudySpec } from './support/seedStudy.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jd-sweep-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function spec(name: string, value: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

interface Record {
  id: string;
  index: number;
  run: { kind: string; settings: { seed?: number } };
  outcome: { ok: boolean };
}

function records(out: string): Record[] {
  return readFileSync(join(out, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record);
}

/** A training sweep: `count` seeds of random init, three features, L = 3 (each run a fraction of a second). */
function trainingSpec(count: number, steps: number): unknown {
  return seedStudySpec('seed study', count, steps);
}

describe('sweep: bad input exits 2 with one sentence naming the field', () => {
  it('a file that is missing, not JSON, or breaks a rule', () => {
    expectFailure(runCli(['sweep', join(dir, 'missing.json')]), 2, 'missing.json cannot be read');
    expectFailure(runCli(['sweep', spec('notjson', '{ "command": ')]), 2, /notjson\.json is not JSON/);
    expectFailure(
      runCli(['sweep', spec('cmd', { command: 'train' })]),
      2,
      /cmd\.json: command must be 'critical-time', 'solve', 'simulate', 'matrix-flow' or 'simulate-modes'; got "train"\./,
    );
    const base = { command: 'critical-time', settings: { objective: 'jepa', lambda: 1, rho: 1, epsilon: 1e-3 } };
    expectFailure(
      runCli(['sweep', spec('axis', { ...base, axes: { depth: [1, 0] } })]),
      2,
      /axis\.json: axes\.depth\[1\] must be an integer ≥ 1; got 0\./,
    );
    expectFailure(
      runCli(['sweep', spec('field', { ...base, axes: { depth: [1] }, figure: { type: 'pie' } })]),
      2,
      /field\.json: figure\.type must be 'heatmap' or 'line'/,
    );
    expectFailure(
      runCli(['sweep', spec('ok', { ...base, axes: { depth: [1] } }), '--workers', '0']),
      2,
      '--workers must be an integer from 1 to 1024',
    );
    expectFailure(runCli(['sweep', spec('ok', { ...base, axes: { depth: [1] } }), '--detach']), 2, '--detach needs --queue');
  });
});

describe('sweep: local runs', () => {
  it('two worker threads give the serial run’s results bit for bit; results.csv holds every setting; summary and figure', () => {
    const path = spec('pool', trainingSpec(8, 600));
    const serial = runCli(['sweep', path, '--workers', '1', '--out', join(dir, 'serial'), '--json']);
    expect(serial.status, serial.stderr).toBe(0);
    const pooled = runCli(['sweep', path, '--workers', '2', '--out', join(dir, 'pooled'), '--json']);
    expect(pooled.status, pooled.stderr).toBe(0);
    expect(JSON.parse(pooled.stdout)).toMatchObject({ executor: '2 worker threads', runs: 8, ran: 8, skipped: 0, failed: 0, missing: 0 });
    expect(JSON.parse(serial.stdout)).toMatchObject({ executor: 'serial', runs: 8, ran: 8 });
    // the same runs, by id, with the same outcome JSON (JSON text: −0, NaN and key order would show)
    const byId = (out: string): Map<string, string> => new Map(records(out).map((r) => [r.id, JSON.stringify(r.outcome)]));
    const a = byId(join(dir, 'serial'));
    const b = byId(join(dir, 'pooled'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [id, outcome] of a) expect(b.get(id), id).toBe(outcome);
    expect(new Set(a.values()).size).toBe(8); // eight seeds, eight different trainings
    // the final table is in plan order, whatever order the threads finished in
    const csv = readFileSync(join(dir, 'pooled', 'results.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'run,objective,depth,features,epsilon,lr,steps,init,seed,status,stoppedAt,maxDeviation,tSimulated_0,tSimulated_1,tSimulated_2,tPredicted_0,tPredicted_1,tPredicted_2,orderSimulated,orderPredicted,orderAgrees,error',
    );
    expect(csv.slice(1).map((line) => Number(line.split(',')[0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(csv[1]).toContain(',"[{""lambda"":1,""rho"":1},{""lambda"":0.5,""rho"":2},{""lambda"":0.2,""rho"":0.6}]",');
    expect(readFileSync(join(dir, 'pooled', 'summary.md'), 'utf8')).toMatch(
      /^# seed study\n[\s\S]*Finished: 8 of 8\.\n[\s\S]*\| maxDeviation \| 8 \|/,
    );
    expect(
      readFileSync(join(dir, 'pooled', 'figure.svg'), 'utf8')
        .trimEnd()
        .endsWith('</svg>'),
    ).toBe(true);
  });

  it('some runs failed: exit 3 with one sentence on stderr (the shared mapping of main), the other results written', () => {
    // ε = 1e-300 at L = 2: t* ~ ε^{−3/2} overflows double precision, which the 'ode' method reports by throwing
    const path = spec('partly', {
      command: 'critical-time',
      settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, method: 'ode' },
      axes: { epsilon: [1e-3, 1e-300] },
    });
    const out = join(dir, 'partly');
    const r = runCli(['sweep', path, '--workers', '1', '--out', out]);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toBe(`jepa-dynamics: 1 of 2 runs failed (see ${out}/summary.md); the other results are written.\n`);
    expect(records(out).map((x) => x.outcome.ok)).toEqual([true, false]);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('overflows double precision');
  });

  it('--dry-run prints the number of runs and an estimate, and writes nothing', () => {
    const out = join(dir, 'dry');
    const r = runCli(['sweep', spec('dry', trainingSpec(12, 200)), '--out', out, '--dry-run', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      runs: number;
      finished: number;
      sampled: number;
      secondsPerRun: number;
      estimatedSeconds: number;
      lanes: number;
    };
    expect(report).toMatchObject({ runs: 12, finished: 0, sampled: 5 });
    expect(report.estimatedSeconds).toBeCloseTo((report.secondsPerRun * 12) / report.lanes, 10);
    expect(existsSync(out)).toBe(false);
    const text = runCli(['sweep', join(dir, 'dry.json'), '--out', out, '--dry-run', '--workers', '2']);
    expect(text.stdout).toMatch(
      /^12 runs of simulate \(0 already finished in .*, 12 to run\)\. A sample of 5 runs took .* each on average: about .* on 2 worker threads, if the sample is typical\.\n$/,
    );
  });

  it('Ctrl-C stops with 130 and complete lines; a rerun executes only the missing runs (counted)', async () => {
    const path = spec('resume', trainingSpec(24, 2500));
    const out = join(dir, 'resume');
    const first = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'sweep', path, '--out', out, '--workers', '2'], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const timer = setInterval(() => {
        if (existsSync(join(out, 'results.jsonl')) && readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').length > 3) {
          clearInterval(timer);
          child.kill('SIGINT');
        }
      }, 10);
      child.on('error', reject);
      child.on('close', (code) => {
        clearInterval(timer);
        resolve({ code, stderr });
      });
    });
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toMatch(/sweep interrupted after \d+ runs \(\d+ not finished\); .* rerun the same command to resume\.\n$/);
    const done = records(out);
    expect(done.length).toBeGreaterThanOrEqual(3);
    expect(done.length).toBeLessThan(24);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').endsWith('\n')).toBe(true);
    const second = runCli(['sweep', path, '--out', out, '--workers', '2', '--json']);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      runs: 24,
      skipped: done.length,
      ran: 24 - done.length,
      missing: 0,
      interrupted: false,
    });
    const all = records(out);
    expect(all).toHaveLength(24);
    expect(new Set(all.map((r) => r.id)).size).toBe(24);
    expect(new Set(all.map((r) => r.run.settings.seed))).toEqual(new Set(Array.from({ length: 24 }, (_, i) => i)));
    // a third run has nothing left to do
    expect(JSON.parse(runCli(['sweep', path, '--out', out, '--json']).stdout)).toMatchObject({ skipped: 24, ran: 0 });
  });
});
