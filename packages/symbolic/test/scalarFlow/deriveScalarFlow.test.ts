import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@jepa-dynamics/core';
import { solveIvp } from '@jepa-dynamics/ode';
import {
  DerivationError,
  FixedPointNotReachedError,
  derive,
  deriveScalarFlow,
  jepaTime,
  maeTime,
  scalarFlowJavascriptSource,
  type ScalarFlowDerivation,
} from '../../src/index.js';
import { casFunction } from '../../src/casFunction.js';
import { seededUniform } from '../../src/seededUniform.js';

/**
 * A flow with a known antiderivative: t(u) is chosen, its derivative g = t′ written out by
 * hand here (not by the pipeline), and the flow is du/dt = 1/g. With
 *   t(u) = a ln u + Σ_{k=1}^{K} b_k u^{−k} + c ln(ρ − u) + h/(u + γ) [+ d ln((u − α)² + β²) + e atan((u − α)/β)]
 *   g(u) = a/u − Σ k b_k u^{−k−1} − c/(ρ − u) − h/(u + γ)² [+ (2d(u − α) + eβ)/((u − α)² + β²)]
 * and a ≥ 0, b_k ≤ 0, c < 0, h ≤ 0, g > 0 on (0, ρ) (checked on a grid), the flow rises from
 * u0 ∈ (0, ρ) to the fixed point ρ, leaving the fixed point 0.
 */
interface KnownFlow {
  rhs: string;
  rho: number;
  start: number;
  fraction: number;
  /** t(u), the chosen antiderivative. */
  t: (u: number) => number;
  g: (u: number) => number;
  complex: boolean;
}

function knownFlow(rand: () => number, complex: boolean): KnownFlow {
  for (;;) {
    // rational-looking values (k/8, k/16) so that flows without the complex pair take the exact route
    const pick = (lo: number, hi: number, den: number): number => Math.round((lo + (hi - lo) * rand()) * den) / den;
    const K = 1 + Math.floor(rand() * 3);
    const a = pick(0, 2, 8);
    const b = Array.from({ length: K }, () => -pick(0.125, 2, 8));
    const c = -pick(0.25, 2, 8);
    const rho = pick(0.5, 3, 8);
    const h = -pick(0, 1, 8);
    const gamma = pick(0.25, 2, 8);
    const d = complex ? pick(-0.3, 0.3, 16) : 0;
    const e = complex ? pick(-0.3, 0.3, 16) : 0;
    const alpha = pick(-1, 2, 8);
    const beta = pick(0.25, 1, 8);
    const g = (u: number): number => {
      let s = a / u - c / (rho - u) - h / (u + gamma) ** 2;
      b.forEach((bk, i) => (s -= ((i + 1) * bk) / u ** (i + 2)));
      if (complex) s += (2 * d * (u - alpha) + e * beta) / ((u - alpha) ** 2 + beta ** 2);
      return s;
    };
    const t = (u: number): number => {
      let s = a * Math.log(u) + c * Math.log(rho - u) + h / (u + gamma);
      b.forEach((bk, i) => (s += bk / u ** (i + 1)));
      if (complex) s += d * Math.log((u - alpha) ** 2 + beta ** 2) + e * Math.atan((u - alpha) / beta);
      return s;
    };
    let positive = true;
    for (let i = 1; i < 2000; i++) if (!(g((rho * i) / 2000) > 1e-6)) positive = false;
    if (!positive) continue;
    const terms = [`${a}/u`, `- (${c})/(${rho} - u)`, `- (${h})/(u + ${gamma})^2`, ...b.map((bk, i) => `- ${(i + 1) * bk}/u^${i + 2}`)];
    if (complex) terms.push(`+ (2*(${d})*(u - (${alpha})) + (${e})*${beta})/((u - (${alpha}))^2 + ${beta}^2)`);
    const start = rho * 10 ** (-1 - 1.5 * rand());
    return { rhs: `1/(${terms.join(' ')})`, rho, start, fraction: 0.2 + 0.6 * rand(), t, g, complex };
  }
}

