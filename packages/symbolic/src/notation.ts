/**
 * The paper's notation for the symbols the derivation uses (MATH.md §1): the CAS
 * works with ASCII names (`lam`, `rho`, `s2`, `u0`, …); plain text shows them as
 * λ, ρ, σ², u₀ and LaTeX as \lambda, \rho, \sigma^2, u_0, \bar w.
 *
 * @module
 */
import { parse, type MathNode } from 'mathjs';

/** CAS name → [plain text, LaTeX]. Layer weights `w1, w2, …` are handled by pattern. */
const SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  lam: ['λ', '\\lambda'],
  rho: ['ρ', '\\rho'],
  s2: ['σ²', '\\sigma^2'],
  s2y: ['σ_y²', '\\sigma_y^2'],
  u0: ['u0', 'u_0'],
  wbar: ['w̄', '\\bar w'],
  wa: ['w_a', 'w_a'],
  Ra: ['R_a', 'R_a'],
  W: ['sg(w̄)', '\\operatorname{sg}(\\bar w)'],
  epsilon: ['ε', '\\varepsilon'],
  pi: ['π', '\\pi'],
};

function symbolText(name: string): string | undefined {
  const known = SYMBOLS[name];
  if (known !== undefined) return known[0];
  return undefined;
}

function symbolTex(name: string): string | undefined {
  const known = SYMBOLS[name];
  // braced, so that `\cdot` never runs into the name
  if (known !== undefined) return `{${known[1]}}`;
  const layer = /^w(\d+)$/.exec(name);
  if (layer !== null) return `{w_{${layer[1]}}}`;
  if (name.length === 1) return `{${name}}`;
  return undefined;
}

/** algebrite prints `arctan`; mathjs calls it `atan`. */
function toMathjsSyntax(casString: string): string {
  return casString.replace(/\barctan\(/g, 'atan(');
}

/**
 * Parses a CAS result into a mathjs expression tree.
 *
 * @param casString - algebrite output.
 * @returns the mathjs tree.
 * @example
 * parseCas('arctan(x)').toString(); // => 'atan(x)'
 */
export function parseCas(casString: string): MathNode {
  try {
    return parse(toMathjsSyntax(casString));
  } catch (error) {
    throw new SyntaxError(`parseCas: cannot parse the CAS output ${JSON.stringify(casString)}: ${(error as Error).message}`);
  }
}

/**
 * LaTeX of a CAS result in the paper's notation.
 *
 * @param casString - algebrite output such as `lam*u^2-s2*u^3`.
 * @returns LaTeX, e.g. `{\lambda}\cdot{{u}}^{2}-{\sigma^2}\cdot{{u}}^{3}` (every symbol braced).
 * @example
 * casToTex('lam*rho'); // => '{\\lambda}\\cdot{\\rho}'
 */
export function casToTex(casString: string): string {
  return parseCas(casString).toTex({
    parenthesis: 'auto',
    implicit: 'hide',
    handler: (node: MathNode): string | undefined => {
      if (node.type === 'SymbolNode' && 'name' in node && typeof node.name === 'string') return symbolTex(node.name);
      return undefined;
    },
  });
}

/**
 * Plain text of a CAS result in the paper's notation (λ, ρ, σ², ε; `log` is the natural logarithm).
 *
 * @param casString - algebrite output.
 * @returns the expression with Greek names, e.g. `λ * u ^ 2`.
 * @example
 * casToText('lam*u^2'); // => 'λ * u ^ 2'
 */
export function casToText(casString: string): string {
  return parseCas(casString).toString({
    parenthesis: 'auto',
    implicit: 'hide',
    handler: (node: MathNode): string | undefined => {
      if (node.type === 'SymbolNode' && 'name' in node && typeof node.name === 'string') return symbolText(node.name);
      return undefined;
    },
  });
}
