/**
 * The packages install anywhere (issue 13), checked as a new user meets them:
 *
 * 1. pack the packages with the command of docs/embedding.md (`pnpm -r … pack`);
 * 2. make two fresh projects with `npm init -y`: one turned into an ES module package
 *    (`"type": "module"`), one left as npm makes it (CommonJS);
 * 3. install the five library tarballs into each with `npm install --offline`: nothing
 *    comes from the network. Our packages come from their tarballs; their third-party
 *    dependencies (and `@types/node` for TypeScript) are the exact copies of the
 *    workspace's pnpm store, listed as `file:` dependencies of the project, which npm
 *    links instead of fetching (a user gets the same versions from the registry);
 * 4. run, in these projects, every README example (each prints what its README shows),
 *    every code block of docs/embedding.md (ES module and CommonJS, printing what the
 *    page shows), and a TypeScript consumer type-checked with the page's tsconfig
 *    (`strict`, `exactOptionalPropertyTypes`, declarations of the packages checked too)
 *    and run as TypeScript's ES module output and as its CommonJS output (`require()` of
 *    the ES modules, Node ≥ 20.19).
 *
 * The packages were just built by the global setup (`tsc -b`), so the packing skips the
 * `prepack` build (JEPA_DYNAMICS_PACK_PREBUILT=1, see scripts/prepack.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIBRARIES = ['core', 'ode', 'symbolic', 'sim', 'experiments'] as const;
const VERSION = '0.1.0';
const tsc = join(root, 'node_modules/typescript/bin/tsc');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop, so that independent steps overlap. */
function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function must(r: Run, what: string): Run {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** pnpm: the one running `pnpm test` (on PATH), else through npx (as the README says). */
function pnpmCommand(): [string, string[]] {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'pnpm');
    if (dir !== '' && existsSync(candidate)) return [candidate, []];
  }
  return ['npx', ['-y', 'pnpm@12.4.2']];
}

/** The installed directory of `name` as seen from `from` (the pnpm layout: up the tree). */
function packageDir(name: string, from: string): string | undefined {
  for (let d = from; ; d = dirname(d)) {
    const manifest = join(d, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return realpathSync(dirname(manifest));
    if (dirname(d) === d) return undefined;
  }
}

/** Third-party packages (name → store directory) that `start` needs, transitively. */
function thirdPartyClosure(start: readonly string[], into: Map<string, string>): Map<string, string> {
  const visit = (dir: string): void => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      if (name.startsWith('@jepa-dynamics/') || into.has(name)) continue;
      const found = packageDir(name, dir);
      if (found === undefined) {
        if (manifest.optionalDependencies?.[name] !== undefined) continue;
        throw new Error(`packaging test: ${name} (a dependency of ${dir}) is not installed in the workspace`);
      }
      into.set(name, found);
      visit(found);
    }
  };
  for (const dir of start) visit(dir);
  return into;
}

/** The code blocks of a markdown page: language, the file named by a first line `// name`, and the code. */
function codeBlocks(markdown: string): { lang: string; file: string | undefined; code: string; after: string }[] {
  return [...markdown.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => {
    const first = /^\/\/ ([\w.-]+\.(?:mjs|cjs|js|ts|json))\n/.exec(m[2]);
    return { lang: m[1], file: first?.[1], code: m[2], after: markdown.slice((m.index ?? 0) + m[0].length) };
  });
}

/** The first ```text block after a position: the output a page shows for the code before it. */
function shownOutput(after: string): string {
  const m = /```text\n([\s\S]*?)```/.exec(after);
  if (m === null) throw new Error('packaging test: no ```text block after a code block');
  return m[1];
}

const work = mkdtempSync(join(tmpdir(), 'jepa-dynamics-packaging-'));
const tarballDir = join(work, 'tarballs');
const projects = { esm: join(work, 'esm'), cjs: join(work, 'cjs') } as const;
const embedding = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
const blocks = codeBlocks(embedding);
const outputs = new Map<string, Run>();
let packRun: Run | undefined;

