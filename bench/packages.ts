/**
 * What a user installs and ships: (1) the tarball of each library package as `pnpm pack`
 * makes it (packed and unpacked bytes, file count), (2) the browser bundle of each entry
 * point (esbuild `--bundle --minify --format=esm`, platform browser, the whole entry point
 * imported: an upper bound for any one import), minified and gzipped. Sizes, not timings;
 * no baseline needed. The targets of issue 13: the evaluators subpath under 10 KiB gzipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BenchSuite } from './suites.js';
import { printTable } from './timing.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIBRARIES = ['core', 'ode', 'symbolic', 'sim', 'experiments'];
const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

interface PackageJson {
  name: string;
  exports: Record<string, unknown>;
}

/** Bytes and entries of a .tgz: the tar stream's 512-byte headers give each file's size. */
function tarballContents(file: string): { unpacked: number; files: number } {
  const tar = gunzipSync(readFileSync(file));
  let unpacked = 0;
  let files = 0;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/, '').trim() || '0', 8);
    if (header[156] === 0x30 || header[156] === 0) {
      unpacked += size;
      files++;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { unpacked, files };
}

function tarballSection(): void {
  const out = mkdtempSync(join(tmpdir(), 'jepa-pack-'));
  try {
    const rows: string[][] = [];
    for (const dir of LIBRARIES) {
      execFileSync('npx', ['-y', 'pnpm@12.4.2', 'pack', '--pack-destination', out], {
        cwd: join(root, 'packages', dir),
        stdio: 'ignore',
        env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0' },
      });
    }
    for (const file of readdirSync(out).sort()) {
      const { unpacked, files } = tarballContents(join(out, file));
      rows.push([file, kib(statSync(join(out, file)).size), kib(unpacked), String(files)]);
    }
    printTable(['tarball (pnpm pack)', 'packed KiB', 'unpacked KiB', 'files'], rows);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function bundleSection(): Promise<void> {
  const rows: string[][] = [];
  for (const dir of LIBRARIES) {
    const packageDir = join(root, 'packages', dir);
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
    for (const key of Object.keys(pkg.exports)) {
      if (key === './package.json') continue;
      const spec = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
      const r = await build({
        // a self-reference through the package's `exports`, as a user's bundler resolves it
        stdin: { contents: `import * as m from '${spec}'; globalThis.entry = m;`, resolveDir: packageDir, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      });
      const code = r.outputFiles[0].contents;
      rows.push([spec, kib(code.length), kib(gzipSync(code, { level: 9 }).length)]);
    }
  }
  printTable(['entry point (everything it exports, esbuild --bundle --minify)', 'minified KiB', 'gzipped KiB'], rows);
}

export const packagesSuite: BenchSuite = {
  name: 'packages',
  description: 'tarball sizes (pnpm pack) and browser bundle sizes per entry point (esbuild, minified and gzipped)',
  run: async () => {
    tarballSection();
    process.stdout.write('\n');
    await bundleSection();
  },
};
