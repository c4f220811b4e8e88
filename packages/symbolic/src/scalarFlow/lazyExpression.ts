import type { Expression } from '../Expression.js';
import { casToTex, casToText } from '../notation.js';

/**
 * An {@link Expression} whose text and LaTeX forms are made on first use (and kept): a
 * derivation of {@link deriveScalarFlow} has a dozen long expressions that a caller who only
 * evaluates never prints, and parsing each for both forms costs ~10 ms. The properties are
 * enumerable getters, so `JSON.stringify` includes them.
 *
 * @param casString - the CAS form.
 * @returns the expression.
 * @example
 * lazyExpression('lam*u').text; // => 'λ * u'
 */
export function lazyExpression(casString: string): Expression {
  let text: string | undefined;
  let latex: string | undefined;
  const e = { cas: casString } as Expression;
  Object.defineProperty(e, 'text', { enumerable: true, get: () => (text ??= casToText(casString)) });
  Object.defineProperty(e, 'latex', { enumerable: true, get: () => (latex ??= casToTex(casString)) });
  return e;
}
