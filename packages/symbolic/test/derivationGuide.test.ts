/**
 * The numbers docs/derivation.md quotes in "Your own flow" are what the pipeline computes:
 * each table is recomputed here with deriveScalarFlow and compared with the markdown
 * character for character, and the two variants' flows are derived from the loss by the CAS.
 * `PRINT_GUIDE=1 npx vitest run packages/symbolic/test/derivationGuide.test.ts` prints the tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FixedPointNotReachedError, deriveScalarFlow, jepaTime, maeTime, type ScalarFlowDerivation } from '@jepa-dynamics/symbolic';
import { cas } from '../src/cas.js';

const guide = readFileSync(new URL('../../../docs/derivation.md', import.meta.url), 'utf8');

// docs/math.md §3's two features and start: A = (λ = 1, ρ = 3), B = (λ = 2, ρ = 1), ε = 1e-2, p = ½
const FEATURES = [
  { name: 'A', lam: 1, rho: 3 },
  { name: 'B', lam: 2, rho: 1 },
] as const;
const EPSILON = 1e-2;
const DEPTHS = Array.from({ length: 10 }, (_, i) => i + 1);

const derived = new Map<string, ScalarFlowDerivation | null>();

/** The derivation to w̄ = ½ w̄∞ from u0 = ε^{1/L} (kept: several checks read the same one), or null when the flow decays instead (below the weight-decay threshold). */
function criticalTime(rhs: string, parameters: Record<string, number>, L: number, rho: number): ScalarFlowDerivation | null {
  const key = JSON.stringify([rhs, parameters]);
  if (!derived.has(key)) {
    try {
      derived.set(key, deriveScalarFlow(rhs, { parameters, start: EPSILON ** (1 / L), targetPower: L, fixedPoint: rho }));
    } catch (error) {
      if (!(error instanceof FixedPointNotReachedError && error.reason === 'flows-away')) throw error;
      derived.set(key, null);
    }
  }
  return derived.get(key) ?? null;
}

function cell(t: number | null): string {
  return t === null ? 'decays' : t.toPrecision(5);
}

function flipDepth(rows: readonly (readonly [number | null, number | null])[]): string {
  // the first depth from which A (high ρ) is learned before B (high λ) at every depth shown
  for (let i = 0; i < rows.length; i++) {
    if (rows.slice(i).every(([a, b]) => a !== null && b !== null && a < b)) return String(i + 1);
  }
  return 'none';
}

