/**
 * Reads the right-hand side f(u) of a scalar flow from a string (mathjs syntax) into a
 * {@link FlowNode} tree: numeric parameters substituted as exact rationals (through their
 * shortest decimal form), exponents of symbolic expressions evaluated to integers, symbolic
 * parameters renamed to internal CAS-safe names. Rejects, naming the culprit, what is not
 * a rational function of u.
 *
 * @module
 */
import { InvalidArgumentError } from '@jepa-dynamics/core';
import type { MathNode } from 'mathjs';
import { mathjs } from '../mathjs.js';
import { compileFlowNode, evaluateExact, flowNodeUses, NotRationalValue, type FlowNode } from './flowNode.js';
import { fromNumber, isInteger, toNumber, type Rational } from './rational.js';

/** What {@link parseFlow} needs besides the string. */
export interface ParseFlowContext {
  /** The public function named in errors. */
  readonly where: string;
  /** The variable's name as the user writes it. */
  readonly variable: string;
  /** Parameter values (used for substitution unless the parameter is symbolic). */
  readonly values: ReadonlyMap<string, number>;
  /** User name → internal name of each parameter kept symbolic. */
  readonly symbolic: ReadonlyMap<string, string>;
  /** The variable's internal name. */
  readonly internalVariable: string;
}

/** Functions of numeric arguments that may appear (their value enters as a decimal). */
const NUMERIC_FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  abs: Math.abs,
};

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/**
 * Parses and checks f(u).
 *
 * @param rhs - the right-hand side, e.g. `sigma2*u^(2*L)*(rho-u) - gamma*u`.
 * @param context - variable, parameter values and the symbolic ones.
 * @returns the tree.
 * @throws {InvalidArgumentError} (argument `rhs`) for a syntax error, a symbol that is neither the variable nor a parameter with a value, a function of u or a non-integer power of u (not rational), an exponent that depends on u or on a symbolic parameter, or a non-finite constant.
 */
export function parseFlow(rhs: string, context: ParseFlowContext): FlowNode {
  let tree: MathNode;
  try {
    tree = mathjs.parse(rhs);
  } catch (error) {
    throw new InvalidArgumentError(context.where, 'rhs', `must be an expression mathjs can parse (${(error as Error).message})`, rhs);
  }
  return convert(tree, rhs, context);
}

function fail(context: ParseFlowContext, rhs: string, rule: string): never {
  throw new InvalidArgumentError(context.where, 'rhs', rule, rhs);
}

function numberNode(value: Rational): FlowNode {
  return { kind: 'number', value };
}

/** The exact value of a subtree with no symbols, when it is rational; else its double as a decimal. */
function constantValue(node: FlowNode): Rational | null {
  try {
    return evaluateExact(node, new Map());
  } catch (error) {
    if (!(error instanceof NotRationalValue)) throw error;
    const x = compileFlowNode(node, [])(new Float64Array(0));
    return Number.isFinite(x) ? fromNumber(x) : null;
  }
}

function symbolFree(node: FlowNode, context: ParseFlowContext): boolean {
  if (flowNodeUses(node, context.internalVariable)) return false;
  for (const internal of context.symbolic.values()) if (flowNodeUses(node, internal)) return false;
  return true;
}

