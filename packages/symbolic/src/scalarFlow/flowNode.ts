/**
 * The expression tree of a scalar flow's right-hand side f(u) after parsing and after the
 * numeric parameters are substituted: numbers are exact rationals, exponents of
 * u-dependent bases are integers, and the only symbols are the variable and the
 * parameters kept symbolic. Everything the pipeline does to f starts here: its CAS
 * string, its exact value at rational points, a compiled evaluator (closures over the
 * tree: no `eval`, no `new Function`), and its rational normal form over ℚ.
 *
 * @module
 */
import { ONE, ZERO, add, div, isZero, mul, neg, pow, rationalCas, sub, toNumber, type Rational } from './rational.js';
import { polyAdd, polyMul, polyPow, polyScale, polySub, type RationalPolynomial } from './rationalPolynomial.js';

/** A node of the tree. `symbol` names are the pipeline's internal names (`u`, `par1`, …). */
export type FlowNode =
  | { readonly kind: 'number'; readonly value: Rational }
  | { readonly kind: 'symbol'; readonly name: string }
  | { readonly kind: 'add' | 'subtract' | 'multiply' | 'divide'; readonly left: FlowNode; readonly right: FlowNode }
  | { readonly kind: 'negate'; readonly arg: FlowNode }
  /** base^exponent with an integer exponent. */
  | { readonly kind: 'power'; readonly base: FlowNode; readonly exponent: number };

/**
 * The tree in CAS (algebrite) syntax, every operand parenthesised.
 *
 * @param node - the tree.
 * @returns the CAS string.
 * @example
 * flowNodeCas({ kind: 'power', base: { kind: 'symbol', name: 'u' }, exponent: 3 }); // => '(u)^(3)'
 */
export function flowNodeCas(node: FlowNode): string {
  switch (node.kind) {
    case 'number':
      return rationalCas(node.value);
    case 'symbol':
      return node.name;
    case 'add':
      return `(${flowNodeCas(node.left)}) + (${flowNodeCas(node.right)})`;
    case 'subtract':
      return `(${flowNodeCas(node.left)}) - (${flowNodeCas(node.right)})`;
    case 'multiply':
      return `(${flowNodeCas(node.left)})*(${flowNodeCas(node.right)})`;
    case 'divide':
      return `(${flowNodeCas(node.left)})/(${flowNodeCas(node.right)})`;
    case 'negate':
      return `-(${flowNodeCas(node.arg)})`;
    case 'power':
      return `(${flowNodeCas(node.base)})^(${node.exponent})`;
  }
}

/** Thrown by {@link evaluateExact} where the value is undefined (division by 0) or a symbol has no value. */
export class NotRationalValue extends Error {}

/**
 * The exact value at rational symbol values.
 *
 * @param node - the tree.
 * @param scope - a value for every symbol in it.
 * @returns the rational value.
 * @throws {NotRationalValue} at a division by zero or for a symbol without a value.
 * @example
 * const x = evaluateExact({ kind: 'divide', left: { kind: 'number', value: { n: 1n, d: 1n } }, right: { kind: 'symbol', name: 'u' } }, new Map([['u', { n: 3n, d: 1n }]]));
 * `${x.n}/${x.d}`; // => '1/3'
 */
export function evaluateExact(node: FlowNode, scope: ReadonlyMap<string, Rational>): Rational {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'symbol': {
      const v = scope.get(node.name);
      if (v === undefined) throw new NotRationalValue(`no value for ${node.name}`);
      return v;
    }
    case 'add':
      return add(evaluateExact(node.left, scope), evaluateExact(node.right, scope));
    case 'subtract':
      return sub(evaluateExact(node.left, scope), evaluateExact(node.right, scope));
    case 'multiply':
      return mul(evaluateExact(node.left, scope), evaluateExact(node.right, scope));
    case 'divide': {
      const d = evaluateExact(node.right, scope);
      if (isZero(d)) throw new NotRationalValue('division by zero');
      return div(evaluateExact(node.left, scope), d);
    }
    case 'negate':
      return neg(evaluateExact(node.arg, scope));
    case 'power': {
      const b = evaluateExact(node.base, scope);
      if (node.exponent < 0 && isZero(b)) throw new NotRationalValue('division by zero');
      return pow(b, node.exponent);
    }
  }
}

