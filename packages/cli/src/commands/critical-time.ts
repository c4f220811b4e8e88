/**
 * `critical-time`: the time t*_p at which a feature's end-to-end weight reaches the
 * fraction p of its fixed point (docs/math.md §3). Parsing and printing only; the
 * mathematics is `criticalTime` of @jepa-dynamics/ode.
 * @module
 */
import type { Command } from 'commander';
import { OBJECTIVES, TIME_UNITS } from '@jepa-dynamics/core';
import { criticalTime, InvalidArgumentError, leadingOrderTerms, type CriticalTimeMethod } from '@jepa-dynamics/ode';
import { NoAnswerError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { parseFeatureFlags, type FeatureFlags } from '../features.js';
import { parseChoice, parseFraction, parseInteger, parsePositiveNumber, required } from '../options.js';

interface CriticalTimeFlags extends FeatureFlags {
  objective?: string;
  depth?: string;
  epsilon?: string;
  fraction: string;
  method: string;
  time: string;
  json?: boolean;
}

/** Registers `critical-time` on the program. */
export function registerCriticalTime(program: Command): void {
  program
    .command('critical-time')
    .description(
      'Critical time t*_p: when w̄ reaches p·w̄∞ from w̄(0) = ε (balanced init). Methods: exact = closed-form implicit solution t(u*) of docs/math.md §3; ' +
        'ode = time-domain integration of du/dt (DOP853, rtol 1e-12) with event location; leading-order = the ε → 0 approximation. Exit 1 if it does not exist, 3 if the integration (ode) fails.',
    )
    .option('--objective <objective>', 'jepa or mae')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1')
    .option('--lambda <λ>', 'cross-covariance λ (any two of --lambda, --rho, --sigma2)')
    .option('--rho <ρ>', 'regression coefficient ρ = λ/σ²')
    .option('--sigma2 <σ²>', 'variance σ² > 0')
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (w̄(0) = ε)')
    .option('--fraction <p>', 'fraction p of w̄∞, 0 < p < 1', '0.5')
    .option('--method <method>', 'exact, ode or leading-order', 'exact')
    .option('--time <unit>', 'gradient-flow (t = kη) or paper (τ = L t)', 'gradient-flow')
    .option('--json', 'print one JSON document')
    .action((flags: CriticalTimeFlags) => {
      const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      const feature = parseFeatureFlags(flags);
      const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
      const fraction = parseFraction(flags.fraction);
      const method: CriticalTimeMethod = parseChoice('--method', flags.method, ['exact', 'ode', 'leading-order'] as const);
      const time = parseChoice('--time', flags.time, TIME_UNITS);
      let result: ReturnType<typeof criticalTime>;
      try {
        result = criticalTime(feature, { objective, depth, epsilon, fraction, method, timeUnit: time });
      } catch (error) {
        // the library names its argument; the user typed the flag
        if (error instanceof InvalidArgumentError) throw new UsageError(`--${error.argument} ${error.rule}; got ${String(error.value)}.`);
        throw error; // an IntegrationError (the answer exists, the integration failed) is exit 3, in main
      }
      if (!result.exists) throw new NoAnswerError(result.message);
      // derive's leading order includes the log term, this method's (JEPA) does not: say which
      const terms = method === 'leading-order' ? leadingOrderTerms(objective, depth) : undefined;
      if (flags.json === true) {
        printJson({
          t: result.t,
          objective,
          depth,
          lambda: feature.lambda,
          rho: feature.rho,
          sigma2: feature.sigma2,
          epsilon,
          fraction,
          method,
          time,
          uStar: result.uStar,
          wbarTarget: result.wbarTarget,
          ...(terms === undefined ? {} : { leadingOrderLogTerm: terms.logTerm, leadingOrderTerms: terms.description }),
        });
      } else {
        process.stdout.write(
          `t* = ${result.t} (${time} time, method ${method}${terms === undefined ? '' : `: ${terms.description}`}): ${objective.toUpperCase()}, L = ${depth}, λ = ${feature.lambda}, ρ = ${feature.rho}, σ² = ${feature.sigma2}, ε = ${epsilon}, w̄ reaches ${fraction}·w̄∞ = ${result.wbarTarget}.\n`,
        );
      }
    });
}
