import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../packages/cli/bin/jepa-dynamics.js', import.meta.url));

/** Runs the built command as a user would (`pnpm exec jepa-dynamics …` runs this same file). */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('jepa-dynamics command line', () => {

  it('--help exits 0 and names the program', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('jepa-dynamics');
  });

  it('an unknown command exits 2 with the command named on stderr', () => {
    const r = runCli(['no-such-command']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-command');
  });
});
