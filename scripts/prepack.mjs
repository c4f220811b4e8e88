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
import { fileURLToPath } from 'node:url';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const workspaceRanges = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter(([, range]) => String(range).startsWith('workspace:'))
  .map(([name]) => name);
const agent = process.env.npm_config_user_agent ?? '';
if (workspaceRanges.length > 0 && !agent.startsWith('pnpm/')) {
  const packer = agent.split(' ')[0] || 'this packer';
  console.error(
    `${manifest.name}: ${packer} would copy the "workspace:*" ranges of ${workspaceRanges.join(', ')} into the tarball, ` +
      'which no package manager can install. Pack with pnpm, which replaces them with the versions: ' +
      'npx -y pnpm@12.4.2 pack (see docs/embedding.md).',
  );
  process.exit(1);
}
// test/packaging.test.ts has just built everything and packs five packages: it skips the
// five identical up-to-date checks.
if (process.env.JEPA_DYNAMICS_PACK_PREBUILT === '1') process.exit(0);
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const build = spawnSync(process.execPath, [tsc, '-b'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`${manifest.name}: the build (tsc -b) failed; nothing packed.`);
  process.exit(build.status ?? 1);
}
