import { adaptiveQuadrature, InvalidArgumentError, validateFinite, validateInteger } from '@jepa-dynamics/core';
import { cas, casBatch } from '../cas.js';
import { casFunction } from '../casFunction.js';
import { casCertificate, numericCertificate, spotCheck, type Certificate } from '../Certificate.js';
import { DerivationError } from '../DerivationError.js';
import type { Expression } from '../Expression.js';
import { lazyExpression } from './lazyExpression.js';
import { seededUniform } from '../seededUniform.js';
import { casLinearFactors } from './casFactorisation.js';
import { clearedIdentityCertificate } from './clearedIdentity.js';
import { exactPartialFractions, type ExactRoot } from './exactPartialFractions.js';
import { compileFlowNode, flowNodeCas } from './flowNode.js';
import { flowPath, type FixedPointInfo } from './flowPath.js';
import { rationalPolynomialRoots, type FlowRoot } from './flowRoot.js';
import { antiderivativeCertificate, integrateTerms, singularCoefficients, sumOf, termsAt, timeDifference } from './integrateTerms.js';
import { numericPartialFractions, type RootedTerm } from './numericPartialFractions.js';
import { parseFlow } from './parseFlow.js';
import { fromNumber, parseCasRational, rationalCas, toNumber, type Rational } from './rational.js';
import { degree, polyToCas, polyToNumbers } from './rationalPolynomial.js';
import { rationalForm } from './rationalForm.js';
import type {
  ScalarFlowCriticalTime,
  ScalarFlowDerivation,
  ScalarFlowFixedPoint,
  ScalarFlowLeadingOrder,
  ScalarFlowOptions,
} from './ScalarFlowDerivation.js';
import { scalarFlowEvaluator } from './scalarFlowEvaluator.js';
import { antiderivativeCas, integrandCas, numberCas, termValue, type TimeTerm } from './timeTerm.js';

const WHERE = 'deriveScalarFlow';
/** Seeds of the certificates' points (fixed: every run checks the same points). */
const SEED_FORM = 7101;
const SEED_PATH = 7102;
/** Points on the path at which t(u) is checked against quadrature. */
const PATH_POINTS = 20;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** What the pipeline knows about one term, whichever route produced it. */
interface PipelineTerm {
  readonly term: TimeTerm;
  /** Index into the real fixed points of the root it belongs to (−1: complex root or polynomial part). */
  readonly fixedPoint: number;
}

function horner(p: Float64Array, x: number): number {
  let v = 0;
  for (let k = p.length - 1; k >= 0; k--) v = v * x + p[k];
  return v;
}

/**
 * Derives, with certificates, the time course of an autonomous scalar flow du/dt = f(u)
 * whose right-hand side is a rational function of u: its fixed points and their
 * stability, t(u) = ∫_{u0}^{u} ds/f(s) by partial fractions, the critical time to u* =
 * p^{1/k}·u∞ for the fixed point u∞ the flow reaches, and the leading order of t* as the
 * start approaches the fixed point the path leaves (u0 → 0 for the paper's flows), as CAS
 * expressions (with text and LaTeX) and as fast evaluators. See docs/derivation.md, "Your
 * own flow".
 *
 * Route: f is put in lowest terms N/D (exactly over ℚ, or by the CAS with symbolic
 * parameters). When every root of N is found exactly (rational roots, or linear factors
 * over the symbolic parameters) the partial fractions are formed by the CAS and certified
 * by clearing denominators (`route: 'exact'`); otherwise (all parameters numeric) the
 * roots come from Aberth–Ehrlich iteration with certified inclusion disks and the
 * coefficients in floating point, certified by the reconstruction residual
 * (`route: 'numeric-roots'`). Either way t(u) and t* are checked against adaptive
 * Gauss–Kronrod quadrature of 1/f at 20 seeded points. Time is that of the flow as
 * written (gradient-flow time for the paper's flows). Cost: 0.05–1 s for degrees up to ~25.
 *
 * @param rhs - f(u) in mathjs syntax, e.g. `sigma2*u^(2*L)*(rho-u) - gamma*u`; operators + − * / ^, numbers, the variable and parameters (exponents of u must come out integer), functions only of constants.
 * @param options - parameter values, the symbolic ones, start, fixed point, fraction, target power (see {@link ScalarFlowOptions}).
 * @returns the derivation; every certificate holds.
 * @throws {InvalidArgumentError} for f not rational in u (e.g. `sin(u)`, `u^0.5`), a symbol without a value, a bad option (start not finite, fraction outside (0, 1), …), or a start at a pole of f.
 * @throws {FixedPointNotReachedError} when the flow from the start does not reach the chosen fixed point (it flows away, stops at another fixed point or a pole first, or runs off to infinity).
 * @throws {DerivationError} naming the step that could not be carried out or certified.
 * @example
 * // logistic growth du/dt = r u (1 − u/K)
 * const d = deriveScalarFlow('r*u*(1 - u/K)', { parameters: { r: 2, K: 1 }, start: 0.01 });
 * d.route; // => 'exact'
 * d.fixedPoints.map((p) => [p.value, p.stability]); // => [[0, 'unstable'], [1, 'stable']]
 * d.criticalTime.exists ? d.criticalTime.t : null; // ≈ 2.297560 (= ln 99 / 2)
 */
