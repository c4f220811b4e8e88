import type { MathNode } from 'mathjs';
import { cas, casBatch } from '../cas.js';
import { mathjs } from '../mathjs.js';

/** N = lead·Π (u − r_i)^{m_i} over the CAS's field; see {@link casLinearFactors}. */
export interface LinearFactorisation {
  /** N's leading coefficient in u (CAS). */
  readonly lead: string;
  /** Each distinct root (CAS) with its multiplicity. */
  readonly roots: readonly { readonly exact: string; readonly multiplicity: number }[];
}

/** The factors of a product tree, with exponents. */
function factorsOf(node: MathNode, power: number, out: [MathNode, number][]): void {
  if (node.type === 'ParenthesisNode') return factorsOf((node as MathNode & { content: MathNode }).content, power, out);
  if (node.type === 'OperatorNode') {
    const op = node as MathNode & { fn: string; args: MathNode[] };
    if (op.fn === 'multiply') {
      for (const a of op.args) factorsOf(a, power, out);
      return;
    }
    if (op.fn === 'unaryMinus') return factorsOf(op.args[0], power, out);
    if (op.fn === 'divide') {
      factorsOf(op.args[0], power, out);
      factorsOf(op.args[1], -power, out);
      return;
    }
    if (op.fn === 'pow' && op.args[1].type === 'ConstantNode') {
      const k = (op.args[1] as MathNode & { value: unknown }).value;
      if (typeof k === 'number' && Number.isInteger(k)) return factorsOf(op.args[0], power * k, out);
    }
  }
  out.push([node, power]);
}

function usesU(node: MathNode): boolean {
  return node.filter((n) => n.type === 'SymbolNode' && (n as MathNode & { name: string }).name === 'u').length > 0;
}

/**
 * Splits a polynomial in u with symbolic coefficients into linear factors with the CAS
 * (`factor(N, u)`), when it can.
 *
 * @param numerator - N (CAS, expanded, internal names).
 * @returns lead and roots, or null when a factor of degree ≥ 2 in u remains.
 * @throws {DerivationError} if algebrite fails.
 * @example
 * casLinearFactors('par2*par1*u^2-par2*u^3'); // => { lead: '-par2', roots: [{ exact: '0', multiplicity: 2 }, { exact: 'par1', multiplicity: 1 }] }
 */
export function casLinearFactors(numerator: string): LinearFactorisation | null {
  const factored = cas(`factor(${numerator}, u)`);
  const found: [MathNode, number][] = [];
  factorsOf(mathjs.parse(factored.replace(/\barctan\(/g, 'atan(')), 1, found);
  const polynomials = found.filter(([f]) => usesU(f)).map(([f, k]): [string, number] => [f.toString(), k]);
  if (polynomials.some(([, k]) => k < 0)) return null;
  const degrees = casBatch(polynomials.map(([f]) => `deg(${f}, u)`)).map(Number);
  if (degrees.some((d) => d !== 1)) return null;
  const rootStrings = casBatch(polynomials.map(([f]) => `-coeff(${f}, u, 0)/coeff(${f}, u, 1)`));
  const roots: { exact: string; multiplicity: number }[] = [];
  rootStrings.forEach((r, i) => {
    const same = roots.find((x) => x.exact === r);
    if (same !== undefined) (same as { multiplicity: number }).multiplicity += polynomials[i][1];
    else roots.push({ exact: r, multiplicity: polynomials[i][1] });
  });
  const lead = cas(`coeff(${numerator}, u, deg(${numerator}, u))`);
  return { lead, roots };
}
