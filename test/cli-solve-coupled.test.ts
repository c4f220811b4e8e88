/**
 * `jepa-dynamics solve --coupled` and `--method rodas4` end to end: all features as one stiff
 * system, checked against the closed-form JEPA t(u) of docs/math.md §3 (written here, independent
 * of the code under test), plus the flag rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uAt } from './support/oracles/index.js';
import { runCli } from './support/runCli.js';

/** docs/math.md §3, JEPA per-layer: t(u) in closed form, inverted by bisection; w̄ = u^L. */
function exactWbar(sigma2: number, rho: number, L: number, eps: number, t: number): number {
  return uAt('jepa', L, sigma2 * rho, rho, eps, t) ** L;
}

describe('jepa-dynamics solve --coupled / --method rodas4', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-coupled-'));
  const features = [
    { sigma2: 0.01, rho: 0.5 },
    { sigma2: 1, rho: 0.7 },
    { sigma2: 100, rho: 0.3 },
  ];
  const file = join(dir, 'features.json');
  beforeAll(() => {
    writeFileSync(file, JSON.stringify(features));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--coupled integrates all features as one system with rodas4 and matches the closed form; JSON has coupled and stats', () => {
    const r = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '3',
      '--features',
      file,
      '--epsilon',
      '1e-3',
      '--t-end',
      '1e5',
      '--points',
      '5',
      '--coupled',
      '--rtol',
      '1e-8',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      t: number[];
      wbar: number[][];
      method: string;
      coupled: boolean;
      stats: { nfev: number; njev: number; nlu: number };
    };
    expect(out.method).toBe('rodas4');
    expect(out.coupled).toBe(true);
    expect(out.stats.njev).toBeGreaterThan(0);
    expect(out.t).toEqual([0, 25000, 50000, 75000, 100000]);
    features.forEach((f, i) =>
      out.t.forEach((t, k) => {
        // rtol 1e-8 with the default atol 1e-3·rtol·ε^{1/L}: relative accuracy ~1e-7 on w̄.
        const w = exactWbar(f.sigma2, f.rho, 3, 1e-3, t);
        expect(Math.abs(out.wbar[i][k] - w) / w).toBeLessThan(1e-6);
      }),
    );
  });

  it('--method rodas4 works feature by feature as well', () => {
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
      '1e-2',
      '--t-end',
      '1000',
      '--points',
      '3',
      '--method',
      'rodas4',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { t: number[]; wbar: number[][] };
    expect(out.t).toEqual([0, 500, 1000]);
    out.t.forEach((t, k) => expect(Math.abs(out.wbar[0][k] - exactWbar(2, 0.5, 2, 1e-2, t)) / out.wbar[0][k]).toBeLessThan(1e-6));
  });

  it('--coupled with another formulation is a usage error (exit 2); with an explicit method on a stiff set, the integration fails (exit 3: the trajectory exists, the computation could not reach it)', () => {
    const bad = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '3',
      '--features',
      file,
      '--epsilon',
      '1e-3',
      '--t-end',
      '1e5',
      '--coupled',
      '--formulation',
      'layerwise',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--coupled/);
    expect(bad.stderr).toMatch(/layerwise/);
    const stiff = runCli([
      'solve',
      '--objective',
      'jepa',
      '--depth',
      '3',
      '--features',
      file,
      '--epsilon',
      '1e-3',
      '--t-end',
      '1e5',
      '--coupled',
      '--method',
      'dopri5',
      '--rtol',
      '1e-6',
    ]);
    expect(stiff.status).toBe(3);
    expect(stiff.stdout).toBe('');
    expect(stiff.stderr.trim().split('\n')).toHaveLength(1);
    expect(stiff.stderr).toMatch(/stiff/);
  });
});
