/**
 * Checks of {@link Covariances} (run once, before training; never in the hot loop).
 * @module
 */
import { InvalidArgumentError, validateSymmetricPositiveDefinite } from '@jepa-dynamics/core';
import type { Covariances } from './types.js';

/**
 * Validates covariances for width d and returns d: every entry finite; diagonal
 * `sigmaXX`, `sigmaYY` entries > 0; full `sigmaXX`, `sigmaYY` symmetric (to 1e-12
 * relative to the largest entry) and positive definite (Cholesky succeeds:
 * `validateSymmetricPositiveDefinite` of `@jepa-dynamics/core`); all of the right size.
 *
 * @param cov - the covariances.
 * @param where - the public function to name in errors.
 * @throws InvalidArgumentError naming the offending field.
 * @returns the width d.
 * @example
 * ```ts
 * validateCovariances({ kind: 'diagonal', sigmaXX: Float64Array.of(1, 2), sigmaYX: Float64Array.of(1, 1) }, 'train'); // => 2
 * ```
 */
export function validateCovariances(cov: Covariances, where: string): number {
  const finite = (m: Float64Array, label: string): void => {
    if (!m.every(Number.isFinite)) throw new InvalidArgumentError(where, label, 'must have finite entries', m);
  };
  switch (cov.kind) {
    case 'diagonal': {
      const d = cov.sigmaXX.length;
      if (d < 1) throw new InvalidArgumentError(where, 'covariances.sigmaXX', 'must hold at least one feature', d);
      for (const [label, m] of [
        ['sigmaXX', cov.sigmaXX],
        ['sigmaYX', cov.sigmaYX],
        ['sigmaYY', cov.sigmaYY],
      ] as const) {
        if (m === undefined) continue;
        if (m.length !== d)
          throw new InvalidArgumentError(where, `covariances.${label}`, `must have the length of sigmaXX (${d})`, m.length);
        finite(m, `covariances.${label}`);
        if (label !== 'sigmaYX') {
          const bad = m.findIndex((x) => !(x > 0));
          if (bad >= 0)
            throw new InvalidArgumentError(
              where,
              `covariances.${label}[${bad}]`,
              'must be positive (a positive-definite covariance)',
              m[bad],
            );
        }
      }
      return d;
    }
    case 'full': {
      const d = Math.round(Math.sqrt(cov.sigmaXX.length));
      if (d < 1 || d * d !== cov.sigmaXX.length)
        throw new InvalidArgumentError(where, 'covariances.sigmaXX', 'must be a non-empty square matrix (d² entries)', cov.sigmaXX.length);
      for (const [label, m] of [
        ['sigmaXX', cov.sigmaXX],
        ['sigmaYX', cov.sigmaYX],
        ['sigmaYY', cov.sigmaYY],
      ] as const) {
        if (m === undefined) continue;
        if (m.length !== d * d)
          throw new InvalidArgumentError(where, `covariances.${label}`, `must have d² = ${d * d} entries like sigmaXX`, m.length);
        finite(m, `covariances.${label}`);
        if (label === 'sigmaYX') continue;
        validateSymmetricPositiveDefinite(where, `covariances.${label}`, m, d);
      }
      return d;
    }
  }
}
