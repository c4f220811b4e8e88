// The built program (the `main` that packages/cli/bin/jepa-dynamics.js runs) in a worker
// thread, so that the end-to-end tests load it once per test file instead of once per run.
// test/support/runCli.ts sends the arguments, waits on a shared flag, and reads the reply
// from a message port; stdout and stderr are captured here instead of written.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { main } from '../../packages/cli/dist/main.js';

const { flag, port } = workerData;

/** Replaces a stream's write by an append to `into`, honouring write's optional callback. */
function capture(stream, into) {
  stream.write = (chunk, encoding, callback) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}

const out = [];
const err = [];
capture(process.stdout, out);
capture(process.stderr, err);

parentPort.on('message', async (args) => {
  out.length = 0;
  err.length = 0;
  let status;
  try {
    status = await main(['node', 'jepa-dynamics', ...args]);
  } catch (error) {
    // what Node does with an uncaught error: the stack on stderr, exit status 1
    err.push(`${error instanceof Error ? error.stack : String(error)}\n`);
    status = 1;
  }
  port.postMessage({ status, stdout: out.join(''), stderr: err.join('') });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