/** t* by integrating du/dt = f(u) with dop853 (rtol 1e-13) to the event u = u*, on a restarted clock through the plateau. */
function integratedCriticalTime(f: (u: number) => number, start: number, uStar: number, horizon: number): number {
  const r = solveIvp(
    (_t, y, dy) => {
      dy[0] = f(y[0]);
    },
    [0, horizon],
    [start],
    {
      method: 'dop853',
      rtol: 1e-13,
      atol: 1e-15 * uStar,
      clockRestart: true,
      maxSteps: 1e6,
      events: [{ g: (_t, y) => y[0] - uStar, terminal: true }],
    },
  );
  expect(r.status, r.message).toBe('event');
  return r.events[0].t;
}

describe('deriveScalarFlow on flows with known antiderivatives', () => {
  const rand = seededUniform(18);
  const flows = Array.from({ length: 10 }, (_, i) => knownFlow(rand, i % 2 === 1));

  for (const [i, flow] of flows.entries()) {
    it(`flow ${i + 1} (${flow.complex ? 'with a complex pair of fixed points' : 'rational fixed points'}): t(u) equals the chosen t(u) − t(u0) to 1e-12 at 20 points, and t* equals dop853 integration to 1e-9`, () => {
      const d = deriveScalarFlow(flow.rhs, { start: flow.start, fraction: flow.fraction, fixedPoint: flow.rho });
      expect(d.route).toBe(flow.complex ? 'numeric-roots' : 'exact');
      expect(d.path.fixedPoint.value).toBeCloseTo(flow.rho, 12);
      expect(d.path.source?.value).toBe(0);
      const tF = casFunction(d.tOfU.cas);
      for (let k = 1; k <= 20; k++) {
        const u = flow.start + ((k - 0.5) / 20) * (flow.rho - flow.start);
        const truth = flow.t(u) - flow.t(flow.start);
        // the truth is a difference of terms up to |b_K|/u0^K ≈ 1e6·t: its own rounding is ≤ 1e-13 relative here
        expect(Math.abs(d.evaluator.tOfU(u) - truth) / Math.abs(truth), `u = ${u}`).toBeLessThan(1e-12);
        // the CAS/mathjs form of t(u) too (it loses digits to cancellation between the u0^{-k} terms: 1e-9)
        expect(Math.abs(tF({ u, u0: flow.start }) - truth) / Math.abs(truth), `u = ${u}`).toBeLessThan(1e-9);
      }
      expect(d.criticalTime.exists).toBe(true);
      const tStar = d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
      const uStar = flow.fraction * flow.rho;
      // against the truth, and against time integration (independent of any partial fractions)
      expect(Math.abs(tStar - (flow.t(uStar) - flow.t(flow.start))) / tStar).toBeLessThan(1e-12);
      const integrated = integratedCriticalTime((u) => 1 / flow.g(u), flow.start, uStar, 10 * tStar);
      expect(Math.abs(integrated - tStar) / tStar).toBeLessThan(1e-9);
      expect(d.certificates.every((c) => c.holds)).toBe(true);
    });
  }
});

describe('deriveScalarFlow reproduces the paper flows', () => {
  it('JEPA du/dt = σ²u^{2L}(ρ − u), σ² and ρ kept symbolic: exact route, and t* equals derive(jepa, L) / jepaTime(L) to 1e-12 (L = 1…4)', () => {
    for (let L = 1; L <= 4; L++) {
      const [lam, rho, eps, p] = [0.7, 1.3, 1e-3, 0.4];
      const d = deriveScalarFlow('sigma2*u^(2*L)*(rho - u)', {
        parameters: { L, sigma2: lam / rho, rho },
        symbolic: ['sigma2', 'rho'],
        start: eps ** (1 / L),
        fraction: p,
        targetPower: L,
      });
      expect(d.route).toBe('exact');
      expect(d.path.fixedPoint.exact?.cas).toBe('rho');
      const t = d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
      const paper = jepaTime(L).tStar(lam, rho, eps, p) ?? Number.NaN;
      expect(Math.abs(t - paper) / paper, `L = ${L}`).toBeLessThan(1e-12);
      // the leading order as u0 → 0 is the paper's singular part (its sum plus the log term), in u0 = ε^{1/L}
      const general = casFunction(d.leadingOrder?.expression.cas ?? 'NaN')({ sigma2: lam / rho, rho, u0: eps ** (1 / L) });
      const fromPaper = casFunction(derive('jepa', L).integral.leadingOrder.cas)({ lam, rho, epsilon: eps });
      expect(Math.abs(general - fromPaper) / fromPaper, `L = ${L}`).toBeLessThan(1e-12);
    }
  });

  it('MAE du/dt = σ²u^L(ρ − u^{L+1}) with numbers: numeric route through the (L+1)-th roots of ρ, and t* equals maeTime(L) to 1e-11 (L = 1…6)', () => {
    for (let L = 1; L <= 6; L++) {
      const [lam, rho, eps, p] = [1.9, 0.6, 1e-4, 0.5];
      const d = deriveScalarFlow('sigma2*u^L*(rho - u^(L+1))', {
        parameters: { L, sigma2: lam / rho, rho },
        start: eps ** (1 / L),
        fraction: p,
        targetPower: L,
      });
      const t = d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
      const paper = maeTime(L).tStar(lam, rho, eps, p) ?? Number.NaN;
      expect(Math.abs(t - paper) / paper, `L = ${L}`).toBeLessThan(1e-11);
    }
  });
});

