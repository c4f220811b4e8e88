/**
 * `jepa-dynamics solve` end to end: trajectories against the closed-form MAE L = 1 solution
 * `u(t)² = ρ/(1 + C e^{−2λt})`, `C = (ρ − ε²)/ε²` (u' = σ² u (ρ − u²)), the features file,
 * CSV, and bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maeDepthOneU, uAt } from './support/oracles/index.js';
import { expectFailure, runCli, withFlag } from './support/runCli.js';

describe('jepa-dynamics solve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-solve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--json gives t and wbar[i][k] matching the closed form (MAE, L = 1), for every formulation and method', () => {
    for (const formulation of ['per-layer', 'end-to-end', 'layerwise']) {
      for (const method of ['dopri5', 'dop853']) {
        const r = runCli([
          'solve',
          '--objective',
          'mae',
          '--depth',
          '1',
          '--lambda',
          '1',
          '--rho',
          '1',
          '--epsilon',
          '0.01',
          '--t-end',
          '8',
          '--points',
          '5',
          '--formulation',
          formulation,
          '--method',
          method,
          '--json',
        ]);
        expect(r.status, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as { t: number[]; wbar: number[][] };
        expect(out.t).toEqual([0, 2, 4, 6, 8]);
        expect(out.wbar).toHaveLength(1);
        out.t.forEach((t, k) => {
          const expected = maeDepthOneU(1, 1, 0.01, t);
          // rtol 1e-10 (default) with a moderate condition number here: 1e-8 relative
          expect(Math.abs(out.wbar[0][k] - expected) / expected).toBeLessThan(1e-8);
        });
      }
    }
  });

  it('--features FILE integrates each feature; CSV by default; --time paper rescales time', () => {
    const file = join(dir, 'features.json');
    writeFileSync(
      file,
      JSON.stringify([
        { lambda: 1, rho: 1 },
        { sigma2: 0.5, rho: 4 },
      ]),
    );
    const r = runCli([
      'solve',
      '--objective',
      'mae',
      '--depth',
      '1',
      '--features',
      file,
      '--epsilon',
      '0.1',
      '--t-end',
      '3',
      '--points',
      '4',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('t,wbar_0,wbar_1');
    expect(lines).toHaveLength(5);
    for (const line of lines.slice(1)) {
      const [t, w0, w1] = line.split(',').map(Number);
      expect(Math.abs(w0 - maeDepthOneU(1, 1, 0.1, t)) / w0).toBeLessThan(1e-8);
      expect(Math.abs(w1 - maeDepthOneU(2, 4, 0.1, t)) / w1).toBeLessThan(1e-8);
    }
    // paper time τ = L t: at depth 2, w̄ at τ = 2 is w̄ at t = 1; both against the closed-form JEPA
    // t(u) of docs/math.md §3 (σ² = λ/ρ = 0.5, u0 = √0.1), 1e-8 relative as above
    const exact = uAt('jepa', 2, 1, 2, 0.1, 1) ** 2;
    const gfRun = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '2',
      '--lambda',
      '1',
      '--rho',
      '2',
      '--epsilon',
      '0.1',
      '--t-end',
      '1',
      '--points',
      '2',
      '--json',
    ]);
    const paperRun = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '2',
      '--lambda',
      '1',
      '--rho',
      '2',
      '--epsilon',
      '0.1',
      '--t-end',
      '2',
      '--points',
      '2',
      '--time',
      'paper',
      '--json',
    ]);
    expect([gfRun.status, paperRun.status]).toEqual([0, 0]);
    const gf = JSON.parse(gfRun.stdout) as { t: number[]; wbar: number[][] };
    const paper = JSON.parse(paperRun.stdout) as { t: number[]; wbar: number[][] };
    expect(gf.t).toEqual([0, 1]);
    expect(paper.t).toEqual([0, 2]);
    expect(Math.abs(gf.wbar[0][1] - exact) / exact).toBeLessThan(1e-8);
    expect(Math.abs(paper.wbar[0][1] - exact) / exact).toBeLessThan(1e-8);
  });

  it.each([
    [['--depth', '0'], '--depth'],
    [['--depth', '2.5'], '--depth'],
    [['--epsilon', '-1'], '--epsilon'],
    [['--rho', 'abc'], '--rho'],
    [['--sigma2', '0'], '--sigma2'],
    [['--objective', 'byol'], '--objective'],
    [['--t-end', '0'], '--t-end'],
    [['--points', '1'], '--points'],
    [['--method', 'rk4'], '--method'],
    [['--formulation', 'matrix'], '--formulation'],
    [['--sigma2', '5'], '--lambda'],
  ])('bad input %j exits 2 naming %s', (override, flag) => {
    const args = ['solve', '--objective', 'mae', '--depth', '2', '--lambda', '1', '--rho', '2', '--epsilon', '0.1', '--t-end', '1'];
    const r = runCli(withFlag(args, override[0], override[1]));
    expectFailure(r, 2, flag);
  });

  it('bad features files and missing flags exit 2', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{not json');
    const inconsistent = join(dir, 'inconsistent.json');
    writeFileSync(
      inconsistent,
      JSON.stringify([
        { lambda: 1, rho: 2 },
        { lambda: 1, rho: 2, sigma2: 3 },
      ]),
    );
    const common = ['solve', '--objective', 'mae', '--depth', '2', '--epsilon', '0.1', '--t-end', '1'];
    for (const [args, text] of [
      [[...common, '--features', join(dir, 'missing.json')], '--features'],
      [[...common, '--features', bad], '--features'],
      [[...common, '--features', inconsistent], 'entry 1'],
      [[...common, '--features', inconsistent, '--lambda', '1'], '--features'],
      [[...common], '--lambda'],
      [['solve', '--objective', 'mae', '--depth', '2', '--lambda', '1', '--rho', '2', '--epsilon', '0.1'], '--t-end'],
    ] as const) {
      const r = runCli([...args]);
      expectFailure(r, 2, text);
    }
  });
});
