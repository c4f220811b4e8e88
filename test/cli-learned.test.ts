/**
 * `jepa-dynamics learned` end to end: the dynamic model's moments are checked against
 * docs/math.md §4 written out here (s = q/(1 − a²), λ = a s, ρ = a s/(s + γ²)), the critical
 * times and learned sets against the closed form of test/support/oracles; bad input exits 2
 * with one sentence naming the flag or file entry.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedFormCriticalTime } from './support/oracles/index.js';
import { expectFailure, runCli } from './support/runCli.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jd-learned-'));
});
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

interface Answer {
  learned: number[];
  pending: number[];
  never: number[];
  order: number[];
  criticalTimes: (number | null)[];
}
interface LearnedJson {
  stopTime: number;
  model: string;
  features: { a?: number; q?: number; gamma2?: number; lambda: number; rho: number; sigma2: number }[];
  jepa: Answer;
  mae: Answer;
}

describe('jepa-dynamics learned', () => {
  // a slow noisy feature (large λ, small ρ), a fast clean one, a middle one, and one too weak for JEPA at L = 8 (ρ^8/2 < ε)
  const dynamic = [
    { a: 0.9, q: 0.19, gamma2: 3 },
    { a: 0.5, q: 0.75, gamma2: 0 },
    { a: 0.7, q: 0.51, gamma2: 0.5 },
    { a: 0.3, q: 0.91, gamma2: 2 },
  ];
  const depth = 8;
  const epsilon = 1e-3;

  for (const objective of ['jepa', 'mae'] as const) {
    it(`--dynamic: moments by docs/math.md §4, ${objective} critical times by the oracle, learned = {t* ≤ T} at T between two of them`, () => {
      const moments = dynamic.map(({ a, q, gamma2 }) => {
        const s = q / (1 - a * a);
        return { lambda: a * s, rho: (a * s) / (s + gamma2), sigma2: s + gamma2 };
      });
      const oracle = moments.map((m) => closedFormCriticalTime(objective, depth, m.lambda, m.rho, epsilon) ?? null);
      const finite = oracle.filter((t): t is number => t !== null).sort((x, y) => x - y);
      // between the first and second critical times: ≥ 1 % from each, far above the closed forms' ~1e-12 difference
      const stopTime = Math.sqrt(finite[0] * finite[1]);
      const r = runCli([
        'learned',
        '--dynamic',
        file('dyn.json', dynamic),
        '--depth',
        String(depth),
        '--epsilon',
        String(epsilon),
        '--stop-time',
        String(stopTime),
        '--json',
      ]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as LearnedJson;
      expect(out.model).toBe('dynamic');
      out.features.forEach((f, i) => {
        expect([f.a, f.q, f.gamma2]).toEqual([dynamic[i].a, dynamic[i].q, dynamic[i].gamma2]);
        for (const key of ['lambda', 'rho', 'sigma2'] as const) expect(Math.abs(f[key] / moments[i][key] - 1)).toBeLessThan(1e-14);
      });
      const answer = out[objective];
      answer.criticalTimes.forEach((t, i) => {
        const o = oracle[i];
        if (o === null) expect(t).toBeNull();
        else expect(Math.abs((t as number) / o - 1)).toBeLessThan(1e-9);
      });
      expect(answer.learned).toEqual(oracle.flatMap((t, i) => (t !== null && t <= stopTime ? [i] : [])));
      expect(answer.pending).toEqual(oracle.flatMap((t, i) => (t !== null && t > stopTime ? [i] : [])));
      expect(answer.never).toEqual(oracle.flatMap((t, i) => (t === null ? [i] : [])));
      expect(answer.order).toEqual(
        [0, 1, 2, 3].filter((i) => oracle[i] !== null).sort((i, j) => (oracle[i] as number) - (oracle[j] as number)),
      );
    });
  }

  it('the orders differ: MAE learns the slow noisy feature #0 first, JEPA never does (p·ρ^L = ½·0.225⁸ < ε) and learns #2 then #1', () => {
    const r = runCli([
      'learned',
      '--dynamic',
      file('dyn.json', dynamic),
      '--depth',
      String(depth),
      '--epsilon',
      String(epsilon),
      '--stop-time',
      '0',
      '--json',
    ]);
    const out = JSON.parse(r.stdout) as LearnedJson;
    expect([out.jepa.order, out.jepa.never]).toEqual([
      [2, 1],
      [0, 3],
    ]);
    expect(out.mae.order).toEqual([0, 2, 1, 3]);
    expect(out.jepa.learned).toEqual([]);
  });

  it('--features FILE works as for order, and the text output names the sets', () => {
    const r = runCli([
      'learned',
      '--features',
      file('f.json', [
        { lambda: 1, rho: 3 },
        { lambda: 2, rho: 1 },
      ]),
      '--depth',
      '8',
      '--stop-time',
      '475',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('JEPA: learned #0 (λ=1, ρ=3)');
    expect(r.stdout).toContain('MAE: learned #0 (λ=1, ρ=3), #1 (λ=2, ρ=1)');
  });

  it('bad input: exit 2, one sentence naming the flag or the file entry', () => {
    const dyn = file('dyn.json', dynamic);
    expectFailure(runCli(['learned', '--dynamic', dyn, '--depth', '4', '--stop-time', '-1']), 2, '--stop-time');
    expectFailure(runCli(['learned', '--dynamic', dyn, '--depth', '4']), 2, '--stop-time is required');
    expectFailure(runCli(['learned', '--depth', '4', '--stop-time', '1']), 2, '--features FILE and --dynamic FILE');
    expectFailure(
      runCli(['learned', '--dynamic', file('a.json', [{ a: 1.2, q: 1, gamma2: 0 }]), '--depth', '4', '--stop-time', '1']),
      2,
      '--dynamic entry 0 "a"',
      '1.2',
    );
    expectFailure(
      runCli(['learned', '--dynamic', file('q.json', [{ a: 0.5, q: 0, gamma2: 0 }]), '--depth', '4', '--stop-time', '1']),
      2,
      '--dynamic entry 0 "q"',
    );
    expectFailure(
      runCli(['learned', '--dynamic', file('k.json', [{ a: 0.5, q: 1, noise: 0 }]), '--depth', '4', '--stop-time', '1']),
      2,
      'unknown key "noise"',
    );
    expectFailure(runCli(['learned', '--dynamic', file('j.json', '[{'), '--depth', '4', '--stop-time', '1']), 2, '--dynamic');
  });
});
