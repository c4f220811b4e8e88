import type { Certificate } from './Certificate.js';
import { DerivationError } from './DerivationError.js';
import { deriveFlow, type FlowDerivation } from './deriveFlow.js';
import { deriveJepaIntegral } from './deriveJepaIntegral.js';
import { deriveMaeIntegral } from './deriveMaeIntegral.js';
import { generalForm, generalFormCertificate, type GeneralForm } from './generalForm.js';
import type { IntegralDerivation } from './IntegralDerivation.js';
import { jepaTime } from './jepaTime.js';
import { maeTime } from './maeTime.js';
import { MAX_DEPTH } from './MAX_DEPTH.js';
import type { TimeEvaluator } from './TimeEvaluator.js';
import { InvalidArgumentError, validateDepth, type Objective } from '@jepa-dynamics/core';

/** Everything derived for one objective and depth, with the certificates of every step. */
export interface Derivation {
  readonly objective: Objective;
  readonly depth: number;
  /** Steps 1–3: loss, flow, conservation, balanced reduction. */
  readonly flow: FlowDerivation;
  /** Steps 4–6: integral, t(u), t*_p, leading order. */
  readonly integral: IntegralDerivation;
  /** The any-L form of t(u). */
  readonly general: GeneralForm;
  /** Every certificate, in pipeline order. */
  readonly certificates: readonly Certificate[];
  /** Fast evaluator of t(u) and t*_p (no eval; CSP-safe). */
  readonly evaluator: TimeEvaluator;
}

const cache = new Map<string, Derivation>();

/**
 * Derives, with a computer-algebra system, the JEPA or MAE per-feature gradient flow
 * from the loss, its conservation law, the balanced reduction, t(u) = ∫ du/(du/dt), the
 * critical time t*_p and its leading order as ε → 0 (docs/math.md §2–3), for a concrete
 * depth L; every step carries a {@link Certificate}. Results are cached per
 * (objective, depth) for the life of the process. Cost of the first call for an
 * (objective, depth): 0.05–0.4 s of CPU with the patched algebrite this repository
 * installs (patches/algebrite@1.4.0.patch); algebrite 1.4.0 as published takes about
 * 20 times as long, with the same results. Importing the package loads the CAS
 * (~0.4 s); `@jepa-dynamics/symbolic/evaluators` has the evaluators without it.
 *
 * @param objective - `'jepa'` or `'mae'`.
 * @param depth - encoder depth L, integer 1…12.
 * @returns the derivation; `certificates.every((c) => c.holds)` is guaranteed (a failing certificate throws).
 * @throws {InvalidArgumentError} for an unknown objective or a depth outside 1…12.
 * @throws {DerivationError} if any certificate fails (never for supported input; it would mean a bug).
 * @example
 * const d = derive('jepa', 1);
 * d.flow.dudt.cas; // => 'lam*u^2-s2*u^3'
 * d.certificates.every((c) => c.holds); // => true
 */
export function derive(objective: Objective, depth: number): Derivation {
  if (objective !== 'jepa' && objective !== 'mae')
    throw new InvalidArgumentError('derive', 'objective', "must be 'jepa' or 'mae'", objective);
  const L = validateDepth('derive', depth, MAX_DEPTH);
  const key = `${objective}:${L}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const flow = deriveFlow(objective, L);
  const integral = objective === 'jepa' ? deriveJepaIntegral(L, flow.dudt.cas) : deriveMaeIntegral(L, flow.dudt.cas);
  const certificates = [...flow.certificates, ...integral.certificates, generalFormCertificate(objective, L, integral.tOfU.cas)];
  const failed = certificates.filter((c) => !c.holds);
  if (failed.length > 0) {
    throw new DerivationError(
      `derive: certificate ${failed.map((c) => c.step).join(', ')} failed for ${objective} at L = ${L} (reduced: ${failed.map((c) => c.reduced).join('; ')}, spot-check error ${failed.map((c) => c.spotCheck.maxError).join('; ')}).`,
    );
  }
  const result: Derivation = {
    objective,
    depth: L,
    flow,
    integral,
    general: generalForm(objective),
    certificates,
    evaluator: objective === 'jepa' ? jepaTime(L) : maeTime(L),
  };
  cache.set(key, result);
  return result;
}
