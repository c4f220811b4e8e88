/**
 * Benchmark of discrete training (`train` of @jepa-dynamics/sim): JEPA, population
 * gradients, d = 64, L = 4, diagonal Σ, random orthogonal init, 20,000 steps.
 *
 * Measured in one process:
 * - `wasm`: the default backend, hand-assembled WebAssembly SIMD kernel (f64x2, 4×4 register blocks);
 * - `js`: the register-blocked JavaScript kernel (4×4 blocks, 16 scalar accumulators);
 * - `reference`: the same training schedule with the plain i-k-j triple loop (the baseline);
 * - `naive`: a textbook implementation written here (i-k-j loops, every layer gradient
 *   formed from explicit prefix and suffix products: 18 products per step instead of 12).
 * All share one step's arithmetic except `naive` (a different association of the same
 * products), so `reference`, `js` and `wasm` must agree bit for bit, and `naive` to rounding.
 * Slow variants run fewer steps and are extrapolated (steps/s is what is compared).
 */
import {
  matmulReference,
  matmulTransAReference,
  matmulTransBReference,
  train,
  type Covariances,
  type Network,
  type TrainOptions,
} from '../packages/sim/dist/index.js';
import type { BenchSuite } from './suites.js';
import { printTable, timeIt } from './timing.js';

const d = 64;
const depth = 4;
const eta = 0.01;
const covariances: Covariances = {
  kind: 'diagonal',
  sigmaXX: Float64Array.from({ length: d }, (_, i) => 1 + i / d),
  sigmaYX: Float64Array.from({ length: d }, (_, i) => 0.5 + (0.5 * i) / d),
};
/** Products per step of train's schedule (trainingKernel: 3L with diagonal Σ), each 2d³ flops. */
const productsPerStep = 3 * depth;
const flopsPerStep = productsPerStep * 2 * d ** 3;

function options(steps: number, backend: 'wasm' | 'js' | 'reference'): TrainOptions {
  return {
    objective: 'jepa',
    depth,
    covariances,
    init: { kind: 'random', epsilon: 0.05, seed: 1 },
    learningRate: eta,
    steps,
    recordEvery: Math.max(1, steps),
    measure: { loss: false },
    backend,
  };
}

/** The textbook step: W̄, residual, ∇V, ∇W̄, then ∇W_a = S_aᵀ ∇W̄ P_aᵀ with S_a, P_a formed afresh. */
function naiveTrain(start: Network, steps: number): Network {
  const dd = d * d;
  const w = start.layers.map((m) => Float64Array.from(m));
  const v = Float64Array.from(start.predictor);
  const mm = (a: Float64Array, b: Float64Array): Float64Array => matmulReference(new Float64Array(dd), a, b, d, d, d);
  const eye: Float64Array = new Float64Array(dd);
  for (let i = 0; i < d; i++) eye[i * d + i] = 1;
  const prod = (from: number, to: number): Float64Array => {
    // W_to ⋯ W_from (1-based, inclusive); identity when empty
    if (to < from) return eye;
    let p: Float64Array = w[from - 1];
    for (let a = from + 1; a <= to; a++) p = mm(w[a - 1], p);
    return p;
  };
  for (let k = 0; k < steps; k++) {
    const wbar = prod(1, depth);
    const r = new Float64Array(dd);
    const vw = mm(v, wbar);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) r[i * d + j] = vw[i * d + j] * covariances.sigmaXX[j] - wbar[i * d + j] * covariances.sigmaYX[j];
    const gv = matmulTransBReference(new Float64Array(dd), r, wbar, d, d, d);
    const g = matmulTransAReference(new Float64Array(dd), v, r, d, d, d);
    const gw = w.map((_, idx) => {
      const a = idx + 1;
      const left = matmulTransAReference(new Float64Array(dd), prod(a + 1, depth), g, d, d, d);
      return matmulTransBReference(new Float64Array(dd), left, prod(1, a - 1), d, d, d);
    });
    w.forEach((m, idx) => m.forEach((x, i) => (m[i] = x - eta * gw[idx][i])));
    v.forEach((x, i) => (v[i] = x - eta * gv[i]));
  }
  return { d, layers: w, predictor: v };
}

