/**
 * Weight decay, three ways: the scalar flow du/dt = σ²u^{2L}(ρ − u) − γu (JEPA) or
 * σ²u^L(ρ − u^{L+1}) − γu (MAE) derived from the matrix gradients (CAS: packages/symbolic/test/weightDecayFlow.test.ts), its
 * critical time from deriveScalarFlow, and discrete training of the full network with
 * `train({ weightDecay: γ })`, whose crossing time must converge to the flow's at first order
 * in η (Euler's method): the deviation halves when η halves.
 */
import { describe, expect, it } from 'vitest';
import { deriveScalarFlow } from '@jepa-dynamics/symbolic';
import { train, type Covariances } from '@jepa-dynamics/sim';

interface Feature {
  s2: number;
  lam: number;
}

// two features trained together (d = 2, aligned): the decay must keep them decoupled
const FEATURES: readonly Feature[] = [
  { s2: 1, lam: 1 },
  { s2: 0.5, lam: 0.6 },
];
const U0 = 0.4;
const P = 0.5;

function rhs(objective: 'jepa' | 'mae'): string {
  return objective === 'jepa' ? 'sigma2*u^(2*L)*(rho - u) - gamma*u' : 'sigma2*u^L*(rho - u^(L+1)) - gamma*u';
}

/** γ: 30 % of the slowest feature's growth rate f(u0)/u0 without decay, so both still grow from u0 (above the threshold). */
function decayFor(objective: 'jepa' | 'mae', L: number): number {
  const rate = (f: Feature): number =>
    objective === 'jepa' ? f.s2 * U0 ** (2 * L - 1) * (f.lam / f.s2 - U0) : f.s2 * U0 ** (L - 1) * (f.lam / f.s2 - U0 ** (L + 1));
  return 0.3 * Math.min(...FEATURES.map(rate));
}

/** The crossing time of w̄_i = p·w̄∞ in training, interpolated linearly between the steps around it (error O(η²)). */
function trainedCrossings(objective: 'jepa' | 'mae', L: number, gamma: number, eta: number, targets: number[], horizon: number): number[] {
  const covariances: Covariances = {
    kind: 'diagonal',
    sigmaXX: Float64Array.from(FEATURES, (f) => f.s2),
    sigmaYX: Float64Array.from(FEATURES, (f) => f.lam),
  };
  const base = {
    objective,
    depth: L,
    covariances,
    init: { kind: 'aligned', epsilon: U0 ** L },
    learningRate: eta,
    weightDecay: gamma,
  } as const;
  const first = train({ ...base, steps: Math.ceil(horizon / eta), criticalTimes: { targets, fraction: P } });
  const steps = (first.criticalSteps ?? []).map((k) => k ?? Number.NaN);
  expect(steps.every(Number.isFinite), `${objective} L=${L}: every feature crosses`).toBe(true);
  const second = train({ ...base, steps: Math.max(...steps), recordAt: steps.flatMap((k) => [k - 1, k]), recordEvery: Math.max(...steps) });
  return steps.map((k, i) => {
    const before = second.wbar[i][second.steps.indexOf(k - 1)];
    const after = second.wbar[i][second.steps.indexOf(k)];
    const threshold = P * targets[i];
    return (k - 1 + (threshold - before) / (after - before)) * eta;
  });
}

describe('weight decay: deriveScalarFlow against training as η → 0', () => {
  for (const objective of ['jepa', 'mae'] as const) {
    for (const L of [1, 2, 3, 4]) {
      it(`${objective.toUpperCase()}, L = ${L}: the trained crossing time tends to the derived t* at first order (deviation ratio 2 ± 0.3 when η halves)`, () => {
        const gamma = decayFor(objective, L);
        const derived = FEATURES.map((f) => {
          const d = deriveScalarFlow(rhs(objective), {
            parameters: { L, sigma2: f.s2, rho: f.lam / f.s2, gamma },
            start: U0,
            fraction: P,
            targetPower: L,
          });
          expect(d.criticalTime.exists).toBe(true);
          return {
            t: d.criticalTime.exists ? d.criticalTime.t : Number.NaN,
            wbarInf: d.path.fixedPoint.value ** L,
            uInf: d.path.fixedPoint.value,
          };
        });
        // weight decay lowers the fixed point below the undecayed one (ρ for JEPA, ρ^{1/(L+1)} for MAE)
        FEATURES.forEach((f, i) =>
          expect(derived[i].uInf).toBeLessThan(objective === 'jepa' ? f.lam / f.s2 : (f.lam / f.s2) ** (1 / (L + 1))),
        );
        const targets = derived.map((x) => x.wbarInf);
        const horizon = 1.5 * Math.max(...derived.map((x) => x.t));
        const etas = [0.02, 0.01, 0.005];
        const deviations = etas.map((eta) => trainedCrossings(objective, L, gamma, eta, targets, horizon).map((t, i) => t - derived[i].t));
        for (let i = 0; i < FEATURES.length; i++) {
          const [d1, d2, d3] = deviations.map((d) => d[i]);
          // first order: the deviation shrinks with η (at η = 0.005 a small fraction of t*) and halves with it
          expect(Math.abs(d3) / derived[i].t, `feature ${i}`).toBeLessThan(0.02);
          expect(d1 / d2, `feature ${i}: ${d1}, ${d2}`).toBeGreaterThan(1.7);
          expect(d1 / d2, `feature ${i}: ${d1}, ${d2}`).toBeLessThan(2.3);
          expect(d2 / d3, `feature ${i}: ${d2}, ${d3}`).toBeGreaterThan(1.7);
          expect(d2 / d3, `feature ${i}: ${d2}, ${d3}`).toBeLessThan(2.3);
        }
      });
    }
  }
});
