import { expect } from 'vitest';
import { derive, type Objective } from '../src/index.js';

/** Asserts every certificate of the derivation at depth L holds, and that the CAS ones reduced to '0'. */
export function expectCertified(objective: Objective, L: number): void {
  const d = derive(objective, L);
  expect(d.certificates.length).toBeGreaterThanOrEqual(9);
  for (const c of d.certificates) {
    expect(c.holds, `${objective} L=${L} ${c.step}: reduced ${c.reduced}, spot error ${c.spotCheck.maxError}`).toBe(true);
    expect(c.spotCheck.maxError).toBeLessThanOrEqual(c.spotCheck.tolerance);
    expect(c.spotCheck.points).toBeGreaterThan(0);
    if (c.route === 'cas') expect(c.reduced).toBe('0');
  }
  const steps = new Set(d.certificates.map((c) => c.step));
  for (const s of ['flow', 'conservation', 'balanced-reduction', 'integrand', 'evaluator', 'leading-order', 'leading-order-remainder', 'general-form']) {
    expect(steps.has(s), `${objective} L=${L} lacks ${s}`).toBe(true);
  }
}
