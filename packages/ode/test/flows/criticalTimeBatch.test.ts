/**
 * The batched closed forms (criticalTimeBatch, fixedPointBatch, implicitTimeBatch) against
 * the scalar functions, bit for bit (they share one kernel), and the shared kernel against
 * 40-digit quadrature (fixtures/implicit-time-batch.py) where the old term-by-term form lost
 * digits: u close to the start u0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CRITICAL_TIME_STATUSES,
  IMPLICIT_TIME_STATUSES,
  criticalTime,
  criticalTimeBatch,
  criticalTimes,
  fixedPoint,
  fixedPointBatch,
  implicitTime,
  implicitTimeBatch,
  learningOrder,
  resolveFeature,
  resolveFeatureArrays,
  type CriticalTimeResult,
  type Objective,
  type TimeUnit,
} from '../../src/index.js';
import { mulberry32 } from '../../../../test/support/oracles/index.js';

/** The 64 bits of a double, so that `expect` compares bits (NaN payloads aside, and −0 ≠ 0). */
function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16);
}

interface Cases {
  lambda: Float64Array;
  rho: Float64Array;
  sigma2: Float64Array;
  depth: Float64Array;
  epsilon: Float64Array;
  fraction: Float64Array;
}

/**
 * Seeded random features over the whole domain: λ log-uniform in ±[1e-3, 1e3], ρ log-uniform
 * in ±[1e-2, 1e2] (signs equal, a tenth negative), L 1…12, ε log-uniform in [1e-12, 0.9],
 * p in (0.02, 0.98); plus ε just below and just above the target p·w̄∞ (relative 1e-9),
 * where the start is a hair below u*.
 */
function randomCases(n: number, seed: number): Cases {
  const random = mulberry32(seed);
  const c: Cases = {
    lambda: new Float64Array(n),
    rho: new Float64Array(n),
    sigma2: new Float64Array(n),
    depth: new Float64Array(n),
    epsilon: new Float64Array(n),
    fraction: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const sign = random() < 0.1 ? -1 : 1;
    c.lambda[i] = sign * 1e-3 * Math.pow(1e6, random());
    c.rho[i] = sign * 1e-2 * Math.pow(1e4, random());
    c.sigma2[i] = c.lambda[i] / c.rho[i];
    c.depth[i] = 1 + Math.floor(12 * random());
    c.fraction[i] = 0.02 + 0.96 * random();
    c.epsilon[i] = 1e-12 * Math.pow(0.9e12, random());
    if (i % 10 === 7 && c.rho[i] > 0) c.epsilon[i] = c.fraction[i] * Math.pow(c.rho[i], c.depth[i]) * (1 - 1e-9);
    if (i % 10 === 8 && c.rho[i] > 0) c.epsilon[i] = c.fraction[i] * Math.pow(c.rho[i], c.depth[i]) * (1 + 1e-9);
  }
  return c;
}

function statusOf(r: CriticalTimeResult): string {
  return r.exists ? 'exists' : r.reason;
}

