/**
 * docs/embedding.md's example (docs/examples/feature-order.ts) runs, and its numbers
 * are right: critical times and orders against the closed forms of docs/math.md §3 written
 * for the tests (test/support/oracles); the documented command
 * prints the documented lines.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseFeatures, myFeatures } from '../docs/examples/feature-order.js';
import { closedFormCriticalTime, learnedOrder } from './support/oracles/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const features = myFeatures.map((f) => ({ sigma2: f.sigma2 as number, lambda: f.lambda as number }));
/** Exact t*_½ (docs/math.md §3; test/support/oracles); NaN if there is none. */
const criticalTime = (objective: 'jepa' | 'mae', sigma2: number, lambda: number, L: number, epsilon: number): number =>
  closedFormCriticalTime(objective, L, lambda, lambda / sigma2, epsilon) ?? Number.NaN;

describe('docs/examples/feature-order.ts', () => {
  for (const depth of [1, 2, 3, 4]) {
    it(`at L = ${depth}: orders and critical times match the closed forms, and the solver agrees`, () => {
      const a = analyseFeatures(depth);
      const jepa = features.map((f) => criticalTime('jepa', f.sigma2, f.lambda, depth, 1e-3));
      const mae = features.map((f) => criticalTime('mae', f.sigma2, f.lambda, depth, 1e-3));
      // every feature has a critical time (a NaN would make the reference order meaningless)
      expect([...jepa, ...mae].every(Number.isFinite)).toBe(true);
      expect(features.length).toBeGreaterThanOrEqual(2);
      expect(a.jepaCriticalTimes).toHaveLength(features.length);
      expect(a.jepaCriticalTimesBySolver).toHaveLength(features.length);
      expect(a.order.jepa).toEqual(learnedOrder(jepa));
      expect(a.order.mae).toEqual(learnedOrder(mae));
      // the same closed form evaluated by the library and by the test-side formulas: rounding only
      a.jepaCriticalTimes.forEach((t, i) => expect(Math.abs(t - jepa[i]) / jepa[i]).toBeLessThan(1e-10));
      // integration at rtol 1e-12 with event location: agreement to 1e-8 relative
      a.jepaCriticalTimesBySolver.forEach((t, i) => expect(Math.abs(t - jepa[i]) / jepa[i]).toBeLessThan(1e-8));
    });
  }

  it('shows the point of the guide: depth moves the loud noisy feature (1) from first to second under JEPA only', () => {
    expect(analyseFeatures(1).order.jepa[0]).toBe(1);
    expect(analyseFeatures(4).order.jepa[0]).toBe(0);
    expect(analyseFeatures(4).order.mae[0]).toBe(1);
  });

  it('runs as the documented command and prints what docs/embedding.md shows', () => {
    const r = spawnSync(
      process.execPath,
      [
        fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url)),
        '--tsconfig',
        'docs/examples/tsconfig.json',
        'docs/examples/feature-order.ts',
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const doc = readFileSync(new URL('../docs/embedding.md', import.meta.url), 'utf8');
    const shown = /## What it prints[\s\S]*?```text\n([\s\S]*?)```/.exec(doc);
    expect(shown).not.toBeNull();
    expect(r.stdout).toBe(shown?.[1]);
  });
});
