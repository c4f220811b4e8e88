/**
 * Benchmark of ensembles (issue: ensembles and sweeps), two parts, each with its baseline in
 * the same run:
 *
 * 1. Batched critical times: `criticalTimeBatch` over Float64Arrays against the scalar path
 *    (`criticalTime` per feature) and `criticalTimes` (array of objects), 1,000,000 random
 *    features (seeded; λ log-uniform in [1e-2, 1e2], ρ log-uniform in [0.05, 5]), L = 4,
 *    ε = 1e-3, p = ½, method exact, JEPA and MAE; every batched value is compared bit for bit
 *    with the scalar one. Goal: ≥ 5 million features/s for JEPA.
 * 2. A 200-run training sweep (random init, seeds 0…199, d = 16 features, L = 4, 8000 steps)
 *    by `runEnsemble` on the serial executor and on the Node worker-thread pool of the CLI
 *    (2 threads), results compared. Goal: ≥ 1.8× faster on 2 threads. Wall time depends on
 *    what else runs: the 1-minute load average is printed before and after, and the CPU time
 *    of this process (threads included) beside the wall time.
 */
import os from 'node:os';
import { criticalTime, criticalTimeBatch, criticalTimes } from '../packages/ode/dist/index.js';
import type { Objective } from '../packages/ode/dist/index.js';
import { ensembleRuns, gridVariations, runEnsemble, serialExecutor } from '../packages/experiments/dist/index.js';
import type { EnsembleExecutor, RunResult } from '../packages/experiments/dist/index.js';
import { nodePoolExecutor } from '../packages/cli/dist/sweep/nodePoolExecutor.js';
import { mulberry32 } from '../test/support/oracles/index.js';
import type { BenchSuite } from './suites.js';
import { printTable } from './timing.js';

const FEATURES = 1_000_000;
const SCALAR_FEATURES = 100_000;
const DEPTH = 4;
const EPSILON = 1e-3;

function load(): string {
  return `1-min load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`;
}

/** Best of `repeats` rates (features/s) of `fn` over `count` features, after one warm-up. */
function rate(count: number, repeats: number, fn: () => void): number {
  fn();
  let best = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    fn();
    best = Math.max(best, count / ((performance.now() - start) / 1000));
  }
  return best;
}

function criticalTimesPart(): void {
  const random = mulberry32(2024);
  const lambda = new Float64Array(FEATURES);
  const rho = new Float64Array(FEATURES);
  for (let i = 0; i < FEATURES; i++) {
    lambda[i] = 1e-2 * Math.pow(1e4, random());
    rho[i] = 0.05 * Math.pow(100, random());
  }
  const objects = Array.from({ length: SCALAR_FEATURES }, (_, i) => ({ lambda: lambda[i], rho: rho[i] }));
  process.stdout.write(`\n### Batched critical times: L = ${DEPTH}, ε = ${EPSILON}, p = ½, method exact (${load()})\n\n`);
  const rows: (string | number)[][] = [];
  for (const objective of ['jepa', 'mae'] as Objective[]) {
    const options = { objective, depth: DEPTH, epsilon: EPSILON };
    const batch = rate(FEATURES, 5, () => criticalTimeBatch({ lambda, rho }, options));
    const scalar = rate(SCALAR_FEATURES, 3, () => {
      for (const f of objects) criticalTime(f, options);
    });
    const array = rate(SCALAR_FEATURES, 3, () => criticalTimes(objects, options));
    // the same values, bit for bit (Object.is: NaN = NaN, −0 ≠ 0)
    const r = criticalTimeBatch({ lambda, rho }, options);
    let differ = 0;
    let exist = 0;
    objects.forEach((f, i) => {
      const s = criticalTime(f, options);
      if (s.exists) exist++;
      if (!Object.is(s.exists ? s.t : Number.NaN, r.t[i])) differ++;
    });
    rows.push([
      objective.toUpperCase(),
      `${(batch / 1e6).toFixed(2)} M`,
      `${(scalar / 1e6).toFixed(3)} M`,
      `${(array / 1e6).toFixed(3)} M`,
      `${(batch / scalar).toFixed(1)}×`,
      `${differ} of ${SCALAR_FEATURES} (${exist} with t*)`,
    ]);
  }
  printTable(
    [
      'objective',
      'batch features/s',
      'scalar criticalTime/s',
      'criticalTimes (objects)/s',
      'batch / scalar',
      'values differing from scalar',
    ],
    rows,
  );
  process.stdout.write(`\nGoal: ≥ 5 M features/s (JEPA, batch). ${load()} after.\n`);
}

async function poolPart(): Promise<void> {
  const runs = ensembleRuns(
    {
      kind: 'training',
      settings: {
        objective: 'jepa',
        depth: 4,
        // 16 features: ρ from 0.5 to 2, λ from 0.2 to 1 (a fraction of a second per run)
        features: Array.from({ length: 16 }, (_, i) => ({ lambda: 0.2 + (0.8 * i) / 15, rho: 0.5 + (1.5 * i) / 15 })),
        epsilon: 1e-2,
        lr: 0.05,
        steps: 8000,
        init: 'random',
      },
    },
    gridVariations({ seed: Array.from({ length: 200 }, (_, i) => i) }),
  );
  const before = load();
  const execute = async (executor: EnsembleExecutor): Promise<{ ms: number; cpuMs: number; results: (RunResult | undefined)[] }> => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const r = await runEnsemble({ runs }, { executor });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    await executor.close();
    return { ms, cpuMs: (used.user + used.system) / 1000, results: r.outputs };
  };
  // no warm-up: the serial run and each thread start cold, as a sweep does
  const serial = await execute(serialExecutor());
  const pooled = await execute(nodePoolExecutor(2));
  const same = JSON.stringify(serial.results) === JSON.stringify(pooled.results);
  process.stdout.write(`\n### A 200-run training sweep, serial vs 2 worker threads (${before} before)\n\n`);
  printTable(
    ['executor', 'wall s', 'CPU s (process, threads included)', 'runs/s'],
    [
      ['serial', (serial.ms / 1000).toFixed(2), (serial.cpuMs / 1000).toFixed(2), (200 / (serial.ms / 1000)).toFixed(1)],
      [
        '2 worker threads (tinypool)',
        (pooled.ms / 1000).toFixed(2),
        (pooled.cpuMs / 1000).toFixed(2),
        (200 / (pooled.ms / 1000)).toFixed(1),
      ],
    ],
  );
  process.stdout.write(
    `\nSpeed-up ${(serial.ms / pooled.ms).toFixed(2)}× (goal ≥ 1.8× on an idle 2-core machine); results identical to the serial run: ${same}. ${load()} after.\n`,
  );
}

export const ensembleSuite: BenchSuite = {
  name: 'ensemble',
  description: 'batched critical times (vs the scalar path) and a 200-run training sweep (serial vs 2 worker threads)',
  async run() {
    criticalTimesPart();
    await poolPart();
  },
};
