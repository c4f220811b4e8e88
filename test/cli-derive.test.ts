import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { jepaTime, maeTime } from '@jepa-dynamics/symbolic/evaluators';
import { closedFormCriticalTime } from './support/oracles/index.js';
import { expectFailure, runCli } from './support/runCli.js';

const work = mkdtempSync(join(tmpdir(), 'jd-derive-js-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The module `derive --format js` printed, saved as a file and imported as a user would. */
interface DerivedModule {
  tOfU: (u: number, lambda: number, rho: number, epsilon: number) => number;
  criticalTime: (lambda: number, rho: number, epsilon: number, p: number) => number | null;
}

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
    it(`--format js (${objective}, L = ${L}) prints an ES module whose exports equal the library's evaluators and the closed form of docs/math.md §3`, async () => {
      const r = runCli(['derive', '--objective', objective, '--depth', String(L), '--format', 'js']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^export function tOfU\(/m);
      expect(r.stdout).toMatch(/^export function criticalTime\(/m);
      const file = join(work, `${objective}-${L}.mjs`);
      writeFileSync(file, r.stdout);
      const mod = (await import(pathToFileURL(file).href)) as DerivedModule;
      const evaluator = objective === 'jepa' ? jepaTime(L) : maeTime(L);
      for (const [lam, rho, eps, p] of [
        [1, 1, 1e-3, 0.5],
        [0.2, 3.5, 1e-6, 0.9],
        [40, 0.3, 1e-5, 0.1],
      ]) {
        const a = mod.criticalTime(lam, rho, eps, p) ?? Number.NaN;
        // the same arithmetic as the library's evaluator with the depth inlined: 1e-13 relative
        expect(Math.abs(a - (evaluator.tStar(lam, rho, eps, p) ?? Number.NaN)) / a, JSON.stringify([lam, rho, eps, p])).toBeLessThan(1e-13);
        const u = 0.5 * (Math.pow(eps, 1 / L) + (objective === 'jepa' ? rho : Math.pow(rho, 1 / (L + 1))) * Math.pow(p, 1 / L));
        const t = mod.tOfU(u, lam, rho, eps);
        expect(Math.abs(t - evaluator.tOfU(u, lam, rho, eps)) / t).toBeLessThan(1e-13);
        const b = closedFormCriticalTime(objective, L, lam, rho, eps, p) ?? Number.NaN;
        // two double-precision evaluations of one closed form by different groupings (the reference is
        // checked against 40-digit mpmath in test/oracles.test.ts): 1e-12 relative
        expect(Math.abs(a - b) / b, JSON.stringify([lam, rho, eps, p])).toBeLessThan(1e-12);
      }
      // ε = 0.9 is not below p·w̄∞ = 0.5 (ρ = 1): no critical time
      expect(mod.criticalTime(1, 1, 0.9, 0.5)).toBeNull();
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
