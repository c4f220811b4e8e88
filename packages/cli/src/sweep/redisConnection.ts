/**
 * The `--queue` URL: a Redis server, checked and reached.
 * @module
 */
import { Redis, type RedisOptions } from 'ioredis';
import { UsageError } from '../errors.js';

/** A parsed `--queue` URL. */
export interface QueueTarget {
  /** ioredis options (host, port, db, username, password, TLS). */
  readonly options: RedisOptions;
  /** The URL with the password replaced by `***`, for messages. */
  readonly display: string;
}

/**
 * Parses `redis://[user[:password]@]host[:port][/db]` or `rediss://…` (TLS, the server's
 * certificate checked against the system's CAs and the host name). Port 6379 by default.
 * @throws {@link UsageError} naming `--queue` and the rule.
 */
export function parseQueueUrl(raw: string): QueueTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--queue must be a URL redis://[user:password@]host[:port][/db] or rediss://…; got ${JSON.stringify(raw)}.`);
  }
  const tls = url.protocol === 'rediss:';
  if (url.protocol !== 'redis:' && !tls)
    throw new UsageError(`--queue must start with redis:// or rediss:// (TLS); got ${JSON.stringify(url.protocol)}.`);
  if (url.hostname === '') throw new UsageError(`--queue must name a host; got ${JSON.stringify(raw)}.`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isSafeInteger(db) || db < 0)
    throw new UsageError(`--queue database must be an integer ≥ 0 (the path /db); got ${JSON.stringify(dbText)}.`);
  if (url.search !== '' || url.hash !== '') throw new UsageError(`--queue takes no query or fragment; got ${JSON.stringify(raw)}.`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  const redacted = new URL(url.href);
  if (redacted.password !== '') redacted.password = '***';
  return {
    options: { host, port, db, username, password, ...(tls ? { tls: { servername: host } } : {}) },
    display: redacted.href.replace(/\/$/, ''),
  };
}

/**
 * ioredis options for a long-lived connection (BullMQ's queue and worker): commands wait
 * through a lost connection (`maxRetriesPerRequest: null`, BullMQ's requirement) and the
 * client reconnects every ≤ 1 s, so a restarted Redis is picked up again.
 */
export function resilientOptions(target: QueueTarget): RedisOptions {
  return { ...target.options, maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(100 * times, 1000) }; // bookkeeping: reconnect delay, ms
}

/**
 * Connects once, without retrying, and pings: a Redis that cannot be reached is a usage
 * error (exit 2) before anything is enqueued or served.
 * @throws {@link UsageError} with one sentence naming the (redacted) URL and the cause.
 */
export async function probeRedis(target: QueueTarget): Promise<void> {
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // the first error says why (connect ECONNREFUSED …); connect() itself then only says "Connection is closed."
  let cause: unknown = null;
  client.on('error', (error: unknown) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = cause ?? error;
    throw new UsageError(`--queue ${target.display}: cannot reach Redis (${reason instanceof Error ? reason.message : String(reason)}).`);
  } finally {
    client.disconnect();
  }
}
