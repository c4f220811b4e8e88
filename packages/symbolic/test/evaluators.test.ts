import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { criticalTimeFormula, jepaTime, maeTime } from '../src/index.js';
import { targetU } from '../../../test/support/oracles/index.js';

interface Case {
  objective: 'jepa' | 'mae';
  L: number;
  lambda: number;
  rho: number;
  epsilon: number;
  p: number;
  t: string | null;
}

// 40-digit tanh-sinh quadrature of ∫ du/(du/dt), made by fixtures/criticalTimes.py (mpmath)
const cases = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/criticalTimes.json', import.meta.url)), 'utf8')) as Case[];

describe('jepaTime(L).tStar and maeTime(L).tStar', () => {
  it('agree with 40-digit quadrature to 1e-13 relative, including ρ > 1, L = 1, L = 12, ε = 1e-30 and starts just below the target', () => {
    // the fixture's 18 settings × 2 objectives, one of which (MAE, ε = 7.9 > p·w̄∞) has no critical time
    expect(cases).toHaveLength(36);
    expect(cases.filter((c) => c.t === null)).toHaveLength(1);
    for (const c of cases) {
      const ev = c.objective === 'jepa' ? jepaTime(c.L) : maeTime(c.L);
      const t = ev.tStar(c.lambda, c.rho, c.epsilon, c.p);
      if (c.t === null) {
        expect(t, JSON.stringify(c)).toBeNull();
        continue;
      }
      // 1e-13: the formulas lose a few hundred ulps only where the start is just below the target
      // (t* small, a difference of nearly equal terms; measured worst 3.4e-14 at ε = 7.9, L = 4)
      const truth = Number(c.t);
      expect(t, JSON.stringify(c)).not.toBeNull();
      expect(Math.abs((t ?? Number.NaN) - truth) / truth, JSON.stringify(c)).toBeLessThan(1e-13);
    }
  });

  it('tOfU(u*) equals tStar and tOfU(u0) is 0', () => {
    for (const L of [1, 3, 7]) {
      const u0 = 1e-4 ** (1 / L);
      expect(jepaTime(L).tOfU(u0, 1, 2, 1e-4)).toBe(0);
      expect(maeTime(L).tOfU(u0, 1, 2, 1e-4)).toBe(0);
      const uj = targetU('jepa', L, 2);
      const um = targetU('mae', L, 2);
      const tj = jepaTime(L).tStar(1, 2, 1e-4, 0.5) ?? Number.NaN;
      const tm = maeTime(L).tStar(1, 2, 1e-4, 0.5) ?? Number.NaN;
      expect(Math.abs(jepaTime(L).tOfU(uj, 1, 2, 1e-4) - tj) / tj).toBeLessThan(1e-13);
      expect(Math.abs(maeTime(L).tOfU(um, 1, 2, 1e-4) - tm) / tm).toBeLessThan(1e-13);
    }
  });

  it('return null, never a number, when ε ≥ p·w̄∞ or ρ ≤ 0', () => {
    // JEPA w̄∞ = ρ^L, MAE w̄∞ = ρ^{L/(L+1)}
    expect(jepaTime(2).tStar(1, 1, 0.5, 0.5)).toBeNull();
    expect(jepaTime(2).tStar(1, 1, 0.4999, 0.5)).not.toBeNull();
    expect(maeTime(3).tStar(1, 16, 0.5 * 16 ** 0.75, 0.5)).toBeNull();
    expect(maeTime(3).tStar(1, 16, 0.4999 * 16 ** 0.75, 0.5)).not.toBeNull();
    expect(jepaTime(1).tStar(-1, -1, 1e-3, 0.5)).toBeNull();
    expect(maeTime(1).tStar(1, 0, 1e-3, 0.5)).toBeNull();
  });

  it('reject depths outside 1…12', () => {
    expect(() => jepaTime(0)).toThrow(InvalidArgumentError);
    expect(() => maeTime(13)).toThrow(/maeTime: invalid argument depth/);
  });
});

describe('criticalTimeFormula', () => {
  it('reports nonexistence with a reason and a message naming the numbers', () => {
    const r = criticalTimeFormula('jepa', 2, 1, 1, 0.6);
    expect(r.exists).toBe(false);
    if (!r.exists) {
      expect(r.reason).toBe('start-not-below-target');
      expect(r.message).toContain('0.6');
    }
    const s = criticalTimeFormula('mae', 2, 1, -1, 1e-3);
    expect(s.exists === false && s.reason).toBe('rho-not-positive');
  });

  it('rejects invalid input with InvalidArgumentError naming the argument', () => {
    expect(() => criticalTimeFormula('jepa', 2, 0, 1, 1e-3)).toThrow(/lambda/);
    expect(() => criticalTimeFormula('jepa', 2, 1, 1, -1)).toThrow(/epsilon/);
    expect(() => criticalTimeFormula('jepa', 2, 1, 1, 1e-3, 1)).toThrow(/fraction/);
    expect(() => criticalTimeFormula('jepa', 2, 1, Number.NaN, 1e-3)).toThrow(/rho/);
    expect(() => criticalTimeFormula('jepa', 20, 1, 1, 1e-3)).toThrow(InvalidArgumentError);
  });
});

describe('CSP safety', () => {
  it('no source file of the package uses eval or new Function, and the evaluators import neither CAS nor mathjs', () => {
    const dir = fileURLToPath(new URL('../src/', import.meta.url));
    // every source file, subfolders (scalarFlow/) included
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts'))) {
      // code only: the doc comments say "no eval"
      const src = readFileSync(dir + name, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(src, name).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
    for (const name of ['jepaTime.ts', 'maeTime.ts', 'criticalTimeFormula.ts']) {
      const src = readFileSync(dir + name, 'utf8');
      expect(src, name).not.toMatch(/from '(algebrite|mathjs)'|casFunction|from '\.\/cas\.js'/);
    }
  });
});
