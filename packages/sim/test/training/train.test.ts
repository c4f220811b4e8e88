import { describe, expect, it } from 'vitest';
import {
  createBatchSource,
  createCrossingDetector,
  createFeatureReadout,
  createMatrixWorkspace,
  createStepRule,
  createTrainingKernel,
  createTrainingRecorder,
  initialNetwork,
  kernelCapacity,
  populationCovariances,
  train,
  trajectoryDeviation,
  type Covariances,
  type TrainOptions,
} from '../../src/index.js';

describe('train: finite samples', () => {
  it('the dynamic model feeds training too: 10⁵ samples track the population run', () => {
    const dyn = { kind: 'dynamic', autoregression: [0.8, 0.5], innovationVariance: [0.36, 0.75], noiseVariance: [0.1, 0.2] } as const;
    const cov = populationCovariances(dyn);
    const pop = train({
      objective: 'jepa',
      depth: 2,
      covariances: cov,
      init: { kind: 'aligned', epsilon: 0.1 },
      learningRate: 0.1,
      steps: 300,
    });
    const fin = train({
      objective: 'jepa',
      depth: 2,
      data: { model: dyn, samples: 100000, seed: 3 },
      init: { kind: 'aligned', epsilon: 0.1 },
      learningRate: 0.1,
      steps: 300,
    });
    expect(trajectoryDeviation(fin.wbar, pop.wbar).max).toBeLessThan(0.02);
  });
});

