/**
 * `simulate --covariances FILE`: training with full covariances read in the modes of
 * Σyx v = ρ Σxx v. Checked against the per-feature route (diagonal covariances: the modes
 * are the features, and the trained times are simulate --features' step-exact crossings)
 * and against the 2×2 generalised eigenvalues written out here (a rotated pair); bad files
 * and refused combinations exit 2 with one sentence.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedFormCriticalTime } from './support/oracles/index.js';
import { runCli } from './support/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'jd-simcov-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

interface Mode {
  rho: number;
  sigma2: number;
  lambda: number;
  predicted: number | null;
  learnedAt: number | null;
}
interface Report {
  t: number[];
  amplitude: number[][];
  leakage: number[];
  modes: Mode[];
  order: { predicted: { order: number[] }; trained: { order: number[] } };
  status: string;
  d: number;
}

const common = ['--objective', 'jepa', '--depth', '2', '--epsilon', '0.01', '--lr', '0.05', '--steps', '20000', '--json'];

describe('simulate --covariances', () => {
  it('diagonal covariances: the modes are the features, trained within one step of simulate --features, predicted = the closed form', () => {
    // features A = (λ 1.5, ρ 0.9), B = (λ 0.8, ρ 0.4): σ² = λ/ρ
    const path = write('diag.json', {
      sxx: [
        [1.5 / 0.9, 0],
        [0, 2],
      ],
      syx: [
        [1.5, 0],
        [0, 0.8],
      ],
    });
    const r = runCli(['simulate', '--covariances', path, ...common, '--record-every', '1']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.status).toBe('completed');
    const features = write('features.json', [
      { lambda: 1.5, rho: 0.9 },
      { lambda: 0.8, rho: 0.4 },
    ]);
    const perFeature = runCli(['simulate', '--features', features, ...common, '--record-every', '1']);
    expect(perFeature.status, perFeature.stderr).toBe(0);
    const simulated = (JSON.parse(perFeature.stdout) as { criticalTimes: { simulated: (number | null)[] } }).criticalTimes.simulated;
    const expected = [
      { lambda: 1.5, rho: 0.9 },
      { lambda: 0.8, rho: 0.4 },
    ];
    report.modes.forEach((m, k) => {
      expect(Math.abs(m.rho - expected[k].rho)).toBeLessThan(1e-14);
      const exact = closedFormCriticalTime('jepa', 2, expected[k].lambda, expected[k].rho, 0.01) ?? Number.NaN;
      expect(Math.abs((m.predicted ?? Number.NaN) - exact) / exact).toBeLessThan(1e-10);
      // records one step (η = 0.05) apart; the per-feature run detects the crossing at its step
      expect(Math.abs((m.learnedAt ?? Number.NaN) - (simulated[k] ?? Number.NaN))).toBeLessThanOrEqual(0.05);
    });
    expect(Math.max(...report.leakage)).toBe(0);
  });

  it('a rotated pair: ρ are the roots of det(Σyx − ρΣxx) = 0, each mode learned, the text output names both orders', () => {
    const [c, s] = [Math.cos(0.3), Math.sin(0.3)];
    const S = [
      [1.5 * c * c + 0.8 * s * s, (1.5 - 0.8) * c * s],
      [(1.5 - 0.8) * c * s, 1.5 * s * s + 0.8 * c * c],
    ];
    const sxx = [
      [S[0][0] + 0.2, S[0][1]],
      [S[1][0], S[1][1] + 0.9],
    ];
    const path = write('rotated.json', { sxx, syx: S });
    const r = runCli(['simulate', '--covariances', path, ...common]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    // det(S − ρ X) = 0: a ρ² + b ρ + c = 0 with a = det X, b = −(S00 X11 + S11 X00 − 2 S01 X01), c = det S
    const a = sxx[0][0] * sxx[1][1] - sxx[0][1] ** 2;
    const b = -(S[0][0] * sxx[1][1] + S[1][1] * sxx[0][0] - 2 * S[0][1] * sxx[0][1]);
    const cc = S[0][0] * S[1][1] - S[0][1] ** 2;
    const root = Math.sqrt(b * b - 4 * a * cc);
    const rhos = [(-b + root) / (2 * a), (-b - root) / (2 * a)];
    report.modes.forEach((m, k) => expect(Math.abs(m.rho - rhos[k])).toBeLessThan(1e-13));
    expect(report.modes.every((m) => m.learnedAt !== null && m.predicted !== null)).toBe(true);
    expect(Math.max(...report.leakage)).toBeGreaterThan(0);
    const text = runCli(['simulate', '--covariances', path, ...common.filter((x) => x !== '--json')]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/learning order \(trained\): 0, 1\nlearning order \(formula\): 0, 1\n$/);
  });

  it('bad covariances and refused combinations exit 2 with one sentence naming the value', () => {
    const base = ['--objective', 'jepa', '--depth', '2', '--epsilon', '0.01', '--lr', '0.05', '--steps', '10'];
    const cases: [string[], RegExp][] = [
      [
        [
          '--covariances',
          write('indefinite.json', {
            sxx: [
              [1, 2],
              [2, 1],
            ],
            syx: [
              [1, 0],
              [0, 1],
            ],
          }),
          ...base,
        ],
        /"sxx" must be positive definite/,
      ],
      [
        [
          '--covariances',
          write('asym.json', {
            sxx: [
              [1, 0],
              [0, 1],
            ],
            syx: [
              [1, 0.5],
              [0, 1],
            ],
          }),
          ...base,
        ],
        /"syx" .*symmetric/,
      ],
      [
        [
          '--covariances',
          write('ok.json', {
            sxx: [
              [1, 0],
              [0, 1],
            ],
            syx: [
              [1, 0],
              [0, 0.5],
            ],
          }),
          '--d',
          '3',
          ...base,
        ],
        /--d 3 does not match/,
      ],
      [['--covariances', join(dir, 'ok.json'), '--samples', '64', ...base], /--samples is not available with --covariances/],
      [['--covariances', join(dir, 'ok.json'), '--backend', 'js', ...base], /drop --backend js/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['simulate', ...args]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