/** A compiled tree: the value for symbol values given in the order of `symbols`. */
export type CompiledFlowNode = (values: Float64Array) => number;

/**
 * Compiles the tree to nested closures (no `eval`, no `new Function`: CSP-safe).
 *
 * @param node - the tree.
 * @param symbols - the symbol names, in the order their values are passed.
 * @returns the evaluator; `NaN` or ±Infinity where f is undefined.
 * @example
 * const f = compileFlowNode({ kind: 'power', base: { kind: 'symbol', name: 'u' }, exponent: 2 }, ['u']);
 * f(Float64Array.of(3)); // => 9
 */
export function compileFlowNode(node: FlowNode, symbols: readonly string[]): CompiledFlowNode {
  switch (node.kind) {
    case 'number': {
      const v = toNumber(node.value);
      return () => v;
    }
    case 'symbol': {
      const i = symbols.indexOf(node.name);
      if (i < 0) throw new RangeError(`compileFlowNode: no slot for the symbol ${node.name}`);
      return (values) => values[i];
    }
    case 'add': {
      const [a, b] = [compileFlowNode(node.left, symbols), compileFlowNode(node.right, symbols)];
      return (v) => a(v) + b(v);
    }
    case 'subtract': {
      const [a, b] = [compileFlowNode(node.left, symbols), compileFlowNode(node.right, symbols)];
      return (v) => a(v) - b(v);
    }
    case 'multiply': {
      const [a, b] = [compileFlowNode(node.left, symbols), compileFlowNode(node.right, symbols)];
      return (v) => a(v) * b(v);
    }
    case 'divide': {
      const [a, b] = [compileFlowNode(node.left, symbols), compileFlowNode(node.right, symbols)];
      return (v) => a(v) / b(v);
    }
    case 'negate': {
      const a = compileFlowNode(node.arg, symbols);
      return (v) => -a(v);
    }
    case 'power': {
      const a = compileFlowNode(node.base, symbols);
      const k = node.exponent;
      return (v) => Math.pow(a(v), k);
    }
  }
}

/** Whether the symbol `name` occurs in the tree. */
export function flowNodeUses(node: FlowNode, name: string): boolean {
  switch (node.kind) {
    case 'number':
      return false;
    case 'symbol':
      return node.name === name;
    case 'add':
    case 'subtract':
    case 'multiply':
    case 'divide':
      return flowNodeUses(node.left, name) || flowNodeUses(node.right, name);
    case 'negate':
      return flowNodeUses(node.arg, name);
    case 'power':
      return flowNodeUses(node.base, name);
  }
}

/** A rational function N/D over ℚ (not necessarily in lowest terms). */
export interface RationalFunction {
  readonly numerator: RationalPolynomial;
  readonly denominator: RationalPolynomial;
}

/**
 * The tree as a quotient of polynomials over ℚ in the variable, by exact polynomial
 * arithmetic (no cancellation of common factors: the caller reduces). Only for trees whose
 * sole symbol is the variable.
 *
 * @param node - the tree.
 * @param variable - the variable's internal name.
 * @returns N and D with f = N/D.
 * @throws {RangeError} for another symbol or a division by the zero polynomial.
 * @example
 * const { numerator, denominator } = rationalFunction({ kind: 'divide', left: { kind: 'number', value: { n: 1n, d: 1n } }, right: { kind: 'symbol', name: 'u' } }, 'u');
 * [numerator.length, denominator.length]; // => [1, 2]
 */