export function deriveScalarFlow(rhs: string, options: ScalarFlowOptions): ScalarFlowDerivation {
  if (typeof rhs !== 'string') throw new InvalidArgumentError(WHERE, 'rhs', 'must be a string', rhs);
  const variable = options.variable ?? 'u';
  if (typeof variable !== 'string' || !IDENTIFIER.test(variable))
    throw new InvalidArgumentError(WHERE, 'options.variable', 'must be an identifier', variable);
  const parameters = options.parameters ?? {};
  const reserved = new Set([variable, `${variable}0`, 'p', 's', 'pi', 'e']);
  const values = new Map<string, number>();
  for (const [name, value] of Object.entries(parameters)) {
    if (!IDENTIFIER.test(name) || reserved.has(name))
      throw new InvalidArgumentError(
        WHERE,
        'options.parameters',
        `must be named by identifiers other than ${[...reserved].join(', ')}`,
        name,
      );
    values.set(name, validateFinite(WHERE, `options.parameters.${name}`, value));
  }
  const symbolicNames = options.symbolic ?? [];
  const symbolic = new Map<string, string>();
  symbolicNames.forEach((name, i) => {
    if (!values.has(name)) throw new InvalidArgumentError(WHERE, 'options.symbolic', 'must list parameters that have values', name);
    symbolic.set(name, `par${i + 1}`);
  });
  const start = validateFinite(WHERE, 'options.start', options.start);
  const fraction = options.fraction ?? 0.5;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1))
    throw new InvalidArgumentError(WHERE, 'options.fraction', 'must be a number in (0, 1)', fraction);
  const power = validateInteger(WHERE, 'options.targetPower', options.targetPower ?? 1, 1);
  const choice = options.fixedPoint ?? 'reached';
  if (choice !== 'reached') validateFinite(WHERE, 'options.fixedPoint', choice);

  const tree = parseFlow(rhs, { where: WHERE, variable, values, symbolic, internalVariable: 'u' });
  const internalValues = new Map<string, Rational>([...symbolic].map(([name, internal]) => [internal, fromNumber(values.get(name) ?? 0)]));
  const floatScope: Record<string, number> = Object.fromEntries([...internalValues].map(([k, v]) => [k, toNumber(v)]));
  const slots = ['u', ...internalValues.keys()];
  const compiled = compileFlowNode(tree, slots);
  const slotValues = Float64Array.from([0, ...Object.values(floatScope)]);
  const f = (u: number): number => {
    slotValues[0] = u;
    return compiled(slotValues);
  };
  const rename = (s: string): string =>
    s.replace(/\b(par\d+|u0|u)\b/g, (m) =>
      m === 'u' ? variable : m === 'u0' ? `${variable}0` : (symbolicNames[Number(m.slice(3)) - 1] ?? m),
    );
  const show = (s: string): Expression => lazyExpression(rename(s));
  const certificates: Certificate[] = [];
  const certify = (c: Certificate): void => {
    certificates.push({ ...c, claim: rename(c.claim) });
    if (!c.holds)
      throw new DerivationError(
        `${WHERE}: the step ${c.step} could not be certified (reduced: ${c.reduced ?? 'numeric route'}; spot-check error ${c.spotCheck.maxError} against ${c.spotCheck.tolerance}).`,
        c.step,
      );
  };

  // 1. f = N/D
  const form = rationalForm(tree, internalValues, SEED_FORM);
  certify(form.certificate);
  const fs = f(start);
  if (!Number.isFinite(fs))
    throw new InvalidArgumentError(WHERE, 'options.start', `must not be a pole of f (f(${variable}0) = ${fs})`, start);

  // 2. roots of N (fixed points) and D (poles) at the parameter values
  const nRoots = rationalPolynomialRoots(form.numeratorValues);
  const dRoots = degree(form.denominatorValues) > 0 ? rationalPolynomialRoots(form.denominatorValues) : null;
  const poles = (dRoots?.roots ?? []).filter((r) => r.real);
  const leadValue = toNumber(nRoots.lead);
  const dValues = polyToNumbers(form.denominatorValues);
  let exact: { lead: string; roots: { exact: string; multiplicity: number; value: FlowRoot }[] } | null = null;
  if (symbolic.size > 0) {
    const linear = casLinearFactors(form.numerator);
    if (linear === null)
      throw new DerivationError(
        `${WHERE}: the CAS cannot split the numerator ${rename(form.numerator)} into factors linear in ${variable} with ${symbolicNames.join(', ')} symbolic; give them values (drop them from symbolic) for the numeric route.`,
        'partial-fractions',
      );
    const rootValues = casBatch(linear.roots.map((r) => substitutedValue(r.exact, internalValues))).map((s) => {
      const q = parseCasRational(s);
      if (q === null) throw new DerivationError(`${WHERE}: the root ${rename(s)} is not rational at the given values.`, 'factorisation');
      return toNumber(q);
    });
    exact = {
      lead: linear.lead,
      roots: linear.roots.map((r, i) => {
        const match = nRoots.roots.find((x) => x.real && Math.abs(x.re - rootValues[i]) <= x.radius + 1e-12 * Math.max(1, Math.abs(x.re)));
        if (match === undefined || match.multiplicity !== r.multiplicity)
          throw new DerivationError(
            `${WHERE}: at the given values the symbolic root ${rename(r.exact)} = ${rootValues[i]} (multiplicity ${r.multiplicity}) does not match a root of the numerator (roots coincide there?).`,
            'factorisation',
          );
        return { exact: r.exact, multiplicity: r.multiplicity, value: match };
      }),
    };
  } else if (nRoots.roots.every((r) => r.exact !== null)) {
    exact = {
      lead: rationalCas(nRoots.lead),
      roots: nRoots.roots.map((r) => ({ exact: r.exact ?? '', multiplicity: r.multiplicity, value: r })),
    };
  }
  const route: ScalarFlowDerivation['route'] = exact === null ? 'numeric-roots' : 'exact';
  const factorIdentity =
    exact !== null
      ? `expand((${exact.lead})*${exact.roots.map((r) => `(u - (${r.exact}))^${r.multiplicity}`).join('*')} - (${form.numerator}))`
      : `expand((${rationalCas(nRoots.lead)})*${nRoots.factors.map((x) => `(${polyToCas(x.factor, 'u')})^${x.multiplicity}`).join('*')} - (${form.numerator}))`;
  const nValues = polyToNumbers(form.numeratorValues);
  const factorPairs = pathFree(start).map((x) => {
    let product = leadValue;
    for (const r of nRoots.roots) for (let k = 0; k < r.multiplicity; k++) product *= r.real ? x - r.re : 1;
    // complex pairs: |x − r|² per pair
    for (const r of nRoots.roots) if (!r.real && r.im > 0) for (let k = 0; k < r.multiplicity; k++) product *= (x - r.re) ** 2 + r.im ** 2;
    return [product, horner(nValues, x)] as const;
  });
  certify(
    casCertificate(
      'factorisation',
      exact !== null
        ? `N = ${exact.lead}·Π (u − r_i)^{m_i} with the roots ${exact.roots.map((r) => `${r.exact}${r.multiplicity > 1 ? ` (×${r.multiplicity})` : ''}`).join(', ')}`
        : `N = lead·Π P_i^i with square-free, pairwise coprime P_i (Yun's algorithm over ℚ)`,
      factorIdentity,
      cas(factorIdentity),
      spotCheck(factorPairs, 1e-9, 'relative'),
    ),
  );
  if (route === 'numeric-roots') {
    const inexact = nRoots.roots.filter((r) => r.exact === null);
    certify(
      numericCertificate(
        'roots',
        `the ${inexact.length} roots of N not found exactly lie in disjoint certified disks of relative radius ≤ ${nRoots.largestRelativeRadius.toExponential(1)} (Braess–Hadeler inclusion from Aberth–Ehrlich approximations); real and non-real ones told apart`,
        'for each root r: n|p(r)|/(|a_n| Π|r − r_j|), |p(r)| bounded with Horner rounding, against 1e-10·max(1, |r|); disks pairwise disjoint',
        spotCheck(
          inexact.map((r) => [nRoots.certified ? r.radius / Math.max(1, Math.hypot(r.re, r.im)) : Number.NaN, 0] as const),
          1e-10,
          'absolute',
        ),
      ),
    );
  }

  // 3. fixed points, stability, the path
  const path = flowPath({
    numeratorRoots: nRoots.roots,
    lead: leadValue,
    poles,
    denominator: (u) => horner(dValues, u),
    f,
    start,
    fixedPoint: choice,
    variable,
    where: WHERE,
  });
  certify(path.certificate);
  const exactOf = (info: FixedPointInfo): string | null => exact?.roots.find((r) => r.value === info.root)?.exact ?? info.root.exact;
  const fixedPoints: ScalarFlowFixedPoint[] = path.fixedPoints.map((p) => {
    const e = exactOf(p);
    return {
      value: p.root.re,
      exact: e === null || e === rationalCas(fromNumber(p.root.re)) ? null : show(e),
      radius: p.root.radius,
      multiplicity: p.root.multiplicity,
      slope: p.slope,
      stability: p.stability,
    };
  });
  const reachedInfo = path.fixedPoints[path.reached];
  const uInf = reachedInfo.root.re;
  const uInfCas = exactOf(reachedInfo) ?? numberCas(uInf);
  const uStarCas = power === 1 ? `p*(${uInfCas})` : `p^(1/${power})*(${uInfCas})`;
  const rand = seededUniform(SEED_PATH);
  const onPath = Array.from({ length: PATH_POINTS }, () => start + (0.02 + 0.93 * rand()) * (uInf - start));
  const inverse = (u: number): number => 1 / f(u);

  // 4. partial fractions and the antiderivative
  let decomposition: string;
  let antiderivative: string;
  let at: (x: string) => string[];
  let terms: PipelineTerm[];
  const indexOfRoot = (root: FlowRoot | null): number => (root === null ? -1 : path.fixedPoints.findIndex((p) => p.root === root));
  if (exact !== null) {
    const roots: ExactRoot[] = exact.roots.map((r) => ({
      exact: r.exact,
      multiplicity: r.multiplicity,
      orientation: start > r.value.re ? 1 : -1,
    }));
    const dec = exactPartialFractions(form.denominator, form.numerator, exact.lead, roots);
    decomposition = dec.terms.map((t) => t.term).join(' + ');
    const decF = casFunction(decomposition);
    certify(
      clearedIdentityCertificate({
        step: 'partial-fractions',
        claim: `D/N = Σ_i Σ_k A_ik/(s − r_i)^k${dec.terms.some((t) => t.root < 0) ? ' + polynomial part' : ''}; cleared of N (each factor held as a symbol) it is a polynomial identity`,
        terms: dec.terms.map((t) => t.cleared),
        target: dec.target,
        clearing: dec.clearing,
        substitutions: dec.substitutions,
        check: spotCheck(
          onPath.map((s) => [decF({ ...floatScope, s }), inverse(s)] as const),
          1e-12,
          'relative',
        ),
      }),
    );
    const F = integrateTerms(
      dec.terms.map((t) => t.term),
      's',
    );
    antiderivative = sumOf(F);
    certify(
      antiderivativeCertificate(
        F,
        dec.terms.map((t) => t.term),
        's',
        'antiderivative',
        'each term of F(s), integrated by the CAS, differentiates back to its partial fraction',
        spotCheck(
          termDerivativePairs(
            dec.terms.map((t, i) => ({
              F: casFunction(F[i]),
              f: casFunction(t.term),
              root: t.root < 0 ? null : (exact?.roots[t.root].value ?? null),
              order: t.root < 0 ? degree(form.denominatorValues) : t.order,
            })),
            floatScope,
            onPath,
          ),
          1e-8,
          'relative',
        ),
      ),
    );
    at = (x) => termsAt(F, 's', x);
    const coefficientValues = casBatch(dec.terms.map((t) => substitutedValue(t.coefficient, internalValues)));
    terms = dec.terms.map((t, i) => {
      if (t.root < 0) {
        const quotient = casBatch(
          Array.from(
            { length: degree(form.denominatorValues) - degree(form.numeratorValues) + 1 },
            (_, j) => `coeff(${coefficientValues[i]}, s, ${j})`,
          ),
        );
        return { term: { kind: 'polynomial', coefficients: quotient.map((q) => toNumber(rationalOrFail(q))) }, fixedPoint: -1 };
      }
      const root = exact?.roots[t.root].value ?? null;
      const A = toNumber(rationalOrFail(coefficientValues[i]));
      const r = root?.re ?? 0;
      const term: TimeTerm =
        t.order === 1 ? { kind: 'log', coefficient: A, root: r } : { kind: 'power', coefficient: A, root: r, order: t.order };
      return { term, fixedPoint: indexOfRoot(root) };
    });
  } else {
    const rooted: RootedTerm[] = numericPartialFractions(form.denominatorValues, form.numeratorValues, nRoots.lead, nRoots.roots);
    terms = rooted.map((t) => ({ term: t.term, fixedPoint: indexOfRoot(t.root) }));
    const orientation = (t: TimeTerm): number => (t.kind === 'log' && start < t.root ? -1 : 1);
    decomposition = terms.map((t) => integrandCas(t.term, 's')).join(' + ');
    antiderivative = terms.map((t) => antiderivativeCas(t.term, 's', orientation(t.term))).join(' + ');
    const termFs = terms.map((t) => casFunction(integrandCas(t.term, 's')));
    const offPath = pathFree(start).filter((x) => nRoots.roots.every((r) => Math.hypot(x - r.re, r.im) > 1e-3 * Math.max(1, Math.abs(x))));
    certify(
      numericCertificate(
        'partial-fractions',
        `D/N = Σ over the roots of Σ_k A_k/(s − r)^k (complex pairs combined into real terms)${terms.some((t) => t.term.kind === 'polynomial') ? ' + polynomial part' : ''}, the coefficients from the Taylor expansions at the certified roots`,
        'the reconstruction residual |Σ terms − 1/f| / Σ|terms| (1/f from the parsed f, not N/D; the scale is what rounding of the coefficients can reach, since far from the roots the terms cancel) at the 20 path points and 20 seeded points off the path',
        spotCheck(
          [...onPath, ...offPath].map((s) => {
            const values = termFs.map((F) => F({ s }));
            const scale = values.reduce((acc, v) => acc + Math.abs(v), 0);
            return [values.reduce((acc, v) => acc + v, 0) / scale, inverse(s) / scale] as const;
          }),
          1e-12,
          'absolute',
        ),
      ),
    );
    const kinds = genericAntiderivativeIdentities(terms.map((t) => t.term));
    const reduced = kinds.map(genericReduction);
    certify(
      casCertificate(
        'antiderivative',
        'each kind of term of F (A ln|s − r|, A(s − r)^{1−k}/(1 − k), α ln((s − a)² + b²) − 2β atan((s − a)/b), polynomial) differentiates back to its partial fraction, for symbolic A, r, α, β, a, b',
        kinds.join('\n'),
        reduced.every((r) => r === '0') ? '0' : reduced.join('; '),
        spotCheck(
          termDerivativePairs(
            terms.map((t) => ({
              F: casFunction(antiderivativeCas(t.term, 's', orientation(t.term))),
              f: casFunction(integrandCas(t.term, 's')),
              root: rootOf(t.term),
              order: orderOf(t.term),
            })),
            {},
            onPath,
          ),
          1e-8,
          'relative',
        ),
      ),
    );
    at = (x) => terms.map((t) => antiderivativeCas(t.term, x, orientation(t.term)));
  }

  // 5. t(u), t*, evaluators, and their checks against quadrature
  const Fu = at('u');
  const Fu0 = at('u0');
  const Fstar = at(`(${uStarCas})`);
  const tOfU = timeDifference('', Fu, Fu0, 'grouped');
  const tStar = timeDifference('', Fstar, Fu0, 'grouped');
  const evaluator = scalarFlowEvaluator(
    terms.map((t) => t.term),
    uInf,
    path.otherEnd,
    start,
    fraction,
    power,
  );
  const quadrature = (u: number): number => adaptiveQuadrature(inverse, start, u, 1e-13).value;
  certify(
    numericCertificate(
      't-of-u',
      `t(u) from the partial fractions equals ∫_{u0}^{u} ds/f(s) by adaptive Gauss–Kronrod quadrature (G7/K15, rtol 1e-13) at ${PATH_POINTS} seeded points between u0 and u∞`,
      'the evaluator (term differences without cancellation) against quadrature of 1/f, f the parsed expression',
      spotCheck(
        onPath.map((u) => [evaluator.tOfU(u), quadrature(u)] as const),
        1e-10,
        'relative',
      ),
    ),
  );
  const tF = casFunction(tOfU);
  const tsF = casFunction(tStar);
  const uStarValue = Math.pow(fraction, 1 / power) * uInf;
  const between = (x: number, a: number, b: number): boolean => (a < b ? a < x && x < b : b < x && x < a);
  let criticalTime: ScalarFlowCriticalTime;
  const evaluatorPairs: (readonly [number, number])[] = onPath.map(
    (u) => [evaluator.tOfU(u), tF({ ...floatScope, u, u0: start })] as const,
  );
  if (uStarValue === uInf) {
    criticalTime = {
      exists: false,
      reason: 'target-is-fixed-point',
      message: `The target p·${variable}∞ = 0 is the fixed point itself, which the flow approaches but never reaches: there is no critical time.`,
    };
  } else if (!between(uStarValue, start, uInf)) {
    criticalTime = {
      exists: false,
      reason: 'start-not-below-target',
      message: `${variable}0 = ${start} is not before the target ${variable}* = ${power === 1 ? 'p' : `p^(1/${power})`}·${variable}∞ = ${uStarValue} on the way to ${variable}∞ = ${uInf}, so there is no critical time.`,
    };
  } else {
    const t = evaluator.criticalTime() ?? Number.NaN;
    criticalTime = { exists: true, t, uStar: uStarValue };
    certify(
      numericCertificate(
        'critical-time',
        `t* = t(u*), u* = p^{1/k} u∞ = ${uStarValue}, equals the quadrature of 1/f from u0 to u*`,
        'the evaluator against adaptive Gauss–Kronrod quadrature (rtol 1e-13)',
        spotCheck([[t, quadrature(uStarValue)]], 1e-10, 'relative'),
      ),
    );
    evaluatorPairs.push([t, tsF({ ...floatScope, p: fraction, u0: start })]);
  }
  certify(
    numericCertificate(
      'evaluator',
      'the fast evaluator equals the derived t(u) and t* expressions compiled by mathjs',
      't(u) at the path points and t* at the given p and u0, evaluator against the CAS expressions (which can lose digits to cancellation between singular terms, hence 1e-8)',
      spotCheck(evaluatorPairs, 1e-8, 'relative'),
    ),
  );

  // 6. leading order as the start approaches the path's source
  let leadingOrder: ScalarFlowLeadingOrder | null = null;
  let leadingOrderNote: string;
  const sourceIndex = path.source;
  if (sourceIndex < 0) {
    leadingOrderNote = `There is no leading order as ${variable}0 approaches the other end of the path: it is ${path.otherEndKind === 'pole' ? `a pole of f (${variable} = ${path.otherEnd})` : `${path.otherEnd > 0 ? '+' : '−'}∞`}, not a fixed point.`;
  } else if (!criticalTime.exists) {
    leadingOrderNote = 'There is no critical time from this start, so no leading order of it.';
  } else {
    const source = path.fixedPoints[sourceIndex];
    const singular = terms.filter((t) => t.fixedPoint === sourceIndex);
    const singularIdx = terms.map((t, i) => i).filter((i) => terms[i].fixedPoint === sourceIndex);
    const sigma = start > source.root.re ? 1 : -1;
    const rsValue = source.root.re;
    const rs = exactOf(source) ?? numberCas(rsValue);
    // how close u0 comes to u_s in the checks: small against u_s's distance to every other root of N and pole of f
    const nearest = Math.min(
      ...nRoots.roots.filter((r) => r !== source.root).map((r) => Math.hypot(r.re - rsValue, r.im)),
      ...poles.map((r) => Math.abs(r.re - rsValue)),
    );
    const scale = Math.min(Math.max(1, Math.abs(rsValue)), 0.5 * nearest);
    const simple = rs === '0' && sigma === 1;
    // w = |u0 − u_s|, the small quantity
    const wOfU0 = simple ? 'u0' : sigma === 1 ? `(u0 - (${rs}))` : `((${rs}) - u0)`;
    let leading: string;
    let logTerm: string;
    if (exact !== null) {
      const w = simple ? 'u0' : 'w';
      const fAtW = simple
        ? singularIdx.map((i) => Fu0[i])
        : termsAt(
            singularIdx.map((i) => Fu0[i]),
            'u0',
            `(${rs}) + (${sigma})*w`,
          );
      const powerIdx = singular.map((t, j) => [t.term, j] as const).filter(([t]) => t.kind === 'power');
      const powers = powerIdx.map(([t]) => 1 - (t.kind === 'power' ? t.order : 1));
      const logIdx = singular.findIndex((t) => t.term.kind === 'log');
      const sc = singularCoefficients(
        powerIdx.map(([, j]) => fAtW[j]),
        powers,
        logIdx < 0 ? null : fAtW[logIdx],
        fAtW.length === 0 ? ['0'] : fAtW,
        w,
      );
      [leading, logTerm] = casBatch([
        `-(${[...sc.coefficients.map((c, j) => `(${c})*${wOfU0}^(${powers[j]})`), `(${sc.logCoefficient})*log(${wOfU0})`].join(' + ')})`,
        `-(${sc.logCoefficient})*log(${wOfU0})`,
      ]);
      const reduced = casBatch(sc.identities);
      certify(
        casCertificate(
          'leading-order',
          `as ${variable}0 → ${rename(rs)} the singular terms of t* are those of the partial fractions at ${rename(rs)}: each is exactly c·w^{1−k} or c·ln w, w = |${variable}0 − ${rename(rs)}|`,
          sc.identities.join('\n'),
          reduced.every((r) => r === '0') ? '0' : reduced.join('; '),
          spotCheck(leadingPairs(casFunction(leading), singular, floatScope, rsValue, sigma * scale), 1e-12, 'relative'),
        ),
      );
    } else {
      // numbers: A(u0 − r)^{1−k}/(1 − k) = A σ^{1−k}/(1 − k)·w^{1−k}, A ln|u0 − r| = A ln w
      const parts = singular.map((t) => {
        if (t.term.kind === 'power')
          return `${numberCas((t.term.coefficient * Math.pow(sigma, 1 - t.term.order)) / (1 - t.term.order))}*${wOfU0}^(${1 - t.term.order})`;
        if (t.term.kind === 'log') return `${numberCas(t.term.coefficient)}*log(${wOfU0})`;
        return '0';
      });
      const logPart = singular.find((t) => t.term.kind === 'log');
      leading = `-(${parts.length === 0 ? '0' : parts.join(' + ')})`;
      logTerm = logPart === undefined || logPart.term.kind !== 'log' ? '0' : `-${numberCas(logPart.term.coefficient)}*log(${wOfU0})`;
      certify(
        numericCertificate(
          'leading-order',
          `as ${variable}0 → ${rsValue} the singular terms of t* are those of the partial fractions at ${rsValue} (powers of w = |${variable}0 − ${rsValue}| and ln w)`,
          'the leading-order expression against −Σ F_i(u0) over the terms at the source, at |u0 − u_s| = (1e-3, 1e-4)·d (d as for the remainder)',
          spotCheck(leadingPairs(casFunction(leading), singular, floatScope, rsValue, sigma * scale), 1e-12, 'relative'),
        ),
      );
    }
    // the remainder t* − leading order: every term at u*, less the non-singular terms at u0
    const regularIdx = terms.map((_, i) => i).filter((i) => terms[i].fixedPoint !== sourceIndex);
    const remainderCas = `(${sumOf(Fstar)}) - (${regularIdx.length === 0 ? '0' : sumOf(regularIdx.map((i) => Fu0[i]))})`;
    const remainderF = casFunction(remainderCas);
    const remainderLimit = terms.reduce(
      (acc, t) => acc + termValue(t.term, uStarValue) - (t.fixedPoint === sourceIndex ? 0 : termValue(t.term, rsValue)),
      0,
    );
    const norm = Math.max(1, Math.abs(remainderLimit));
    certify(
      numericCertificate(
        'leading-order-remainder',
        `t* − leading order stays bounded as ${variable}0 → ${rename(rs)}; at the given values it tends to ${remainderLimit.toPrecision(10)}`,
        `R(u0)/max(1, |R(u_s)|) for |u0 − u_s| = (1e-6, 1e-7, 1e-8)·d, d = min(max(1, |u_s|), half the distance from u_s to the nearest other root or pole), against R(u_s)/max(1, |R(u_s)|); R from the CAS terms, R(u_s) from the evaluator's terms`,
        spotCheck(
          [1e-6, 1e-7, 1e-8].map(
            (h) => [remainderF({ ...floatScope, p: fraction, u0: rsValue + sigma * h * scale }) / norm, remainderLimit / norm] as const,
          ),
          1e-4,
          'absolute',
        ),
      ),
    );
    leadingOrder = { limit: fixedPoints[sourceIndex], expression: show(leading), logTerm: show(logTerm), remainderLimit };
    leadingOrderNote = `The leading order of t* as ${variable}0 → ${rename(rs)} (the fixed point the path leaves): the terms of the partial fractions at ${rename(rs)}.`;
  }

  return {
    rhs: show(cas(flowNodeCas(tree))),
    variable,
    parameters: { ...parameters },
    symbolic: [...symbolicNames],
    numerator: show(form.numerator),
    denominator: show(form.denominator),
    fixedPoints,
    poles: poles.map((r) => r.re),
    route,
    start,
    path: {
      direction: path.direction > 0 ? 'increasing' : 'decreasing',
      fixedPoint: fixedPoints[path.reached],
      source: sourceIndex < 0 ? null : fixedPoints[sourceIndex],
    },
    integrand: show(`(${cas(`subst(s, u, ${form.denominator})`)})/(${cas(`subst(s, u, ${form.numerator})`)})`),
    decomposition: show(decomposition),
    antiderivative: show(antiderivative),
    tOfU: show(tOfU),
    fraction,
    targetPower: power,
    uStar: show(uStarCas),
    tStar: show(tStar),
    criticalTime,
    leadingOrder,
    leadingOrderNote,
    certificates,
    evaluator,
  };
}

