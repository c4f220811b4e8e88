/**
 * `derive --flow "f(u)" --param name=value … --start u0 [--fixed-point u∞|reached]
 * [--fraction p] [--target-power k] [--symbolic a,b] [--variable u] [--format text|latex|js] [--json]`:
 * the certified derivation of any autonomous scalar flow du/dt = f(u) with f rational in u
 * (`deriveScalarFlow` of @jepa-dynamics/symbolic). Parsing and printing only.
 * @module
 */
import type { Certificate, Expression, ScalarFlowDerivation, ScalarFlowFixedPoint } from '@jepa-dynamics/symbolic';
import { ComputationError, NoAnswerError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { parseChoice, parseFiniteNumber, parseFraction, parseInteger } from '../options.js';
import { certificateLine } from './certificateLine.js';

type Format = 'text' | 'latex' | 'js';

/** The flags `derive` passes on when `--flow` is given. */
export interface DeriveFlowFlags {
  flow?: string;
  param?: string[];
  symbolic?: string;
  start?: string;
  fixedPoint?: string;
  fraction?: string;
  targetPower?: string;
  variable?: string;
  format: string;
  json?: boolean;
}

/** The library's argument names as the user typed them on the command line. */
function flagOf(argument: string): string {
  if (argument === 'rhs') return '--flow';
  const parameter = /^options\.parameters\.(.+)$/.exec(argument);
  if (parameter !== null) return `--param ${parameter[1]}`;
  const names: Record<string, string> = {
    'options.start': '--start',
    'options.fraction': '--fraction',
    'options.fixedPoint': '--fixed-point',
    'options.symbolic': '--symbolic',
    'options.variable': '--variable',
    'options.targetPower': '--target-power',
    'options.parameters': '--param',
  };
  return names[argument] ?? argument;
}

/** `name=value` pairs of `--param`. */
function parseParams(raw: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of raw) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(pair);
    if (m === null) throw new UsageError(`--param must be name=value (a number); got ${JSON.stringify(pair)}.`);
    if (m[1] in out) throw new UsageError(`--param gives ${m[1]} twice; got ${JSON.stringify(pair)}.`);
    out[m[1]] = parseFiniteNumber(`--param ${m[1]}`, m[2]);
  }
  return out;
}

function fixedPointText(p: ScalarFlowFixedPoint, u: string): string {
  const exact = p.exact === null ? '' : ` = ${p.exact.text}`;
  const slope = p.multiplicity > 1 ? `multiplicity ${p.multiplicity}` : `f′ = ${p.slope}`;
  return `${u}∞ = ${p.value}${exact} (${p.stability}, ${slope})`;
}

/**
 * Runs `derive --flow`: validates the flags, derives, prints.
 *
 * @param flags - the command's flags.
 * @throws {UsageError} for malformed flags and for invalid input the library rejects (exit 2).
 * @throws {NoAnswerError} when the chosen fixed point is not reached or there is no critical time (exit 1).
 * @throws {ComputationError} when a step cannot be certified (exit 3).
 */
