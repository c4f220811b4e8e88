// The `prepack` of every package: refuse a packer that would ship `workspace:*`
// dependency ranges, then build. Run from the package's directory by `pnpm pack`.
//
// `pnpm pack` (and `pnpm publish`) rewrite `workspace:*` to the version of the
// workspace package (0.1.0) in the tarball's package.json; `npm pack` copies it as it
// is, and npm then cannot install the tarball (`EUNSUPPORTEDPROTOCOL workspace:`). So
// this script fails `npm pack` with a message saying what to run instead, rather than
// letting it produce a tarball that cannot be installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const workspaceRanges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter(([, range]) => String(range).startsWith('workspace:'))
  .map(([name]) => name);
// Who runs this script: npm_execpath is the packer's own executable (pnpm's binary, or
// npm-cli.js). The user agent is no guide: npm run from inside a pnpm script inherits
// pnpm's npm_config_user_agent.
const packerPath = process.env.npm_execpath ?? '';
const isPnpm = /pnpm/i.test(basename(packerPath));
if (workspaceRanges.length > 0 && !isPnpm) {
  const packer = /npm-cli/.test(packerPath) ? 'npm pack' : basename(packerPath) || 'this packer';
  console.error(
    `${manifest.name}: ${packer} would copy the "workspace:*" ranges of ${workspaceRanges.join(', ')} into the tarball, ` +
      'which no package manager can install. Pack with pnpm, which replaces them with the versions: ' +
      'npx -y pnpm@12.4.2 pack (see docs/embedding.md).',
  );
  process.exit(1);
}
// test/packaging.test.ts has just built everything and packs all six packages: it skips the
// six identical up-to-date checks.
if (process.env.JEPA_DYNAMICS_PACK_PREBUILT === '1') process.exit(0);
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const build = spawnSync(process.execPath, [tsc, '-b'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`${manifest.name}: the build (tsc -b) failed; nothing packed.`);
  process.exit(build.status ?? 1);
}
