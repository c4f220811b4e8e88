/**
 * `order --features FILE --depth L`: the predicted learning order of a set of features
 * under JEPA and under MAE (features sorted by their critical times t*_p, docs/math.md §3).
 * Parsing and printing only; the ordering is `learningOrder` of @jepa-dynamics/ode.
 * @module
 */
import type { Command } from 'commander';
import { OBJECTIVES, TIME_UNITS } from '@jepa-dynamics/core';
import { learningOrder, type CriticalTimeResult, type Feature, type Objective } from '@jepa-dynamics/ode';
import { NoAnswerError } from '../errors.js';
import { printJson } from '../output.js';
import { readFeaturesFile } from '../features.js';
import { parseChoice, parseFraction, parseInteger, parsePositiveNumber, required } from '../options.js';

/** ε when `--epsilon` is not given: the value of docs/math.md §3's depth experiment. */
export const ORDER_DEFAULT_EPSILON = 1e-2;

interface OrderFlags {
  features?: string;
  depth?: string;
  epsilon: string;
  fraction: string;
  time: string;
  json?: boolean;
}

/** One objective's answer, as printed with `--json`. */
interface ObjectiveOrder {
  /** Indices into `features`, first learned first. */
  order: number[];
  /** Indices of features with no critical time (never reach p·w̄∞ from below). */
  never: { index: number; reason: string; message: string }[];
  /** t*_p of each feature in the `time` unit, `null` where it does not exist. */
  criticalTimes: (number | null)[];
}

function describe(i: number, f: Feature): string {
  return `#${i} (λ=${f.lambda}, ρ=${f.rho}, σ²=${f.sigma2})`;
}

function toAnswer(order: number[], never: number[], times: CriticalTimeResult[]): ObjectiveOrder {
  return {
    order,
    never: never.map((index) => {
      const r = times[index];
      return r.exists ? { index, reason: '', message: '' } : { index, reason: r.reason, message: r.message };
    }),
    criticalTimes: times.map((r) => (r.exists ? r.t : null)),
  };
}

/** Registers `order` on the program. */
export function registerOrder(program: Command): void {
  program
    .command('order')
    .description(
      'Predicted learning order under JEPA and MAE: features sorted by their exact critical times t*_p (first learned first). ' +
        '--features FILE: a JSON array like [{"lambda": 1, "rho": 3}, {"lambda": 2, "rho": 1}] (two of sigma2, lambda, rho each). ' +
        'Exit 1 if no feature has a critical time under either objective.',
    )
    .option('--features <file>', 'JSON array of features, each with two of "sigma2", "lambda", "rho"')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1')
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (w̄(0) = ε)', String(ORDER_DEFAULT_EPSILON))
    .option('--fraction <p>', 'fraction p of w̄∞ that defines t*_p, 0 < p < 1', '0.5')
    .option('--time <unit>', 'unit of the printed times: gradient-flow (t = kη) or paper (τ = L t)', 'gradient-flow')
    .option('--json', 'print one JSON document')
    .action((flags: OrderFlags) => {
      const features = readFeaturesFile(required('--features', flags.features));
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      const epsilon = parsePositiveNumber('--epsilon', flags.epsilon);
      const fraction = parseFraction(flags.fraction);
      const time = parseChoice('--time', flags.time, TIME_UNITS);
      const answers = Object.fromEntries(
        OBJECTIVES.map((objective) => {
          const r = learningOrder(features, { objective, depth, epsilon, fraction, timeUnit: time, method: 'exact' });
          return [objective, toAnswer(r.order, r.never, r.times)];
        }),
      ) as Record<Objective, ObjectiveOrder>;
      if (OBJECTIVES.every((o) => answers[o].order.length === 0)) {
        throw new NoAnswerError(
          `no feature has a critical time at depth ${depth}, ε = ${epsilon}, p = ${fraction}: ${answers.jepa.never.map((n) => `#${n.index}: ${n.message}`).join(' ')}`,
        );
      }
      if (flags.json === true) {
        printJson({
          depth,
          epsilon,
          fraction,
          time,
          method: 'exact',
          features: features.map((f) => ({ lambda: f.lambda, rho: f.rho, sigma2: f.sigma2 })),
          jepa: answers.jepa,
          mae: answers.mae,
        });
        return;
      }
      const lines = [
        `Learning order at depth L = ${depth}, ε = ${epsilon}, p = ${fraction} (exact t*_p, ${time} time), first learned first:`,
      ];
      for (const objective of OBJECTIVES) {
        const a = answers[objective];
        lines.push(`${objective === 'jepa' ? 'JEPA' : 'MAE'}:`);
        a.order.forEach((i, rank) => lines.push(`  ${rank + 1}. ${describe(i, features[i])}  t* = ${a.criticalTimes[i]}`));
        for (const n of a.never) lines.push(`  never: ${describe(n.index, features[n.index])}: ${n.message}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
