import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { criticalTime } from '../../src/flows/criticalTime.js';
import { matrixFlow } from '../../src/flows/matrixFlow.js';
import { turnedPlaneCriticalTime, turnedPlaneDelayFactor } from '../../src/flows/turnedPlane.js';
import { solveIvp } from '../../src/solver/solveIvp.js';
import type { EventFunction } from '../../src/solver/types.js';

// docs/math.md §9.1. The truths here: the matrix flow itself (a d = 2 network started as the plane), whose agreement
// with the plane's orbit and time is shown in matrixFlowRotatedPlane.test.ts; Wallis' integrals for r(π/2); and
// θ0/sin θ0 for L = 1.

const feature = { sigma2: 1.5, rho: 0.6 };
const degrees = (x: number): number => (x * Math.PI) / 180;
const identity: number[][] = [
  [1, 0],
  [0, 1],
];
const scaled = (m: number[][], s: number): number[][] => m.map((row) => row.map((v) => s * v));

/** The d = 2 matrix flow from V = s0·R(θ0), W_a = s0·I (the plane of docs/math.md §9.1). */
function planeFlow(depth: number, epsilon: number, angle: number) {
  const flow = matrixFlow({
    objective: 'jepa',
    depth,
    sigmaXX: scaled(identity, feature.sigma2),
    sigmaYX: scaled(identity, feature.sigma2 * feature.rho),
  });
  const s0 = epsilon ** (1 / depth);
  const V = [
    [s0 * Math.cos(angle), -s0 * Math.sin(angle)],
    [s0 * Math.sin(angle), s0 * Math.cos(angle)],
  ];
  const y0 = flow.pack({ V, W: Array.from({ length: depth }, () => scaled(identity, s0)) });
  /** w̄ = s^L with s² = det V. */
  const wbar = (y: ArrayLike<number>): number => Math.pow(y[0] * y[3] - y[1] * y[2], depth / 2);
  return { flow, y0, s0, wbar };
}

describe('turnedPlaneCriticalTime', () => {
  const cases = [
    { depth: 2, epsilon: 1e-4, angle: degrees(60), fraction: 0.5 },
    { depth: 2, epsilon: 1e-4, angle: degrees(150), fraction: 0.9 },
    { depth: 4, epsilon: 1e-6, angle: degrees(131.5), fraction: 0.5 },
    { depth: 3, epsilon: 1e-3, angle: degrees(100), fraction: 0.25 },
  ];
  for (const c of cases) {
    it(`L = ${c.depth}, ε = ${c.epsilon}, θ0 = ${((c.angle * 180) / Math.PI).toFixed(1)}°, p = ${c.fraction}: the d = 2 matrix flow crosses w̄ = p·ρ^L at the returned time`, () => {
      const r = turnedPlaneCriticalTime(feature, c);
      if (!r.exists) throw new Error(r.message);
      const { flow, y0, s0, wbar } = planeFlow(c.depth, c.epsilon, c.angle);
      const target = c.fraction * feature.rho ** c.depth;
      const events: EventFunction[] = [{ g: (_t, y) => wbar(y) - target, direction: 1, terminal: true }];
      const run = solveIvp(flow.rhs, [0, 2 * r.t], y0, { method: 'rodas4', rtol: 1e-11, atol: 1e-16 * s0, events });
      expect(run.events.length).toBe(1);
      // The crossing time, not w̄ at a time: w̄ crosses its target fast after a long plateau, so w̄(t*) would amplify
      // any time error (and the form s·R(θ) is unstable by then). rtol 1e-11 integrations locate crossings to about
      // 1e-10 relative; measured here 1.6e-14 … 1.6e-12.
      expect(Math.abs(run.events[0].t - r.t) / r.t).toBeLessThan(1e-9);
      // θ* is on the orbit 1/s = C sin θ + cos θ/ρ at s = u* = p^{1/L}ρ
      const C = (1 / s0 - Math.cos(c.angle) / feature.rho) / Math.sin(c.angle);
      const uStar = c.fraction ** (1 / c.depth) * feature.rho;
      const onOrbit = C * Math.sin(r.angleAtTarget) + Math.cos(r.angleAtTarget) / feature.rho;
      expect(Math.abs(onOrbit * uStar - 1)).toBeLessThan(1e-13);
      expect(r.angleAtTarget).toBeGreaterThan(0);
    });
  }

  it('smallestWbar: the least w̄ on the way, from the flow sampled finely around where it shrinks most', () => {
    const options = { depth: 2, epsilon: 1e-4, angle: degrees(150) };
    const r = turnedPlaneCriticalTime(feature, options);
    if (!r.exists) throw new Error(r.message);
    expect(r.smallestWbar).toBeLessThan(options.epsilon);
    const times = Array.from({ length: 2001 }, (_, k) => ((k + 1) / 2001) * r.t);
    const { flow, y0, s0, wbar } = planeFlow(options.depth, options.epsilon, options.angle);
    const run = solveIvp(flow.rhs, [0, r.t], y0, { method: 'rodas4', rtol: 1e-11, atol: 1e-16 * s0, tEval: times });
    expect(run.status).toBe('success');
    const least = Math.min(...run.y.map(wbar));
    // the sampled minimum lies above the true one by O(Δt²) at a flat minimum: 1e-6 relative
    expect(least).toBeGreaterThanOrEqual(r.smallestWbar * (1 - 1e-9));
    expect((least - r.smallestWbar) / r.smallestWbar).toBeLessThan(1e-6);
    // not anti-aligned: no shrinking, so the least is the start
    const aligned = turnedPlaneCriticalTime(feature, { ...options, angle: degrees(60) });
    expect(aligned.exists && aligned.smallestWbar).toBe(options.epsilon);
  });

  it('θ0 = 0 is the aligned feature’s exact critical time, and θ0 → 0 tends to it', () => {
    const options = { depth: 4, epsilon: 1e-8 };
    const exact = criticalTime(feature, { objective: 'jepa', ...options });
    const zero = turnedPlaneCriticalTime(feature, { ...options, angle: 0 });
    const tiny = turnedPlaneCriticalTime(feature, { ...options, angle: 1e-9 });
    if (!exact.exists || !zero.exists || !tiny.exists) throw new Error('expected critical times');
    expect(zero.t).toBe(exact.t);
    expect(Math.abs(tiny.t - exact.t) / exact.t).toBeLessThan(1e-12);
  });

  it("'paper' time is L times gradient-flow time", () => {
    const a = turnedPlaneCriticalTime(feature, { depth: 3, epsilon: 1e-3, angle: 2 });
    const b = turnedPlaneCriticalTime(feature, { depth: 3, epsilon: 1e-3, angle: 2, timeUnit: 'paper' });
    if (!a.exists || !b.exists) throw new Error('expected critical times');
    expect(b.t).toBe(3 * a.t);
  });

  it('says why there is no critical time: opposed (θ0 = π), ρ ≤ 0, start not below the target', () => {
    const opposed = turnedPlaneCriticalTime(feature, { depth: 2, epsilon: 1e-4, angle: Math.PI });
    expect(opposed).toMatchObject({ exists: false, reason: 'opposed' });
    expect(!opposed.exists && opposed.message).toContain('shrinks for ever');
    expect(turnedPlaneCriticalTime({ sigma2: 1, rho: -0.5 }, { depth: 2, epsilon: 1e-4, angle: 1 })).toMatchObject({
      exists: false,
      reason: 'rho-not-positive',
    });
    expect(turnedPlaneCriticalTime(feature, { depth: 2, epsilon: 0.3, angle: 1 })).toMatchObject({
      exists: false,
      reason: 'start-not-below-target',
    });
  });

  it('refuses bad input with the value and the rule', () => {
    for (const angle of [-0.1, 3.5, Number.NaN]) {
      expect(() => turnedPlaneCriticalTime(feature, { depth: 2, epsilon: 1e-4, angle })).toThrow(InvalidArgumentError);
    }
    expect(() => turnedPlaneCriticalTime(feature, { depth: 2, epsilon: 1e-4, angle: 3.5 })).toThrow(/angle.*\[0, π\]/);
    expect(() => turnedPlaneCriticalTime(feature, { depth: 0, epsilon: 1e-4, angle: 1 })).toThrow(InvalidArgumentError);
    expect(() => turnedPlaneCriticalTime(feature, { depth: 2, epsilon: -1, angle: 1 })).toThrow(InvalidArgumentError);
    expect(() => turnedPlaneCriticalTime(feature, { depth: 2, epsilon: 1e-4, angle: 1, fraction: 1 })).toThrow(InvalidArgumentError);
  });
});

