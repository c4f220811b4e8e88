// For test/cli-sweep-distributed.test.ts, in a process of its own: enqueues two jobs no sweep
// would make (a malformed run and an oversized one) onto the workers' queue, prints "added",
// waits until the workers have rejected both, and prints one JSON line with the reasons and
// what was recorded. The test's own process then holds no Redis connection, so a connection
// that Redis's restart later closes cannot surface in it as an unhandled error.
// Usage: node handMadeJobs.mjs QUEUE VERSION HOST PORT USER PASSWORD
import { setTimeout } from 'node:timers';
import { Queue } from 'bullmq';

const [queueName, version, host, port, username, password] = process.argv.slice(2);
const queue = new Queue(queueName, { connection: { host, port: Number(port), username, password }, prefix: 'jepa-dynamics' });
queue.on('error', (error) => process.stderr.write(`queue error: ${error.message}\n`));
try {
  await queue.add(
    'critical-time',
    { run: { kind: 'critical-time', settings: { objective: 'jepa', depth: 'x' } }, codeVersion: version },
    { jobId: 'hand-malformed' },
  );
  await queue.add(
    'training',
    { run: { kind: 'training', settings: {} }, codeVersion: version, padding: 'x'.repeat(2_000_000) },
    { jobId: 'hand-oversized' },
  );
  process.stdout.write('added\n');
  const rejected = async (id) => (await queue.getJob(id))?.failedReason;
  const deadline = Date.now() + 120_000;
  while ((await rejected('hand-malformed')) === undefined || (await rejected('hand-oversized')) === undefined) {
    if (Date.now() > deadline) throw new Error('timed out waiting for both hand-made jobs to be rejected');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const client = await queue.client;
  const recorded = await client.hgetall(`jepa-dynamics:rejected:${version}`);
  process.stdout.write(
    `${JSON.stringify({ malformed: await rejected('hand-malformed'), oversized: await rejected('hand-oversized'), recorded })}\n`,
  );
} finally {
  await queue.close();
}