/** A consumer of every package's types, checked under the page's tsconfig; runs in both projects. */
const CONSUMER = `// consumer.ts (test/packaging.test.ts)
import { closestName, InvalidArgumentError } from '@jepa-dynamics/core';
import { createIntegrator, solveIvp, type DenseSolveResult, type RhsFunction, type SolveOptions } from '@jepa-dynamics/ode';
import { derive } from '@jepa-dynamics/symbolic';
import { jepaTime } from '@jepa-dynamics/symbolic/evaluators';
import { train } from '@jepa-dynamics/sim';
import { EXPERIMENTS } from '@jepa-dynamics/experiments';

const decay: RhsFunction<{ k: number }> = (_t, y, dydt, p) => {
  dydt[0] = -p.k * y[0];
};
const options: SolveOptions<{ k: number }> = { rtol: 1e-10, atol: 1e-12, params: { k: 2 } };
const dense: DenseSolveResult = solveIvp(decay, [0, 1], [1], { ...options, dense: true });
// @ts-expect-error exactOptionalPropertyTypes: an option may be left out, not set to undefined
solveIvp(decay, [0, 1], [1], { params: { k: 2 }, rtol: undefined });
const stream = createIntegrator(decay, 0, [1], { params: { k: 2 }, rtol: 1e-10, atol: 1e-12 });
const at1 = stream.advanceTo(1);
let misspelt = '';
try {
  solveIvp(decay, [0, 1], [1], { params: { k: 2 }, max_step: 0.1 } as SolveOptions<{ k: number }>);
} catch (e) {
  misspelt = e instanceof InvalidArgumentError ? e.argument : 'not an InvalidArgumentError';
}
const r = train({
  objective: 'jepa',
  depth: 1,
  learningRate: 0.1,
  steps: 1,
  covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1), sigmaYX: Float64Array.of(1) },
  init: { kind: 'aligned', epsilon: 0.5 },
});
console.log(
  Math.abs(dense.sol(1)[0] - Math.exp(-2)) < 1e-9,
  at1.status,
  Math.abs(at1.y[0] - Math.exp(-2)) < 1e-9,
  misspelt,
  closestName('rtols', ['rtol', 'atol']),
  derive('jepa', 1).flow.dudt.cas,
  jepaTime(1).tStar(1, 1, 0.01, 0.5),
  r.status,
  EXPERIMENTS.length,
);
`;
const CONSUMER_OUTPUT = 'true running true options.max_step rtol lam*u^2-s2*u^3 102.5951198501346 completed 6\n';

beforeAll(async () => {
  // 1. Pack, as docs/embedding.md says.
  const packCommand = /(-r --filter '\.\/packages\/\*' --filter '!\.\/packages\/explorer' pack) --pack-destination \.\.\/tarballs/.exec(
    embedding,
  );
  if (packCommand === null) throw new Error('docs/embedding.md no longer shows the pack command this test runs');
  const [pnpm, pnpmArgs] = pnpmCommand();
  packRun = await run(
    pnpm,
    [...pnpmArgs, '-r', '--filter', './packages/*', '--filter', '!./packages/explorer', 'pack', '--pack-destination', tarballDir],
    root,
    {
      JEPA_DYNAMICS_PACK_PREBUILT: '1',
      COREPACK_INTEGRITY_KEYS: '0',
    },
  );
  must(packRun, 'pnpm pack');

  // 2. Two projects made by `npm init -y`; the ES module one declares "type": "module".
  await Promise.all(
    Object.values(projects).map(async (dir) => {
      mkdirSync(dir);
      must(await run('npm', ['init', '-y'], dir), 'npm init -y');
    }),
  );
  const thirdParty = thirdPartyClosure(
    LIBRARIES.map((p) => join(root, 'packages', p)),
    new Map(),
  );
  const typesNode = packageDir('@types/node', root);
  if (typesNode === undefined) throw new Error('packaging test: @types/node is not installed in the workspace');
  const typesClosure = thirdPartyClosure([typesNode], new Map());
  for (const [kind, dir] of Object.entries(projects)) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (kind === 'esm') manifest.type = 'module';
    const dependencies: Record<string, string> = {};
    for (const p of LIBRARIES) dependencies[`@jepa-dynamics/${p}`] = `file:${join(tarballDir, `jepa-dynamics-${p}-${VERSION}.tgz`)}`;
    for (const [name, store] of [...thirdParty, ...typesClosure]) dependencies[name] = `file:${store}`;
    manifest.dependencies = dependencies;
    manifest.devDependencies = { '@types/node': `file:${typesNode}` };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  // 3. Install offline, both projects at once.
  await Promise.all(
    Object.values(projects).map(async (dir) =>
      must(
        await run(
          'npm',
          ['install', '--offline', '--no-audit', '--no-fund', '--no-update-notifier', '--cache', join(work, 'npm-cache')],
          dir,
        ),
        `npm install --offline in ${dir}`,
      ),
    ),
  );

  // 4. The programs: README examples (ES module project), the page's blocks, the consumer.
  for (const p of LIBRARIES) {
    const readme = codeBlocks(readFileSync(join(root, 'packages', p, 'README.md'), 'utf8')).find((b) => b.lang === 'js');
    if (readme === undefined) throw new Error(`packages/${p}/README.md has no js example`);
    writeFileSync(join(projects.esm, `readme-${p}.mjs`), readme.code);
  }
  for (const b of blocks) {
    if (b.file === undefined) continue;
    for (const dir of Object.values(projects)) {
      // feature-order.ts uses import.meta: an ES module only, as the page says of its example.
      if (b.file === 'feature-order.ts' && dir === projects.cjs) continue;
      writeFileSync(join(dir, b.file), b.code);
    }
  }
  for (const dir of Object.values(projects)) writeFileSync(join(dir, 'consumer.ts'), CONSUMER);

  // 5. Compile with the page's tsconfig (workspace TypeScript), then run everything.
  // The declarations are checked once, in the ES module project; the CommonJS one only needs the output.
  const compiled = await Promise.all([
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], projects.esm),
    run(process.execPath, [tsc, '-p', 'tsconfig.json', '--skipLibCheck'], projects.cjs),
  ]);
  outputs.set('tsc esm', compiled[0]);
  outputs.set('tsc cjs', compiled[1]);
  const programs: [string, string, string][] = [
    ...LIBRARIES.map((p): [string, string, string] => [`readme ${p}`, projects.esm, `readme-${p}.mjs`]),
    ['esm example.mjs', projects.esm, 'example.mjs'],
    ['esm evaluators.mjs', projects.esm, 'evaluators.mjs'],
    ['cjs example.mjs', projects.cjs, 'example.mjs'],
    ['cjs example.cjs', projects.cjs, 'example.cjs'],
    ['cjs evaluators.mjs', projects.cjs, 'evaluators.mjs'],
    ['esm feature-order', projects.esm, 'dist/feature-order.js'],
    ['esm consumer', projects.esm, 'dist/consumer.js'],
    ['cjs consumer', projects.cjs, 'dist/consumer.js'],
  ];
  const results = await Promise.all(programs.map(([, dir, file]) => run(process.execPath, [file], dir)));
  programs.forEach(([name], k) => outputs.set(name, results[k]));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The listing and package.json of a tarball. */
