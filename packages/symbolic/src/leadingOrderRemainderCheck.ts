import { casFunction } from './casFunction.js';
import { numericCertificate, spotCheck, type Certificate } from './Certificate.js';
import type { Objective } from '@jepa-dynamics/core';

/**
 * The numeric half of step 6: the remainder R = t* − (singular terms) − (log term),
 * which the CAS formed with every power u0^{−n} = ε^{−n/L} and ln u0 already cancelled,
 * stays bounded as ε → 0. It is evaluated at λ = 1, ρ = 3/2, p = ½ for
 * ε^{1/L} = 1e-6, 1e-7, 1e-8 and compared with its value at ε^{1/L} = 1e-16 (the
 * limit to within ~1e-16 relative): R converges like ε^{1/L}, so the spread must
 * be ≤ 1e-4 relative.
 *
 * @param objective - decides nothing in the check itself; named in the claim.
 * @param L - depth.
 * @param remainderU0 - R as a CAS expression in u0 = ε^{1/L}, λ, ρ, p.
 * @returns the certificate (numeric route).
 */
export function leadingOrderRemainderCheck(objective: Objective, L: number, remainderU0: string): Certificate {
  const R = casFunction(remainderU0);
  const scope = (u0: number): Record<string, number> => ({ lam: 1, rho: 1.5, p: 0.5, u0 });
  const limit = R(scope(1e-16));
  const pairs = [1e-6, 1e-7, 1e-8].map((u0) => [R(scope(u0)), limit] as const);
  return numericCertificate(
    'leading-order-remainder',
    `${objective.toUpperCase()}, L = ${L}: t* − leading order stays bounded as ε → 0; at λ = 1, ρ = 3/2, p = ½ it tends to ${limit.toPrecision(10)}`,
    'R(ε) for ε^{1/L} = 1e-6, 1e-7, 1e-8 against R at ε^{1/L} = 1e-16',
    spotCheck(pairs, 1e-4, 'relative'),
  );
}
