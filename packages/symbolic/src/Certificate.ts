/**
 * Certificates: every derivation step carries one. A certificate holds when the CAS
 * reduced its identity to `0` (route `'cas'`) and the numeric spot check passed; on
 * route `'numeric'` (used only where the CAS cannot reduce the identity in bounded
 * time) the spot check alone decides, and `reduced` is `null`.
 *
 * @module
 */

/** A numeric check of an identity at seeded random points. */
export interface SpotCheck {
  /** Number of points evaluated. */
  readonly points: number;
  /** Largest error found, measured as `measure` says. */
  readonly maxError: number;
  /** Bound the error must stay below. */
  readonly tolerance: number;
  /** `'relative'`: |a − b| / max(|a|, |b|); `'absolute'`: |a − b| (used when the identity is "expression = 0"). */
  readonly measure: 'relative' | 'absolute';
  /** `maxError ≤ tolerance` and every value finite. */
  readonly holds: boolean;
}

/** The evidence for one derivation step. */
export interface Certificate {
  /** The pipeline step, e.g. `'flow'`, `'conservation'`, `'partial-fractions'`. */
  readonly step: string;
  /** What is certified, in words and in the paper's notation. */
  readonly claim: string;
  /** `'cas'`: an identity reduced to 0 by the CAS plus a spot check; `'numeric'`: the spot check alone. */
  readonly route: 'cas' | 'numeric';
  /** The CAS input whose result must be `0` (route `'cas'`), or a description of the numeric identity. */
  readonly identity: string;
  /** The CAS output (`'0'` when the identity holds); `null` on route `'numeric'`. */
  readonly reduced: string | null;
  /** The numeric spot check. */
  readonly spotCheck: SpotCheck;
  /** Whether the certificate holds. */
  readonly holds: boolean;
}

/**
 * Builds a spot check from pairs of values that must agree.
 *
 * @param pairs - `[derived, reference]` values at each point.
 * @param tolerance - bound on the error.
 * @param measure - `'relative'` or `'absolute'`.
 * @returns the spot check.
 * @example
 * spotCheck([[1, 1 + 1e-15]], 1e-12, 'relative').holds; // => true
 */
export function spotCheck(pairs: readonly (readonly [number, number])[], tolerance: number, measure: 'relative' | 'absolute'): SpotCheck {
  let maxError = 0;
  let finite = pairs.length > 0;
  for (const [a, b] of pairs) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      finite = false;
      continue;
    }
    const diff = Math.abs(a - b);
    const err = measure === 'relative' ? (diff === 0 ? 0 : diff / Math.max(Math.abs(a), Math.abs(b))) : diff;
    if (err > maxError) maxError = err;
  }
  return { points: pairs.length, maxError, tolerance, measure, holds: finite && maxError <= tolerance };
}

/**
 * Assembles a certificate on the CAS route.
 *
 * @param step - pipeline step.
 * @param claim - what is certified.
 * @param identity - the CAS input.
 * @param reduced - the CAS output.
 * @param check - the numeric spot check.
 * @returns the certificate; it holds when `reduced === '0'` and the check holds.
 * @example
 * casCertificate('s', 'c', 'x-x', '0', spotCheck([[1, 1]], 0, 'absolute')).holds; // => true
 */
export function casCertificate(step: string, claim: string, identity: string, reduced: string, check: SpotCheck): Certificate {
  return { step, claim, route: 'cas', identity, reduced, spotCheck: check, holds: reduced === '0' && check.holds };
}

/**
 * Assembles a certificate on the numeric route.
 *
 * @param step - pipeline step.
 * @param claim - what is certified.
 * @param identity - the identity checked, in words.
 * @param check - the numeric check that decides.
 * @returns the certificate.
 * @example
 * numericCertificate('s', 'c', 'f = g', spotCheck([[1, 1]], 1e-13, 'relative')).route; // => 'numeric'
 */
export function numericCertificate(step: string, claim: string, identity: string, check: SpotCheck): Certificate {
  return { step, claim, route: 'numeric', identity, reduced: null, spotCheck: check, holds: check.holds };
}
