/**
 * Runs the built command line as a user would: `node packages/cli/bin/jepa-dynamics.js …`
 * from the repository root (`pnpm exec jepa-dynamics …` runs this same file). Shared by
 * the end-to-end CLI tests (not a test file: no `.test.ts` suffix). The build comes from
 * test/global-setup.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The repository root, the working directory of every run. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The program's entry point. */
export const bin = fileURLToPath(new URL('../../packages/cli/bin/jepa-dynamics.js', import.meta.url));

/** Runs `jepa-dynamics <args>` to completion; `status` is null if a signal ended it. */
export function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `jepa-dynamics <args>` as a child process without blocking, so that several run in
 * parallel; `uid` runs it as another user (when the tests run as root), `onSpawn` may act
 * on the child (send a signal, close its stdout). `signal` is set if a signal ended it.
 */
export function spawnCli(
  args: readonly string[],
  options: { uid?: number; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { uid, onSpawn } = options;
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, ...(uid === undefined ? {} : { uid, gid: uid }) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

/**
 * Runs `jepa-dynamics <args>` in this process, through the program's `main` (the sources,
 * not the build), capturing what it writes to stdout and stderr: the same parsing,
 * messages and exit statuses as {@link runCli}, a thousand times faster, for tables of
 * many cases. Runs must not overlap (the streams are captured globally): await each.
 */
export async function runCliInProcess(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { main } = await import('../../packages/cli/src/main.js');
  let stdout = '';
  let stderr = '';
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  try {
    const status = await main(['node', 'jepa-dynamics', ...args]);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

/**
 * Asserts the contract for a failed run (DESIGN.md): exit `status` (1 no answer,
 * 2 bad usage, 3 the computation failed), nothing on stdout, one line on stderr, and
 * that line mentions each of `mentions` (a flag, a value, a reason).
 */
export function expectFailure(
  r: { status: number | null; stdout: string; stderr: string },
  status: 1 | 2 | 3,
  ...mentions: (string | RegExp)[]
): void {
  expect(r.status, r.stderr).toBe(status);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const m of mentions) {
    if (typeof m === 'string') expect(r.stderr).toContain(m);
    else expect(r.stderr).toMatch(m);
  }
}

/** `args` with `flag` set to `value`: replaced where the flag is given, appended otherwise. */
export function withFlag(args: readonly string[], flag: string, value: string): string[] {
  const out = [...args];
  const i = out.indexOf(flag);
  if (i >= 0) out[i + 1] = value;
  else out.push(flag, value);
  return out;
}
