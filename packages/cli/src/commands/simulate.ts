/**
 * `simulate`: trains the deep linear network by discrete gradient descent on
 * independent features and compares it with the per-feature ODE. Parsing and
 * printing only; the mathematics is `simulateFeatures` of @jepa-dynamics/sim.
 * @module
 */
import type { Command } from 'commander';
import { INITIALIZATION_KINDS, KERNEL_BACKENDS, OBJECTIVES } from '@jepa-dynamics/core';
import { SingleBar } from 'cli-progress';
import { simulateFeatures, type SimulateFeaturesResult } from '@jepa-dynamics/sim';
import { NoAnswerError, UsageError } from '../errors.js';
import { printJson } from '../output.js';
import { featuresOptions, parseFeatures, type FeaturesFlags } from '../features.js';
import { startNodeProductTeam } from '../nodeProductTeam.js';
import { simulateCovariances } from './simulateCovariances.js';
import { parseChoice, parseFiniteNumber, parseFraction, parseInteger, parsePositiveNumber, required } from '../options.js';

/** The parsed flags of `simulate` (commander's strings). */
export interface SimulateFlags extends FeaturesFlags {
  objective?: string;
  depth?: string;
  epsilon?: string;
  lr?: string;
  steps?: string;
  init: string;
  samples?: string;
  batchSize?: string;
  seed: string;
  ema?: string;
  recordEvery?: string;
  fraction: string;
  stepControl?: string;
  backend: string;
  threads: string;
  json?: boolean;
  d?: string;
  covariances?: string;
}

/**
 * Largest width d: sim's initialisation accepts d ≤ 4096. The limit is memory: training holds
 * about 3L + 8 d×d matrices of doubles (8(3L + 8)d² bytes: 0.27 GB at d = 1024, L = 8).
 */
const MAX_WIDTH = 4096;

/** Runs at least this many steps before a progress bar is worth drawing. */
const PROGRESS_MIN_STEPS = 20000;

