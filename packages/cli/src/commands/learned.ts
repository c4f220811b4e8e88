/**
 * `learned --depth L --stop-time T (--features FILE | --dynamic FILE)`: which features a run
 * stopped at T has learned under JEPA and under MAE (t*_p ≤ T, docs/math.md §7), and the order
 * in which each objective learns them. `--dynamic FILE` gives the features by the dynamic
 * generative model's (a, q, γ²) (docs/math.md §4). Parsing and printing only: the moments are
 * @jepa-dynamics/sim's `featureMoments`, the sets `learnedBy` of @jepa-dynamics/ode.
 * @module
 */
import type { Command } from 'commander';
import { OBJECTIVES, TIME_UNITS } from '@jepa-dynamics/core';
import { learnedBy, type Objective } from '@jepa-dynamics/ode';
import { readDynamicModelFile, type DynamicFeatureInput } from '../dynamicModelFile.js';
import { UsageError } from '../errors.js';
import { readFeaturesFile } from '../features.js';
import { printJson } from '../output.js';
import { parseChoice, parseDecimal, parseFraction, parseInteger, parsePositiveNumber, required } from '../options.js';

interface LearnedFlags {
  features?: string;
  dynamic?: string;
  depth?: string;
  stopTime?: string;
  epsilon: string;
  fraction: string;
  time: string;
  json?: boolean;
}

/** One feature as printed: its moments, and (a, q, γ²) when given by the dynamic model. */
type PrintedFeature = { lambda: number; rho: number; sigma2: number } & Partial<DynamicFeatureInput>;

/** Registers `learned` on the program. */
export function registerLearned(program: Command): void {
  program
    .command('learned')
    .description(
      'Features learned by a stopping time T under JEPA and MAE (exact t*_p ≤ T), and each objective’s learning order. ' +
        'Features by --features FILE ([{"lambda": 1, "rho": 3}, …]) or by the dynamic generative model, --dynamic FILE ' +
        '([{"a": 0.9, "q": 0.19, "gamma2": 1}, …]: z_{t+1} = a z_t + ξ, var ξ = q; x = z_t + n, y = z_{t+1} + n′, var n = γ²).',
    )
    .option('--features <file>', 'JSON array of features, each with two of "sigma2", "lambda", "rho"')
    .option('--dynamic <file>', 'JSON array of dynamic-model features, each with "a" (|a| < 1), "q" (> 0), "gamma2" (≥ 0)')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1')
    .option('--stop-time <T>', 'stopping time T ≥ 0, in the unit of --time')
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (w̄(0) = ε)', '0.01')
    .option('--fraction <p>', 'fraction p of w̄∞ that counts as learned, 0 < p < 1', '0.5')
    .option('--time <unit>', 'unit of T and of the printed times: gradient-flow (t = kη) or paper (τ = L t)', 'gradient-flow')
    .option('--json', 'print one JSON document')
    .action((flags: LearnedFlags) => {
      if ((flags.features === undefined) === (flags.dynamic === undefined))
        throw new UsageError('give the features by exactly one of --features FILE and --dynamic FILE.');
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      const stopTime = parseDecimal('--stop-time', required('--stop-time', flags.stopTime));
      if (!(stopTime >= 0)) throw new UsageError(`--stop-time must be a number ≥ 0; got ${JSON.stringify(flags.stopTime)}.`);
      const epsilon = parsePositiveNumber('--epsilon', flags.epsilon);
      const fraction = parseFraction(flags.fraction);
      const time = parseChoice('--time', flags.time, TIME_UNITS);
      let features: PrintedFeature[];
      if (flags.dynamic !== undefined) {
        const { inputs, moments } = readDynamicModelFile(flags.dynamic);
        features = inputs.map((f, i) => ({ ...f, ...moments[i] }));
      } else {
        features = readFeaturesFile(required('--features', flags.features)).map((f) => ({
          lambda: f.lambda,
          rho: f.rho,
          sigma2: f.sigma2,
        }));
      }
      const columns = { lambda: features.map((f) => f.lambda), rho: features.map((f) => f.rho) };
      const answers = Object.fromEntries(
        OBJECTIVES.map((objective) => {
          const r = learnedBy(columns, { objective, depth, epsilon, fraction, stopTime, timeUnit: time });
          return [
            objective,
            {
              learned: r.learned,
              pending: r.pending,
              never: r.never,
              order: r.order,
              criticalTimes: Array.from(r.t, (t) => (Number.isNaN(t) ? null : t)),
            },
          ];
        }),
      ) as Record<Objective, { learned: number[]; pending: number[]; never: number[]; order: number[]; criticalTimes: (number | null)[] }>;
      if (flags.json === true) {
        printJson({
          depth,
          epsilon,
          fraction,
          time,
          stopTime,
          model: flags.dynamic !== undefined ? 'dynamic' : 'features',
          features,
          ...answers,
        });
        return;
      }
      const describe = (i: number): string => {
        const f = features[i];
        const given = f.a === undefined ? '' : `a=${f.a}, q=${f.q}, γ²=${f.gamma2}: `;
        return `#${i} (${given}λ=${f.lambda}, ρ=${f.rho})`;
      };
      const lines = [`Learned by T = ${stopTime} (${time} time) at depth L = ${depth}, ε = ${epsilon}, p = ${fraction} (exact t*_p ≤ T):`];
      for (const objective of OBJECTIVES) {
        const a = answers[objective];
        const list = (ids: number[]): string => (ids.length === 0 ? 'none' : ids.map(describe).join(', '));
        lines.push(
          `${objective === 'jepa' ? 'JEPA' : 'MAE'}: learned ${list(a.learned)}`,
          `  not yet: ${list(a.pending)}`,
          ...(a.never.length > 0 ? [`  never (no critical time): ${list(a.never)}`] : []),
          `  order: ${a.order.map((i) => `#${i} (t* = ${a.criticalTimes[i]})`).join(' < ')}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
