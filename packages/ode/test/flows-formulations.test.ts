/**
 * The three formulations of docs/math.md §2 (per-layer u, end-to-end w̄, layerwise v, w_1…w_L)
 * give the same w̄(t), and the layerwise system conserves v² − w_a².
 *
 * How agreement is judged. Near the transition w̄(t) is extremely ill-conditioned as a
 * function of t: ∂ln w̄/∂ln t ≈ L t/T with T = 1/(σ² u^{2L−1}(ρ − u)), up to 1e13 on this grid,
 * so a time error of one ulp moves w̄ by far more than 1e-9 relative, and no double-precision
 * computation can agree to 1e-9 in w̄ there. Each value is therefore accepted when it is within
 * 1e-9 relative in w̄ OR within 1e-9 relative in time: the exact (closed-form, docs/math.md §3,
 * implemented below independently of the library) time at which the true flow has that w̄ is
 * within 1e-9·t of the requested t. The first test also reports how many points needed the
 * second criterion.
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, fixedPoint, flowTrajectories, flowTrajectory } from '../src/index.js';
import { criticalTimeFixture } from './criticalTimeFixture.js';
import { jepaTimeOfU } from './jepaClosedForm.js';
import { mulberry32 } from './mulberry32.js';

/** docs/math.md §3 t(u) (gradient-flow time from u0 = ε^{1/L}), straight from the formulas, for u0 ≤ u < u∞. */
function closedFormTime(objective: 'jepa' | 'mae', L: number, lambda: number, rho: number, epsilon: number, u: number): number {
  const sigma2 = lambda / rho;
  const u0 = Math.pow(epsilon, 1 / L);
  if (objective === 'jepa') return jepaTimeOfU(u, sigma2, rho, L, u0);
  // G(u) − G(u0), G(x) = ∫_0^x s/(ρ − s^{L+1}) ds, with r = s/u∞ (u∞ = ρ^{1/(L+1)}, a = L + 1):
  // r/(1 − r^a) = 1/(a(1 − r)) − (a − S(r))/(a P(r)), P = Σ_{j<a} r^j, S = Σ_{i≤a−2} (a−1−i) r^i,
  // the log part in closed form and the smooth part by Gauss–Legendre quadrature. Valid up to u → u∞,
  // where the power series converges too slowly.
  const a = L + 1;
  const uInf = Math.pow(rho, 1 / a);
  const smooth = (r: number): number => {
    let P = 0;
    let S = 0;
    let ri = 1;
    for (let i = 0; i < a; i++) {
      P += ri;
      if (i <= a - 2) S += (a - 1 - i) * ri;
      ri *= r;
    }
    return -(a - S) / (a * P);
  };
  const r0 = u0 / uInf;
  const r1 = u / uInf;
  const logPart = (Math.log(1 - r0) - Math.log(1 - r1)) / a;
  const dG = ((uInf * uInf) / rho) * (logPart + gaussLegendre(smooth, r0, r1, 8));
  const power = L === 1 ? Math.log(u / u0) : (Math.pow(u0, 1 - L) - Math.pow(u, 1 - L)) / (L - 1);
  return (power + dG) / lambda;
}

/** 16-point Gauss–Legendre nodes and weights (Newton on P_16), computed once. */
const GL = ((): { x: number[]; w: number[] } => {
  const n = 16;
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
})();

/** Composite 16-point Gauss–Legendre on [lo, hi] with `panels` equal panels. */
function gaussLegendre(f: (r: number) => number, lo: number, hi: number, panels: number): number {
  let sum = 0;
  const h = (hi - lo) / panels;
  for (let p = 0; p < panels; p++) {
    const mid = lo + (p + 0.5) * h;
    for (let i = 0; i < GL.x.length; i++) sum += GL.w[i] * f(mid + 0.5 * h * GL.x[i]);
  }
  return 0.5 * h * sum;
}

const random = mulberry32(11);
const cases = Array.from({ length: 32 }, (_, i) => ({
  L: 1 + (i % 8),
  lambda: 1e-2 * Math.pow(1e4, random()),
  rho: 0.05 * Math.pow(100, random()),
  epsilon: 1e-6 * Math.pow(1e5, random()),
}));
const FRACTIONS = [0.1, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 3];