export function rationalFunction(node: FlowNode, variable: string): RationalFunction {
  const unit: RationalPolynomial = [ONE];
  switch (node.kind) {
    case 'number':
      return { numerator: isZero(node.value) ? [] : [node.value], denominator: unit };
    case 'symbol':
      if (node.name !== variable) throw new RangeError(`rationalFunction: the symbol ${node.name} has no value`);
      return { numerator: [ZERO, ONE], denominator: unit };
    case 'add':
    case 'subtract': {
      const a = rationalFunction(node.left, variable);
      const b = rationalFunction(node.right, variable);
      const combine = node.kind === 'add' ? polyAdd : polySub;
      if (samePolynomial(a.denominator, b.denominator)) return { numerator: combine(a.numerator, b.numerator), denominator: a.denominator };
      return {
        numerator: combine(polyMul(a.numerator, b.denominator), polyMul(b.numerator, a.denominator)),
        denominator: polyMul(a.denominator, b.denominator),
      };
    }
    case 'multiply': {
      const a = rationalFunction(node.left, variable);
      const b = rationalFunction(node.right, variable);
      return { numerator: polyMul(a.numerator, b.numerator), denominator: polyMul(a.denominator, b.denominator) };
    }
    case 'divide': {
      const a = rationalFunction(node.left, variable);
      const b = rationalFunction(node.right, variable);
      if (b.numerator.length === 0) throw new RangeError('rationalFunction: division by zero');
      return { numerator: polyMul(a.numerator, b.denominator), denominator: polyMul(a.denominator, b.numerator) };
    }
    case 'negate': {
      const a = rationalFunction(node.arg, variable);
      return { numerator: polyScale(a.numerator, neg(ONE)), denominator: a.denominator };
    }
    case 'power': {
      const a = rationalFunction(node.base, variable);
      const k = Math.abs(node.exponent);
      if (node.exponent < 0 && a.numerator.length === 0) throw new RangeError('rationalFunction: division by zero');
      const n = polyPow(a.numerator, k);
      const d = polyPow(a.denominator, k);
      return node.exponent >= 0 ? { numerator: n, denominator: d } : { numerator: d, denominator: n };
    }
  }
}

function samePolynomial(p: RationalPolynomial, q: RationalPolynomial): boolean {
  return p.length === q.length && p.every((c, k) => c.n === q[k].n && c.d === q[k].d);
}

/**
 * Bounds on the degrees in the variable of the numerator and denominator of the tree,
 * formed as {@link rationalFunction} forms them (the bounds a certificate by evaluation
 * at points needs).
 *
 * @param node - the tree.
 * @param variable - the variable's internal name.
 * @returns `[numerator bound, denominator bound]`.
 * @example
 * degreeBounds({ kind: 'power', base: { kind: 'symbol', name: 'u' }, exponent: -2 }, 'u'); // => [0, 2]
 */
export function degreeBounds(node: FlowNode, variable: string): [number, number] {
  switch (node.kind) {
    case 'number':
      return [0, 0];
    case 'symbol':
      return node.name === variable ? [1, 0] : [0, 0];
    case 'add':
    case 'subtract': {
      const [an, ad] = degreeBounds(node.left, variable);
      const [bn, bd] = degreeBounds(node.right, variable);
      return [Math.max(an + bd, bn + ad), ad + bd];
    }
    case 'multiply': {
      const [an, ad] = degreeBounds(node.left, variable);
      const [bn, bd] = degreeBounds(node.right, variable);
      return [an + bn, ad + bd];
    }
    case 'divide': {
      const [an, ad] = degreeBounds(node.left, variable);
      const [bn, bd] = degreeBounds(node.right, variable);
      return [an + bd, ad + bn];
    }
    case 'negate':
      return degreeBounds(node.arg, variable);
    case 'power': {
      const [n, d] = degreeBounds(node.base, variable);
      const k = Math.abs(node.exponent);
      return node.exponent >= 0 ? [n * k, d * k] : [d * k, n * k];
    }
  }
}
