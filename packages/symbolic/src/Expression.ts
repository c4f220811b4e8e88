import { casToTex, casToText } from './notation.js';

/** One derived result in three forms. */
export interface Expression {
  /** The CAS (algebrite) form, ASCII names: `lam` = λ, `rho` = ρ, `s2` = σ², `u0` = u₀ = ε^{1/L}, `W` = sg(w̄). */
  readonly cas: string;
  /** Plain text in the paper's notation (`log` is the natural logarithm). */
  readonly text: string;
  /** LaTeX in the paper's notation. */
  readonly latex: string;
}

/**
 * Wraps a CAS result with its text and LaTeX forms.
 *
 * @param casString - algebrite output.
 * @returns the three forms.
 * @example
 * expression('lam*u').text; // => 'λ * u'
 */
export function expression(casString: string): Expression {
  return { cas: casString, text: casToText(casString), latex: casToTex(casString) };
}
