import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMatrixWorkspace,
  createProductTeam,
  matmulReference,
  matmulTransAReference,
  matmulTransBReference,
  PACKED_PRODUCT_VOLUME,
  TEAM_PACKED_VOLUME,
  TEAM_PRODUCT_VOLUME,
  type KernelBackend,
  type ProductTeam,
} from '@jepa-dynamics/core';
import { train, type TrainOptions } from '@jepa-dynamics/sim';
import { startNodeProductTeam } from '../src/nodeProductTeam.js';
import { normalSource, randomMatrix } from '../../../test/support/oracles/index.js';

/** A package's build (the child process below runs outside the test runner's aliases). */
const dist = (pkg: string): string => fileURLToPath(new URL(`../../${pkg}/dist/index.js`, import.meta.url));

const one = startNodeProductTeam(1);
const two = startNodeProductTeam(2);
afterAll(async () => {
  await Promise.all([one.close(), two.close()]);
});

/** The team, counting the bands of each product it splits. */
function counted(team: ProductTeam): { team: ProductTeam; bands: number[] } {
  const bands: number[] = [];
  return {
    bands,
    team: {
      helpers: team.helpers,
      attach: (memory, fma) => team.attach(memory, fma),
      run: (memory, fma, b, own) => {
        bands.push(b.length);
        team.run(memory, fma, b, own);
      },
    },
  };
}

/**
 * Shapes around the team's thresholds (64³ multiply-adds read in place, 96³ packed) and both
 * loop nests: A·B below 256³ is read in place (4×4 kernel), from 256³ on and every transposed
 * product packed. Ragged edges; m = 9 gives two bands of 4 rows and an edge row; m = 7 one
 * 4-row block (not split).
 */
const SHAPES: readonly (readonly [number, number, number])[] = [
  [64, 64, 64],
  [63, 64, 64],
  [96, 96, 96],
  [95, 96, 96],
  [128, 128, 128],
  [130, 129, 131],
  [9, 1000, 240],
  [7, 1000, 400],
  [260, 300, 270],
  [33, 257, 530],
];

/** A workspace on `backend` (with `team`) holding seeded A, Aᵀ-shaped, B, Bᵀ-shaped operands, and its three products. */
function products(backend: KernelBackend, team: ProductTeam | undefined, m: number, k: number, n: number, seed: number) {
  const source = normalSource(seed);
  const ws = createMatrixWorkspace({ capacity: 2 * m * k + 2 * k * n + m * n, largestMatrix: Math.max(m, n) * k, backend, team });
  const a = ws.alloc(m * k),
    at = ws.alloc(k * m),
    b = ws.alloc(k * n),
    bt = ws.alloc(n * k),
    c = ws.alloc(m * n);
  a.set(randomMatrix(source, m, k));
  at.set(randomMatrix(source, k, m));
  b.set(randomMatrix(source, k, n));
  bt.set(randomMatrix(source, n, k));
  // C starts as NaN before each product: a band no thread wrote would show
  const run = (f: () => Float64Array): number[] => {
    c.fill(Number.NaN);
    return Array.from(f());
  };
  return {
    a,
    at,
    b,
    bt,
    ab: run(() => ws.matmul(c, a, b, m, k, n)),
    atb: run(() => ws.matmulTransA(c, at, b, m, k, n)),
    abt: run(() => ws.matmulTransB(c, a, bt, m, k, n)),
  };
}