describe('train: EMA target, backends, divergence, bad input', () => {
  const cov: Covariances = { kind: 'diagonal', sigmaXX: Float64Array.of(1, 2, 0.5), sigmaYX: Float64Array.of(0.8, 1, 0.4) };
  const base = {
    objective: 'jepa',
    depth: 2,
    covariances: cov,
    init: { kind: 'aligned', epsilon: 0.05 },
    learningRate: 0.2,
    steps: 600,
    recordEvery: 10,
  } as const;

  it('EMA with τ = 0 is the StopGrad run exactly; τ > 0 delays learning, more so for larger τ', () => {
    const plain = train(base);
    expect(train({ ...base, ema: 0 }).wbar).toEqual(plain.wbar);
    const targets = [0.64, 1, 0.64];
    const ct = (ema?: number) => train({ ...base, ema, steps: 3000, criticalTimes: { targets } }).criticalTimes?.[0] ?? Infinity;
    const t0 = ct(),
      t5 = ct(0.5),
      t9 = ct(0.9);
    expect(t0).toBeLessThan(t5);
    expect(t5).toBeLessThan(t9);
  });

  it('all kernel backends give bit-identical training runs (d = 9, random init, full Σ from samples)', () => {
    const opts = {
      objective: 'jepa',
      depth: 3,
      data: {
        model: { kind: 'static', signalVariance: [1, 2, 3, 1, 2, 3, 1, 2, 3], noiseVariance: [1, 1, 1, 0.5, 0.5, 0.5, 0, 0, 0] },
        samples: 64,
        batchSize: 16,
        seed: 1,
      },
      init: { kind: 'random', epsilon: 0.3, seed: 2 },
      learningRate: 0.05,
      steps: 50,
      recordEvery: 5,
      measure: { singularValues: true },
    } as const;
    const ref = train({ ...opts, backend: 'reference' });
    for (const backend of ['wasm', 'js'] as const) {
      const r = train({ ...opts, backend });
      expect(r.backend).toBe(backend);
      expect(r.wbar).toEqual(ref.wbar);
      expect(r.network).toEqual(ref.network);
      expect(r.loss).toEqual(ref.loss);
    }
  });

  it('full covariance matrices that happen to be diagonal give the diagonal run (the full path is the same arithmetic)', () => {
    const full: Covariances = {
      kind: 'full',
      sigmaXX: Float64Array.of(1, 0, 0, 0, 2, 0, 0, 0, 0.5),
      sigmaYX: Float64Array.of(0.8, 0, 0, 0, 1, 0, 0, 0, 0.4),
    };
    for (const objective of ['jepa', 'mae'] as const) {
      const init = { kind: 'random', epsilon: 0.3, seed: 5 } as const;
      const a = train({ ...base, objective, init, covariances: cov });
      const b = train({ ...base, objective, init, covariances: full });
      expect(trajectoryDeviation(b.wbar, a.wbar).max).toBeLessThan(1e-15);
      expect(b.loss?.[b.loss.length - 1]).toBeCloseTo(a.loss?.[a.loss.length - 1] ?? Number.NaN, 14);
    }
  });

  it('user-supplied matrices are used as given: ε^{1/L} I reproduces the aligned run exactly', () => {
    const f = Math.sqrt(0.05);
    const eye = Float64Array.of(f, 0, 0, 0, f, 0, 0, 0, f);
    const supplied = train({ ...base, init: { kind: 'matrices', layers: [eye, eye], predictor: eye } });
    expect(supplied.wbar).toEqual(train(base).wbar);
  });

  it('recordAt adds chosen steps to the records, in step order; out-of-range steps are refused', () => {
    const r = train({ ...base, steps: 100, recordEvery: 50, recordAt: [7, 93, 7] });
    expect(r.steps).toEqual([0, 7, 50, 93, 100]);
    expect(r.t).toEqual([0, 7, 50, 93, 100].map((k) => k * 0.2));
    expect(() => train({ ...base, steps: 10, recordAt: [11] })).toThrow(/recordAt\[0\]: must be an integer from 0 to 10; got 11\./);
  });

  it('a diverging run stops with status, step and reason, keeping what it recorded', () => {
    const r = train({ ...base, init: { kind: 'aligned', epsilon: 2 }, learningRate: 5, steps: 1000, recordEvery: 1 });
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBeGreaterThan(0);
    expect(r.stoppedAt).toBeLessThan(1000);
    expect(r.message).toMatch(new RegExp(`diverged at step ${r.stoppedAt} `));
    expect(r.steps.length).toBe(r.stoppedAt);
    expect(r.wbar.every((w) => w.length === r.stoppedAt)).toBe(true);
  });

  it('rejects invalid input with an error naming the argument', () => {
    expect(() => train({ ...base, learningRate: 0 })).toThrow(
      /train: invalid argument learningRate: must be a positive finite number; got 0/,
    );
    expect(() => train({ ...base, learningRate: -1 })).toThrow(/learningRate/);
    expect(() => train({ ...base, steps: 1.5 })).toThrow(/steps/);
    expect(() =>
      train({ ...base, covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1, 2), sigmaYX: Float64Array.of(1) } }),
    ).toThrow(/covariances.sigmaYX: must have the length of sigmaXX/);
    expect(() =>
      train({ ...base, covariances: { kind: 'diagonal', sigmaXX: Float64Array.of(1, -2), sigmaYX: Float64Array.of(1, 1) } }),
    ).toThrow(/sigmaXX\[1\]: must be positive/);
    expect(() =>
      train({ ...base, covariances: { kind: 'full', sigmaXX: Float64Array.of(1, 2, 2, 1), sigmaYX: Float64Array.of(1, 0, 0, 1) } }),
    ).toThrow(/positive definite/);
    expect(() =>
      train({ ...base, covariances: { kind: 'full', sigmaXX: Float64Array.of(1, 0.5, 0.4, 1), sigmaYX: Float64Array.of(1, 0, 0, 1) } }),
    ).toThrow(/symmetric/);
    expect(() => train({ ...base, ema: 1 })).toThrow(/ema: must be a number in \[0, 1\); got 1\./);
    expect(() => train({ ...base, objective: 'mae', ema: 0.5 })).toThrow(/ema: only applies to the JEPA objective/);
    expect(() => train({ ...base, init: { kind: 'matrices', layers: [new Float64Array(9)], predictor: new Float64Array(9) } })).toThrow(
      /init.layers: must hold depth = 2/,
    );
    expect(() => train({ ...base, init: { kind: 'aligned', epsilon: Number.NaN } })).toThrow(/init.epsilon/);
    expect(() => train({ ...base, criticalTimes: { targets: [1] } })).toThrow(/criticalTimes.targets/);
  });

  it('names train (not the part) in errors the parts find, and reports the first invalid option before drawing any sample', () => {
    const model = { kind: 'static', signalVariance: [1], noiseVariance: [0] } as const;
    expect(() => train({ ...base, covariances: undefined })).toThrow(
      /^train: invalid argument covariances\/data: exactly one of them must be given; got "neither"/,
    );
    expect(() => train({ ...base, covariances: undefined, data: { model, samples: 4, seed: 1, batchSize: 5 } })).toThrow(
      /^train: invalid argument data.batchSize: must be an integer from 1 to 4; got 5\./,
    );
    expect(() => train({ ...base, criticalTimes: { targets: [1, 1, 1], fraction: 0 } })).toThrow(
      /^train: invalid argument criticalTimes.fraction/,
    );
    // several bad options: the scalar checks come first, in the documented order
    expect(() => train({ ...base, depth: 0, learningRate: 0, covariances: undefined })).toThrow(/^train: invalid argument depth/);
    expect(() =>
      train({ ...base, stepControl: { maxRelativeChange: 0 }, covariances: undefined, data: { model, samples: 0, seed: 1 } }),
    ).toThrow(/^train: invalid argument stepControl.maxRelativeChange/);
  });
});