export async function runDeriveFlow(flags: DeriveFlowFlags): Promise<void> {
  const rhs = flags.flow ?? '';
  const format = parseChoice<Format>('--format', flags.format, ['text', 'latex', 'js']);
  const parameters = parseParams(flags.param ?? []);
  if (flags.start === undefined) throw new UsageError('--start is required with --flow.');
  const start = parseFiniteNumber('--start', flags.start);
  const fixedPoint =
    flags.fixedPoint === undefined || flags.fixedPoint === 'reached' ? 'reached' : parseFiniteNumber('--fixed-point', flags.fixedPoint);
  const fraction = parseFraction(flags.fraction ?? '0.5');
  const targetPower = parseInteger('--target-power', flags.targetPower ?? '1', 1);
  const symbolic = flags.symbolic === undefined ? [] : flags.symbolic.split(',').map((s) => s.trim());
  // Loaded here, not at start-up: the CAS costs ~1 s of CPU to load.
  const { deriveScalarFlow, scalarFlowJavascriptSource, DerivationError, FixedPointNotReachedError } =
    await import('@jepa-dynamics/symbolic');
  const { InvalidArgumentError } = await import('@jepa-dynamics/core');
  let d: ScalarFlowDerivation;
  try {
    d = deriveScalarFlow(rhs, {
      parameters,
      symbolic,
      start,
      fixedPoint,
      fraction,
      targetPower,
      ...(flags.variable === undefined ? {} : { variable: flags.variable }),
    });
  } catch (error) {
    if (error instanceof InvalidArgumentError)
      throw new UsageError(`${flagOf(error.argument)} ${error.rule}; got ${JSON.stringify(error.value)}.`);
    if (error instanceof FixedPointNotReachedError) throw new NoAnswerError(error.message);
    if (error instanceof DerivationError) throw new ComputationError(error.message);
    throw error;
  }
  if (!d.criticalTime.exists) throw new NoAnswerError(d.criticalTime.message);
  const t = d.criticalTime.t;
  const u = d.variable;
  const js = format === 'js' ? scalarFlowJavascriptSource(d) : undefined;
  if (flags.json === true) {
    const pick = (e: Expression): { text: string; latex: string; cas: string } => ({ text: e.text, latex: e.latex, cas: e.cas });
    printJson({
      flow: rhs,
      format,
      timeUnit: 'as-written',
      variable: u,
      parameters: d.parameters,
      symbolic: d.symbolic,
      rhs: pick(d.rhs),
      numerator: pick(d.numerator),
      denominator: pick(d.denominator),
      fixedPoints: d.fixedPoints.map((p) => ({ ...p, exact: p.exact === null ? null : pick(p.exact) })),
      poles: d.poles,
      route: d.route,
      start: d.start,
      direction: d.path.direction,
      fixedPoint: d.path.fixedPoint.value,
      source: d.path.source?.value ?? null,
      integrand: pick(d.integrand),
      decomposition: pick(d.decomposition),
      antiderivative: pick(d.antiderivative),
      tOfU: pick(d.tOfU),
      fraction: d.fraction,
      targetPower: d.targetPower,
      uStar: pick(d.uStar),
      tStar: pick(d.tStar),
      t,
      uStarValue: d.criticalTime.uStar,
      leadingOrder:
        d.leadingOrder === null
          ? null
          : {
              limit: d.leadingOrder.limit.value,
              expression: pick(d.leadingOrder.expression),
              logTerm: pick(d.leadingOrder.logTerm),
              remainderLimit: d.leadingOrder.remainderLimit,
            },
      leadingOrderNote: d.leadingOrderNote,
      certificates: d.certificates,
      allCertificatesHold: d.certificates.every((c: Certificate) => c.holds),
      ...(js === undefined ? {} : { javascript: js }),
    });
    return;
  }
  if (js !== undefined) {
    process.stdout.write(js);
    return;
  }
  const shown = (e: Expression): string => (format === 'latex' ? e.latex : e.text);
  const params = Object.entries(d.parameters)
    .map(([k, v]) => `${k} = ${v}${d.symbolic.includes(k) ? ' (kept symbolic)' : ''}`)
    .join(', ');
  const lines = [
    `d${u}/dt = ${shown(d.rhs)}${params === '' ? '' : `   (${params})`}`,
    `f = N/D: N = ${shown(d.numerator)}, D = ${shown(d.denominator)}`,
    `fixed points: ${d.fixedPoints.length === 0 ? 'none' : d.fixedPoints.map((p) => fixedPointText(p, u)).join('; ')}`,
    `poles: ${d.poles.length === 0 ? 'none' : d.poles.join(', ')}`,
    `from ${u}0 = ${d.start} the flow ${d.path.direction === 'increasing' ? 'increases' : 'decreases'} to ${u}∞ = ${d.path.fixedPoint.value} (route ${d.route})`,
    `dt/ds = ${shown(d.integrand)}`,
    `decomposition: ${shown(d.decomposition)}`,
    `t(${u}) = ${shown(d.tOfU)}`,
    `${u}* = ${shown(d.uStar)}`,
    `t*_p = ${shown(d.tStar)}`,
    `t* = ${t} at ${u}0 = ${d.start}, p = ${d.fraction} (${u}* = ${d.criticalTime.uStar}; time as in the flow written)`,
    d.leadingOrder === null
      ? d.leadingOrderNote
      : `leading order as ${u}0 → ${d.leadingOrder.limit.value}: ${shown(d.leadingOrder.expression)}`,
    'certificates:',
    ...d.certificates.map(certificateLine),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