describe('startNodeProductTeam: products split across worker threads on a shared memory', () => {
  for (const [name, team] of [
    ['one helper', one],
    ['two helpers', two],
  ] as const) {
    it(`${name}: every product is bit-identical to the reference kernels, and exactly those past the thresholds with ≥ 8 aligned rows are split`, () => {
      const { team: probe, bands } = counted(team);
      for (const [m, k, n] of SHAPES) {
        bands.length = 0;
        const r = products('wasm', probe, m, k, n, m + k + n);
        expect(r.ab).toEqual(Array.from(matmulReference(new Float64Array(m * n), r.a, r.b, m, k, n)));
        expect(r.atb).toEqual(Array.from(matmulTransAReference(new Float64Array(m * n), r.at, r.b, m, k, n)));
        expect(r.abt).toEqual(Array.from(matmulTransBReference(new Float64Array(m * n), r.a, r.bt, m, k, n)));
        const m4 = m - (m % 4);
        const volume = m * k * n;
        // bands of ⌈m4/4/threads⌉·4 rows: as many as the threads, fewer when m4 is small
        const expected = Math.ceil(m4 / (4 * Math.ceil(m4 / 4 / (team.helpers + 1))));
        const packedSplit = m4 >= 8 && volume >= TEAM_PACKED_VOLUME;
        const inPlaceSplit = m4 >= 8 && volume >= (volume >= PACKED_PRODUCT_VOLUME ? TEAM_PACKED_VOLUME : TEAM_PRODUCT_VOLUME);
        expect(bands, `${m}×${k}×${n}`).toEqual([inPlaceSplit, packedSplit, packedSplit].filter((s) => s).map(() => expected));
      }
    });
  }

  it("'wasm-fma' (a child process with --experimental-wasm-relaxed-simd, helpers included): the same results with and without a team, and the FMA is in use", () => {
    const child = `
      import { createMatrixWorkspace, matmulReference } from ${JSON.stringify(dist('core'))};
      import { startNodeProductTeam } from ${JSON.stringify(dist('cli'))};
      const team = startNodeProductTeam(1);
      let state = 11;
      const uniform = () => ((state = (state * 48271) % 2147483647) / 2147483647) * 2 - 1;
      let same = true, split = 0, differing = 0;
      const probe = { helpers: 1, attach: (m, f) => team.attach(m, f), run: (m, f, b, own) => { split++; team.run(m, f, b, own); } };
      for (const [m, k, n] of ${JSON.stringify(SHAPES)}) {
        const results = [undefined, probe].map((t) => {
          const ws = createMatrixWorkspace({ capacity: 2 * m * k + 2 * k * n + m * n, largestMatrix: Math.max(m, n) * k, backend: 'wasm-fma', team: t });
          const a = ws.alloc(m * k), at = ws.alloc(k * m), b = ws.alloc(k * n), bt = ws.alloc(n * k), c = ws.alloc(m * n);
          state = 11;
          for (const x of [a, at, b, bt]) for (let i = 0; i < x.length; i++) x[i] = uniform();
          const r = [];
          c.fill(NaN); r.push(...ws.matmul(c, a, b, m, k, n));
          c.fill(NaN); r.push(...ws.matmulTransA(c, at, b, m, k, n));
          c.fill(NaN); r.push(...ws.matmulTransB(c, a, bt, m, k, n));
          const ref = matmulReference(new Float64Array(m * n), a, b, m, k, n);
          for (let i = 0; i < m * n; i++) if (r[i] !== ref[i]) differing++;
          return r;
        });
        same &&= results[0].every((v, i) => Object.is(v, results[1][i]));
      }
      await team.close();
      console.log(JSON.stringify({ same, split, differing }));
    `;
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--input-type=module', '-e', child], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { same: boolean; split: number; differing: number };
    expect(out.same).toBe(true);
    expect(out.split).toBeGreaterThan(0);
    // the fused products differ from the reference loop (V8 fuses relaxed_madd on this x86-64)
    expect(out.differing).toBeGreaterThan(0);
  });

  it('serves workspaces in turn: a product on an older workspace moves the helpers back to its memory', () => {
    const { team: probe, bands } = counted(one);
    const [m, k, n] = [136, 136, 136];
    const source = normalSource(3);
    const spaces = [0, 1].map(() => {
      const ws = createMatrixWorkspace({ capacity: 3 * m * m, largestMatrix: m * m, backend: 'wasm', team: probe });
      const a = ws.alloc(m * k),
        b = ws.alloc(k * n),
        c = ws.alloc(m * n);
      a.set(randomMatrix(source, m, k));
      b.set(randomMatrix(source, k, n));
      return { ws, a, b, c };
    });
    for (const s of [spaces[0], spaces[1], spaces[0], spaces[1]]) {
      s.c.fill(Number.NaN);
      expect(Array.from(s.ws.matmul(s.c, s.a, s.b, m, k, n))).toEqual(
        Array.from(matmulReference(new Float64Array(m * n), s.a, s.b, m, k, n)),
      );
    }
    expect(bands).toEqual([2, 2, 2, 2]);
  });

  it('train: the same network, bit for bit, with one and two helpers as without (d = 132, L = 2, random init)', () => {
    const d = 132;
    const options: TrainOptions = {
      objective: 'jepa',
      depth: 2,
      covariances: {
        kind: 'diagonal',
        sigmaXX: Float64Array.from({ length: d }, (_, i) => 1 + i / d),
        sigmaYX: Float64Array.from({ length: d }, (_, i) => 0.5 + (0.4 * i) / d),
      },
      init: { kind: 'random', epsilon: 0.1, seed: 5 },
      learningRate: 0.05,
      steps: 6,
      recordEvery: 3,
      backend: 'wasm',
    };
    const flat = (r: ReturnType<typeof train>): number[] => [...r.network.predictor, ...r.network.layers.flatMap((w) => [...w])];
    const alone = train(options);
    const { team: probe, bands } = counted(one);
    const helped = train({ ...options, team: probe });
    expect(bands.length).toBeGreaterThan(0);
    expect(flat(helped)).toEqual(flat(alone));
    expect(flat(train({ ...options, team: two }))).toEqual(flat(alone));
    expect(helped.wbar).toEqual(alone.wbar);
  });

  it('refuses a team on a JavaScript backend, and says so when the helpers never answer', () => {
    expect(() => createMatrixWorkspace({ capacity: 16, largestMatrix: 16, backend: 'js', team: one })).toThrow(
      "createMatrixWorkspace: invalid argument options.backend: must be 'wasm' or 'wasm-fma' (or 'auto' resolving to one) with options.team",
    );
    const deaf = createProductTeam({ helpers: 1, post: () => {}, timeoutMs: 50 });
    expect(() => createMatrixWorkspace({ capacity: 16, largestMatrix: 16, backend: 'wasm', team: deaf })).toThrow(
      /helper 0 did not instantiate the kernels within 50 ms/,
    );
    expect(() => createProductTeam({ helpers: 0, post: () => {} })).toThrow(
      'createProductTeam: invalid argument host.helpers: must be an integer ≥ 1; got 0.',
    );
    expect(() => createProductTeam({ helpers: 1, post: () => {}, timeoutMs: 0 })).toThrow(/host\.timeoutMs/);
  });
});
