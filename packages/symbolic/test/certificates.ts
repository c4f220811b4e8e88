import { expect } from 'vitest';
import { derive, type Objective } from '../src/index.js';

/**
 * The loosest spot-check tolerance the tests accept for each step, fixed here so that a
 * certificate cannot pass by having its own tolerance loosened in the library:
 * - 1e-13…1e-12: identities between closed-form expressions evaluated in double precision
 *   (a few ulps of cancellation);
 * - 1e-9 (general-form) and 1e-8 (evaluator): two evaluations of the same t* by different
 *   formulas, whose cancellation near the start costs up to ~1e-9 relative (measured ≤ 3e-15);
 * - 1e-8 (flow): the gradient against a central difference with h = 1e-3 (error O(h²));
 * - 1e-6 (antiderivative): a fourth-order central difference with h = 1e-4·s (truncation ~1e-7);
 * - 1e-4 (leading-order-remainder): R(ε) converges like ε^{1/L} and is sampled at ε^{1/L} ≥ 1e-8;
 * - 0 (power-term): an exact symbolic identity checked at one point.
 */
const maxTolerance: Record<string, number> = {
  conservation: 1e-13,
  integrand: 1e-13,
  'g-derivative': 1e-13,
  'g-derivative-symbolic': 1e-13,
  'balanced-reduction': 1e-12,
  'partial-fractions': 1e-12,
  split: 1e-12,
  'g-scaling-and-series': 1e-12,
  'leading-order': 1e-12,
  'general-form': 1e-9,
  evaluator: 1e-8,
  flow: 1e-8,
  antiderivative: 1e-6,
  'leading-order-remainder': 1e-4,
  'power-term': 0,
};

/** Asserts every certificate of the derivation at depth L holds, and that the CAS ones reduced to '0'. */
export function expectCertified(objective: Objective, L: number): void {
  const d = derive(objective, L);
  expect(d.certificates.length).toBeGreaterThanOrEqual(9);
  for (const c of d.certificates) {
    const cap = maxTolerance[c.step];
    expect(cap, `${objective} L=${L}: no tolerance bound for step ${c.step}`).toBeDefined();
    expect(c.holds, `${objective} L=${L} ${c.step}: reduced ${c.reduced}, spot error ${c.spotCheck.maxError}`).toBe(true);
    expect(c.spotCheck.tolerance, `${objective} L=${L} ${c.step}`).toBeLessThanOrEqual(cap ?? Number.NaN);
    expect(c.spotCheck.maxError, `${objective} L=${L} ${c.step}`).toBeLessThanOrEqual(cap ?? Number.NaN);
    expect(c.spotCheck.points).toBeGreaterThan(0);
    if (c.route === 'cas') expect(c.reduced).toBe('0');
  }
  const steps = new Set(d.certificates.map((c) => c.step));
  for (const s of [
    'flow',
    'conservation',
    'balanced-reduction',
    'integrand',
    'evaluator',
    'leading-order',
    'leading-order-remainder',
    'general-form',
  ]) {
    expect(steps.has(s), `${objective} L=${L} lacks ${s}`).toBe(true);
  }
}
