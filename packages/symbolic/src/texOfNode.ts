import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from 'mathjs';

/** Binding strength of printed TeX: what needs parentheses where. */
const SUM = 1;
const PRODUCT = 2;
const POWER = 3;
const ATOM = 4;

interface Printed {
  tex: string;
  /** How tightly it binds: SUM < PRODUCT (also −x) < POWER < ATOM. */
  level: number;
  /** It is a plain non-negative number (`2`, `0.5`): a product writes `\cdot` before it. */
  number: boolean;
}

const printed = (tex: string, level: number, number = false): Printed => ({ tex, level, number });
const paren = (tex: string): string => `\\left(${tex}\\right)`;

/** p/q when the node is a rational constant (integers, −, / and parentheses only), else null. */
function rationalOf(node: MathNode): [number, number] | null {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value;
      return typeof value === 'number' && Number.isInteger(value) ? [value, 1] : null;
    }
    case 'ParenthesisNode':
      return rationalOf((node as ParenthesisNode).content);
    case 'OperatorNode': {
      const op = node as OperatorNode;
      if (op.fn === 'unaryMinus') {
        const r = rationalOf(op.args[0]);
        return r === null ? null : [-r[0], r[1]];
      }
      if (op.fn === 'divide') {
        const [a, b] = [rationalOf(op.args[0]), rationalOf(op.args[1])];
        if (a === null || b === null || b[0] === 0) return null;
        const sign = Math.sign(b[0]);
        return [sign * a[0] * b[1], sign * a[1] * b[0]];
      }
      return null;
    }
    default:
      return null;
  }
}

const FUNCTIONS: Readonly<Record<string, string>> = {
  log: '\\ln',
  atan: '\\arctan',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
};

/** Strips the leading minus of a printed product or power (`-x y` → `x y`); null if it has none there. */
function withoutMinus(p: Printed): string | null {
  return p.tex.startsWith('-') && p.level >= PRODUCT ? p.tex.slice(1) : null;
}

