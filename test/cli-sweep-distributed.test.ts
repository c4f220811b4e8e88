/**
 * Distributed sweeps on a real Redis (Debian's redis-server, on 127.0.0.1, installed by the
 * test helper if missing): `sweep SPEC --queue URL` with three `worker` processes, one killed
 * with SIGKILL in the middle of a job and Redis restarted (empty) mid-sweep: every run
 * completes, exactly once in the results. A malformed and an oversized job enqueued by hand are
 * rejected with recorded reasons while the sweep goes on. Bad specifications, bad URLs, a
 * wrong password and an unreachable Redis exit 2 with one sentence. Nothing listens anywhere
 * but on 127.0.0.1. TLS (rediss://) when the openssl command is there to make certificates.
 * Every run of the program here is a process of its own (`runCliProcess`, not the in-process
 * runner): with the in-process runner an ioredis rejection ("Connection is closed.") from one of
 * its runs escaped into this test process during the Redis restart (a fresh-clone CI run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestRedis, type TestRedis } from './support/redisServer.js';
import { bin, expectFailure, root, runCliProcess } from './support/runCli.js';
import { seedStudySpec } from './support/seedStudy.js';

let redis: TestRedis;
let dir = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  dir = mkdtempSync(join(tmpdir(), 'jd-dsweep-'));
}, 180_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await redis?.dispose();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** A started process whose output the test reads as it comes. */
interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function lines(path: string): string[] {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
}

/** Local addresses (hex, as /proc/net/tcp writes them) of the listening TCP sockets of these processes. */
function listeningAddresses(pids: readonly number[]): string[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m !== null) inodes.add(m[1]);
      } catch {
        // a descriptor closed meanwhile
      }
    }
  }
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of lines(table).slice(1)) {
      const f = row.trim().split(/\s+/);
      // fields: sl, local_address, rem_address, st (0A = LISTEN), …, inode (index 9)
      if (f[3] === '0A' && inodes.has(f[9])) found.push(f[1].split(':')[0]);
    }
  }
  return found;
}

function trainingSpec(path: string, runs: number, steps: number): void {
  writeFileSync(path, JSON.stringify(seedStudySpec('distributed seed study', runs, steps)));
}

describe('sweep --queue and worker: bad input and an unreachable Redis exit 2 with one sentence', () => {
  it('before anything is enqueued or served', async () => {
    const spec = join(dir, 'small.json');
    trainingSpec(spec, 2, 10);
    const closed = await freePort();
    expectFailure(
      runCliProcess(['sweep', spec, '--queue', `redis://127.0.0.1:${closed}`]),
      2,
      `--queue redis://127.0.0.1:${closed}: cannot reach Redis (connect ECONNREFUSED`,
    );
    expectFailure(runCliProcess(['worker', '--queue', `redis://127.0.0.1:${closed}`]), 2, 'cannot reach Redis');
    const wrong = redis.url.replace(/:pw-[^@]*@/, ':not-the-password@');
    const r = runCliProcess(['sweep', 'status', spec, '--queue', wrong]);
    expectFailure(r, 2, /--queue redis:\/\/sweeper:\*\*\*@127\.0\.0\.1:\d+: cannot reach Redis \(WRONGPASS/);
    expect(r.stderr).not.toContain('not-the-password');
    expectFailure(
      runCliProcess(['sweep', spec, '--queue', 'http://127.0.0.1:6379']),
      2,
      '--queue must start with redis:// or rediss:// (TLS); got "http:".',
    );
    expectFailure(runCliProcess(['worker']), 2, '--queue is required');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ command: 'simulate', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 0.1, lr: -1, steps: 1 } }),
    );
    expectFailure(
      runCliProcess(['sweep', bad, '--queue', redis.url]),
      2,
      'bad.json: settings.lr must be a positive finite number; got -1.',
    );
  });
});