describe('criticalTimeBatch(features, options) equals criticalTime feature by feature, to the last bit', () => {
  const n = 3000;
  const c = randomCases(n, 20240611);
  for (const objective of ['jepa', 'mae'] as Objective[]) {
    for (const method of ['exact', 'leading-order'] as const) {
      for (const timeUnit of ['gradient-flow', 'paper'] as TimeUnit[]) {
        it(`${objective}, ${method}, ${timeUnit} time: per-feature depth, ε and p (columns)`, () => {
          const batch = criticalTimeBatch(
            { lambda: c.lambda, rho: c.rho },
            { objective, depth: c.depth, epsilon: c.epsilon, fraction: c.fraction, method, timeUnit },
          );
          const seen = new Set<string>();
          for (let i = 0; i < n; i++) {
            const options = { objective, depth: c.depth[i], epsilon: c.epsilon[i], fraction: c.fraction[i], method, timeUnit };
            let scalar: CriticalTimeResult | 'overflow';
            try {
              scalar = criticalTime({ lambda: c.lambda[i], rho: c.rho[i] }, options);
            } catch (error) {
              if (!(error instanceof RangeError && /overflows double precision/.test(error.message))) throw error;
              scalar = 'overflow';
            }
            const status = CRITICAL_TIME_STATUSES[batch.status[i]];
            seen.add(status);
            expect(status, `feature ${i}`).toBe(scalar === 'overflow' ? 'overflow' : statusOf(scalar));
            if (scalar !== 'overflow' && scalar.exists) {
              expect(bits(batch.t[i]), `t of feature ${i}`).toBe(bits(scalar.t));
              expect(bits(batch.uStar[i])).toBe(bits(scalar.uStar));
              expect(bits(batch.wbarTarget[i])).toBe(bits(scalar.wbarTarget));
            } else {
              expect(batch.t[i]).toBeNaN();
            }
          }
          // the random cases reach every status but overflow, which needs ε near the underflow
          expect([...seen].sort()).toEqual(['exists', 'rho-not-positive', 'start-not-below-target']);
        });
      }
    }
  }

  it('single ε, p and L (computed once for the batch) give the bits of the scalar path; σ² columns too', () => {
    for (const objective of ['jepa', 'mae'] as Objective[]) {
      const options = { objective, depth: 4, epsilon: 1e-3, fraction: 0.3 };
      const batch = criticalTimeBatch({ sigma2: c.sigma2, rho: c.rho }, options);
      for (let i = 0; i < n; i++) {
        const scalar = criticalTime(resolveFeature({ sigma2: c.sigma2[i], rho: c.rho[i] }), options);
        expect(bits(batch.t[i])).toBe(bits(scalar.exists ? scalar.t : Number.NaN));
      }
    }
  });

  it("a t* beyond the largest double is status 'overflow' with t NaN, where criticalTime throws", () => {
    const options = { objective: 'jepa' as const, depth: 2, epsilon: 1e-300 };
    expect(() => criticalTime({ lambda: 1, rho: 1 }, options)).toThrow(/overflows double precision/);
    const r = criticalTimeBatch({ lambda: [1, 1], rho: [1, 1] }, { ...options, epsilon: [1e-300, 1e-3] });
    expect(Array.from(r.status, (s) => CRITICAL_TIME_STATUSES[s])).toEqual(['overflow', 'exists']);
    expect(r.t[0]).toBeNaN();
    expect(r.uStar[0]).toBe(Math.pow(0.5, 1 / 2));
  });

  it('ε a few ulps below p·w̄∞ (u0 rounds onto or past u*): t* = 0, never a negative time', () => {
    const random = mulberry32(11);
    let zeros = 0;
    for (const objective of ['jepa', 'mae'] as Objective[]) {
      const m = 4000;
      const rho = Float64Array.from({ length: m }, () => 0.05 + 5 * random());
      const depth = Float64Array.from({ length: m }, () => 1 + Math.floor(12 * random()));
      const fraction = Float64Array.from({ length: m }, () => 0.02 + 0.96 * random());
      const epsilon = Float64Array.from(
        rho,
        (r, i) => fraction[i] * fixedPoint({ sigma2: 1, rho: r }, objective, depth[i]).wbar * (1 - 8e-16 * random()),
      );
      const r = criticalTimeBatch({ sigma2: new Float64Array(m).fill(1), rho }, { objective, depth, epsilon, fraction });
      for (let i = 0; i < m; i++) {
        if (r.status[i] !== 0) continue;
        expect(r.t[i]).toBeGreaterThanOrEqual(0);
        if (r.t[i] === 0) zeros++;
      }
    }
    expect(zeros).toBeGreaterThan(0);
  });

  it('rejects bad input in one pass, naming the entry', () => {
    const f = { lambda: [1, 2], rho: [1, 2] };
    expect(() => criticalTimeBatch({ lambda: [1, 2], rho: [1] }, { objective: 'jepa', depth: 1, epsilon: 0.1 })).toThrow(
      /features\.rho: must have the length of the other columns \(2\)/,
    );
    expect(() => criticalTimeBatch({ lambda: [1, -2], rho: [1, 2] }, { objective: 'jepa', depth: 1, epsilon: 0.1 })).toThrow(
      /features\[1\]: invalid argument feature\.rho: must have the same sign as lambda/,
    );
    expect(() => criticalTimeBatch({ lambda: [1, 2] }, { objective: 'jepa', depth: 1, epsilon: 0.1 })).toThrow(/at least two/);
    expect(() => criticalTimeBatch(f, { objective: 'jepa', depth: [1, 0], epsilon: 0.1 })).toThrow(
      /invalid argument depth\[1\]: must be an integer ≥ 1; got 0/,
    );
    expect(() => criticalTimeBatch(f, { objective: 'jepa', depth: 1, epsilon: [0.1, Number.NaN] })).toThrow(
      /invalid argument epsilon\[1\]: must be a positive finite number/,
    );
    expect(() => criticalTimeBatch(f, { objective: 'jepa', depth: 1, epsilon: 0.1, fraction: [0.5] })).toThrow(
      /fraction: must have one entry per feature \(2\)/,
    );
    expect(() => criticalTimeBatch(f, { objective: 'jepa', depth: 1, epsilon: 0.1, fraction: 1 })).toThrow(
      /fraction: must be a number in \(0, 1\)/,
    );
    expect(() => criticalTimeBatch(f, { objective: 'jepa', depth: 1, epsilon: 0.1, method: 'ode' as 'exact' })).toThrow(/method/);
  });
});