/** Registers `simulate` on the program. */
export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description(
      'Train W_L⋯W_1 and V (d = number of features, Σxx = diag(σ²), Σyx = diag(λ)) by gradient descent θ ← θ − η∇θ for K steps and compare ' +
        'w̄_i(t), t = kη, with the per-feature ODE. --json prints { t, wbar, ode, maxDeviation, perFeatureDeviation, criticalTimes, order, status, … } ' +
        'with wbar[i][k] = w̄_i(t[k]). A run that diverges prints what it recorded and exits 1.',
    )
    .option('--objective <objective>', 'jepa or mae')
    .option('--depth <L>', 'encoder depth L, integer ≥ 1');
  // the feature flags, in their place in --help
  featuresOptions(command)
    .option('--epsilon <ε>', 'initialisation scale ε > 0 (each factor ε^{1/L}; w̄(0) = ε for aligned init)')
    .option('--lr <η>', 'learning rate η > 0')
    .option('--steps <K>', 'number of steps K, integer ≥ 0 (final time t = Kη)')
    .option('--init <kind>', 'aligned (ε^{1/L} I), rotated (aligned in a random basis) or random (random orthogonal, balanced)', 'aligned')
    .option(
      '--samples <N>',
      'train on N samples of the static generative model (s = λ, γ² = σ² − λ; needs 0 < ρ ≤ 1) instead of population moments',
    )
    .option('--batch-size <B>', 'minibatch size with --samples (default: all N)')
    .option('--seed <S>', 'seed of the random init and of the samples, integer 0 … 4294967295', '0')
    .option('--ema <τ>', 'JEPA: EMA target, target ← τ·target + (1 − τ)·online, 0 ≤ τ < 1 (default: StopGrad of the online encoder)')
    .option('--record-every <n>', 'record every n steps (default ⌈K/100⌉; steps 0 and K always)')
    .option('--fraction <p>', 'critical times at the fraction p of w̄∞, 0 < p < 1', '0.5')
    .option('--step-control <c>', 'cap each step at a relative change c of every matrix (η_k = min(η, c‖θ‖/‖∇θ‖); time t = Σ η_k)')
    .option(
      '--backend <b>',
      'matrix-product kernel: auto, wasm-fma (relaxed SIMD; rounding differs), wasm, js or reference (wasm, js, reference: identical results)',
      'auto',
    )
    .option(
      '--threads <N>',
      'threads for the matrix products, 1 … 64: N − 1 helper threads compute bands of rows of every product of ≥ 64³ multiply-adds (d ≥ 64; 96³ for transposed ones); identical results',
      '1',
    )
    .option('--json', 'print one JSON document')
    .option(
      '--d <d>',
      `network width d ≤ ${MAX_WIDTH}: repeats a single feature d times, else must match --features (memory ≈ 8(3L + 8)d² bytes)`,
    )
    .option(
      '--covariances <FILE>',
      'full covariances instead of features: JSON {"sxx": [[…]], "syx": [[…]]} (Σxx symmetric positive definite, Σyx symmetric); ' +
        'the run is read in the modes of Σyx v = ρ Σxx v beside each mode’s per-feature t*',
    )
    .action((flags: SimulateFlags) => {
      if (flags.covariances !== undefined) {
        simulateCovariances({ ...flags, covariances: flags.covariances });
        return;
      }
      const objective = parseChoice('--objective', required('--objective', flags.objective), OBJECTIVES);
      const depth = parseInteger('--depth', required('--depth', flags.depth), 1);
      let features = parseFeatures(flags);
      if (flags.d !== undefined) {
        const d = parseInteger('--d', flags.d, 1, MAX_WIDTH);
        // one feature and --d: that feature d times; several: --d must count them
        if (features.length === 1) features = Array.from({ length: d }, () => features[0]);
        else if (features.length !== d) throw new UsageError(`--d ${d} does not match the ${features.length} features of --features.`);
      }
      if (features.length > MAX_WIDTH)
        throw new UsageError(
          `--features must hold at most ${MAX_WIDTH} features (the network width d; memory ≈ 8(3L + 8)d² bytes); got ${features.length}.`,
        );
      const epsilon = parsePositiveNumber('--epsilon', required('--epsilon', flags.epsilon));
      const learningRate = parsePositiveNumber('--lr', required('--lr', flags.lr));
      const steps = parseInteger('--steps', required('--steps', flags.steps), 0);
      const init = parseChoice('--init', flags.init, INITIALIZATION_KINDS);
      const samples = flags.samples !== undefined ? parseInteger('--samples', flags.samples, 1) : undefined;
      if (flags.batchSize !== undefined && samples === undefined) throw new UsageError('--batch-size needs --samples.');
      const batchSize = flags.batchSize !== undefined ? parseInteger('--batch-size', flags.batchSize, 1, samples) : undefined;
      const seed = parseInteger('--seed', flags.seed, 0, 4294967295);
      let ema: number | undefined;
      if (flags.ema !== undefined) {
        ema = parseFiniteNumber('--ema', flags.ema);
        if (!(ema >= 0 && ema < 1)) throw new UsageError(`--ema must be a number with 0 ≤ τ < 1; got ${JSON.stringify(flags.ema)}.`);
        if (objective !== 'jepa') throw new UsageError('--ema applies only to --objective jepa.');
      }
      const recordEvery = flags.recordEvery !== undefined ? parseInteger('--record-every', flags.recordEvery, 1) : undefined;
      const fraction = parseFraction(flags.fraction);
      const stepControl =
        flags.stepControl !== undefined ? { maxRelativeChange: parsePositiveNumber('--step-control', flags.stepControl) } : undefined;
      const backend = parseChoice('--backend', flags.backend, ['auto', ...KERNEL_BACKENDS] as const);
      const threads = parseInteger('--threads', flags.threads, 1, 64);
      if (threads > 1 && (backend === 'js' || backend === 'reference'))
        throw new UsageError(
          `--threads ${threads} needs --backend auto, wasm or wasm-fma (the helper threads run the WebAssembly kernels); got --backend ${backend}.`,
        );
      const team = threads > 1 ? startNodeProductTeam(threads - 1) : undefined;

      const bar =
        process.stderr.isTTY === true && steps >= PROGRESS_MIN_STEPS
          ? new SingleBar({
              stream: process.stderr,
              format: 'simulate [{bar}] {percentage}% | step {value}/{total} | eta {eta_formatted}',
              barsize: 30,
              // no hidden cursor: Ctrl-C ends the synchronous training at once, with no chance to restore it
              hideCursor: false,
            })
          : null;
      bar?.start(steps, 0);
      let result: SimulateFeaturesResult;
      try {
        result = simulateFeatures({
          objective,
          depth,
          features,
          epsilon,
          learningRate,
          steps,
          init,
          seed,
          samples,
          batchSize,
          ema,
          recordEvery,
          fraction,
          stepControl,
          backend,
          team,
          // the library reports every ⌈K/100⌉ steps: a bar of 100 updates
          onProgress: bar === null ? undefined : (k) => bar.update(k),
        });
      } finally {
        bar?.stop();
        // the helpers do not keep the process alive; stopping them releases their memory at once
        void team?.close();
      }
      const r = result;
      const diverged = r.train.status === 'diverged';
      if (flags.json === true) {
        printJson({
          t: r.t,
          wbar: r.wbar,
          ode: r.ode,
          maxDeviation: r.deviation.max,
          perFeatureDeviation: r.deviation.perFeature,
          measure: r.measure,
          fixedPoints: r.fixedPoints,
          criticalTimes: r.criticalTimes,
          order: r.order,
          steps: r.train.steps,
          loss: r.train.loss,
          predictor: r.train.predictor,
          status: r.train.status,
          message: r.train.message,
          stoppedAt: r.train.stoppedAt,
          backend: r.train.backend,
          threads,
          objective,
          depth,
          features: features.map((f) => ({ lambda: f.lambda, rho: f.rho, sigma2: f.sigma2 })),
          epsilon,
          lr: learningRate,
          stepsRequested: steps,
          init,
          seed,
          samples: samples ?? null,
          batchSize: batchSize ?? null,
          ema: ema ?? null,
          fraction,
          stepControl: stepControl?.maxRelativeChange ?? null,
          time: 'gradient-flow',
        });
      } else {
        const fmt = (x: number | null): string => (x === null ? '—' : Number.isFinite(x) ? x.toPrecision(6) : String(x));
        const lines = [
          `${objective.toUpperCase()}, L = ${depth}, d = ${features.length}, ${init} init, ε = ${epsilon}, η = ${learningRate}, ${r.train.stoppedAt} of ${steps} steps (t = ${fmt(r.t.at(-1) ?? 0)}), ${samples === undefined ? 'population moments' : `${samples} samples`}, backend ${r.train.backend}${threads > 1 ? `, ${threads} threads` : ''}`,
          `max |w̄_sim − w̄_ode| over ${r.t.length} recorded times: ${fmt(r.deviation.max)} (${r.measure === 'diagonal' ? 'w̄_i = (W̄)_ii in the feature basis' : 'w̄_i = ‖W̄ e_i‖'})`,
          '',
          'feature  lambda      rho         w̄∞          w̄ sim (end)  w̄ ode (end)  t* sim      t* formula',
          ...features.map((f, i) =>
            [
              String(i).padEnd(8),
              fmt(f.lambda).padEnd(11),
              fmt(f.rho).padEnd(11),
              fmt(r.fixedPoints[i]).padEnd(12),
              fmt(r.wbar[i].at(-1) ?? null).padEnd(12),
              fmt(r.ode[i].at(-1) ?? null).padEnd(12),
              fmt(r.criticalTimes.simulated[i]).padEnd(11),
              fmt(r.criticalTimes.predicted[i]),
            ].join(' '),
          ),
          '',
          `learning order (simulated): ${r.order.simulated.order.join(', ') || '—'}${r.order.simulated.never.length > 0 ? ` (not reached: ${r.order.simulated.never.join(', ')})` : ''}`,
          `learning order (formula):   ${r.order.predicted.order.join(', ') || '—'}${r.order.predicted.never.length > 0 ? ` (none: ${r.order.predicted.never.join(', ')})` : ''}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      if (diverged) throw new NoAnswerError(r.train.message);
    });
}
