/**
 * The training worker: runs `simulateFeatures` of @jepa-dynamics/sim (gradient descent on
 * the deep linear network, compared with the per-feature ODE) off the page's thread,
 * reporting progress about a hundred times per run. The page cancels a run by terminating
 * the worker (a run is one synchronous loop), and starts a new worker for the next one.
 * @module
 */
import { simulateFeatures } from '@jepa-dynamics/sim';
import type { TrainFailure, TrainOutcome, TrainProgress, TrainRequest } from './trainingProtocol.js';
import { workerScope } from './workerScope.js';

function run(request: TrainRequest): TrainOutcome {
  const { id, features, width } = request;
  const n = features.length;
  // directions beyond the features carry no signal: they start at ε and decay
  const padded = [...features, ...Array.from({ length: Math.max(0, width - n) }, () => ({ sigma2: 1, lambda: 0 }))];
  const started = performance.now();
  const r = simulateFeatures({
    objective: request.objective,
    depth: request.depth,
    features: padded,
    epsilon: request.epsilon,
    fraction: request.fraction,
    learningRate: request.learningRate,
    steps: request.steps,
    init: request.init,
    seed: request.seed,
    recordEvery: Math.max(1, Math.ceil(request.steps / 200)),
    progressEvery: Math.max(1, Math.ceil(request.steps / 100)),
    onProgress: (step, steps) => {
      const progress: TrainProgress = { type: 'progress', id, step, steps };
      workerScope.postMessage(progress);
    },
  });
  const firstN = <T>(x: readonly T[]): T[] => x.slice(0, n);
  return {
    type: 'result',
    id,
    status: r.train.status,
    message: r.train.message,
    stoppedAt: r.train.stoppedAt,
    backend: r.train.backend,
    measure: r.measure,
    t: r.t,
    wbar: firstN(r.wbar),
    ode: firstN(r.ode),
    maxDeviation: Math.max(0, ...r.deviation.perFeature.slice(0, n)),
    perFeatureDeviation: firstN(r.deviation.perFeature),
    criticalTimes: { simulated: firstN(r.criticalTimes.simulated), predicted: firstN(r.criticalTimes.predicted) },
    order: {
      simulated: r.order.simulated.order.filter((i) => i < n),
      predicted: r.order.predicted.order.filter((i) => i < n),
    },
    elapsedMs: performance.now() - started,
  };
}

workerScope.addEventListener('message', (event) => {
  const request = event.data as TrainRequest;
  if (request?.type !== 'train') return;
  try {
    workerScope.postMessage(run(request));
  } catch (error) {
    const failure: TrainFailure = { type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
    workerScope.postMessage(failure);
  }
});