function maxDiff(a: Network, b: Network): number {
  let m = 0;
  [...a.layers, a.predictor].forEach((x, idx) => {
    const y = idx < a.layers.length ? b.layers[idx] : b.predictor;
    for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  });
  return m;
}

export const simSuite: BenchSuite = {
  name: 'sim',
  description: `JEPA population training, d = ${d}, L = ${depth}, diagonal Σ, 20,000 steps (steps/s; ${productsPerStep} d×d products per step)`,
  run() {
    const full = 20000;
    const baselineSteps = 1000;
    train(options(200, 'wasm')); // warm-up (JIT, wasm compile)
    train(options(200, 'js'));
    train(options(50, 'reference'));
    const start = train(options(0, 'reference')).network;
    const runs: { name: string; steps: number; ms: number; cpuMs: number; network: Network }[] = [];
    const ref = timeIt(() => train(options(baselineSteps, 'reference')));
    runs.push({
      name: 'reference (i-k-j, same schedule) [baseline]',
      steps: baselineSteps,
      ms: ref.ms,
      cpuMs: ref.cpuMs,
      network: ref.value.network,
    });
    const naive = timeIt(() => naiveTrain(start, baselineSteps / 4));
    runs.push({
      name: 'naive textbook (i-k-j, 18 products/step)',
      steps: baselineSteps / 4,
      ms: naive.ms,
      cpuMs: naive.cpuMs,
      network: naive.value,
    });
    const js = timeIt(() => train(options(baselineSteps * 4, 'js')));
    runs.push({ name: 'js (register-blocked 4×4)', steps: baselineSteps * 4, ms: js.ms, cpuMs: js.cpuMs, network: js.value.network });
    const wasm = timeIt(() => train(options(full, 'wasm')));
    runs.push({ name: 'wasm (WebAssembly SIMD f64x2, 4×4)', steps: full, ms: wasm.ms, cpuMs: wasm.cpuMs, network: wasm.value.network });

    // identical results: wasm and js against the baseline after the baseline's step count
    const wasmShort = train(options(baselineSteps, 'wasm')).network;
    const jsShort = train(options(baselineSteps, 'js')).network;
    const naiveRef = train(options(baselineSteps / 4, 'reference')).network;
    const baseRate = (baselineSteps / ref.ms) * 1000;
    const baseCpuRate = (baselineSteps / ref.cpuMs) * 1000;
    printTable(
      [
        'implementation',
        'steps run',
        'wall (s)',
        'steps/s (wall)',
        'steps/s (CPU)',
        'GFLOP/s (CPU)',
        'speed-up vs baseline (wall / CPU)',
        'est. wall for 20,000 steps (s)',
      ],
      runs.map((r) => {
        const rate = (r.steps / r.ms) * 1000;
        const cpuRate = (r.steps / r.cpuMs) * 1000;
        const flops = r.name.startsWith('naive') ? 18 * 2 * d ** 3 : flopsPerStep;
        return [
          r.name,
          r.steps,
          (r.ms / 1000).toFixed(2),
          rate.toFixed(0),
          cpuRate.toFixed(0),
          ((cpuRate * flops) / 1e9).toFixed(2),
          `${(rate / baseRate).toFixed(2)} / ${(cpuRate / baseCpuRate).toFixed(2)}`,
          (full / rate).toFixed(1),
        ];
      }),
    );
    process.stdout.write(
      `\nmax |wasm − reference| after ${baselineSteps} steps: ${maxDiff(wasmShort, ref.value.network)} (bit-identical: ${maxDiff(wasmShort, ref.value.network) === 0})\n` +
        `max |js − reference| after ${baselineSteps} steps: ${maxDiff(jsShort, ref.value.network)}\n` +
        `max |naive − reference| after ${baselineSteps / 4} steps: ${maxDiff(naive.value, naiveRef).toExponential(2)} (different association: rounding only)\n` +
        `backend of the wasm run: ${wasm.value.backend}, status ${wasm.value.status}, t reached ${wasm.value.t[wasm.value.t.length - 1]}\n` +
        `GFLOP/s counts the ${productsPerStep} products per step only (2d³ flops each; the O(d²) work per step is not counted).\n`,
    );
  },
};