describe('train is a composition of its exported parts', () => {
  it('a loop written from createBatchSource, createTrainingKernel, createStepRule, createTrainingRecorder and createCrossingDetector reproduces train bit for bit', () => {
    // minibatches that wrap around the data set, an EMA target, step control and critical times: every part in play
    const options: TrainOptions = {
      objective: 'jepa',
      depth: 3,
      data: { model: { kind: 'static', signalVariance: [1, 2, 0.5], noiseVariance: [0.5, 1, 0.1] }, samples: 50, batchSize: 7, seed: 9 },
      init: { kind: 'rotated', epsilon: 0.1, seed: 4 },
      learningRate: 0.5,
      steps: 200,
      ema: 0.3,
      recordEvery: 9,
      stepControl: { maxRelativeChange: 0.05 },
      criticalTimes: { targets: [0.25, 0.4, 0.1] },
      measure: { singularValues: true },
    };
    const expected = train(options);

    const source = createBatchSource(options);
    const d = source.d;
    const { network, basis } = initialNetwork(options.init, d, options.depth, options.objective);
    const readout = createFeatureReadout(options.objective, basis, d);
    const kernelOptions = {
      objective: options.objective,
      d,
      depth: options.depth,
      covarianceKind: source.covarianceKind,
      separateTarget: true,
    };
    const ws = createMatrixWorkspace({
      capacity: kernelCapacity(kernelOptions) + source.capacity,
      largestMatrix: Math.max(d * d, source.largestMatrix),
    });
    const kernel = createTrainingKernel(ws, kernelOptions);
    kernel.load(network);
    const nextBatch = source.attach(ws, kernel.cov);
    const rule = createStepRule(options);
    const recorder = createTrainingRecorder({
      readout,
      covariances: source.covariances,
      steps: options.steps,
      recordEvery: options.recordEvery,
      measure: options.measure,
    });
    const crossings = createCrossingDetector({ targets: [0.25, 0.4, 0.1] }, readout);
    for (let k = 0; ; k++) {
      kernel.forward();
      expect(kernel.isFinite()).toBe(true);
      if (recorder.due(k)) recorder.take(k, rule.time, kernel);
      crossings.check(k, rule.time, kernel.wbar);
      if (k === options.steps) break;
      nextBatch();
      kernel.gradients();
      kernel.update(rule.next(kernel), 0.3);
    }
    const r = recorder.record;
    expect(r.steps).toEqual(expected.steps);
    expect(r.t).toEqual(expected.t);
    expect(r.wbar).toEqual(expected.wbar);
    expect(r.modeStrength).toEqual(expected.modeStrength);
    expect(r.predictor).toEqual(expected.predictor);
    expect(r.loss).toEqual(expected.loss);
    expect(r.singularValues).toEqual(expected.singularValues);
    expect(crossings.steps).toEqual(expected.criticalSteps);
    expect(crossings.times).toEqual(expected.criticalTimes);
    expect(kernel.snapshot()).toEqual(expected.network);
    // the run is not trivial: step control limited some steps, and some feature crossed
    expect(rule.time).toBeLessThan(options.steps * options.learningRate);
    expect(crossings.steps.some((s) => s !== null)).toBe(true);
  });
});
