import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime, scalarGradientDescent, uAt } from './support/oracles/index.js';
import { expectFailure, runCli } from './support/runCli.js';

interface SimulateJson {
  t: number[];
  wbar: number[][];
  ode: number[][];
  maxDeviation: number;
  perFeatureDeviation: number[];
  steps: number[];
  status: string;
  message: string;
  stoppedAt: number;
  criticalTimes: { simulated: (number | null)[]; predicted: (number | null)[] };
  order: { simulated: { order: number[] }; predicted: { order: number[] } };
  lr: number;
}

const base = ['simulate', '--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '1', '--epsilon', '0.05', '--steps', '2000'];

describe('jepa-dynamics simulate', () => {
  it('--json gives t = kη, wbar[i][k], and maxDeviation = max |wbar − ode| over records and features', () => {
    const r = runCli([...base, '--lr', '0.1', '--record-every', '20', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as SimulateJson;
    expect(out.t.length).toBe(101);
    out.t.forEach((t, k) => expect(t).toBe(out.steps[k] * 0.1));
    expect(out.steps[out.steps.length - 1]).toBe(2000);
    expect(out.wbar.length).toBe(1);
    expect(out.wbar[0][0]).toBeCloseTo(0.05, 15);
    let m = 0;
    out.wbar.forEach((w, i) => w.forEach((x, k) => (m = Math.max(m, Math.abs(x - out.ode[i][k])))));
    expect(out.maxDeviation).toBe(m);
    expect(out.maxDeviation).toBeGreaterThan(0);
    expect(out.status).toBe('completed');
    // Independent values (σ² = λ/ρ = 1, L = 2, u0 = √0.05): the simulated w̄ is the scalar recursion up to
    // rounding (measured 2e-16 over 2000 steps; test/support/oracles reduces gradient descent with aligned balanced
    // init to that recursion); the ode w̄ is the closed-form JEPA t(u) of docs/math.md §3
    // inverted by bisection, to the solver's default rtol 1e-10 amplified by a moderate condition number
    // (1e-8 relative; measured 3e-15); so the deviation is known to ~1e-8 of its 0.023.
    const gd = scalarGradientDescent('jepa', 2, 1, 1, 0.05, 0.1, 2000);
    let deviation = 0;
    out.t.forEach((t, k) => {
      const exact = uAt('jepa', 2, 1, 1, 0.05, t) ** 2;
      expect(Math.abs(out.wbar[0][k] - gd[out.steps[k]])).toBeLessThan(1e-12);
      expect(Math.abs(out.ode[0][k] - exact) / exact).toBeLessThan(1e-8);
      deviation = Math.max(deviation, Math.abs(gd[out.steps[k]] - exact));
    });
    expect(Math.abs(out.maxDeviation - deviation) / deviation).toBeLessThan(1e-6);
    // critical times: predicted from the closed form (to the evaluator's 1e-12 relative), simulated at
    // the first step where the recursion reaches p·w̄∞ = 0.5 (as t = kη)
    const predicted = closedFormCriticalTime('jepa', 2, 1, 1, 0.05) ?? Number.NaN;
    expect(Math.abs((out.criticalTimes.predicted[0] ?? Number.NaN) - predicted) / predicted).toBeLessThan(1e-12);
    expect(out.criticalTimes.simulated[0]).toBeCloseTo(gd.findIndex((w) => w >= 0.5) * 0.1, 12);
  });

  it('halving --lr (and doubling --steps) halves maxDeviation', () => {
    const a = JSON.parse(runCli([...base.slice(0, -1), '4000', '--lr', '0.05', '--record-every', '40', '--json']).stdout) as SimulateJson;
    const b = JSON.parse(runCli([...base.slice(0, -1), '8000', '--lr', '0.025', '--record-every', '80', '--json']).stdout) as SimulateJson;
    expect([a.status, b.status]).toEqual(['completed', 'completed']);
    // Euler's global error is C·η + O(η²): the ratio must be 2 ± 0.3 (the project's requirement)
    const ratio = a.maxDeviation / b.maxDeviation;
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('--features FILE trains one width per feature and reports both learning orders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jd-sim-'));
    const file = join(dir, 'features.json');
    writeFileSync(
      file,
      JSON.stringify([
        { lambda: 1, rho: 3 },
        { lambda: 2, rho: 1 },
      ]),
    );
    const r = runCli([
      'simulate',
      '--objective',
      'mae',
      '--depth',
      '1',
      '--features',
      file,
      '--epsilon',
      '0.01',
      '--lr',
      '0.01',
      '--steps',
      '1000',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as SimulateJson;
    expect(out.wbar.length).toBe(2);
    expect(out.order.predicted.order).toEqual([1, 0]);
    expect(out.order.simulated.order).toEqual([1, 0]);
    [
      { lambda: 1, rho: 3 },
      { lambda: 2, rho: 1 },
    ].forEach(({ lambda, rho }, i) => {
      // predicted: docs/math.md §3, MAE at L = 1, exact: t* = (1/(2λ)) ln[(p²/(1−p²))(ρ − ε²)/ε²], p = ½ (rounding only)
      const exact = Math.log((rho - 1e-4) / 1e-4 / 3) / (2 * lambda);
      expect(Math.abs((out.criticalTimes.predicted[i] ?? Number.NaN) - exact) / exact).toBeLessThan(1e-13);
      // simulated: the first step k at which the scalar recursion u ← u − η u(σ²u² − λ) reaches ½√ρ, as t = kη
      let u = 0.01;
      let k = 0;
      while (u < 0.5 * Math.sqrt(rho) && k < 1000) {
        u -= 0.01 * u * ((lambda / rho) * u * u - lambda);
        k++;
      }
      expect(out.criticalTimes.simulated[i]).toBeCloseTo(k * 0.01, 12);
    });
    const human = runCli([
      'simulate',
      '--objective',
      'mae',
      '--depth',
      '1',
      '--features',
      file,
      '--epsilon',
      '0.01',
      '--lr',
      '0.01',
      '--steps',
      '1000',
    ]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/max \|w̄_sim − w̄_ode\|/);
    expect(human.stdout).toMatch(/learning order \(simulated\): 1, 0/);
  });

  it('--seed makes random init reproducible; another seed changes it', () => {
    const args = [...base.slice(0, -1), '200', '--lr', '0.1', '--init', 'random', '--json'];
    const a = runCli([...args, '--seed', '3']);
    const b = runCli([...args, '--seed', '3']);
    const c = runCli([...args, '--seed', '4']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(c.stdout) as SimulateJson).wbar).not.toEqual((JSON.parse(a.stdout) as SimulateJson).wbar);
  });

  it('a diverging run prints what it recorded, names the step on stderr, and exits 1', () => {
    const r = runCli([
      'simulate',
      '--objective',
      'jepa',
      '--depth',
      '2',
      '--lambda',
      '1',
      '--rho',
      '1',
      '--epsilon',
      '2',
      '--lr',
      '5',
      '--steps',
      '1000',
      '--record-every',
      '1',
      '--json',
    ]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as SimulateJson;
    expect(out.status).toBe('diverged');
    expect(out.t.length).toBe(out.stoppedAt);
    expect(r.stderr).toMatch(new RegExp(`diverged at step ${out.stoppedAt} `));
  });

  it.each([
    [['--lr', '0'], /--lr must be a positive number/],
    [['--lr', '-0.1'], /--lr must be a positive number/],
    [['--lr', 'abc'], /--lr must be a finite number/],
    [['--lr', '0.1', '--init', 'diagonal'], /--init must be one of aligned, rotated, random/],
    [['--lr', '0.1', '--ema', '1'], /--ema must be a number with 0 ≤ τ < 1/],
    [['--lr', '0.1', '--batch-size', '4'], /--batch-size needs --samples/],
    [['--lr', '0.1', '--samples', '0'], /--samples must be an integer ≥ 1/],
  ])('bad input %j exits 2 with one sentence naming the flag', (extra, message) => {
    const r = runCli([...base, ...extra]);
    expectFailure(r, 2, message);
  });

  it('a missing --steps or --lr exits 2; features a generative model cannot produce are refused with --samples', () => {
    for (const [args, message] of [
      [base.slice(0, -2).concat(['--lr', '0.1']), /--steps is required/],
      [base, /--lr is required/],
    ] as const) {
      const missing = runCli(args);
      expect(missing.status).toBe(2);
      expect(missing.stdout).toBe('');
      expect(missing.stderr.trim().split('\n')).toHaveLength(1);
      expect(missing.stderr).toMatch(message);
    }
    const r = runCli([
      'simulate',
      '--objective',
      'mae',
      '--depth',
      '1',
      '--lambda',
      '1',
      '--rho',
      '3',
      '--epsilon',
      '0.1',
      '--lr',
      '0.1',
      '--steps',
      '10',
      '--samples',
      '100',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/features\[0\]\.rho: must be in \(0, 1\]/);
  });
});