function table(columns: readonly { label: string; rows: readonly (readonly [number | null, number | null])[] }[]): string {
  const lines = [`| L | ${columns.map((c) => `${c.label}: t*_A / t*_B`).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
  for (const L of DEPTHS) lines.push(`| ${L} | ${columns.map((c) => c.rows[L - 1].map(cell).join(' / ')).join(' | ')} |`);
  lines.push(`| A first from L = | ${columns.map((c) => flipDepth(c.rows)).join(' | ')} |`);
  return lines.join('\n');
}

const JEPA_DECAY = 'lam*u^(2*L)*(1 - u/rho) - gamma*u';
const DECAYS = [1e-5, 1e-4, 1e-3];

function weightDecayTable(): string {
  const columns = [
    {
      label: 'γ = 0',
      rows: DEPTHS.map((L) => FEATURES.map((f) => jepaTime(L).tStar(f.lam, f.rho, EPSILON, 0.5)) as [number | null, number | null]),
    },
    ...DECAYS.map((gamma) => ({
      label: `γ = ${gamma.toExponential()}`,
      rows: DEPTHS.map(
        (L) =>
          FEATURES.map((f) => {
            const d = criticalTime(JEPA_DECAY, { L, lam: f.lam, rho: f.rho, gamma }, L, f.rho);
            return d !== null && d.criticalTime.exists ? d.criticalTime.t : null;
          }) as [number | null, number | null],
      ),
    })),
  ];
  return table(columns);
}

const JEPA_DEPTHS = 'lam*u^(2*L + M - 1)*(1 - u^M/rho)';

function predictorDepthTable(): string {
  const columns = [1, 2, 3].map((M) => ({
    label: `M = ${M}`,
    rows: DEPTHS.map(
      (L) =>
        FEATURES.map((f) => {
          if (M === 1) return jepaTime(L).tStar(f.lam, f.rho, EPSILON, 0.5);
          const d = criticalTime(JEPA_DEPTHS, { L, M, lam: f.lam, rho: f.rho }, L, f.rho ** (1 / M));
          return d !== null && d.criticalTime.exists ? d.criticalTime.t : null;
        }) as [number | null, number | null],
    ),
  }));
  return table(columns);
}

/** The shifted fixed point, the threshold and t* with and without decay for B at L = 4, γ = 1e-4. */
function weightDecayExample(): string {
  const d = deriveScalarFlow(JEPA_DECAY, { parameters: { L: 4, lam: 2, rho: 1, gamma: 1e-4 }, start: EPSILON ** (1 / 4), targetPower: 4 });
  const t = d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
  const [zero, threshold, top] = d.fixedPoints;
  return [
    `fixed points: ${zero.value} (${zero.stability}, f′ = ${zero.slope.toPrecision(4)}), ${threshold.value.toPrecision(6)} (${threshold.stability}), ${top.value.toPrecision(10)} (${top.stability})`,
    `t* = ${t.toPrecision(6)} (without decay ${(jepaTime(4).tStar(2, 1, EPSILON, 0.5) ?? Number.NaN).toPrecision(6)}), route ${d.route}, ${d.certificates.length} certificates`,
  ].join('\n');
}

/** MAE with the same decay: the order of A and B at L = 1…10 (the MAE order does not flip). */
function maeOrder(): string {
  const gamma = 1e-4;
  const order = DEPTHS.map((L) => {
    const [a, b] = FEATURES.map((f) => {
      const d = criticalTime('lam*u^L*(1 - u^(L+1)/rho) - gamma*u', { L, lam: f.lam, rho: f.rho, gamma }, L, f.rho ** (1 / (L + 1)));
      return d !== null && d.criticalTime.exists ? d.criticalTime.t : null;
    });
    return a === null ? 'B' : b === null ? 'A' : a < b ? 'A' : 'B';
  });
  const plain = DEPTHS.map((L) => ((maeTime(L).tStar(1, 3, EPSILON, 0.5) ?? 0) < (maeTime(L).tStar(2, 1, EPSILON, 0.5) ?? 0) ? 'A' : 'B'));
  return `MAE first learned, L = 1…10: γ = 0: ${plain.join(' ')}; γ = 1e-4: ${order.join(' ')}`;
}

const print = process.env.PRINT_GUIDE === '1';

describe('docs/derivation.md, "Your own flow": the quoted numbers', () => {
  for (const [name, make] of [
    ['weight-decay example', weightDecayExample],
    ['weight-decay table', weightDecayTable],
    ['MAE order', maeOrder],
    ['predictor-depth table', predictorDepthTable],
  ] as const) {
    it(`the ${name} is what the pipeline computes`, () => {
      const text = make();
      if (print) console.log(text);
      expect(guide).toContain(text);
    });
  }
});

describe('docs/derivation.md, "Your own flow": the claims read off the tables', () => {
  it('weight decay γ = 1e-4 delays A more than B up to L = 8 and B more from L = 9; ρ − u∞ = 5.0e-5 for B at L = 4', () => {
    for (const L of DEPTHS) {
      const delay = FEATURES.map((f) => {
        const d = criticalTime(JEPA_DECAY, { L, lam: f.lam, rho: f.rho, gamma: 1e-4 }, L, f.rho);
        const t = d !== null && d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
        return t - (jepaTime(L).tStar(f.lam, f.rho, EPSILON, 0.5) ?? Number.NaN);
      });
      if (L <= 8) expect(delay[0], `L = ${L}`).toBeGreaterThan(delay[1]);
      else expect(delay[1], `L = ${L}`).toBeGreaterThan(delay[0]);
    }
    const d = deriveScalarFlow(JEPA_DECAY, { parameters: { L: 4, lam: 2, rho: 1, gamma: 1e-4 }, start: EPSILON ** 0.25, targetPower: 4 });
    expect((1 - d.path.fixedPoint.value).toExponential(1)).toBe('5.0e-5');
  });

  it('a deeper predictor: t*_A/t*_B ≈ 2 at L = 1 (1.97, 2.00, 2.00) and falling with L for M = 2, 3', () => {
    const ratio = (L: number, M: number): number => {
      const [a, b] = FEATURES.map((f) => {
        if (M === 1) return jepaTime(L).tStar(f.lam, f.rho, EPSILON, 0.5) ?? Number.NaN;
        const d = criticalTime(JEPA_DEPTHS, { L, M, lam: f.lam, rho: f.rho }, L, f.rho ** (1 / M));
        return d !== null && d.criticalTime.exists ? d.criticalTime.t : Number.NaN;
      });
      return a / b;
    };
    expect([1, 2, 3].map((M) => ratio(1, M).toFixed(2))).toEqual(['1.97', '2.00', '2.00']);
    for (const M of [2, 3]) for (let L = 2; L <= 10; L++) expect(ratio(L, M), `M = ${M}, L = ${L}`).toBeLessThan(ratio(L - 1, M));
  });
});

describe('the two variants, derived from the loss by the CAS', () => {
  it('weight decay: −γθ on every gradient gives d/dt(v² − w_a²) = −2γ(v² − w_a²) (see weightDecayFlow.test.ts for the full check)', () => {
    expect(cas('expand(2*v*(-gamma*v) - 2*wa*(-gamma*wa) + 2*gamma*(v^2 - wa^2))')).toBe('0');
  });

  it('unequal depths: with v̄ = Π_b v_b (M layers), d/dt(v_b² − w_a²) = 0, and on v_b = w_a = u the flow is σ²u^{2L+M−1}(ρ − u^M) (JEPA), σ²u^{L+M−1}(ρ − u^{L+M}) (MAE)', () => {
    for (const objective of ['jepa', 'mae'] as const) {
      // one generic predictor layer b (v̄ = vb·Rb) and encoder layer a (w̄ = wa·Ra); W = sg(w̄) for JEPA
      const target = objective === 'jepa' ? 'W*y' : 'y';
      const sample = cas(`expand((vb*Rb*wa*Ra*x - ${target})^2/2)`);
      const loss = cas(`coeff(coeff(${sample},x,2),y,0)*s2 + coeff(coeff(${sample},x,1),y,1)*lam + coeff(coeff(${sample},x,0),y,2)*s2y`);
      const sg = (e: string): string => (objective === 'jepa' ? cas(`subst(wa*Ra, W, ${e})`) : e);
      const dv = sg(cas(`-d(${loss}, vb)`));
      const dw = sg(cas(`-d(${loss}, wa)`));
      expect(cas(`expand(2*vb*(${dv}) - 2*wa*(${dw}))`), objective).toBe('0');
      for (const [L, M] of [
        [1, 2],
        [3, 2],
        [2, 4],
      ]) {
        const balanced = (e: string): string => `subst(u, vb, subst(u, wa, subst(u^${M - 1}, Rb, subst(u^${L - 1}, Ra, ${e}))))`;
        const paper = objective === 'jepa' ? `s2*u^${2 * L + M - 1}*(lam/s2 - u^${M})` : `s2*u^${L + M - 1}*(lam/s2 - u^${L + M})`;
        expect(cas(`expand(${balanced(dv)} - (${paper}))`), `${objective} L=${L} M=${M}`).toBe('0');
        expect(cas(`expand(${balanced(dw)} - (${paper}))`), `${objective} L=${L} M=${M}`).toBe('0');
      }
    }
  });
});
