import { describe, expect, it } from 'vitest';
import { criticalTime } from '@jepa-dynamics/ode';
import { jepaTime, maeTime } from '@jepa-dynamics/symbolic/evaluators';
import { balancedRate, mulberry32, targetU } from './support/oracles/index.js';

/**
 * Independent truth: t = ∫_{u0}^{u*} du / (du/dt) with du/dt the balanced right-hand side of
 * docs/math.md §2 (σ² u^{2L}(ρ − u) or σ² u^L(ρ − u^{L+1})), by adaptive Gauss–Kronrod (7/15)
 * in y = ln u, where the integrand u/(du/dt) is smooth. Local tolerance 1e-14 of the total.
 */
function quadratureTime(objective: 'jepa' | 'mae', L: number, lambda: number, rho: number, u0: number, u1: number): number {
  const f = (y: number): number => {
    const u = Math.exp(y);
    return u / balancedRate(objective, L, lambda, rho, u);
  };
  const xk = [
    0.991455371120813, 0.949107912342759, 0.864864423359769, 0.741531185599394, 0.586087235467691, 0.405845151377397, 0.207784955007898, 0,
  ];
  const wk = [
    0.02293532201052922, 0.06309209262997855, 0.1047900103222502, 0.1406532597155259, 0.1690047266392679, 0.1903505780647854,
    0.2044329400752989, 0.2094821410847278,
  ];
  const wg = [0.1294849661688697, 0.2797053914892767, 0.3818300505051189, 0.4179591836734694];
  const gk = (a: number, b: number): [number, number] => {
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    let k = wk[7] * f(c);
    let g = wg[3] * f(c);
    for (let i = 0; i < 7; i++) {
      const fp = f(c + h * xk[i]);
      const fm = f(c - h * xk[i]);
      k += wk[i] * (fp + fm);
      if (i % 2 === 1) g += wg[(i - 1) / 2] * (fp + fm);
    }
    return [k * h, Math.abs((k - g) * h)];
  };
  const a = Math.log(u0);
  const b = Math.log(u1);
  const [total] = gk(a, b);
  const stack: [number, number][] = [];
  const pieces = 64;
  for (let i = 0; i < pieces; i++) stack.push([a + ((b - a) * i) / pieces, a + ((b - a) * (i + 1)) / pieces]);
  let sum = 0;
  while (stack.length > 0) {
    const [lo, hi] = stack.pop() as [number, number];
    const [v, err] = gk(lo, hi);
    if (err <= 1e-15 * Math.abs(total) || hi - lo < 1e-12) sum += v;
    else stack.push([lo, 0.5 * (lo + hi)], [0.5 * (lo + hi), hi]);
  }
  return sum;
}

describe('the derived t*_p agrees with numerical integration of the flow', () => {
  const rand = mulberry32(20241125); // seeded: the grid is the same on every run
  const grid: { L: number; lambda: number; rho: number; epsilon: number; p: number }[] = [];
  for (let i = 0; i < 160; i++) {
    grid.push({
      L: 1 + Math.floor(8 * rand()),
      lambda: 10 ** (-2 + 4 * rand()),
      rho: 0.05 * 100 ** rand(),
      epsilon: 10 ** (-8 + 7 * rand()),
      p: 0.05 + 0.9 * rand(),
    });
  }
  // the grid must reach ρ > 1 and L = 1, where the numerics differ most
  grid.push(
    { L: 1, lambda: 0.01, rho: 4.9, epsilon: 1e-8, p: 0.95 },
    { L: 1, lambda: 100, rho: 0.05, epsilon: 1e-3, p: 0.05 },
    { L: 8, lambda: 1, rho: 5, epsilon: 1e-8, p: 0.95 },
  );

  for (const objective of ['jepa', 'mae'] as const) {
    it(`${objective}: within 1e-9 relative of an independent quadrature of ∫ du/(du/dt) on ${grid.length} seeded points`, () => {
      let compared = 0;
      let sawBigRho = false;
      let sawL1 = false;
      let worst = 0;
      for (const g of grid) {
        const ev = objective === 'jepa' ? jepaTime(g.L) : maeTime(g.L);
        const t = ev.tStar(g.lambda, g.rho, g.epsilon, g.p);
        const uStar = targetU(objective, g.L, g.rho, g.p);
        const u0 = g.epsilon ** (1 / g.L);
        if (u0 >= uStar) {
          expect(t).toBeNull();
          continue;
        }
        expect(t).not.toBeNull();
        const truth = quadratureTime(objective, g.L, g.lambda, g.rho, u0, uStar);
        const rel = Math.abs((t ?? Number.NaN) - truth) / truth;
        worst = Math.max(worst, rel);
        expect(rel, JSON.stringify(g)).toBeLessThan(1e-9);
        compared++;
        if (g.rho > 1) sawBigRho = true;
        if (g.L === 1) sawL1 = true;
      }
      expect(compared).toBeGreaterThan(80);
      expect(sawBigRho && sawL1).toBe(true);
      expect(worst).toBeLessThan(1e-9);
    });

    for (const method of ['inverse-ode', 'ode'] as const) {
      it(`${objective}: within 1e-9 relative of @jepa-dynamics/ode criticalTime (method '${method}', rtol 1e-12)`, () => {
        let compared = 0;
        for (const g of grid.slice(0, 60)) {
          const ev = objective === 'jepa' ? jepaTime(g.L) : maeTime(g.L);
          const t = ev.tStar(g.lambda, g.rho, g.epsilon, g.p);
          const r = criticalTime(
            { lambda: g.lambda, rho: g.rho },
            { objective, depth: g.L, epsilon: g.epsilon, fraction: g.p, method, rtol: 1e-12 },
          );
          expect(r.exists).toBe(t !== null);
          if (r.exists && t !== null) {
            expect(Math.abs(t - r.t) / r.t, JSON.stringify(g)).toBeLessThan(1e-9);
            compared++;
          }
        }
        expect(compared).toBeGreaterThan(30);
      });
    }
  }
});
