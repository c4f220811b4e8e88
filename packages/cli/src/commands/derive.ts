/**
 * `derive --objective jepa|mae --depth L [--format latex|text|js] [--json]`: the derived
 * per-feature flow, its balanced reduction, t(u), t*_p and its leading-order expansion,
 * with the certificate of every step. Parsing and printing only; the derivation is
 * `derive` of @jepa-dynamics/symbolic.
 * @module
 */
import type { Command } from 'commander';
import { OBJECTIVES, type Objective } from '@jepa-dynamics/core';
import { leadingOrderTerms } from '@jepa-dynamics/ode';
import type { Expression } from '@jepa-dynamics/symbolic';
import { UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { parseChoice, parseInteger, required } from '../options.js';
import { certificateLine } from './certificateLine.js';
import { runDeriveFlow, type DeriveFlowFlags } from './deriveFlow.js';

type Format = 'text' | 'latex' | 'js';

interface DeriveFlags extends DeriveFlowFlags {
  objective?: string;
  depth?: string;
  standalone?: boolean;
}

function shown(e: Expression, format: Format): string {
  return format === 'latex' ? e.latex : e.text;
}

/** Whether {@link derive}'s leading order holds the log term: it always does where there is one. */
function leadingOrderLogTerm(objective: Objective, depth: number): 'included' | 'none' {
  return leadingOrderTerms(objective, depth).logTerm === 'none' ? 'none' : 'included';
}

/** The label of the leading order, against what `critical-time --method leading-order` prints. */
function leadingOrderLabel(objective: Objective, depth: number): string {
  switch (leadingOrderTerms(objective, depth).logTerm) {
    case 'excluded':
      return 'log term included; critical-time --method leading-order leaves it out';
    case 'included':
      return 'the log term alone; critical-time --method leading-order gives the exact L = 1 formula';
    case 'none':
      return 'no log term at this depth; the same as critical-time --method leading-order';
  }
}

/** Registers `derive` on the program. */
export function registerDerive(program: Command): void {
  program
    .command('derive')
    .description(
      'Derive with a computer-algebra system, and certify step by step, the gradient flow, t(u), the critical time t*_p and its leading order ' +
        '(gradient-flow time t = kη; docs/math.md §2–3). --format js prints a standalone JavaScript function of t*_p and t(u).',
    )
    .option('--objective <objective>', 'jepa or mae')
    .option('--depth <L>', 'encoder depth L, 1 to 12')
    .option('--format <format>', 'text, latex (a fragment needing amsmath) or js (an ES module exporting tOfU and criticalTime)', 'text')
    .option('--standalone', 'with --format latex: a complete LaTeX document instead of a fragment')
    .option('--json', 'print one JSON document')
    // --flow: any rational scalar flow (commands/deriveFlow.ts)
    .option(
      '--flow <f>',
      'instead of --objective/--depth: derive du/dt = f(u) for f rational in u, e.g. "sigma2*u^(2*L)*(rho-u) - gamma*u"',
    )
    .option(
      '--param <name=value>',
      'with --flow: a parameter value (repeat the flag for each)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--symbolic <names>', 'with --flow: parameters kept as symbols in the formulas, comma-separated')
    .option('--start <u0>', 'with --flow: the start u(0)')
    .option('--fixed-point <u∞>', 'with --flow: the fixed point to reach (the nearest to this number), or "reached" (default)')
    .option('--fraction <p>', 'with --flow: t* is the time to u* = p^(1/k)·u∞, 0 < p < 1 (default 0.5)')
    .option('--target-power <k>', 'with --flow: k of u* = p^(1/k)·u∞, e.g. L for w̄ = u^L (default 1)')
    .option('--variable <name>', 'with --flow: the variable of f (default u)')
    .action(async (flags: DeriveFlags) => {
      if (flags.flow !== undefined) {
        if (flags.objective !== undefined || flags.depth !== undefined)
          throw new UsageError('--flow replaces --objective and --depth; give one or the other.');
        // --flow prints a LaTeX fragment only: refused rather than silently ignored
        if (flags.standalone === true) throw new UsageError('--standalone applies to --objective/--depth derivations only, not to --flow.');
        return runDeriveFlow(flags);
      }
      const flowOnly = (['param', 'symbolic', 'start', 'fixedPoint', 'fraction', 'targetPower', 'variable'] as const).find((k) =>
        k === 'param' ? (flags.param ?? []).length > 0 : flags[k] !== undefined,
      );
      if (flowOnly !== undefined)
        throw new UsageError(`--${flowOnly.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies only with --flow.`);
      const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1, 12);
      const format = parseChoice<Format>('--format', flags.format, ['text', 'latex', 'js']);
      if (flags.standalone === true && format !== 'latex')
        throw new UsageError(`--standalone applies to --format latex only, not to --format ${format}.`);
      // Loaded here, not at start-up: the CAS costs ~1 s of CPU to load, which every other command would pay.
      const { derive, derivationLatex, javascriptSource } = await import('@jepa-dynamics/symbolic');
      const d = derive(objective, depth);
      const f = d.flow;
      const g = d.integral;
      const js = format === 'js' ? javascriptSource(objective, depth) : undefined;
      const latex = format === 'latex' ? derivationLatex(d, { standalone: flags.standalone === true }) : undefined;
      if (flags.json === true) {
        const pick = (e: Expression): { text: string; latex: string; cas: string } => ({ text: e.text, latex: e.latex, cas: e.cas });
        printJson({
          objective,
          depth,
          format,
          timeUnit: 'gradient-flow',
          populationLoss: pick(f.populationLoss),
          dvdt: pick(f.dvdt),
          dwdt: pick(f.dwdt),
          dudt: pick(f.dudt),
          dwbardt: pick(f.dwbardt),
          integrand: pick(g.integrand),
          decomposition: pick(g.decomposition),
          antiderivative: pick(g.antiderivative),
          tOfU: pick(g.tOfU),
          uStar: pick(g.uStar),
          tStar: pick(g.tStar),
          existence: g.existence,
          leadingOrder: pick(g.leadingOrder),
          leadingOrderLogTerm: leadingOrderLogTerm(objective, depth),
          logTerm: pick(g.logTerm),
          remainder: pick(g.remainder),
          general: d.general,
          certificates: d.certificates,
          allCertificatesHold: d.certificates.every((c) => c.holds),
          ...(js === undefined ? {} : { javascript: js }),
          ...(latex === undefined ? {} : { latexSource: latex }),
        });
        return;
      }
      if (js !== undefined) {
        process.stdout.write(js);
        return;
      }
      if (latex !== undefined) {
        process.stdout.write(latex);
        return;
      }
      const lines = [
        `${objective.toUpperCase()}, depth L = ${depth} (gradient-flow time t = kη; u0 = ε^(1/L))`,
        `population loss: ${shown(f.populationLoss, format)}   (W = sg(w̄) for JEPA; w̄ = w_a R_a)`,
        `dv/dt = ${shown(f.dvdt, format)}`,
        `dw_a/dt = ${shown(f.dwdt, format)}   (R_a = Π_{b≠a} w_b, so w̄ = w_a R_a)`,
        `balanced (v = w_a = u): du/dt = ${shown(f.dudt, format)}`,
        `dw̄/dt = ${shown(f.dwbardt, format)}`,
        `dt/du = ${shown(g.integrand, format)}`,
        `decomposition: ${shown(g.decomposition, format)}`,
        `t(u) = ${shown(g.tOfU, format)}`,
        `u* = ${shown(g.uStar, format)}`,
        `t*_p = ${shown(g.tStar, format)}`,
        g.existence,
        `leading order as ε → 0 (${leadingOrderLabel(objective, depth)}): ${shown(g.leadingOrder, format)}`,
        `any L: ${format === 'latex' ? d.general.latex : d.general.text}`,
        'certificates:',
        ...d.certificates.map(certificateLine),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
