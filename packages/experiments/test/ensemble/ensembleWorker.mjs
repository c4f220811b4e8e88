// A worker thread that serves an ensemble's pool exactly as a Web Worker would (serveRuns on its
// port, which is an EventTarget in Node as `self` is in a browser). Imports the build: the test
// global setup compiles the packages first.
import { parentPort } from 'node:worker_threads';
import { serveRuns } from '../../dist/index.js';

// For the test of a dying worker: ENSEMBLE_WORKER_CRASH_ON=i makes the worker throw (an uncaught
// error, as a Web Worker's script error) on receiving run i, before it answers.
const crashOn = process.env.ENSEMBLE_WORKER_CRASH_ON === undefined ? -1 : Number(process.env.ENSEMBLE_WORKER_CRASH_ON);
serveRuns({
  addEventListener: (type, listener) =>
    parentPort.addEventListener(type, (event) => {
      if (event.data.index === crashOn) throw new Error(`worker crashed on run ${crashOn}`);
      listener(event);
    }),
  postMessage: (message) => parentPort.postMessage(message),
});
