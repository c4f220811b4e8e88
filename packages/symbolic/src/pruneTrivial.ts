import type { ConstantNode, MathNode, OperatorNode, ParenthesisNode } from 'mathjs';
import { mathjs } from './mathjs.js';

const constantValue = (node: MathNode): number | undefined => {
  if (node.type === 'ParenthesisNode') return constantValue((node as ParenthesisNode).content);
  if (node.type !== 'ConstantNode') return undefined;
  const value = (node as ConstantNode).value;
  return typeof value === 'number' ? value : undefined;
};

const constant = (value: number): MathNode => new mathjs.ConstantNode(value);

/** One node with its (already pruned) arguments: the exact identities 0·x = 0, 1·x = x, x + 0 = x, x/1 = x, x¹ = x, x⁰ = 1. */
function pruneNode(node: MathNode): MathNode {
  if (node.type === 'ParenthesisNode') {
    const content = (node as ParenthesisNode).content;
    return constantValue(content) === undefined ? node : content;
  }
  if (node.type !== 'OperatorNode') return node;
  const op = node as OperatorNode;
  const [a, b] = op.args;
  const [ca, cb] = [constantValue(a), b === undefined ? undefined : constantValue(b)];
  switch (op.fn) {
    case 'multiply':
      if (op.args.length !== 2) return node;
      // the CAS's numbers are exact (roots of unity give exact 0 and 1 coefficients): 0·x = 0 for every finite x
      if (ca === 0 || cb === 0) return constant(0);
      if (ca === 1) return b;
      if (cb === 1) return a;
      return node;
    case 'add':
      if (op.args.length !== 2) return node;
      if (ca === 0) return b;
      if (cb === 0) return a;
      return node;
    case 'subtract':
      if (cb === 0) return a;
      if (ca === 0) return new mathjs.OperatorNode('-', 'unaryMinus', [b]);
      return node;
    case 'divide':
      if (ca === 0) return constant(0);
      if (cb === 1) return a;
      return node;
    case 'pow':
      if (cb === 1) return a;
      if (cb === 0) return constant(1);
      return node;
    case 'unaryMinus':
      return ca === 0 ? constant(0) : node;
    default:
      return node;
  }
}

/**
 * A copy of an expression tree without the trivial factors and terms that CAS output
 * carries (`1 + 0·u·ρ^{−1/4}`, `1·u`, `x^1`): the identities 0·x = 0, 1·x = x,
 * x ± 0 = x, 0 − x = −x, x/1 = x, x¹ = x and x⁰ = 1, applied bottom-up. The value is
 * unchanged wherever the expression is finite. Used for display (text and LaTeX), not
 * for the compiled evaluators.
 *
 * @param root - a mathjs expression tree (not modified).
 * @returns the pruned tree.
 * @example
 * pruneTrivial(parseCas('1+0*u*rho')).toString(); // => '1'
 * pruneTrivial(parseCas('1*u^1')).toString(); // => 'u'
 */
export function pruneTrivial(root: MathNode): MathNode {
  return pruneNode(root.map((child) => pruneTrivial(child)));
}