describe('a distributed sweep survives a killed worker and a restarted Redis, and rejects bad jobs', () => {
  it('3 workers, one SIGKILLed mid-job, Redis restarted empty: every run completes exactly once', async () => {
    const runs = 24;
    const spec = join(dir, 'seeds.json');
    trainingSpec(spec, runs, 8000);
    const out = join(dir, 'out');
    // short locks so that the killed worker's job is retried within seconds (defaults: 30 s)
    const workers = [0, 1, 2].map(() => start(['worker', '--queue', redis.url, '--lock-duration', '1500', '--stalled-interval', '500']));
    await until('the workers to serve', () => workers.every((w) => /serving runs-\S+ on/.test(w.stderr())));
    const queueName = /serving (runs-\S+) on/.exec(workers[0].stderr())?.[1] ?? '';
    const version = queueName.slice('runs-'.length);

    // two jobs no sweep would make, enqueued by hand onto the workers' queue (by a helper process:
    // this process holds no Redis connection, which Redis's restart below would close under it)
    const port = redis.port;
    const [user, password] = (/^redis:\/\/([^:]+):([^@]+)@/.exec(redis.url) ?? []).slice(1);
    const hand = spawn(
      process.execPath,
      [join(root, 'test', 'support', 'handMadeJobs.mjs'), queueName, version, '127.0.0.1', String(port), user, password],
      {
        cwd: root,
      },
    );
    children.push(hand);
    let handOut = '';
    let handErr = '';
    hand.stdout.on('data', (b: Buffer) => (handOut += b.toString()));
    hand.stderr.on('data', (b: Buffer) => (handErr += b.toString()));
    const handExited = new Promise<number | null>((resolve) => hand.on('close', (code) => resolve(code)));
    await until('the hand-made jobs to be enqueued', () => handOut.startsWith('added\n') || hand.exitCode !== null);
    expect(handOut, handErr).toMatch(/^added\n/);
    {
      const submitter = start(['sweep', spec, '--queue', redis.url, '--out', out, '--json']);
      // SIGKILL worker 0 while it holds a job
      let killed = '';
      await until('worker 0 to be in the middle of a job', () => {
        const log = workers[0].stderr();
        const startedRuns = [...log.matchAll(/(run-[0-9a-f]+) started/g)].map((m) => m[1]);
        const open = startedRuns.filter((id) => !log.includes(`${id} finished`));
        if (open.length === 0) return false;
        killed = open[0];
        workers[0].child.kill('SIGKILL');
        return true;
      });
      await workers[0].exited;

      // meanwhile the workers rejected both hand-made jobs, with their reasons recorded
      expect(await handExited, handErr).toBe(0);
      const rejections = JSON.parse(handOut.split('\n')[1]) as { malformed: string; oversized: string; recorded: Record<string, string> };
      expect(rejections.malformed).toBe('job run is invalid: settings.depth must be an integer ≥ 1');
      expect(rejections.oversized).toMatch(/^job data of \d{7} bytes exceeds the limit of 1048576 bytes$/);
      expect(Object.keys(rejections.recorded).sort()).toEqual(['hand-malformed', 'hand-oversized']);
      expect(JSON.parse(rejections.recorded['hand-malformed'])).toMatchObject({
        reason: 'job run is invalid: settings.depth must be an integer ≥ 1',
      });

      // while the sweep runs: nothing listens but Redis, and only on 127.0.0.1 (0100007F)
      const pids = [redis.pid(), submitter.child.pid, ...workers.slice(1).map((w) => w.child.pid)].filter(
        (p): p is number => p !== undefined,
      );
      const listening = listeningAddresses(pids);
      expect(listening.length).toBeGreaterThan(0);
      expect(new Set(listening)).toEqual(new Set(['0100007F']));

      // restart Redis (no persistence: the queue and the results in it are gone) once part of the sweep is in
      await until('a third of the results', () => lines(join(out, 'results.jsonl')).length >= runs / 3);
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await redis.start();

      const code = await submitter.exited;
      expect(code, submitter.stderr()).toBe(0);
      const report = JSON.parse(submitter.stdout()) as { runs: number; failed: number; missing: number };
      expect(report).toMatchObject({ runs, failed: 0, missing: 0 });
      const records = lines(join(out, 'results.jsonl')).map(
        (l) => JSON.parse(l) as { id: string; run: { settings: { seed: number } }; outcome: { ok: boolean } },
      );
      expect(records).toHaveLength(runs);
      expect(new Set(records.map((r) => r.id)).size).toBe(runs);
      expect(records.map((r) => r.run.settings.seed).sort((a, b) => a - b)).toEqual(Array.from({ length: runs }, (_, i) => i));
      expect(records.every((r) => r.outcome.ok)).toBe(true);
      expect(records.some((r) => r.id === killed)).toBe(true);
      expect(lines(join(out, 'results.csv'))).toHaveLength(runs + 1);
      // the workers that lived took every run, the killed one's included
      const finishedBy = (w: Running): string[] => [...w.stderr().matchAll(/(run-[0-9a-f]+) finished/g)].map((m) => m[1]);
      expect(new Set([...finishedBy(workers[0]), ...finishedBy(workers[1]), ...finishedBy(workers[2])]).has(killed)).toBe(true);
    }

    // TLS: the same server over rediss:// (certificate of a test CA, trusted through NODE_EXTRA_CA_CERTS)
    if (redis.tlsUrl !== null && redis.caFile !== null) {
      const status = start(['sweep', 'status', spec, '--queue', redis.tlsUrl, '--json'], { NODE_EXTRA_CA_CERTS: redis.caFile });
      expect(await status.exited, status.stderr()).toBe(0);
      expect(JSON.parse(status.stdout())).toMatchObject({ queue: queueName, runs, workers: 2 });
    }
    // detached: enqueue and return, follow with status, then collect into a directory of its own
    const small = join(dir, 'detached.json');
    trainingSpec(small, 6, 500);
    const detached = runCliProcess(['sweep', small, '--queue', redis.url, '--detach', '--out', join(dir, 'detached')]);
    expect(detached.status, detached.stderr).toBe(0);
    expect(detached.stdout).toMatch(
      /^Enqueued 6 runs on queue runs-\S+ on redis:\/\/sweeper:\*\*\*@127\.0\.0\.1:\d+ \(0 of 6 already finished\)\./,
    );
    await until('the detached sweep to finish', () => {
      const s = runCliProcess(['sweep', 'status', small, '--queue', redis.url, '--json']);
      return (JSON.parse(s.stdout) as { finished: number }).finished === 6;
    });
    const collected = runCliProcess(['sweep', 'collect', small, '--queue', redis.url, '--out', join(dir, 'detached'), '--json']);
    expect(collected.status, collected.stderr).toBe(0);
    expect(JSON.parse(collected.stdout)).toMatchObject({ runs: 6, ran: 6, missing: 0, failed: 0 });
    expect(lines(join(dir, 'detached', 'results.jsonl'))).toHaveLength(6);
    // a worker with --idle-exit leaves once there is nothing to do (exit 0), as a batch job should
    const idle = start(['worker', '--queue', redis.url, '--idle-exit', '1']);
    expect(await idle.exited, idle.stderr()).toBe(0);
    expect(idle.stderr()).toMatch(/no job for 1 s; stopping\.\n$/);
    for (const w of workers.slice(1)) w.child.kill('SIGINT');
    expect(await Promise.all(workers.slice(1).map((w) => w.exited))).toEqual([130, 130]);
  }, 180_000);
});
