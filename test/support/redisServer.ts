/**
 * A throw-away Redis for the distributed-sweep tests (not a test file): Debian's
 * `redis-server`, installed with apt-get when it is missing and the tests run as root, started
 * on 127.0.0.1 on a free port with no persistence in a temporary directory, an ACL user with a
 * password (the default user disabled), optionally TLS; stopped and restarted at will.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * The path of `redis-server`, installing Debian's package first if it is missing (as root):
 * `apt-get install -y --no-install-recommends redis-server`, with `apt-get update` first if the
 * package is unknown. While it installs, a policy-rc.d (when there is none) stops the package
 * from starting a system Redis of its own.
 * @throws an Error saying what to install when it is missing and this is not root.
 */
export function redisServerPath(): string {
  if (!has('redis-server')) {
    if (process.getuid?.() !== 0) {
      throw new Error('redis-server is not installed and the tests do not run as root: install the Debian package redis-server.');
    }
    const policy = '/usr/sbin/policy-rc.d';
    const ownPolicy = !existsSync(policy);
    if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const install = (): number | null =>
        spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], { env, stdio: 'ignore' }).status;
      if (install() !== 0) {
        execFileSync('apt-get', ['update'], { env, stdio: 'ignore' });
        if (install() !== 0) throw new Error('apt-get install -y redis-server failed.');
      }
    } finally {
      if (ownPolicy) unlinkSync(policy);
    }
  }
  return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released before Redis takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** TLS files for a server on 127.0.0.1 / localhost, made with the openssl command (null when it is missing). */
export function makeTlsFiles(dir: string): { ca: string; cert: string; key: string } | null {
  if (!has('openssl')) return null;
  const ca = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  const key = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.pem');
  const ext = join(dir, 'san.ext');
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const run = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=jepa-dynamics test CA', '-keyout', caKey, '-out', ca]);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', key, '-out', csr]);
  run(['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-days', '2', '-extfile', ext, '-out', cert]);
  return { ca, cert, key };
}

/** A running test Redis. */
export interface TestRedis {
  readonly port: number;
  /** `redis://user:password@127.0.0.1:port`. */
  readonly url: string;
  /** `rediss://user:password@localhost:tlsPort` when TLS files could be made, else null. */
  readonly tlsUrl: string | null;
  /** The CA file of the TLS server (for NODE_EXTRA_CA_CERTS), or null. */
  readonly caFile: string | null;
  /** Every process id of the server (for the check of listening sockets). */
  pid(): number | undefined;
  /** Stops the server (its data is gone: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same ports, empty. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

/** Starts Redis on 127.0.0.1 (free ports), ACL user `sweeper` with a random password, no persistence. */
export async function startTestRedis(): Promise<TestRedis> {
  const server = redisServerPath();
  const dir = mkdtempSync(join(tmpdir(), 'jd-redis-'));
  const port = await freePort();
  const tls = makeTlsFiles(dir);
  const tlsPort = tls === null ? 0 : await freePort();
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--protected-mode',
    'yes',
    '--user',
    'default',
    'off',
    '--user',
    'sweeper',
    'on',
    `>${password}`,
    '~*',
    '&*',
    '+@all',
    ...(tls === null
      ? []
      : [
          '--tls-port',
          String(tlsPort),
          '--tls-cert-file',
          tls.cert,
          '--tls-key-file',
          tls.key,
          '--tls-ca-cert-file',
          tls.ca,
          '--tls-auth-clients',
          'no',
        ]),
  ];
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const c = spawn(server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
      c.stdout?.on('data', (b: Buffer) => {
        output += b.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = null;
    if (c === null || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    url: `redis://sweeper:${password}@127.0.0.1:${port}`,
    tlsUrl: tls === null ? null : `rediss://sweeper:${password}@localhost:${tlsPort}`,
    caFile: tls?.ca ?? null,
    pid: () => (child as ChildProcess | null)?.pid,
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
