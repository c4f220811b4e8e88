/**
 * @jepa-dynamics/symbolic: (1) cold start in fresh Node processes: importing the package
 * (target < 0.5 s), `derive('jepa', 1)` after it (target < 1 s) and importing the
 * evaluators subpath; (2) browser bundle sizes per entry point (esbuild, minified and
 * gzipped; the evaluators' target < 10 KiB gzipped); (3) the CAS derivation with every
 * certificate, JEPA and MAE, L = 1…8 (target: under 10 s in total); (4) the compiled
 * t*_p at L = 4 (target ≥ 2e6 evaluations/s) against a baseline in the same run: the
 * same derived t*_p as a mathjs compiled expression tree; (5) the leading-order relative
 * error table of docs/derivation.md.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { casFunction, derive, jepaTime, maeTime } from '../packages/symbolic/dist/index.js';
import { browserBundle } from '../packages/symbolic/test/browserBundle.js';
import type { BenchSuite } from './suites.js';
import { printTable, timeIt } from './timing.js';

const dist = (file: string): string => new URL(`../packages/symbolic/dist/${file}`, import.meta.url).href;

/**
 * Runs `code` (an ES module printing one JSON line) in a fresh `node` `runs` times and
 * returns, per field, the median over the runs.
 */
function coldStart(code: string, runs: number): Record<string, number> {
  const samples: Record<string, number>[] = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    samples.push(JSON.parse(out) as Record<string, number>);
  }
  const median: Record<string, number> = {};
  for (const key of Object.keys(samples[0])) {
    const v = samples.map((s) => s[key]).sort((a, b) => a - b);
    median[key] = v[Math.floor(v.length / 2)];
  }
  return median;
}

/** Wall and CPU milliseconds of `await <expr>` inside the child, as JSON fields `<name>Wall`, `<name>Cpu`. */
const timed = (name: string, expr: string): string =>
  `{ const c = process.cpuUsage(), t = performance.now(); await ${expr}; const u = process.cpuUsage(c); ` +
  `r.${name}Wall = performance.now() - t; r.${name}Cpu = (u.user + u.system) / 1000; }`;

function coldStartSection(): void {
  const runs = 7;
  const full = coldStart(
    `const r = {}; let m; ${timed('import', `import('${dist('index.js')}').then((x) => { m = x; })`)} ${timed('derive', "Promise.resolve().then(() => m.derive('jepa', 1))")} console.log(JSON.stringify(r));`,
    runs,
  );
  const ev = coldStart(`const r = {}; ${timed('import', `import('${dist('evaluators.js')}')`)} console.log(JSON.stringify(r));`, runs);
  printTable(
    ['fresh process (median of 7)', 'wall ms', 'CPU ms (all threads)', 'target'],
    [
      ["import '@jepa-dynamics/symbolic'", full.importWall.toFixed(0), full.importCpu.toFixed(0), '< 500'],
      ["then derive('jepa', 1)", full.deriveWall.toFixed(0), full.deriveCpu.toFixed(0), '< 1000'],
      ["import '@jepa-dynamics/symbolic/evaluators'", ev.importWall.toFixed(0), ev.importCpu.toFixed(0), ''],
    ],
  );
  process.stdout.write(`(1-min load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)\n\n`);
}