describe('deriveScalarFlow: fixed points, stability, evaluators', () => {
  it('weight decay JEPA (L = 3, σ² = 1, ρ = 2, γ = 0.01): 0 stable, a threshold, ρ shifted down; the flow from above the threshold reaches the shifted fixed point', () => {
    const d = deriveScalarFlow('sigma2*u^(2*L)*(rho-u) - gamma*u', {
      parameters: { L: 3, sigma2: 1, rho: 2, gamma: 0.01 },
      start: 0.5,
      fixedPoint: 2,
    });
    expect(d.fixedPoints.map((p) => p.stability)).toEqual(['stable', 'unstable', 'stable']);
    // f′(0) = −γ; the threshold solves u^5(2 − u) = γ, the upper fixed point too: check f = 0 there and the slopes against f′ = 6u^5(2−u) − u^6 − γ
    const fp = (u: number): number => 12 * u ** 5 - 7 * u ** 6 - 0.01;
    expect(d.fixedPoints[0].slope).toBeCloseTo(-0.01, 15);
    for (const p of d.fixedPoints.slice(1)) {
      expect(Math.abs(p.value ** 6 * (2 - p.value) - 0.01 * p.value)).toBeLessThan(1e-15);
      expect(Math.abs(p.slope - fp(p.value)) / Math.abs(fp(p.value))).toBeLessThan(1e-12);
    }
    expect(d.path.source?.value).toBe(d.fixedPoints[1].value);
    // a log divergence at the threshold: the leading order is ln(u0 − u_s) alone
    expect(d.leadingOrder?.expression.cas).toMatch(/^-\(20\.92042604682\d*\*log\(\(u0 - \(0\.36063238991263\d*\)\)\)\)$/);
    // evaluators: off the path NaN / null
    expect(d.evaluator.criticalTime(0.3)).toBeNull();
    expect(d.evaluator.tOfU(2.5)).toBeNaN();
  });

  it('a flow with a pole: du/dt = (u − 1)/(u − 3) from 2 decreases to the fixed point 1 (no leading order: the pole 3 is the other end); from 4 it increases without bound', () => {
    const d = deriveScalarFlow('(u - 1)/(u - 3)', { start: 2 });
    expect(d.path.direction).toBe('decreasing');
    expect(d.path.fixedPoint.value).toBe(1);
    expect(d.poles).toEqual([3]);
    expect(d.leadingOrder).toBeNull();
    expect(d.leadingOrderNote).toMatch(/pole of f/);
    expect(() => deriveScalarFlow('(u - 1)/(u - 3)', { start: 4 })).toThrow(/increases without bound/);
    // t(u) = u − 2 ln(u − 1) + const (dt/du = (u − 3)/(u − 1)), from 2.9 to 2.5
    expect(deriveScalarFlow('(u - 1)/(u - 3)', { start: 2.9, fraction: 0.9 }).evaluator.tOfU(2.5, 2.9)).toBeCloseTo(
      -0.4 + 2 * Math.log(1.9 / 1.5),
      14,
    );
  });

  it('scalarFlowJavascriptSource is an ES module whose criticalTime and tOfU equal the evaluator', async () => {
    const d: ScalarFlowDerivation = deriveScalarFlow('sigma2*u^(2*L)*(rho-u) - gamma*u', {
      parameters: { L: 2, sigma2: 1, rho: 1.5, gamma: 0.001 },
      start: 0.2,
    });
    const mod = (await import(`data:text/javascript,${encodeURIComponent(scalarFlowJavascriptSource(d))}`)) as {
      criticalTime: (u0?: number, p?: number) => number | null;
      tOfU: (u: number, u0?: number) => number;
    };
    expect(mod.criticalTime()).toBe(d.evaluator.criticalTime());
    expect(mod.criticalTime(0.3, 0.8)).toBe(d.evaluator.criticalTime(0.3, 0.8));
    expect(mod.tOfU(1.1)).toBe(d.evaluator.tOfU(1.1));
    expect(mod.criticalTime(0.01)).toBeNull();
  });
});