describe('the test closed form t(u)', () => {
  it('matches 40-digit mpmath quadrature (fixtures/flows-critical-times.py) to 1e-12, including MAE near u∞ (p = 0.99)', () => {
    for (const c of criticalTimeFixture) {
      const L = c.depth;
      const uStar =
        c.objective === 'jepa' ? Math.pow(c.fraction, 1 / L) * c.rho : Math.pow(c.fraction, 1 / L) * Math.pow(c.rho, 1 / (L + 1));
      const t = closedFormTime(c.objective, L, c.lambda, c.rho, c.epsilon, uStar);
      expect(Math.abs(t - Number(c.t)) / Number(c.t), JSON.stringify(c)).toBeLessThan(1e-12);
    }
  });
});

/** The balanced per-layer rate du/dt of docs/math.md §2, written out again here. */
function rate(objective: 'jepa' | 'mae', L: number, sigma2: number, rho: number, u: number): number {
  return objective === 'jepa' ? sigma2 * Math.pow(u, 2 * L) * (rho - u) : sigma2 * Math.pow(u, L) * (rho - Math.pow(u, L + 1));
}

describe('three formulations, one w̄(t) (seeded grid L 1…8, λ 1e-2…1e2, ρ 0.05…5, ε 1e-6…1e-1, rtol 1e-12)', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: per-layer, end-to-end and layerwise agree with the closed form and each other to 1e-9 (in w̄, or in t where w̄(t) is ill-conditioned)`, () => {
      let compared = 0;
      let needTime = 0;
      for (const c of cases) {
        const feature = { lambda: c.lambda, rho: c.rho };
        const sigma2 = c.lambda / c.rho;
        const ct = criticalTime(feature, { objective, depth: c.L, epsilon: c.epsilon });
        if (!ct.exists) continue;
        const times = FRACTIONS.map((f) => f * ct.t);
        const runs = (['per-layer', 'end-to-end', 'layerwise'] as const).map(
          (formulation) => flowTrajectory(feature, { objective, depth: c.L, epsilon: c.epsilon, formulation, times, rtol: 1e-12 }).wbar,
        );
        const u0 = Math.pow(c.epsilon, 1 / c.L);
        const uInf = fixedPoint(feature, objective, c.L).u;
        for (let k = 0; k < times.length; k++) {
          // the truth: u(t_k) from the closed form t(u) by bisection on [u0, u∞]
          let lo = u0;
          let hi = uInf;
          for (let it = 0; it < 200 && hi - lo > 0; it++) {
            const mid = 0.5 * (lo + hi);
            if (mid === lo || mid === hi) break;
            if (closedFormTime(objective, c.L, c.lambda, c.rho, c.epsilon, mid) < times[k]) lo = mid;
            else hi = mid;
          }
          const u = 0.5 * (lo + hi);
          const wTrue = Math.pow(u, c.L);
          const slope = c.L * Math.pow(u, c.L - 1) * rate(objective, c.L, sigma2, c.rho, u); // dw̄/dt
          // 1e-9 relative in w̄ plus the change of w̄ over 1e-9 relative in t (mixed forward/backward error)
          const bound = 1e-9 * (wTrue + times[k] * slope);
          const values = runs.map((r) => r[k]);
          for (const x of values)
            expect(Math.abs(x - wTrue), `${objective} ${JSON.stringify(c)} t = ${times[k]} (${FRACTIONS[k]} t*)`).toBeLessThanOrEqual(
              bound,
            );
          for (const [x, y] of [
            [values[0], values[1]],
            [values[0], values[2]],
          ]) {
            expect(Math.abs(x - y)).toBeLessThanOrEqual(bound);
          }
          if (Math.max(...values.map((x) => Math.abs(x - wTrue))) > 1e-9 * wTrue) needTime++;
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(150);
      // the time part of the bound is needed only in the sharp transition, not in general
      expect(needTime).toBeLessThan(compared / 2);
    });
  }
});

describe('layerwise flow: v² − w_a² is conserved (unbalanced starts)', () => {
  const r = mulberry32(5);
  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: |Δ(v² − w_a²)| ≤ 1e-10 · max(v², w_a²) at every output and on the dense output`, () => {
      for (let trial = 0; trial < 16; trial++) {
        const L = 1 + (trial % 8);
        const feature = { lambda: 1e-2 * Math.pow(1e4, r()), rho: 0.05 * Math.pow(100, r()) };
        const epsilon = 1e-4 * Math.pow(1e3, r());
        const u0 = Math.pow(epsilon, 1 / L);
        // unbalanced: every layer its own scale, one layer of negative sign for odd trials
        const initial = [u0 * (1 + r()), ...Array.from({ length: L }, (_, a) => (trial % 2 === 1 && a === 0 ? -1 : 1) * u0 * (0.3 + r()))];
        const ct = criticalTime(feature, { objective, depth: L, epsilon });
        const tEnd = ct.exists ? 1.2 * ct.t : 10 / feature.lambda;
        const run = flowTrajectory(feature, {
          objective,
          depth: L,
          formulation: 'layerwise',
          initial,
          tEnd,
          points: 25,
          rtol: 1e-12,
          dense: true,
        });
        const c0 = initial.slice(1).map((w) => initial[0] * initial[0] - w * w);
        const check = (y: Float64Array): void => {
          for (let a = 1; a <= L; a++) {
            const scale = Math.max(y[0] * y[0], y[a] * y[a]);
            expect(Math.abs(y[0] * y[0] - y[a] * y[a] - c0[a - 1]), `${objective} trial ${trial}`).toBeLessThanOrEqual(1e-10 * scale);
          }
        };
        run.state.forEach(check);
        const stateAt = run.stateAt;
        if (stateAt === undefined) throw new Error('dense output requested');
        for (let k = 0; k <= 50; k++) check(stateAt((tEnd * k) / 50));
      }
    });
  }
});

