/**
 * `jepa-dynamics order` end to end: the orders it prints are checked against critical
 * times from the closed form of docs/math.md §3 (JEPA) and the MAE split with G's power series,
 * written for the tests independently of @jepa-dynamics/ode's sources
 * (test/support/oracles); bad input exits 2 naming the flag.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedFormCriticalTime, learnedOrder } from './support/oracles/index.js';
import { expectFailure, runCli } from './support/runCli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jd-order-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function featuresFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

interface OrderJson {
  depth: number;
  epsilon: number;
  fraction: number;
  features: { lambda: number; rho: number; sigma2: number }[];
  jepa: { order: number[]; never: { index: number; reason: string }[]; criticalTimes: (number | null)[] };
  mae: { order: number[]; never: { index: number; reason: string }[]; criticalTimes: (number | null)[] };
}

describe('jepa-dynamics order', () => {
  const features = [
    { lambda: 1, rho: 3 },
    { lambda: 2, rho: 1 },
    { sigma2: 4, rho: 0.5 },
    { lambda: 0.5, rho: 0.05 },
  ];

  it('prints the orders of the closed-form critical times at every depth 1…10, and the depth flip of docs/math.md §3', () => {
    const file = featuresFile('four.json', features);
    const resolved = [
      { lambda: 1, rho: 3 },
      { lambda: 2, rho: 1 },
      { lambda: 2, rho: 0.5 },
      { lambda: 0.5, rho: 0.05 },
    ];
    let jepaFlip: number | null = null;
    for (let L = 1; L <= 10; L++) {
      const r = runCli(['order', '--features', file, '--depth', String(L), '--epsilon', '0.01', '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as OrderJson;
      expect(out.depth).toBe(L);
      expect(out.epsilon).toBe(0.01);
      expect(out.fraction).toBe(0.5);
      for (const objective of ['jepa', 'mae'] as const) {
        const times = resolved.map((f) => closedFormCriticalTime(objective, L, f.lambda, f.rho, 0.01) ?? null);
        expect(out[objective].order).toEqual(learnedOrder(times));
        expect(out[objective].never.map((n) => n.index)).toEqual(times.flatMap((t, i) => (t === null ? [i] : [])));
        times.forEach((t, i) => {
          const got = out[objective].criticalTimes[i];
          if (t === null) expect(got).toBeNull();
          else expect(Math.abs((got as number) - t) / t).toBeLessThan(1e-9);
        });
      }
      if (jepaFlip === null && out.jepa.order.indexOf(0) < out.jepa.order.indexOf(1)) jepaFlip = L;
      expect(out.mae.order.indexOf(1)).toBeLessThan(out.mae.order.indexOf(0));
    }
    expect(jepaFlip).toBe(8);
  });

  it('echoes ε, p and the features in the human output, and lists features with no critical time with the reason', () => {
    const r = runCli(['order', '--features', featuresFile('h.json', features), '--depth', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ε = 0.01');
    expect(r.stdout).toContain('p = 0.5');
    expect(r.stdout).toMatch(/JEPA:[\s\S]*never: #3 \(λ=0\.5, ρ=0\.05/);
  });

  it('exits 1 when no feature has a critical time', () => {
    const r = runCli(['order', '--features', featuresFile('none.json', [{ lambda: 0.01, rho: 0.01 }]), '--depth', '2', '--epsilon', '0.1']);
    expectFailure(r, 1, /no feature has a critical time/);
  });

  it('exits 2 with the flag named for bad input', () => {
    const good = featuresFile('good.json', features);
    const cases: [string[], RegExp][] = [
      [['order', '--depth', '2'], /--features/],
      [['order', '--features', good], /--depth/],
      [['order', '--features', good, '--depth', '0'], /--depth/],
      [['order', '--features', good, '--depth', '2.5'], /--depth/],
      [['order', '--features', good, '--depth', '2', '--epsilon', '-1'], /--epsilon/],
      [['order', '--features', good, '--depth', '2', '--fraction', '1'], /--fraction/],
      [['order', '--features', join(dir, 'missing.json'), '--depth', '2'], /--features/],
      [['order', '--features', featuresFile('bad.json', '[{"lambda": 1}]'), '--depth', '2'], /--features/],
      [['order', '--features', featuresFile('text.json', 'not json'), '--depth', '2'], /--features/],
    ];
    for (const [args, flag] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(flag);
      expect(r.stdout).toBe('');
    }
  });
});
