/**
 * Step 1 of the scalar-flow pipeline: f = N/D with N and D polynomials in u in lowest
 * terms, and its certificate.
 *
 * With every parameter numeric, N and D are formed by exact polynomial arithmetic over ℚ
 * and reduced by their greatest common divisor. With symbolic parameters the CAS forms
 * them (numerators and denominators combined, then `expand`, which on polynomials is
 * safe), common powers of u are cancelled, and any other common factor at the given values
 * is an error (the CAS cannot cancel it symbolically).
 *
 * Certificate `rational-form` (route `cas`): the CAS evaluates f − N/D exactly at K
 * seeded rational points u = x_k, K one more than a bound on the degree of the numerator of
 * f − N/D in u; a non-zero rational function of that degree vanishes at fewer points, so
 * with every parameter numeric this is a proof. Symbolic parameters get seeded rational
 * values too at each point (a Schwartz–Zippel test: a false identity survives a point with
 * probability at most its degree over the size of the sample set).
 *
 * @module
 */
import { cas, casBatch } from '../cas.js';
import { casFunction } from '../casFunction.js';
import { casCertificate, spotCheck, type Certificate } from '../Certificate.js';
import { DerivationError } from '../DerivationError.js';
import { seededUniform } from '../seededUniform.js';
import { compileFlowNode, degreeBounds, flowNodeCas, rationalFunction, type FlowNode } from './flowNode.js';
import { ONE, div, parseCasRational, rational, rationalCas, type Rational } from './rational.js';
import { degree, polyDivMod, polyGcd, polyScale, polyToCas, polynomial, type RationalPolynomial } from './rationalPolynomial.js';

/** f = N/D; see the module comment. */
export interface RationalForm {
  /** N, a polynomial in `u` (CAS, internal names). */
  readonly numerator: string;
  /** D, a polynomial in `u` (CAS, internal names). */
  readonly denominator: string;
  /** N at the parameter values (exact). */
  readonly numeratorValues: RationalPolynomial;
  /** D at the parameter values (exact), N/D in lowest terms. */
  readonly denominatorValues: RationalPolynomial;
  readonly certificate: Certificate;
}

/** CAS numerator and denominator of a tree, combined without expanding. */
function casQuotient(node: FlowNode): { num: string; den: string } {
  const times = (a: string, b: string): string => (a === '1' ? b : b === '1' ? a : `(${a})*(${b})`);
  switch (node.kind) {
    case 'number':
      return { num: rationalCas(node.value), den: '1' };
    case 'symbol':
      return { num: node.name, den: '1' };
    case 'add':
    case 'subtract': {
      const a = casQuotient(node.left);
      const b = casQuotient(node.right);
      const op = node.kind === 'add' ? '+' : '-';
      if (a.den === b.den) return { num: `(${a.num}) ${op} (${b.num})`, den: a.den };
      return { num: `${times(a.num, b.den)} ${op} ${times(b.num, a.den)}`, den: times(a.den, b.den) };
    }
    case 'multiply': {
      const a = casQuotient(node.left);
      const b = casQuotient(node.right);
      return { num: times(a.num, b.num), den: times(a.den, b.den) };
    }
    case 'divide': {
      const a = casQuotient(node.left);
      const b = casQuotient(node.right);
      return { num: times(a.num, b.den), den: times(a.den, b.num) };
    }
    case 'negate': {
      const a = casQuotient(node.arg);
      return { num: `-(${a.num})`, den: a.den };
    }
    case 'power': {
      const a = casQuotient(node.base);
      const k = Math.abs(node.exponent);
      const num = a.num === '1' ? '1' : `(${a.num})^${k}`;
      const den = a.den === '1' ? '1' : `(${a.den})^${k}`;
      return node.exponent >= 0 ? { num, den } : { num: den, den: num };
    }
  }
}

/** `subst(v_1, par_1, … e)`: the symbolic parameters replaced by rationals. */
function substituted(e: string, values: ReadonlyMap<string, Rational>): string {
  let out = e;
  for (const [name, v] of values) out = `subst(${rationalCas(v)}, ${name}, ${out})`;
  return out;
}

function lowestPower(coefficients: readonly string[]): number {
  const k = coefficients.findIndex((c) => c !== '0');
  return k < 0 ? 0 : k;
}

/**
 * N/D in lowest terms for the tree, at symbolic parameters (CAS) or numeric ones (exact ℚ
 * arithmetic), with the `rational-form` certificate.
 *
 * @param tree - f, in the internal variable `u`.
 * @param values - the symbolic parameters' internal names and values (empty: all numeric).
 * @param seed - seed of the certificate's points.
 * @returns N, D (CAS strings), their exact values at the parameters, and the certificate.
 * @throws {DerivationError} (step `rational-form`) when f is identically 0 or undefined, or N and D share a factor other than a power of u that the CAS cannot cancel.
 */
