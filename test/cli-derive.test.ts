import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime } from './support/oracles/index.js';
import { expectFailure, runCli } from './support/runCli.js';

describe('jepa-dynamics derive', () => {
  it('--json prints the derivation with every certificate holding', () => {
    const r = runCli(['derive', '--objective', 'jepa', '--depth', '2', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      objective: string;
      depth: number;
      dudt: { cas: string };
      tStar: { latex: string };
      allCertificatesHold: boolean;
      certificates: { holds: boolean }[];
    };
    expect(doc.objective).toBe('jepa');
    expect(doc.depth).toBe(2);
    expect(doc.dudt.cas).toBe('lam*u^4-s2*u^5');
    expect(doc.tStar.latex).toContain('\\lambda');
    expect(doc.allCertificatesHold).toBe(true);
    expect(doc.certificates.every((c) => c.holds)).toBe(true);
  });

  it('--format latex prints LaTeX in the paper notation', () => {
    const r = runCli(['derive', '--objective', 'mae', '--depth', '1', '--format', 'latex']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\\rho');
    expect(r.stdout).toContain('\\sigma^2');
  });

  for (const [objective, L] of [
    ['jepa', 3],
    ['mae', 4],
    ['mae', 1],
  ] as const) {
    it(`--format js (${objective}, L = ${L}) prints a standalone function that equals the closed form of docs/math.md §3 written for the tests`, () => {
      const r = runCli(['derive', '--objective', objective, '--depth', String(L), '--format', 'js']);
      expect(r.status).toBe(0);
      const sandbox: Record<string, unknown> = {};
      runInNewContext(`${r.stdout}\nthis.criticalTime = criticalTime; this.tOfU = tOfU;`, sandbox);
      const ct = sandbox.criticalTime as (l: number, r: number, e: number, p: number) => number | null;
      for (const [lam, rho, eps, p] of [
        [1, 1, 1e-3, 0.5],
        [0.2, 3.5, 1e-6, 0.9],
        [40, 0.3, 1e-5, 0.1],
      ]) {
        const a = ct(lam, rho, eps, p) ?? Number.NaN;
        const b = closedFormCriticalTime(objective, L, lam, rho, eps, p) ?? Number.NaN;
        // two double-precision evaluations of one closed form by different groupings (the reference is
        // checked against 40-digit mpmath in test/oracles.test.ts): 1e-12 relative
        expect(Math.abs(a - b) / b, JSON.stringify([lam, rho, eps, p])).toBeLessThan(1e-12);
      }
      // ε = 0.9 is not below p·w̄∞ = 0.5 (ρ = 1): no critical time
      expect(ct(1, 1, 0.9, 0.5)).toBeNull();
    });
  }

  it('a depth outside 1…12 exits 2 naming --depth', () => {
    const r = runCli(['derive', '--objective', 'jepa', '--depth', '13']);
    expectFailure(r, 2, '--depth', '13');
  });

  it('an unknown objective exits 2 naming --objective', () => {
    const r = runCli(['derive', '--objective', 'vae', '--depth', '2']);
    expectFailure(r, 2, '--objective', 'vae');
  });
});