function convert(node: MathNode, rhs: string, context: ParseFlowContext): FlowNode {
  const u = context.variable;
  switch (node.type) {
    case 'ParenthesisNode':
      return convert((node as MathNode & { content: MathNode }).content, rhs, context);
    case 'ConstantNode': {
      const value: unknown = (node as MathNode & { value: unknown }).value;
      if (typeof value !== 'number' || !Number.isFinite(value))
        fail(context, rhs, `must contain only finite numbers (${node.toString()} is not one)`);
      return numberNode(fromNumber(value));
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if (name === u) return { kind: 'symbol', name: context.internalVariable };
      const internal = context.symbolic.get(name);
      if (internal !== undefined) return { kind: 'symbol', name: internal };
      const value = context.values.get(name);
      if (value !== undefined) return numberNode(fromNumber(value));
      const constant = CONSTANTS[name];
      if (constant !== undefined) return numberNode(fromNumber(constant));
      return fail(context, rhs, `must use only the variable ${u} and parameters given values (${name} has none)`);
    }
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; args: MathNode[] };
      const args = op.args.map((a) => convert(a, rhs, context));
      switch (op.fn) {
        case 'add':
          return { kind: 'add', left: args[0], right: args[1] };
        case 'subtract':
          return { kind: 'subtract', left: args[0], right: args[1] };
        case 'multiply':
          return { kind: 'multiply', left: args[0], right: args[1] };
        case 'divide':
          return { kind: 'divide', left: args[0], right: args[1] };
        case 'unaryMinus':
          return { kind: 'negate', arg: args[0] };
        case 'unaryPlus':
          return args[0];
        case 'pow':
          return power(args[0], args[1], op.args, rhs, context);
        default:
          return fail(context, rhs, `must be a rational function of ${u} (the operator in ${node.toString()} is not +, −, ×, / or ^)`);
      }
    }
    case 'FunctionNode': {
      const fn = node as MathNode & { fn: MathNode & { name?: string }; args: MathNode[] };
      const name = fn.fn.name ?? fn.fn.toString();
      const args = fn.args.map((a) => convert(a, rhs, context));
      if (args.some((a) => flowNodeUses(a, context.internalVariable)))
        fail(context, rhs, `must be a rational function of ${u} (${node.toString()} is not)`);
      const f = NUMERIC_FUNCTIONS[name];
      if (f === undefined || args.length !== 1)
        fail(context, rhs, `must use only the functions ${Object.keys(NUMERIC_FUNCTIONS).join(', ')} of constants (${node.toString()})`);
      if (!symbolFree(args[0], context))
        fail(context, rhs, `must apply functions to numbers only (${node.toString()} involves a symbolic parameter: give it a value)`);
      const x = f(compileFlowNode(args[0], [])(new Float64Array(0)));
      if (!Number.isFinite(x)) fail(context, rhs, `must contain only finite constants (${node.toString()} is ${x})`);
      return numberNode(fromNumber(x));
    }
    default:
      return fail(context, rhs, `must be a rational function of ${u} (${node.toString()} is not an arithmetic expression)`);
  }
}

function power(base: FlowNode, exponent: FlowNode, raw: readonly MathNode[], rhs: string, context: ParseFlowContext): FlowNode {
  const u = context.variable;
  const shown = `${raw[0].toString()}^${raw[1].toString()}`;
  if (flowNodeUses(exponent, context.internalVariable))
    fail(context, rhs, `must be a rational function of ${u} (${shown} has ${u} in an exponent)`);
  if (!symbolFree(exponent, context))
    fail(context, rhs, `must have numeric exponents (${shown}: give the parameters in the exponent values, not symbolic ones)`);
  const e = constantValue(exponent);
  if (e === null) fail(context, rhs, `must have finite exponents (${shown})`);
  if (isInteger(e) && Math.abs(Number(e.n)) <= 10000) return { kind: 'power', base, exponent: Number(e.n) };
  if (flowNodeUses(base, context.internalVariable))
    fail(
      context,
      rhs,
      `must be a rational function of ${u} (${shown} is a non-integer power of ${u}: exponents of ${u} must be integers up to 10000)`,
    );
  if (!symbolFree(base, context))
    fail(
      context,
      rhs,
      `must have integer exponents on symbolic parameters (${shown}: give them values, or write the power as a parameter of its own)`,
    );
  const b = constantValue(base);
  const x = b === null ? Number.NaN : Math.pow(toNumber(b), toNumber(e));
  if (!Number.isFinite(x)) fail(context, rhs, `must contain only finite real constants (${shown} is not one)`);
  return numberNode(fromNumber(x));
}