export function rationalForm(tree: FlowNode, values: ReadonlyMap<string, Rational>, seed: number): RationalForm {
  let numerator: string;
  let denominator: string;
  let numeratorValues: RationalPolynomial;
  let denominatorValues: RationalPolynomial;
  if (values.size === 0) {
    let rf;
    try {
      rf = rationalFunction(tree, 'u');
    } catch (error) {
      throw new DerivationError(`deriveScalarFlow: f is undefined for every u (${(error as Error).message}).`, 'rational-form');
    }
    if (rf.numerator.length === 0)
      throw new DerivationError('deriveScalarFlow: f is identically 0, so every u is a fixed point.', 'rational-form');
    const g = polyGcd(rf.numerator, rf.denominator);
    let n = polyDivMod(rf.numerator, g)[0];
    let d = polyDivMod(rf.denominator, g)[0];
    // D monic: the form is then unique
    const lead = d[d.length - 1];
    n = polyScale(n, div(ONE, lead));
    d = polyScale(d, div(ONE, lead));
    numeratorValues = n;
    denominatorValues = d;
    numerator = polyToCas(n, 'u');
    denominator = polyToCas(d, 'u');
  } else {
    const q = casQuotient(tree);
    let [n, d] = casBatch([`expand(${q.num})`, `expand(${q.den})`]);
    if (n === '0') throw new DerivationError('deriveScalarFlow: f is identically 0, so every u is a fixed point.', 'rational-form');
    const [dn, dd] = casBatch([`deg(${n}, u)`, `deg(${d}, u)`]).map(Number);
    const nc = casBatch(Array.from({ length: dn + 1 }, (_, k) => `coeff(${n}, u, ${k})`));
    const dc = casBatch(Array.from({ length: dd + 1 }, (_, k) => `coeff(${d}, u, ${k})`));
    const shift = Math.min(lowestPower(nc), lowestPower(dc));
    if (shift > 0) {
      [n, d] = casBatch([`expand((${n})/u^${shift})`, `expand((${d})/u^${shift})`]);
      nc.splice(0, shift);
      dc.splice(0, shift);
    }
    const at = (cs: readonly string[]): RationalPolynomial => {
      const evaluated = casBatch(cs.map((c) => substituted(c, values)));
      return evaluated.map((s) => {
        const r = parseCasRational(s);
        if (r === null)
          throw new DerivationError(`deriveScalarFlow: a coefficient of N/D, ${s}, is not rational at the given values.`, 'rational-form');
        return r;
      });
    };
    numeratorValues = polynomial(at(nc));
    denominatorValues = polynomial(at(dc));
    const g = polyGcd(numeratorValues, denominatorValues);
    if (degree(g) > 0 || degree(numeratorValues) !== nc.length - 1 || degree(denominatorValues) !== dc.length - 1)
      throw new DerivationError(
        `deriveScalarFlow: at the given values the numerator and denominator of f share the factor ${polyToCas(g, 'u')} (or lose their leading term), which the CAS cannot cancel with symbolic parameters; give those parameters values (drop them from symbolic) or write f without the common factor.`,
        'rational-form',
      );
    numerator = n;
    denominator = d;
  }
  return {
    numerator,
    denominator,
    numeratorValues,
    denominatorValues,
    certificate: formCertificate(tree, numerator, denominator, values, seed),
  };
}

function formCertificate(
  tree: FlowNode,
  numerator: string,
  denominator: string,
  values: ReadonlyMap<string, Rational>,
  seed: number,
): Certificate {
  const f = flowNodeCas(tree);
  const [nf, df] = degreeBounds(tree, 'u');
  const [dn, dd] = casBatch([`deg(${numerator}, u)`, `deg(${denominator}, u)`]).map(Number);
  const points = Math.max(nf + dd, dn + df) + 1;
  const rand = seededUniform(seed);
  // small numerators and denominators (−63…63 over 1…16) keep the CAS's exact arithmetic cheap at high degree
  const draw = (): Rational => rational(BigInt(Math.floor(rand() * 127) - 63), BigInt(1 + Math.floor(rand() * 16)));
  const names = [...values.keys()];
  const compiled = compileFlowNode(tree, ['u', ...names]);
  const quotient = casFunction(`(${numerator})/(${denominator})`);
  const seen = new Set<string>();
  const reduced: string[] = [];
  const pairs: (readonly [number, number])[] = [];
  for (let attempts = 0; reduced.length < points && attempts < 20 * points; attempts++) {
    const x = draw();
    const key = `${x.n}/${x.d}`;
    if (seen.has(key)) continue;
    const scope = new Map<string, Rational>([...names.map((name): [string, Rational] => [name, draw()]), ['u', x]]);
    const at = (e: string): string => substituted(e, scope);
    let r: string;
    try {
      r = cas(`${at(f)} - (${at(numerator)})/(${at(denominator)})`);
    } catch {
      continue; // a pole of f or of N/D: another point
    }
    seen.add(key);
    reduced.push(r);
    const floats = [...scope.values()].map((v) => Number(v.n) / Number(v.d));
    const fv = Float64Array.from([floats[floats.length - 1], ...floats.slice(0, -1)]);
    pairs.push([compiled(fv), quotient(Object.fromEntries([...scope.keys()].map((k, i) => [k, floats[i]])))]);
  }
  const all = reduced.length === points && reduced.every((r) => r === '0');
  return casCertificate(
    'rational-form',
    `f = N/D with N = ${numerator}, D = ${denominator} (lowest terms)`,
    `subst(x, u, f) − subst(x, u, N)/subst(x, u, D) at ${points} seeded rational x (more than the degree ${points - 1} of its numerator${names.length > 0 ? '; the symbolic parameters at seeded rationals too' : ''}), f = ${f}`,
    all ? '0' : reduced.length < points ? `only ${reduced.length} of ${points} points` : reduced.filter((r) => r !== '0').join('; '),
    spotCheck(pairs, 1e-9, 'relative'),
  );
}