describe('criticalTimes and learningOrder run on the batched kernel', () => {
  const c = randomCases(500, 7);
  const features = Array.from(c.lambda, (lambda, i) => ({ lambda, rho: c.rho[i] }));
  it('criticalTimes(features) equals criticalTime per feature, messages included', () => {
    for (const objective of ['jepa', 'mae'] as Objective[]) {
      const options = { objective, depth: 3, epsilon: 2e-3, fraction: 0.7, timeUnit: 'paper' as const };
      const many = criticalTimes(features, options);
      features.forEach((f, i) => expect(many[i]).toEqual(criticalTime(f, options)));
    }
  });
  it('learningOrder sorts by those times; ties keep input order', () => {
    const options = { objective: 'jepa' as const, depth: 2, epsilon: 1e-3 };
    const r = learningOrder([...features.slice(0, 50), features[3]], options);
    const t = (i: number): number => {
      const x = criticalTime(i === 50 ? features[3] : features[i], options);
      return x.exists ? x.t : Number.POSITIVE_INFINITY;
    };
    for (let k = 1; k < r.order.length; k++) expect(t(r.order[k - 1]) <= t(r.order[k])).toBe(true);
    expect(r.order.indexOf(3)).toBeLessThan(r.order.indexOf(50));
    expect(r.order.length + r.never.length).toBe(51);
  });
});

describe('fixedPointBatch and implicitTimeBatch equal fixedPoint and implicitTime, to the last bit', () => {
  const c = randomCases(1000, 99);
  it('fixedPointBatch', () => {
    for (const objective of ['jepa', 'mae'] as Objective[]) {
      const r = fixedPointBatch({ lambda: c.lambda, rho: c.rho }, objective, c.depth);
      for (let i = 0; i < c.rho.length; i++) {
        const s = fixedPoint({ lambda: c.lambda[i], rho: c.rho[i] }, objective, c.depth[i]);
        expect([bits(r.u[i]), bits(r.wbar[i])]).toEqual([bits(s.u), bits(s.wbar)]);
      }
    }
  });
  it('implicitTimeBatch, with statuses where implicitTime throws', () => {
    const random = mulberry32(5);
    for (const objective of ['jepa', 'mae'] as Objective[]) {
      // u from below the start to beyond the fixed point
      const u = Float64Array.from(c.rho, (rho, i) => Math.pow(c.epsilon[i], 1 / c.depth[i]) * 0.9 + random() * Math.abs(rho) * 1.2);
      const r = implicitTimeBatch(
        { lambda: c.lambda, rho: c.rho },
        { objective, depth: c.depth, epsilon: c.epsilon, u, timeUnit: 'paper' },
      );
      const seen = new Set<string>();
      for (let i = 0; i < u.length; i++) {
        let expected: number | string;
        try {
          expected = implicitTime(
            { lambda: c.lambda[i], rho: c.rho[i] },
            { objective, depth: c.depth[i], epsilon: c.epsilon[i], u: u[i], timeUnit: 'paper' },
          );
        } catch (error) {
          expected = error instanceof RangeError && /feature\.rho/.test(error.message) ? 'rho-not-positive' : 'u-out-of-range';
        }
        const status = IMPLICIT_TIME_STATUSES[r.status[i]];
        seen.add(status);
        if (typeof expected === 'number') expect(bits(r.t[i])).toBe(bits(expected));
        else expect([status, r.t[i]]).toEqual([expected, Number.NaN]);
      }
      expect(seen.size).toBe(3);
    }
  });
});

interface Reference {
  objective: Objective;
  depth: number;
  sigma2: number;
  rho: number;
  epsilon: number;
  u0: number;
  u: string;
  t: string;
}

describe('the shared kernel against 40-digit quadrature, near the start and far from it', () => {
  const cases = JSON.parse(readFileSync(new URL('../fixtures/implicit-time-batch.json', import.meta.url), 'utf8')) as Reference[];
  it('t(u) within 1e-14 relative, also for u = u0(1 + 1e-8)', () => {
    // Every term of the kernel is a positive sum of at most ~4L + 5 rounded operations on exact
    // inputs (u0 = ε^{1/L} exact here, checked), so its relative error is below (4L + 5)·2⁻⁵³ ≈ 4e-15
    // at L = 8; 1e-14 leaves a margin of 2.5. The former ln(u/u0) of a rounded ratio erred by
    // ~ulp/δ relative: ~1e-12 at δ = 1e-4, which this bound rejects.
    for (const c of cases) {
      expect(Math.pow(c.epsilon, 1 / c.depth), 'u0 exact').toBe(c.u0);
      const feature = { sigma2: c.sigma2, rho: c.rho };
      const t = implicitTime(feature, { objective: c.objective, depth: c.depth, epsilon: c.epsilon, u: Number(c.u) });
      expect(Math.abs(t - Number(c.t)) / Number(c.t), JSON.stringify(c)).toBeLessThan(1e-14);
    }
  });
  it('resolveFeatureArrays completes the third moment with resolveFeature’s arithmetic', () => {
    const f = resolveFeatureArrays({ sigma2: [2, 0.5], lambda: [6, 0], rho: [3, 0] });
    expect(Array.from(f.rho)).toEqual([3, 0]);
    expect(Array.from(f.sigma2)).toEqual([2, 0.5]);
    expect(() => resolveFeatureArrays({ lambda: [0], rho: [0] })).toThrow(/features\[0\]: invalid argument feature\.sigma2: must be given/);
  });
});