/** The leading-order expression against −Σ F_i(u0) over the source's terms, at u0 = u_s + (1e-3, 1e-4)·step. */
function leadingPairs(
  leading: (scope: Record<string, number>) => number,
  singular: readonly PipelineTerm[],
  scope: Record<string, number>,
  rs: number,
  step: number,
): (readonly [number, number])[] {
  return [1e-3, 1e-4].map((h) => {
    const u0 = rs + h * step;
    return [leading({ ...scope, u0 }), -singular.reduce((acc, t) => acc + termValue(t.term, u0), 0)] as const;
  });
}

/** CAS input for an expression with the symbolic parameters replaced by their values. */
function substitutedValue(e: string, values: ReadonlyMap<string, Rational>): string {
  let out = e;
  for (const [name, v] of values) out = `subst(${rationalCas(v)}, ${name}, ${out})`;
  return out;
}

function rationalOrFail(s: string): Rational {
  const q = parseCasRational(s);
  if (q === null) throw new DerivationError(`${WHERE}: the coefficient ${s} is not rational at the given values.`, 'partial-fractions');
  return q;
}

/** 20 seeded points around the start (for checks that need no path). */
function pathFree(start: number): number[] {
  const rand = seededUniform(7103);
  const scale = Math.max(1, Math.abs(start));
  return Array.from({ length: 20 }, () => start + (4 * rand() - 2) * scale);
}

