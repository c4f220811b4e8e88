/**
 * Builds every package once before the test files run: the CLI tests execute the
 * compiled `jepa-dynamics` binary (packages/cli/bin → dist), so they must see a
 * build of the current sources. `pnpm test` has already built during its type
 * check; this keeps a lone `vitest run` honest too, without each file rebuilding.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-b'], {
    cwd: root,
    stdio: 'inherit',
  });
}
