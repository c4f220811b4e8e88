/**
 * One line of a certificate in `derive`'s text output.
 * @module
 */
import type { Certificate } from '@jepa-dynamics/symbolic';

/**
 * `holds  step [route, reduced to 0; spot check n points, max relative error e ≤ tol]: claim`.
 * @param c - the certificate.
 * @returns the line, indented by two spaces.
 */
export function certificateLine(c: Certificate): string {
  return `  ${c.holds ? 'holds' : 'FAILS'}  ${c.step} [${c.route}${c.reduced === null ? '' : `, reduced to ${c.reduced}`}; spot check ${c.spotCheck.points} points, max ${c.spotCheck.measure} error ${c.spotCheck.maxError.toExponential(1)} ≤ ${c.spotCheck.tolerance}]: ${c.claim}`;
}
