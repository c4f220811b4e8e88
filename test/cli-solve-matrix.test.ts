/**
 * `jepa-dynamics solve --matrix` end to end: the full matrix flow on diagonal covariances
 * against the closed-form critical times of docs/math.md §3 (test oracles, independent of
 * the code under test), full covariances from a file, and bad input (exit 2, one sentence).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedFormCriticalTime, uAt } from './support/oracles/index.js';
import { runCli } from './support/runCli.js';

describe('jepa-dynamics solve --matrix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-matrix-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const base = ['solve', '--matrix', '--objective', 'jepa', '--depth', '2', '--epsilon', '1e-3'];

  it('diagonal covariances from --features: each W̄_ii crosses ½ρ² at the closed-form t* (1e-7), W̄_ii at T is the exact solution (1e-8)', () => {
    const features = [
      { sigma2: 1, rho: 0.7 },
      { sigma2: 2, rho: 0.4 },
      { sigma2: 0.5, rho: 0.9 },
    ];
    const tStar = features.map((f) => closedFormCriticalTime('jepa', 2, f.sigma2 * f.rho, f.rho, 1e-3) ?? Number.NaN);
    const tEnd = 1.5 * Math.max(...tStar);
    const r = runCli([...base, '--features', file('f.json', features), '--t-end', String(tEnd), '--points', '3', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      t: number[];
      wbar: number[][];
      singularValues: number[][];
      featureCriticalTimes: number[];
      d: number;
      method: string;
    };
    expect(out.d).toBe(3);
    expect(out.method).toBe('bdf');
    expect(out.t).toHaveLength(3);
    // the crossing inherits the state's error (rtol 1e-10) amplified ~2L − 1 on the plateau: 1e-7 leaves room
    out.featureCriticalTimes.forEach((t, i) => expect(Math.abs(t - tStar[i]) / tStar[i]).toBeLessThan(1e-7));
    features.forEach((f, i) => {
      const exact = uAt('jepa', 2, f.sigma2 * f.rho, f.rho, 1e-3, tEnd) ** 2;
      expect(Math.abs(out.wbar[i][2] - exact) / exact).toBeLessThan(1e-8);
    });
  });

  it('--covariances FILE with full matrices and a random init: CSV with the singular values of W̄', () => {
    const path = file('c.json', {
      sxx: [
        [2, 0.5],
        [0.5, 1],
      ],
      syx: [
        [0.8, 0.1],
        [0.2, 0.4],
      ],
    });
    const r = runCli([...base, '--covariances', path, '--init', 'random', '--seed', '3', '--t-end', '100', '--points', '3']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('t,sigma_0,sigma_1');
    expect(lines).toHaveLength(4);
    // at t = 0 a random balanced init has W̄ = ε·(orthogonal): both singular values ε
    lines[1]
      .split(',')
      .slice(1)
      .forEach((s) => expect(Math.abs(Number(s) - 1e-3)).toBeLessThan(1e-15));
  });

  it.each([
    [
      'a Σxx that is not positive definite',
      {
        sxx: [
          [1, 2],
          [2, 1],
        ],
        syx: [
          [1, 0],
          [0, 1],
        ],
      },
      [],
      /"sxx" must be positive definite/,
    ],
    [
      'a non-symmetric Σxx',
      {
        sxx: [
          [1, 0.5],
          [0, 1],
        ],
        syx: [
          [1, 0],
          [0, 1],
        ],
      },
      [],
      /"sxx" must be symmetric/,
    ],
    [
      'a Σyx of another order',
      {
        sxx: [
          [1, 0],
          [0, 1],
        ],
        syx: [[1]],
      },
      [],
      /"syx" must be 2×2/,
    ],
    ['a non-finite entry', '{"sxx": [[1, 0], [0, "x"]], "syx": [[1, 0], [0, 1]]}', [], /"sxx"\[1\]\[1\] must be a finite number; got "x"/],
    ['a file that is not JSON', 'sxx = 1', [], /must be JSON/],
    [
      'a --d that does not match',
      {
        sxx: [
          [1, 0],
          [0, 1],
        ],
        syx: [
          [1, 0],
          [0, 1],
        ],
      },
      ['--d', '3'],
      /--d 3 does not match/,
    ],
  ])('rejects %s: exit 2 and one sentence naming it', (_label, content, extra, message) => {
    const r = runCli([...base, '--covariances', file('bad.json', content), ...extra, '--t-end', '10']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('--d, --init, --seed and --covariances need --matrix', () => {
    const r = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '2',
      '--lambda',
      '1',
      '--rho',
      '0.5',
      '--epsilon',
      '1e-3',
      '--t-end',
      '10',
      '--d',
      '3',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--d needs --matrix/);
  });
});