function print(node: MathNode, symbol: (name: string) => string): Printed {
  const sub = (n: MathNode): Printed => print(n, symbol);
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as ConstantNode).value;
      const text = String(value);
      return typeof value === 'number' && value < 0 ? printed(`-${String(-value)}`, PRODUCT) : printed(text, ATOM, true);
    }
    case 'SymbolNode': {
      const tex = symbol((node as SymbolNode).name);
      // \sigma^2 already carries an exponent: raising it again needs parentheses
      return printed(tex, tex.includes('^') ? POWER : ATOM);
    }
    case 'ParenthesisNode':
      return sub((node as ParenthesisNode).content);
    case 'FunctionNode': {
      const fn = node as FunctionNode;
      const args = fn.args.map((a) => sub(a).tex).join(', ');
      const name = fn.fn.name;
      if (name === 'sqrt') return printed(`\\sqrt{${args}}`, ATOM);
      if (name === 'exp') return printed(`e^{${args}}`, POWER);
      if (name === 'abs') return printed(`\\left|${args}\\right|`, ATOM);
      const tex = FUNCTIONS[name] ?? `\\operatorname{${name}}`;
      const simple = fn.args.length === 1 && sub(fn.args[0]).level === ATOM;
      return printed(simple ? `${tex}(${args})` : `${tex}${paren(args)}`, ATOM);
    }
    case 'OperatorNode': {
      const op = node as OperatorNode;
      const [a, b] = op.args;
      switch (op.fn) {
        case 'add': {
          const [pa, pb] = [sub(a), sub(b)];
          const positive = withoutMinus(pb);
          return printed(positive === null ? `${pa.tex}+${pb.tex}` : `${pa.tex}-${positive}`, SUM);
        }
        case 'subtract': {
          const [pa, pb] = [sub(a), sub(b)];
          const right = pb.level <= SUM || pb.tex.startsWith('-') ? paren(pb.tex) : pb.tex;
          return printed(`${pa.tex}-${right}`, SUM);
        }
        case 'unaryMinus': {
          const pa = sub(a);
          return printed(pa.level <= SUM || pa.tex.startsWith('-') ? `-${paren(pa.tex)}` : `-${pa.tex}`, PRODUCT);
        }
        case 'unaryPlus':
          return sub(a);
        case 'multiply': {
          const factors: MathNode[] = [];
          const collect = (n: MathNode): void => {
            const inner = n.type === 'ParenthesisNode' ? (n as ParenthesisNode).content : n;
            if (inner.type === 'OperatorNode' && (inner as OperatorNode).fn === 'multiply') (inner as OperatorNode).args.forEach(collect);
            else factors.push(n);
          };
          collect(node);
          let tex = '';
          factors.forEach((f, i) => {
            const p = sub(f);
            // −1·x is −x
            if (i === 0 && p.tex === '-1' && factors.length > 1) {
              tex = '-';
              return;
            }
            const wrapped = p.level <= SUM || (i > 0 && p.tex.startsWith('-')) ? paren(p.tex) : p.tex;
            tex += i === 0 || tex === '-' ? wrapped : p.number ? ` \\cdot ${wrapped}` : ` ${wrapped}`;
          });
          return printed(tex, PRODUCT);
        }
        case 'divide': {
          const [pa, pb] = [sub(a), sub(b)];
          const positive = withoutMinus(pa);
          return printed(positive === null ? `\\frac{${pa.tex}}{${pb.tex}}` : `-\\frac{${positive}}{${pb.tex}}`, PRODUCT);
        }
        case 'pow': {
          const r = rationalOf(b);
          const pa = sub(a);
          // a root raised to a power gets parentheses: (∛p)², not ∛p²
          if (r !== null && r[0] === 1 && r[1] === 2) return printed(`\\sqrt{${pa.tex}}`, POWER);
          if (r !== null && r[0] === 1 && r[1] > 2) return printed(`\\sqrt[${r[1]}]{${pa.tex}}`, POWER);
          const base = pa.level < ATOM || pa.tex.startsWith('-') ? paren(pa.tex) : pa.tex;
          const exponent = r === null ? sub(b).tex : r[1] === 1 ? String(r[0]) : `${r[0]}/${r[1]}`;
          return printed(`${base}^{${exponent}}`, POWER);
        }
        default:
          return printed(`\\operatorname{${op.fn}}${paren(op.args.map((x) => sub(x).tex).join(', '))}`, ATOM);
      }
    }
    default:
      throw new TypeError(`texOfNode: no LaTeX for a mathjs ${node.type}`);
  }
}

/**
 * LaTeX of a mathjs expression tree as a person writes it: juxtaposition for products
 * (`\cdot` only before a number), `\frac` for quotients, `\sqrt{x}` and `\sqrt[n]{x}` for
 * x^{1/2} and x^{1/n}, other rational exponents inline (`\rho^{-1/4}`), `\ln` for the
 * natural logarithm, and parentheses only where the binding of the operators needs them.
 * The output uses amsmath's `\operatorname` for unnamed functions only.
 *
 * @param node - a mathjs expression tree (e.g. {@link parseCas} of a CAS result).
 * @param symbol - the LaTeX of a symbol name (the paper's notation).
 * @returns LaTeX (math mode, without delimiters).
 * @throws {TypeError} for node types an expression never contains (assignments, blocks, …).
 * @example
 * texOfNode(parseCas('3^(1/2)*u^4*(1+u)'), (name) => name); // => '\\sqrt{3} u^{4} \\left(1+u\\right)'
 * texOfNode(parseCas('-1/(2*u^2)'), (name) => name); // => '-\\frac{1}{2 u^{2}}'
 */
export function texOfNode(node: MathNode, symbol: (name: string) => string): string {
  return print(node, symbol).tex;
}