describe('trajectory details', () => {
  it('a start above the fixed point decays to it along the closed form (JEPA, L = 2)', () => {
    // u0 = 2.5 > ρ = 2: t(u) of docs/math.md §3 holds on (ρ, u0] as well (all factors change sign together)
    const feature = { lambda: 1.5, rho: 2 };
    const epsilon = 2.5 * 2.5;
    const times = [0.001, 0.01, 0.05, 0.2];
    const run = flowTrajectory(feature, { objective: 'jepa', depth: 2, epsilon, times, rtol: 1e-12 });
    run.wbar.forEach((w, k) => {
      const u = Math.sqrt(w);
      expect(u).toBeLessThan(2.5);
      expect(u).toBeGreaterThan(2);
      // time at which the exact flow has this u, relative to the requested time
      expect(Math.abs(closedFormTime('jepa', 2, 1.5, 2, epsilon, u) - times[k]) / times[k]).toBeLessThan(1e-9);
    });
  });

  it('dense output across the restarted clock agrees with the gridded output, and flowTrajectories = separate runs', () => {
    const feature = { lambda: 0.3, rho: 2.5 };
    const options = { objective: 'jepa' as const, depth: 6, epsilon: 1e-5 };
    const ct = criticalTime(feature, options);
    if (!ct.exists) throw new Error('expected a critical time');
    const times = [0.2, 0.7, 0.95, 0.999, 1, 1.001, 1.2, 2].map((f) => f * ct.t);
    const run = flowTrajectory(feature, { ...options, times, rtol: 1e-12, dense: true });
    const wbarAt = run.wbarAt;
    if (wbarAt === undefined) throw new Error('dense output requested');
    const u0 = Math.pow(options.epsilon, 1 / 6);
    times.forEach((t, k) => {
      const u = Math.pow(run.wbar[k], 1 / 6);
      const slope = 6 * Math.pow(u, 5) * rate('jepa', 6, 0.3 / 2.5, 2.5, u);
      // dense output (interpolant of each stage) vs the solver's own output at t: same mixed bound as above
      expect(Math.abs(wbarAt(t) - run.wbar[k])).toBeLessThanOrEqual(1e-9 * (run.wbar[k] + t * slope));
    });
    expect(wbarAt(0)).toBeCloseTo(Math.pow(u0, 6), 15);
    const many = flowTrajectories([feature, { lambda: 5, rho: 0.5 }, { lambda: -1, rho: -1 }], { ...options, times, rtol: 1e-12 });
    expect(Array.from(many.wbar[0])).toEqual(Array.from(run.wbar));
    expect(many.wbar[2].every((w, k) => w > 0 && (k === 0 || w < many.wbar[2][k - 1]))).toBe(true); // ρ < 0: decays
  });
});
