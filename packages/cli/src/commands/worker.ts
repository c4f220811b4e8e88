/**
 * `worker --queue URL [--concurrency N] [--max-job-bytes B] [--lock-duration MS]
 * [--stalled-interval MS] [--idle-exit S]`: serves distributed sweeps (docs/sweeps.md) from
 * the BullMQ queue of this build's code version until stopped (Ctrl-C / SIGTERM: finishes
 * the jobs in hand, exit 130) or idle for --idle-exit seconds (exit 0). Exit 2 for bad usage
 * or an unreachable Redis.
 * @module
 */
import type { Command } from 'commander';
import type { CommandRegistrar } from '../main.js';
import { parseInteger, parsePositiveNumber } from '../options.js';

/** Exit status after Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;

interface WorkerFlags {
  queue?: string;
  concurrency: string;
  maxJobBytes?: string;
  lockDuration: string;
  stalledInterval: string;
  idleExit?: string;
}

/** Registers `worker` on the program. */
export const registerWorker: CommandRegistrar = (program: Command) => {
  program
    .command('worker')
    .description(
      'Serve distributed sweeps: take runs from the BullMQ queue of this build (started by `sweep SPEC --queue URL`), compute them, store ' +
        'their results in Redis. Jobs are data only, checked before they run; a job that fails the check is rejected with its reason. ' +
        'Start one per machine with --concurrency = its cores (docs/sweeps.md: Slurm and Kubernetes).',
    )
    .option('--queue <url>', 'redis://[user:password@]host[:port][/db] or rediss:// (TLS)')
    .option('--concurrency <N>', 'runs at once, each on its own thread, integer ≥ 1', '1')
    .option('--max-job-bytes <B>', 'reject jobs larger than B bytes of JSON (default 1048576)')
    .option('--lock-duration <ms>', 'a job whose worker stops renewing its lock this long (it died) is retried elsewhere', '30000')
    .option('--stalled-interval <ms>', 'how often to look for such jobs', '30000')
    .option('--idle-exit <s>', 'stop after this many seconds without a job (default: serve until stopped)')
    .action(async (flags: WorkerFlags) => {
      const [{ UsageError }, { parseQueueUrl, probeRedis }, { serveQueue }, { DEFAULT_MAX_JOB_BYTES }] = await Promise.all([
        import('../errors.js'),
        import('../sweep/redisConnection.js'),
        import('../sweep/queueWorker.js'),
        import('../sweep/queueJob.js'),
      ]);
      if (flags.queue === undefined) throw new UsageError('--queue is required (redis://host:port of the sweep to serve).');
      const target = parseQueueUrl(flags.queue);
      const concurrency = parseInteger('--concurrency', flags.concurrency, 1, 1024);
      const maxJobBytes = flags.maxJobBytes === undefined ? DEFAULT_MAX_JOB_BYTES : parseInteger('--max-job-bytes', flags.maxJobBytes, 1);
      const lockDuration = parseInteger('--lock-duration', flags.lockDuration, 100);
      const stalledInterval = parseInteger('--stalled-interval', flags.stalledInterval, 100);
      const idleExit = flags.idleExit === undefined ? null : parsePositiveNumber('--idle-exit', flags.idleExit);
      await probeRedis(target);
      const log = (line: string): void => void process.stderr.write(`${line}\n`);
      const worker = await serveQueue({ target, concurrency, maxJobBytes, lockDuration, stalledInterval, idleExit, log });
      log(
        `worker ${process.pid}: serving ${worker.queue} on ${target.display} with ${concurrency} thread${concurrency === 1 ? '' : 's'}; Ctrl-C stops after the jobs in hand.`,
      );
      let signalled = false;
      const onSignal = (): void => {
        if (signalled) process.exit(EXIT_INTERRUPTED); // a second signal: now (the jobs in hand are retried elsewhere)
        signalled = true;
        void worker.stop();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      await worker.stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (signalled) process.exit(EXIT_INTERRUPTED);
    });
};
