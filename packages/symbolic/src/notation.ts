/**
 * The paper's notation for the symbols the derivation uses (docs/math.md §1): the CAS
 * works with ASCII names (`lam`, `rho`, `s2`, `u0`, …); plain text shows them as
 * λ, ρ, σ², u₀ and LaTeX as \lambda, \rho, \sigma^2, u_0, \bar w.
 *
 * @module
 */
import type { ConstantNode, MathNode, OperatorNode, ParenthesisNode } from 'mathjs';
import { mathjs } from './mathjs.js';
import { pruneTrivial } from './pruneTrivial.js';
import { texOfNode } from './texOfNode.js';

/** CAS name → [plain text, LaTeX]. Layer weights `w1, w2, …` are handled by pattern. */
const SYMBOLS: Readonly<Record<string, readonly [string, string]>> = {
  lam: ['λ', '\\lambda'],
  rho: ['ρ', '\\rho'],
  s2: ['σ²', '\\sigma^2'],
  s2y: ['σ_y²', '\\sigma_y^2'],
  u0: ['u0', 'u_0'],
  wbar: ['w̄', '\\bar{w}'],
  wa: ['w_a', 'w_a'],
  Ra: ['R_a', 'R_a'],
  W: ['sg(w̄)', '\\operatorname{sg}(\\bar{w})'],
  epsilon: ['ε', '\\varepsilon'],
  pi: ['π', '\\pi'],
};

function symbolText(name: string): string | undefined {
  const known = SYMBOLS[name];
  if (known !== undefined) return known[0];
  return undefined;
}

function symbolTex(name: string): string {
  const known = SYMBOLS[name];
  if (known !== undefined) return known[1];
  const layer = /^w(\d+)$/.exec(name);
  if (layer !== null) return `w_{${layer[1]}}`;
  return name.length === 1 ? name : `\\mathit{${name}}`;
}

/** algebrite prints `arctan`; mathjs calls it `atan`. */
function toMathjsSyntax(casString: string): string {
  return casString.replace(/\barctan\(/g, 'atan(');
}

/** If `node` prints with a leading minus (−x, −a/b, −a·b, a negative constant), the node without it; else null. */
function withoutLeadingMinus(node: MathNode): MathNode | null {
  if (node.type === 'ParenthesisNode') return withoutLeadingMinus((node as ParenthesisNode).content);
  if (node.type === 'ConstantNode') {
    const value = (node as ConstantNode).value;
    return typeof value === 'number' && value < 0 ? new mathjs.ConstantNode(-value) : null;
  }
  if (node.type !== 'OperatorNode') return null;
  const op = node as OperatorNode;
  if (op.fn === 'unaryMinus') return op.args[0];
  if ((op.fn === 'multiply' || op.fn === 'divide') && op.args.length === 2) {
    const first = withoutLeadingMinus(op.args[0]);
    if (first === null) return null;
    // −1·x → x
    if (op.fn === 'multiply' && first.type === 'ConstantNode' && (first as ConstantNode).value === 1) return op.args[1];
    return new mathjs.OperatorNode(op.op, op.fn, [first, op.args[1]]);
  }
  return null;
}

/** Rewrites `a + (−b)` as `a − b` and `a − (−b)` as `a + b` (assembled sums of CAS terms print that way otherwise). */
function tidySigns(root: MathNode): MathNode {
  return root.transform((node) => {
    if (node.type !== 'OperatorNode') return node;
    const op = node as OperatorNode;
    if (op.args.length !== 2 || (op.fn !== 'add' && op.fn !== 'subtract')) return node;
    const positive = withoutLeadingMinus(op.args[1]);
    if (positive === null) return new mathjs.OperatorNode(op.op, op.fn, [tidySigns(op.args[0]), tidySigns(op.args[1])]);
    return op.fn === 'add'
      ? new mathjs.OperatorNode('-', 'subtract', [tidySigns(op.args[0]), tidySigns(positive)])
      : new mathjs.OperatorNode('+', 'add', [tidySigns(op.args[0]), tidySigns(positive)]);
  });
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
    return tidySigns(mathjs.parse(toMathjsSyntax(casString)));
  } catch (error) {
    throw new SyntaxError(`parseCas: cannot parse the CAS output ${JSON.stringify(casString)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * LaTeX of a CAS result in the paper's notation, simplified for reading: trivial factors
 * and terms dropped ({@link pruneTrivial}), products by juxtaposition, `\sqrt` for square
 * roots, parentheses only where needed ({@link texOfNode}). Needs amsmath only for
 * `\operatorname` (the StopGrad copy `sg`).
 *
 * @param casString - algebrite output such as `lam*u^2-s2*u^3`.
 * @returns LaTeX (math mode, without delimiters), e.g. `\lambda u^{2}-\sigma^2 u^{3}`.
 * @example
 * casToTex('lam*rho'); // => '\\lambda \\rho'
 * casToTex('1+0*u*rho^(-1/4)+1*u^4'); // => '1+u^{4}'
 * casToTex('3^(1/2)*s2^2'); // => '\\sqrt{3} \\left(\\sigma^2\\right)^{2}'
 */
export function casToTex(casString: string): string {
  return texOfNode(pruneTrivial(parseCas(casString)), symbolTex);
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
  return pruneTrivial(parseCas(casString)).toString({
    parenthesis: 'auto',
    implicit: 'hide',
    handler: (node: MathNode): string | undefined => {
      if (node.type === 'SymbolNode' && 'name' in node && typeof node.name === 'string') return symbolText(node.name);
      return undefined;
    },
  });
}