/** The order k of a term's pole (the degree for the polynomial part): its derivatives grow like k/δ. */
function orderOf(t: TimeTerm): number {
  switch (t.kind) {
    case 'log':
    case 'log-atan':
      return 1;
    case 'power':
    case 'complex-power':
      return t.order;
    case 'polynomial':
      return t.coefficients.length;
  }
}

/** The root a term belongs to, as a point of the plane (null for the polynomial part). */
function rootOf(t: TimeTerm): { re: number; im: number } | null {
  switch (t.kind) {
    case 'log':
    case 'power':
      return { re: t.root, im: 0 };
    case 'log-atan':
    case 'complex-power':
      return { re: t.re, im: t.im };
    case 'polynomial':
      return null;
  }
}

/**
 * Each printed antiderivative term F_i against its printed partial fraction f_i, term by
 * term (the whole F has large cancelling terms; one term has none), at 5 of the path points:
 * a fourth-order central difference with h = 1e-3·δ/k (δ the distance to the term's root,
 * k its order: the n-th derivative of (s − r)^{1−k} grows like (k/δ)^n), so that the
 * truncation error (~(hk/δ)⁴) and the rounding (~1e-16·|F_i|/(h|f_i|)) both stay below 1e-10
 * relative.
 */
function termDerivativePairs(
  terms: readonly {
    F: (scope: Record<string, number>) => number;
    f: (scope: Record<string, number>) => number;
    root: { re: number; im: number } | null;
    order: number;
  }[],
  scope: Record<string, number>,
  points: readonly number[],
): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  for (const s of points.slice(0, 5)) {
    for (const t of terms) {
      const distance = t.root === null ? Math.max(1, Math.abs(s)) : Math.hypot(s - t.root.re, t.root.im);
      const h = (1e-3 * distance) / Math.max(1, t.order);
      const F = (x: number): number => t.F({ ...scope, s: x });
      const deriv = (8 * (F(s + h) - F(s - h)) - (F(s + 2 * h) - F(s - 2 * h))) / (12 * h);
      out.push([deriv, t.f({ ...scope, s })]);
    }
  }
  return out;
}

