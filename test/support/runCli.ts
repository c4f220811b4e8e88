/**
 * Runs the built command line (`packages/cli/bin/jepa-dynamics.js` → `packages/cli/dist/main.js`;
 * `pnpm exec jepa-dynamics …` runs the same file) from the repository root. Shared by the
 * end-to-end CLI tests (not a test file: no `.test.ts` suffix). The build comes from
 * test/global-setup.ts.
 *
 * `runCli` runs the program's `main` in a worker thread that loads it once per test file
 * (cliWorker.mjs): a fresh Node process per run costs about 0.3 s of start-up and module
 * loading, most of the end-to-end tests' time. `reproduce`, which handles signals and exits
 * by itself, `runCliProcess` and `spawnCli` (parallel runs, another user, signals) always
 * start a process as a user does;
 * test/cli-process.test.ts checks that both ways print the same bytes and exit the same way.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { expect } from 'vitest';

/** The repository root, the working directory of every run. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The program's entry point. */
export const bin = fileURLToPath(new URL('../../packages/cli/bin/jepa-dynamics.js', import.meta.url));

/** What a run printed and how it ended (`status` null if a signal ended it). */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `jepa-dynamics <args>` as a new process, to completion. */
export function runCliProcess(args: readonly string[]): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The worker holding the loaded program, started on first use; it never keeps the test process alive. */
let inProcess: { worker: Worker; flag: Int32Array; port: MessagePort } | undefined;

/** Longest wait for one run in the worker (a run that hangs fails the test instead of the suite). */
const RUN_TIMEOUT_MS = 120_000;

/** Runs `jepa-dynamics <args>` to completion: in the worker, or as a process for `reproduce`. */
export function runCli(args: readonly string[]): CliRun {
  if (args[0] === 'reproduce') return runCliProcess(args);
  if (inProcess === undefined) {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('./cliWorker.mjs', import.meta.url), { workerData: { flag, port: port2 }, transferList: [port2] });
    worker.unref();
    inProcess = { worker, flag, port: port1 };
  }
  const { worker, flag, port } = inProcess;
  Atomics.store(flag, 0, 0);
  worker.postMessage([...args]);
  if (Atomics.wait(flag, 0, 0, RUN_TIMEOUT_MS) === 'timed-out') {
    void worker.terminate();
    inProcess = undefined;
    throw new Error(`jepa-dynamics ${args.join(' ')}: no answer from the worker within ${RUN_TIMEOUT_MS / 1000} s`);
  }
  let reply = receiveMessageOnPort(port);
  // The worker posts the reply, then raises the flag; once in a loaded full run the flag was
  // seen while the port still held nothing. Give the reply up to 5 s to arrive before failing.
  const deadline = Date.now() + 5000;
  while (reply === undefined && Date.now() < deadline) {
    Atomics.wait(flag, 0, 1, 5); // flag stays 1 here: a 5 ms sleep
    reply = receiveMessageOnPort(port);
  }
  if (reply === undefined) throw new Error(`jepa-dynamics ${args.join(' ')}: the worker signalled but sent nothing within 5 s`);
  return reply.message as CliRun;
}

/**
 * Runs `jepa-dynamics <args>` as a child process without blocking, so that several run in
 * parallel; `uid` runs it as another user (when the tests run as root), `onSpawn` may act
 * on the child (send a signal, close its stdout). `signal` is set if a signal ended it.
 */
export function spawnCli(
  args: readonly string[],
  options: { uid?: number; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<CliRun & { signal: NodeJS.Signals | null }> {
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
 * Asserts the contract for a failed run (DESIGN.md): exit `status` (1 no answer,
 * 2 bad usage, 3 the computation failed), nothing on stdout, one line on stderr, and
 * that line mentions each of `mentions` (a flag, a value, a reason).
 */
export function expectFailure(r: CliRun, status: 1 | 2 | 3, ...mentions: (string | RegExp)[]): void {
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