async function bundleSection(): Promise<void> {
  const entries: [string, string][] = [
    [
      'evaluators (jepaTime, maeTime, criticalTimeFormula, javascriptSource)',
      "export { jepaTime, maeTime, criticalTimeFormula, javascriptSource } from '@jepa-dynamics/symbolic/evaluators';",
    ],
    ['evaluators, jepaTime alone', "export { jepaTime } from '@jepa-dynamics/symbolic/evaluators';"],
    ['full package (export *)', "export * from '@jepa-dynamics/symbolic';"],
  ];
  const rows: (string | number)[][] = [];
  let biggest = '';
  for (const [name, contents] of entries) {
    const r = await browserBundle(contents);
    const code = r.code;
    rows.push([name, (code.length / 1024).toFixed(1), (gzipSync(code).length / 1024).toFixed(1)]);
    const byPackage = new Map<string, number>();
    for (const output of Object.values(r.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = m === null ? input.split('/').slice(0, 3).join('/') : m[1];
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
    }
    biggest = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`)
      .join(', ');
  }
  printTable(['browser bundle (esbuild --bundle --minify --format=esm)', 'minified KiB', 'gzipped KiB'], rows);
  process.stdout.write(`\nfull package by input: ${biggest}\n\n`);
}

/** Evaluations per second of wall time and of process CPU time (the latter is robust to other processes on the machine). */
function throughput(fn: (i: number) => number, n: number): { wall: number; cpu: number } {
  let warm = 0;
  for (let i = 0; i < Math.min(n, 20000); i++) warm += fn(i); // warm-up
  const {
    ms,
    cpuMs,
    value: sink,
  } = timeIt(() => {
    let s = warm;
    for (let i = 0; i < n; i++) s += fn(i);
    return s;
  });
  if (Number.isNaN(sink)) process.stdout.write('(NaN seen)\n');
  return { wall: n / (ms / 1000), cpu: n / (cpuMs / 1000) };
}

function paperJepa(L: number, lam: number, rho: number, eps: number): number {
  let s = 0;
  for (let n = 1; n < 2 * L; n++) s += 1 / (n * rho ** (2 * L - 1 - n) * lam * eps ** (n / L));
  return s;
}

export const symbolicSuite: BenchSuite = {
  name: 'symbolic',
  description: 'cold start, bundle sizes, CAS derivation with certificates (L = 1…8) and compiled t*_p throughput at L = 4',
  run: async () => {
    coldStartSection();
    await bundleSection();
    const rows: (string | number)[][] = [];
    let total = 0;
    let totalCpu = 0;
    for (const objective of ['jepa', 'mae'] as const) {
      for (let L = 1; L <= 8; L++) {
        const { ms, cpuMs, value: d } = timeIt(() => derive(objective, L));
        total += ms;
        totalCpu += cpuMs;
        rows.push([
          objective,
          L,
          ms.toFixed(0),
          cpuMs.toFixed(0),
          d.certificates.length,
          d.certificates.every((c) => c.holds) ? 'yes' : 'NO',
        ]);
      }
    }
    printTable(['objective', 'L', 'wall ms', 'CPU ms', 'certificates', 'all hold'], rows);
    const load = os.loadavg()[0];
    process.stdout.write(
      `\nderivation with certificates, both objectives, L = 1…8: ${(total / 1000).toFixed(2)} s wall, ${(totalCpu / 1000).toFixed(2)} s CPU ` +
        `(target < 10 s; 1-min load average ${load.toFixed(1)} on ${os.cpus().length} cores: wall time inflates with other processes)\n\n`,
    );

    const N = 2_000_000;
    const lam = new Float64Array(1024);
    const rho = new Float64Array(1024);
    const eps = new Float64Array(1024);
    for (let i = 0; i < 1024; i++) {
      lam[i] = 0.1 + (i % 17) * 0.3;
      rho[i] = 0.3 + (i % 13) * 0.25;
      eps[i] = 1e-6 * (1 + (i % 7));
    }
    const tRows: (string | number)[][] = [];
    for (const objective of ['jepa', 'mae'] as const) {
      const ev = objective === 'jepa' ? jepaTime(4) : maeTime(4);
      const fast = throughput((i) => ev.tStar(lam[i & 1023], rho[i & 1023], eps[i & 1023], 0.5) ?? 0, N);
      const compiled = casFunction(derive(objective, 4).integral.tStar.cas);
      const base = throughput((i) => compiled({ lam: lam[i & 1023], rho: rho[i & 1023], u0: eps[i & 1023] ** 0.25, p: 0.5 }), 50_000);
      tRows.push([
        objective,
        (fast.wall / 1e6).toFixed(2),
        (fast.cpu / 1e6).toFixed(2),
        (base.wall / 1e6).toFixed(3),
        (base.cpu / 1e6).toFixed(3),
        (fast.cpu / base.cpu).toFixed(0),
      ]);
    }
    printTable(
      [
        'objective (L = 4)',
        'fast evaluator, M evals/s wall',
        'per CPU s (target ≥ 2)',
        'mathjs-compiled CAS t*, M evals/s wall',
        'per CPU s',
        'ratio (CPU)',
      ],
      tRows,
    );

    process.stdout.write(
      '\nleading order vs exact t*_p: relative error (λ = 1, p = ½; JEPA "sum" is the paper sum, "sum+log" adds the ln(1/ε) term)\n\n',
    );
    const epsList = [1e-2, 1e-4, 1e-6, 1e-8, 1e-12];
    for (const r of [0.5, 1, 2]) {
      const lRows: (string | number)[][] = [];
      for (const L of [1, 2, 3, 4, 6, 8, 12]) {
        const row: (string | number)[] = [L];
        for (const e of epsList) {
          const tj = jepaTime(L).tStar(1, r, e, 0.5);
          const tm = maeTime(L).tStar(1, r, e, 0.5);
          const sum = paperJepa(L, 1, r, e);
          const withLog = sum + (r ** (1 - 2 * L) * Math.log(1 / e)) / L;
          const mae = L === 1 ? Math.log(1 / e) : e ** (-(L - 1) / L) / (L - 1);
          const f = (lead: number, exact: number | null): string =>
            exact === null ? 'n/a' : (Math.abs(lead - exact) / exact).toExponential(1);
          row.push(`${f(sum, tj)} / ${f(withLog, tj)} / ${f(mae, tm)}`);
        }
        lRows.push(row);
      }
      process.stdout.write(`ρ = ${r}: cells are JEPA sum / JEPA sum+log / MAE\n\n`);
      printTable(['L', ...epsList.map((e) => `ε = ${e}`)], lRows);
      process.stdout.write('\n');
    }
  },
};