describe('turnedPlaneDelayFactor', () => {
  it('r(π/2) = (2L − 1)·∫_0^{π/2} sin^{2L−2} = (2L − 1)·(π/2)·(2L − 3)!!/(2L − 2)!! (Wallis), L = 1 … 8', () => {
    for (let L = 1; L <= 8; L++) {
      let wallis = Math.PI / 2;
      for (let k = 1; k <= L - 1; k++) wallis *= (2 * k - 1) / (2 * k);
      expect(Math.abs(turnedPlaneDelayFactor(L, Math.PI / 2) - (2 * L - 1) * wallis) / ((2 * L - 1) * wallis)).toBeLessThan(1e-13);
    }
  });

  it('L = 1: r = θ0/sin θ0; ends: 1 at 0, Infinity at π', () => {
    for (const theta of [1e-6, 0.3, 1, 2, 3, 3.1])
      expect(Math.abs(turnedPlaneDelayFactor(1, theta) - theta / Math.sin(theta)) / (theta / Math.sin(theta))).toBeLessThan(1e-13);
    expect(turnedPlaneDelayFactor(4, 0)).toBe(1);
    expect(turnedPlaneDelayFactor(4, Math.PI)).toBe(Number.POSITIVE_INFINITY);
    expect(() => turnedPlaneDelayFactor(4, -1)).toThrow(InvalidArgumentError);
  });

  it('is the limit ε → 0 of the turned over the aligned critical time (the correction is O(ε^{1/L}))', () => {
    for (const [depth, angle] of [
      [4, degrees(131.5)],
      [2, degrees(60)],
      [3, degrees(170)],
    ]) {
      const ratio = (epsilon: number): number => {
        const turned = turnedPlaneCriticalTime(feature, { depth, epsilon, angle });
        const aligned = turnedPlaneCriticalTime(feature, { depth, epsilon, angle: 0 });
        if (!turned.exists || !aligned.exists) throw new Error('expected critical times');
        return turned.t / aligned.t;
      };
      const r = turnedPlaneDelayFactor(depth, angle);
      // s0 = ε^{1/L} = 1e-4 and 1e-8: the relative gap shrinks with s0, to below 1e-6 at 1e-8
      const far = Math.abs(ratio(1e-4 ** depth) / r - 1);
      const near = Math.abs(ratio(1e-8 ** depth) / r - 1);
      expect(near).toBeLessThan(1e-6);
      expect(near).toBeLessThan(far / 100);
    }
  });
});