function tarball(p: string): { files: string[]; manifest: Record<string, unknown> } {
  const file = join(tarballDir, `jepa-dynamics-${p}-${VERSION}.tgz`);
  const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
  const manifest = spawnSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
  return { files: list.stdout.trim().split('\n'), manifest: JSON.parse(manifest.stdout) as Record<string, unknown> };
}

function expectRan(name: string): Run {
  const r = outputs.get(name);
  expect(r, `${name} was not run`).toBeDefined();
  if (r === undefined) throw new Error('unreachable');
  expect(r.status, `${name}:\n${r.stderr}`).toBe(0);
  return r;
}

describe('pnpm pack: one installable tarball per package', () => {
  for (const p of [...LIBRARIES, 'cli']) {
    it(`${p}: README, LICENSE, the build, no build cache, no workspace ranges, the metadata`, () => {
      const { files, manifest } = tarball(p);
      expect(files).toContain('package/README.md');
      expect(files).toContain('package/LICENSE');
      expect(files).toContain('package/dist/index.js');
      expect(files).toContain('package/dist/index.d.ts');
      expect(files.filter((f) => f.includes('tsbuildinfo'))).toEqual([]);
      const deps = (manifest.dependencies ?? {}) as Record<string, string>;
      for (const [name, range] of Object.entries(deps)) {
        expect(range, name).not.toMatch(/^workspace:/);
        if (name.startsWith('@jepa-dynamics/')) expect(range).toBe(VERSION);
      }
      expect(manifest.engines).toEqual({ node: '>=20.19' });
      expect(manifest.license).toBe('MIT');
      expect(manifest.repository).toEqual({ type: 'git', directory: `packages/${p}` });
      expect((manifest.keywords as string[]).length).toBeGreaterThan(2);
      const exported = (manifest.exports as Record<string, Record<string, string>>)['.'];
      expect(Object.keys(exported)).toEqual(['types', 'import', 'require', 'default']);
      // the publish-lifecycle scripts stay behind
      expect(manifest.scripts ?? {}).not.toHaveProperty('prepack');
      expect(readFileSync(join(root, 'packages', p, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
    });
  }

  it('symbolic: carries the patched algebrite and points #algebrite at it; the registry algebrite is not a dependency', () => {
    const { files, manifest } = tarball('symbolic');
    expect(files).toContain('package/vendor/algebrite.cjs');
    expect(files).toContain('package/vendor/algebrite.LICENSE');
    expect(manifest.imports).toEqual({ '#algebrite': './vendor/algebrite.cjs' });
    expect(manifest.dependencies).not.toHaveProperty('algebrite');
    const installed = join(projects.esm, 'node_modules/@jepa-dynamics/symbolic/vendor/algebrite.cjs');
    expect(readFileSync(installed, 'utf8')).toContain('jepa-dynamics patch');
    expect(existsSync(join(projects.esm, 'node_modules/algebrite'))).toBe(false);
  });

  it('npm pack refuses, saying to pack with pnpm (it would ship workspace:* ranges)', () => {
    const r = spawnSync('npm', ['pack', '--dry-run'], { cwd: join(root, 'packages/ode'), encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/would copy the "workspace:\*" ranges of @jepa-dynamics\/core into the tarball/);
    expect(r.stderr).toMatch(/Pack with pnpm/);
  });

  it('packs nothing else', () => {
    expect(readdirSync(tarballDir).sort()).toEqual([...LIBRARIES, 'cli'].map((p) => `jepa-dynamics-${p}-${VERSION}.tgz`).sort());
  });
});

describe('every README example runs in a fresh ES module project and prints what the README shows', () => {
  for (const p of LIBRARIES) {
    it(`packages/${p}/README.md`, () => {
      const readme = readFileSync(join(root, 'packages', p, 'README.md'), 'utf8');
      const example = codeBlocks(readme).find((b) => b.lang === 'js');
      expect(example).toBeDefined();
      expect(expectRan(`readme ${p}`).stdout).toBe(shownOutput(example?.after ?? ''));
    });
  }
});

describe('docs/embedding.md works as written in projects made by npm init -y', () => {
  const shown = (file: string): string => {
    const b = blocks.find((x) => x.file === file);
    if (b === undefined) throw new Error(`docs/embedding.md has no block ${file}`);
    return shownOutput(b.after);
  };

  it('shows the blocks this test runs', () => {
    expect(blocks.map((b) => b.file).filter((f) => f !== undefined)).toEqual([
      'example.mjs',
      'example.cjs',
      'evaluators.mjs',
      'tsconfig.json',
      'feature-order.ts',
    ]);
  });

  it('example.mjs in the ES module project and in the CommonJS project', () => {
    expect(expectRan('esm example.mjs').stdout).toBe(shown('example.mjs'));
    expect(expectRan('cjs example.mjs').stdout).toBe(shown('example.mjs'));
  });

  it('example.cjs (require of the ES modules) in the CommonJS project', () => {
    expect(expectRan('cjs example.cjs').stdout).toBe(shown('example.cjs'));
  });

  it('the evaluators subpath, in both projects', () => {
    expect(expectRan('esm evaluators.mjs').stdout).toBe(shown('evaluators.mjs'));
    expect(expectRan('cjs evaluators.mjs').stdout).toBe(shown('evaluators.mjs'));
  });

  it('feature-order.ts type-checks with the page tsconfig and prints what the page shows', () => {
    const doc = /## What it prints[\s\S]*?```text\n([\s\S]*?)```/.exec(embedding);
    expect(doc).not.toBeNull();
    expect(expectRan('esm feature-order').stdout).toBe(doc?.[1]);
  });
});

describe('TypeScript consumers: strict + exactOptionalPropertyTypes, ES module and CommonJS output', () => {
  it('type-check with the page tsconfig (the packages declarations included: skipLibCheck is off)', () => {
    const esm = expectRan('tsc esm');
    const cjs = expectRan('tsc cjs');
    expect(esm.stdout + cjs.stdout).toBe('');
    const config = readFileSync(join(projects.esm, 'tsconfig.json'), 'utf8');
    expect(config).toContain('"exactOptionalPropertyTypes": true');
    expect(config).not.toContain('skipLibCheck');
  });

  it('the ES module output runs', () => {
    expect(expectRan('esm consumer').stdout).toBe(CONSUMER_OUTPUT);
  });

  it("TypeScript's CommonJS output runs (require() of the packages)", () => {
    expect(readFileSync(join(projects.cjs, 'dist/consumer.js'), 'utf8')).toContain('require("@jepa-dynamics/ode")');
    expect(expectRan('cjs consumer').stdout).toBe(CONSUMER_OUTPUT);
  });
});
