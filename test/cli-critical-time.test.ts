/**
 * `jepa-dynamics critical-time` end to end: the printed t against closed forms computed
 * here, exit status 2 with one sentence naming the flag for bad input, 1 when no critical
 * time exists.
 */
import { describe, expect, it } from 'vitest';
import { closedFormCriticalTime, fixedPointWbar, leadingOrderTime, maeDepthOneCriticalTime, targetU } from './support/oracles/index.js';
import { expectFailure, runCli, withFlag } from './support/runCli.js';

const base = ['critical-time', '--objective', 'mae', '--depth', '1', '--lambda', '2', '--rho', '3', '--epsilon', '1e-3'];

describe('jepa-dynamics critical-time', () => {
  it('--json prints t equal to the MAE L = 1 closed form and echoes the inputs', () => {
    const r = runCli([...base, '--fraction', '0.7', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const expected = maeDepthOneCriticalTime(2, 3, 1e-3, 0.7);
    expect(Math.abs((out.t as number) - expected) / expected).toBeLessThan(1e-12);
    expect(out).toMatchObject({
      objective: 'mae',
      depth: 1,
      lambda: 2,
      rho: 3,
      epsilon: 1e-3,
      fraction: 0.7,
      method: 'exact',
      time: 'gradient-flow',
    });
  });

  it('--method ode and leading-order, --sigma2 for --rho, and --time paper', () => {
    const expected = maeDepthOneCriticalTime(2, 3, 1e-3, 0.5);
    // ode: DOP853 at rtol 1e-12 with event location, global error a few hundred times rtol (measured 1.6e-13);
    // leading-order: for MAE at L = 1 the formula of docs/math.md §3 is exact, so only rounding separates them
    for (const [method, bound] of [
      ['ode', 1e-9],
      ['leading-order', 1e-13],
    ] as const) {
      const r = runCli([...base, '--method', method, '--json']);
      expect(r.status).toBe(0);
      expect(Math.abs((JSON.parse(r.stdout) as { t: number }).t - expected) / expected).toBeLessThan(bound);
    }
    const bySigma = runCli([
      'critical-time',
      '--objective',
      'mae',
      '--depth',
      '1',
      '--lambda',
      '2',
      '--sigma2',
      String(2 / 3),
      '--epsilon',
      '1e-3',
      '--json',
    ]);
    expect(bySigma.status).toBe(0);
    expect(Math.abs((JSON.parse(bySigma.stdout) as { t: number }).t - expected) / expected).toBeLessThan(1e-12);
    const jepa = ['critical-time', '--objective', 'jepa', '--depth', '1', '--lambda', '1', '--rho', '3', '--epsilon', '0.01', '--json'];
    const jr = runCli(jepa);
    expect(jr.status).toBe(0);
    const g = JSON.parse(jr.stdout) as { t: number };
    expect(Math.abs(g.t - (closedFormCriticalTime('jepa', 1, 1, 3, 0.01) as number)) / g.t).toBeLessThan(1e-12);
    const deep = ['critical-time', '--objective', 'jepa', '--depth', '3', '--lambda', '1', '--rho', '3', '--epsilon', '0.01', '--json'];
    const tg = (JSON.parse(runCli(deep).stdout) as { t: number }).t;
    const tp = (JSON.parse(runCli([...deep, '--time', 'paper']).stdout) as { t: number; time: string }).t;
    expect(tp).toBe(3 * tg);
  });

  it('--method leading-order at L = 3 is the ε → 0 formula of docs/math.md §3, and uStar, wbarTarget are p^{1/L}·u∞ and p·w̄∞', () => {
    const [L, lambda, rho, epsilon, p] = [3, 0.7, 3, 1e-4, 0.5];
    // JEPA: (1/λ) Σ_{n=1}^{2L−1} 1/(n ρ^{2L−1−n} ε^{n/L});  MAE (L ≥ 2): ε^{−(L−1)/L} / ((L−1) λ)
    const want = {
      jepa: {
        t: leadingOrderTime('jepa', L, lambda, rho, epsilon, p),
        uStar: targetU('jepa', L, rho, p),
        wbarTarget: p * fixedPointWbar('jepa', L, rho),
      },
      mae: {
        t: leadingOrderTime('mae', L, lambda, rho, epsilon, p),
        uStar: targetU('mae', L, rho, p),
        wbarTarget: p * fixedPointWbar('mae', L, rho),
      },
    };
    for (const objective of ['jepa', 'mae'] as const) {
      const r = runCli([
        'critical-time',
        '--objective',
        objective,
        '--depth',
        String(L),
        '--lambda',
        String(lambda),
        '--rho',
        String(rho),
        '--epsilon',
        String(epsilon),
        '--method',
        'leading-order',
        '--json',
      ]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { t: number; uStar: number; wbarTarget: number; method: string };
      expect(out.method).toBe('leading-order');
      // sums of a few positive terms, and powers: rounding only
      for (const key of ['t', 'uStar', 'wbarTarget'] as const) {
        expect(Math.abs(out[key] - want[objective][key]) / want[objective][key], `${objective} ${key}`).toBeLessThan(1e-13);
      }
    }
  });

  it('prints one human line without --json', () => {
    const r = runCli(base);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^t\* = /);
  });

  it.each([
    [['--depth', '0'], '--depth'],
    [['--depth', '2.5'], '--depth'],
    [['--epsilon', '-1'], '--epsilon'],
    [['--rho', 'abc'], '--rho'],
    [['--sigma2', '0'], '--sigma2'],
    [['--objective', 'byol'], '--objective'],
    [['--fraction', '1'], '--fraction'],
    [['--method', 'guess'], '--method'],
    [['--time', 'steps'], '--time'],
    [['--sigma2', '5'], '--lambda'], // λ = 2, ρ = 3, σ² = 5: inconsistent (σ²ρ = 15)
    [['--rho', '-3'], '--rho'], // λ > 0, ρ < 0
  ])('bad input %j exits 2 with one sentence naming %s', (override, flag) => {
    const r = runCli(withFlag(base, override[0], override[1]));
    expectFailure(r, 2, flag);
  });

  it.each([
    ['--depth', ['critical-time', '--objective', 'mae', '--lambda', '2', '--rho', '3', '--epsilon', '1e-3']],
    ['--epsilon', ['critical-time', '--objective', 'mae', '--depth', '2', '--lambda', '2', '--rho', '3']],
    ['--objective', ['critical-time', '--depth', '2', '--lambda', '2', '--rho', '3', '--epsilon', '1e-3']],
    ['--rho', ['critical-time', '--objective', 'mae', '--depth', '2', '--lambda', '2', '--epsilon', '1e-3']],
  ])('a missing %s exits 2 with one sentence naming it', (flag, args) => {
    const r = runCli(args);
    expectFailure(r, 2, flag);
  });

  it('an ε so small that t* overflows double precision exits 2 naming --epsilon', () => {
    const r = runCli(['critical-time', '--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '1', '--epsilon', '1e-300']);
    expectFailure(r, 2, '--epsilon', 'overflows');
  });

  it('a critical time that does not exist exits 1 with the reason', () => {
    const above = runCli(['critical-time', '--objective', 'jepa', '--depth', '2', '--lambda', '1', '--rho', '0.1', '--epsilon', '0.01']);
    expect(above.status).toBe(1);
    expect(above.stdout).toBe('');
    expect(above.stderr).toContain('not below the target');
    const negative = runCli([
      'critical-time',
      '--objective',
      'mae',
      '--depth',
      '2',
      '--lambda',
      '-1',
      '--rho',
      '-2',
      '--epsilon',
      '0.01',
      '--json',
    ]);
    expect(negative.status).toBe(1);
    expect(negative.stdout).toBe('');
    expect(negative.stderr.trim().split('\n')).toHaveLength(1);
    expect(negative.stderr).toContain('rho = -2');
  });
});