describe('deriveScalarFlow: errors', () => {
  const wd = { parameters: { L: 3, sigma2: 1, rho: 2, gamma: 0.01 } };
  it('rejects what is not rational in u, naming it', () => {
    expect(() => deriveScalarFlow('sin(u)', { start: 1 })).toThrow(/must be a rational function of u \(sin\(u\) is not\)/);
    expect(() => deriveScalarFlow('u^0.5', { start: 1 })).toThrow(/u\^0\.5 is a non-integer power of u/);
    expect(() => deriveScalarFlow('2^u', { start: 1 })).toThrow(/has u in an exponent/);
    expect(() => deriveScalarFlow('u^L', { parameters: { L: 1.5 }, start: 1 })).toThrow(InvalidArgumentError);
    expect(() => deriveScalarFlow('u*(1 - u', { start: 0.5 })).toThrow(/must be an expression mathjs can parse/);
  });

  it('rejects a symbol without a value, and a symbolic parameter in an exponent', () => {
    expect(() => deriveScalarFlow('beta*u*(1 - u)', { start: 0.5 })).toThrow(/beta has none/);
    expect(() => deriveScalarFlow('u^L*(1 - u)', { parameters: { L: 2 }, symbolic: ['L'], start: 0.5 })).toThrow(
      /must have numeric exponents/,
    );
  });

  it('says why the chosen fixed point is not reached', () => {
    const reason = (rhs: string, o: Parameters<typeof deriveScalarFlow>[1]): string => {
      try {
        deriveScalarFlow(rhs, o);
      } catch (error) {
        if (error instanceof FixedPointNotReachedError) return `${error.reason}: ${error.message}`;
        throw error;
      }
      return 'reached';
    };
    // below the weight-decay threshold the flow decays to 0
    expect(reason('sigma2*u^(2*L)*(rho-u) - gamma*u', { ...wd, start: 0.01, fixedPoint: 2 })).toMatch(
      /^flows-away: The fixed point u∞ = 1\.99969 is not reached from u0 = 0\.01/,
    );
    // asking for 0 from above the threshold: the threshold (unstable) lies between? the flow goes up, away from it
    expect(reason('sigma2*u^(2*L)*(rho-u) - gamma*u', { ...wd, start: 0.5, fixedPoint: 0 })).toMatch(/^flows-away/);
    // u(1 − u)(2 − u): from 0.5 the flow reaches 1; 2 lies beyond it
    expect(reason('u*(1 - u)*(2 - u)', { start: 0.5, fixedPoint: 2 })).toMatch(/^fixed-point-between: .*stops at the fixed point 1/);
    expect(reason('u*(1 - u)', { start: 2, fixedPoint: 1 })).toBe('reached');
    expect(reason('1 + u^2', { start: 0 })).toMatch(/^unbounded/);
    expect(reason('u*(1 - u)', { start: 1 })).toMatch(/^start-is-fixed-point/);
  });

  it('reports no critical time when the start is past the target', () => {
    const d = deriveScalarFlow('u*(1 - u)', { start: 0.7, fraction: 0.5 });
    expect(d.criticalTime).toMatchObject({ exists: false, reason: 'start-not-below-target' });
  });

  it('names the step when symbolic parameters make the partial fractions impossible for the CAS', () => {
    try {
      deriveScalarFlow('u*(rho - u^3)', { parameters: { rho: 2 }, symbolic: ['rho'], start: 0.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DerivationError);
      expect((error as DerivationError).step).toBe('partial-fractions');
      expect((error as Error).message).toMatch(/cannot split the numerator/);
    }
  });
});
