/**
 * Runs the built command line as a user would: `node packages/cli/bin/jepa-dynamics.js …`
 * from the repository root (`pnpm exec jepa-dynamics …` runs this same file). Shared by
 * the end-to-end CLI tests (not a test file: no `.test.ts` suffix). The build comes from
 * test/global-setup.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, the working directory of every run. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The program's entry point. */
export const bin = fileURLToPath(new URL('../../packages/cli/bin/jepa-dynamics.js', import.meta.url));

/** Runs `jepa-dynamics <args>` to completion; `status` is null if a signal ended it. */
export function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
