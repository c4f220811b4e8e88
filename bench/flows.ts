/**
 * Benchmark of the critical-time computations of @jepa-dynamics/ode's flows: 10,000
 * random features (seeded; λ log-uniform in [1e-2, 1e2], ρ log-uniform in [0.05, 5]),
 * depth L = 4, ε = 1e-3, p = ½, JEPA and MAE.
 *
 * Subject: `criticalTimes(…, { method: 'inverse-ode' })`, an integration by `solveIvp` of
 * t as a function of x = ln u (dt/dx = 1/(σ² u^{2L−1}(ρ − u)) for JEPA), each feature on its own.
 * Baseline (same run): `method: 'ode'`, the time-domain integration of du/dt with event
 * location (clock restarted when u doubles). Reference: `method: 'exact'`, the closed-form
 * t(u*) of docs/math.md §3, which also gives each method's largest relative deviation.
 * Goal: ≥ 20,000 features per second by integration. Features without a critical time
 * (JEPA: ε ≥ ½ρ^L) cost almost nothing, so the rate over those with one is printed too.
 */
import { criticalTimes } from '../packages/ode/dist/index.js';
import type { CriticalTimeMethod, CriticalTimeResult, FeatureInput, Method, Objective } from '../packages/ode/dist/index.js';
import type { BenchSuite } from './suites.js';
import { printTable } from './timing.js';
import { mulberry32 } from '../test/support/oracles/index.js';

const COUNT = 10_000;
const DEPTH = 4;
const EPSILON = 1e-3;

interface Variant {
  label: string;
  method: CriticalTimeMethod;
  solver?: Method;
  rtol?: number;
  /** Features timed (the slow baseline runs on a prefix and is scaled to per-feature rates). */
  count: number;
  repeats: number;
}

const variants: Variant[] = [
  { label: 'exact (closed form, reference)', method: 'exact', count: COUNT, repeats: 5 },
  { label: 'inverse-ode dopri5 rtol 1e-10', method: 'inverse-ode', solver: 'dopri5', rtol: 1e-10, count: COUNT, repeats: 3 },
  { label: 'inverse-ode dop853 rtol 1e-10', method: 'inverse-ode', solver: 'dop853', rtol: 1e-10, count: COUNT, repeats: 3 },
  { label: 'inverse-ode dop853 rtol 1e-12 (default)', method: 'inverse-ode', solver: 'dop853', rtol: 1e-12, count: COUNT, repeats: 3 },
  {
    label: 'ode (time domain + events) dop853 rtol 1e-12 [baseline]',
    method: 'ode',
    solver: 'dop853',
    rtol: 1e-12,
    count: 2_000,
    repeats: 1,
  },
  { label: 'ode (time domain + events) dopri5 rtol 1e-10', method: 'ode', solver: 'dopri5', rtol: 1e-10, count: 2_000, repeats: 1 },
];

function run(): void {
  const random = mulberry32(2024);
  const features: FeatureInput[] = Array.from({ length: COUNT }, () => ({
    lambda: 1e-2 * Math.pow(1e4, random()),
    rho: 0.05 * Math.pow(100, random()),
  }));
  for (const objective of ['jepa', 'mae'] as Objective[]) {
    const reference = criticalTimes(features, { objective, depth: DEPTH, epsilon: EPSILON, method: 'exact' });
    const rows: (string | number)[][] = [];
    let baselineRate = Number.NaN;
    const rates: number[] = [];
    for (const v of variants) {
      const subset = features.slice(0, v.count);
      const options = { objective, depth: DEPTH, epsilon: EPSILON, method: v.method, solver: v.solver, rtol: v.rtol };
      criticalTimes(features.slice(0, 200), options); // warm-up
      const times: number[] = [];
      let result: CriticalTimeResult[] = [];
      for (let r = 0; r < v.repeats; r++) {
        const start = performance.now();
        result = criticalTimes(subset, options);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = times[Math.floor(times.length / 2)];
      const rate = (v.count / ms) * 1000;
      let deviation = 0;
      let existing = 0;
      result.forEach((x, i) => {
        const ref = reference[i];
        if (x.exists && ref.exists) {
          deviation = Math.max(deviation, Math.abs(x.t - ref.t) / ref.t);
          existing++;
        }
      });
      if (v.label.includes('[baseline]')) baselineRate = rate;
      rates.push(rate);
      rows.push([
        v.label,
        v.count,
        existing,
        ms.toFixed(1),
        Math.round(rate),
        Math.round((existing / ms) * 1000),
        deviation.toExponential(1),
      ]);
    }
    rows.forEach((row, i) => row.push((rates[i] / baselineRate).toFixed(1)));
    process.stdout.write(`\n### ${objective.toUpperCase()}, L = ${DEPTH}, ε = ${EPSILON}, p = ½\n\n`);
    printTable(
      ['method', 'features', 'with t*', 'median ms', 'features/s', 'features with t*/s', 'max rel. dev. from exact', 'speed vs baseline'],
      rows,
    );
  }
}

export const flowsSuite: BenchSuite = {
  name: 'flows',
  description:
    'critical times of 10,000 random features at L = 4 (inverse-ODE integration vs time-domain integration with events; closed form as reference)',
  run,
};