const genericReductions = new Map<string, string>();

/** `simplify(identity)` by the CAS, once per process for each generic identity (they hold for symbolic coefficients, so they do not depend on the flow). */
function genericReduction(identity: string): string {
  let hit = genericReductions.get(identity);
  if (hit === undefined) {
    hit = cas(`simplify(${identity})`);
    genericReductions.set(identity, hit);
  }
  return hit;
}

/** The generic identities (symbolic coefficients) that certify each kind of term used. */
function genericAntiderivativeIdentities(terms: readonly TimeTerm[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    switch (t.kind) {
      case 'log':
        out.add('d(A*log(s - r), s) - A/(s - r)');
        out.add('d(A*log(r - s), s) - A/(s - r)');
        break;
      case 'power':
      case 'complex-power':
        out.add(`d(A/(1 - ${t.order})*(s - r)^(${1 - t.order}), s) - A*(s - r)^(${-t.order})`);
        break;
      case 'log-atan':
        out.add('d(al*log((s - a)^2 + b^2) - 2*be*arctan((s - a)/b), s) - (2*al*(s - a) - 2*be*b)/((s - a)^2 + b^2)');
        break;
      case 'polynomial':
        t.coefficients.forEach((_, j) => out.add(`d(c*s^${j + 1}/${j + 1}, s) - c*s^${j}`));
        break;
    }
  }
  return [...out];
}
