/**
 * The code version a sweep's run ids and queue are keyed by.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The library packages whose code computes a run. */
const COMPUTING_PACKAGES = ['@jepa-dynamics/core', '@jepa-dynamics/ode', '@jepa-dynamics/sim', '@jepa-dynamics/experiments'] as const;

let cached: string | undefined;

function jsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? jsFiles(p) : name.endsWith('.js') ? [p] : [];
    });
}

/**
 * `<cli version>+<12 hex digits>`: the package version and a SHA-256 of the built JavaScript
 * of the packages that compute runs (core, ode, sim, experiments). Two machines with the same
 * build agree on it; any change of the computing code changes it, so a run id (a hash of the
 * run's settings and this version) never matches a result computed by other code, and
 * workers only serve the queue of their own version. Computed once per process (~10 ms).
 */
export function codeVersion(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  for (const name of COMPUTING_PACKAGES) {
    const dist = dirname(fileURLToPath(import.meta.resolve(name)));
    for (const file of jsFiles(dist)) {
      hash.update(`${name}/${relative(dist, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
  cached = `${manifest.version}+${hash.digest('hex').slice(0, 12)}`;
  return cached;
}
