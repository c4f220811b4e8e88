/**
 * Run specifications: validation naming the field, and each kind's computation against the
 * library call it stands for (bit for bit) and an independent truth.
 */
import { describe, expect, it } from 'vitest';
import { criticalTime, flowTrajectories } from '@jepa-dynamics/ode';
import { simulateFeatures } from '@jepa-dynamics/sim';
import { simulateModes } from '../../src/arrange/simulateModes.js';
import { executeRun, runColumns } from '../../src/ensemble/executeRun.js';
import { runOutcome } from '../../src/ensemble/runOutcome.js';
import type { RunSpec } from '../../src/ensemble/runSpec.js';
import { validateRunSpec } from '../../src/ensemble/validateRunSpec.js';
import { seedStudySettings } from '../../../../test/support/seedStudy.js';

const critical = { kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 2, epsilon: 1e-3 } } as const;

describe('validateRunSpec(value) checks a run completely, naming the field', () => {
  const bad = (value: unknown, message: RegExp): void => {
    expect(() => validateRunSpec(value)).toThrow(message);
  };
  it('kind, fields, unknown and missing settings', () => {
    bad(null, /invalid argument run: must be an object \{ kind, settings \}/);
    bad({ ...critical, code: 'x' }, /invalid argument code: is not a field of a run/);
    bad(
      { kind: 'training-run', settings: {} },
      /invalid argument kind: must be 'critical-time', 'trajectory', 'training', 'matrix-flow' or 'mode-training'/,
    );
    bad({ kind: 'critical-time', settings: [] }, /invalid argument settings: must be an object/);
    bad(
      { kind: 'critical-time', settings: { ...critical.settings, sed: 1 } },
      /invalid argument settings\.sed: is not a setting of a critical-time run \(its settings: objective, depth/,
    );
    bad(
      { kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 2 } },
      /invalid argument settings\.epsilon: is required/,
    );
  });
  it('each setting by its rule, with the library’s wording', () => {
    bad({ kind: 'critical-time', settings: { ...critical.settings, depth: 1.5 } }, /settings\.depth: must be an integer ≥ 1; got 1\.5/);
    bad({ kind: 'critical-time', settings: { ...critical.settings, fraction: 1 } }, /settings\.fraction: must be a number in \(0, 1\)/);
    bad(
      { kind: 'critical-time', settings: { ...critical.settings, method: 'rk4' } },
      /settings\.method: must be 'exact', 'ode', 'inverse-ode' or 'leading-order'/,
    );
    bad(
      { kind: 'trajectory', settings: { ...critical.settings, tEnd: 1, method: 'euler' } },
      /settings\.method: must be 'dopri5', 'dop853', 'odex', 'rodas4'/,
    );
    bad(
      { kind: 'training', settings: { ...critical.settings, lr: 0.1, steps: 10, seed: 2 ** 32 } },
      /settings\.seed: must be an integer from 0 to 4294967295/,
    );
  });
  it('rules between settings', () => {
    bad(
      { kind: 'critical-time', settings: { objective: 'jepa', depth: 2, lambda: 1, epsilon: 1e-3 } },
      /invalid argument settings: must give at least two of sigma2, lambda, rho/,
    );
    bad({ kind: 'critical-time', settings: { ...critical.settings, rho: -2 } }, /settings\.rho: must have the same sign as lambda/);
    bad(
      { kind: 'critical-time', settings: { ...critical.settings, features: [{ lambda: 1, rho: 1 }] } },
      /settings\.features: cannot be given together with lambda, rho or sigma2/,
    );
    const { lambda: _l, rho: _r, ...noFeature } = critical.settings;
    bad(
      { kind: 'critical-time', settings: { ...noFeature, features: [{ lambda: 1, rho: 1 }, { lambda: 1 }] } },
      /settings\.features\[1\]: must give at least two/,
    );
    bad(
      { kind: 'critical-time', settings: { ...noFeature, features: [{ lambda: 1, rho: 1, mu: 2 }] } },
      /settings\.features\[0\]\.mu: is not allowed/,
    );
    const training = { ...critical.settings, lr: 0.1, steps: 10 };
    bad({ kind: 'training', settings: { ...training, batchSize: 4 } }, /settings\.batchSize: needs samples/);
    bad({ kind: 'training', settings: { ...training, samples: 2, batchSize: 4 } }, /settings\.batchSize: must be at most samples \(2\)/);
    bad({ kind: 'training', settings: { ...training, objective: 'mae', ema: 0.5 } }, /settings\.ema: applies only to objective jepa/);
    const matrix = { objective: 'mae', depth: 1, epsilon: 0.1, tEnd: 1 };
    bad(
      {
        kind: 'matrix-flow',
        settings: {
          ...matrix,
          sigmaXX: [
            [1, 0],
            [0, -1],
          ],
          sigmaYX: [
            [1, 0],
            [0, 1],
          ],
        },
      },
      /settings\.sigmaXX: must be positive definite/,
    );
    bad({ kind: 'matrix-flow', settings: { ...matrix, sigmaXX: [[1]] } }, /settings\.sigmaYX: must be given together/);
    const modes = { objective: 'jepa', depth: 1, epsilon: 0.1, lr: 0.1, steps: 10 };
    const identity = [
      [1, 0],
      [0, 1],
    ];
    bad({ kind: 'mode-training', settings: { ...modes, sigmaXX: identity } }, /settings\.sigmaYX: is required/);
    bad(
      { kind: 'mode-training', settings: { ...modes, sigmaXX: identity, sigmaYX: [[1, 0], [0]] } },
      /settings\.sigmaYX\[1\]: must hold 2 numbers/,
    );
    bad(
      { kind: 'mode-training', settings: { ...modes, sigmaXX: identity, sigmaYX: [[1, 0]] } },
      /settings\.sigmaYX: must have 2 rows like sigmaXX/,
    );
    bad(
      {
        kind: 'mode-training',
        settings: {
          ...modes,
          sigmaXX: [
            [1, 2],
            [2, 1],
          ],
          sigmaYX: identity,
        },
      },
      /settings\.sigmaXX: must be .*positive definite/,
    );
    bad(
      {
        kind: 'mode-training',
        settings: {
          ...modes,
          sigmaXX: identity,
          sigmaYX: [
            [1, 0.5],
            [0, 1],
          ],
        },
      },
      /settings\.sigmaYX: must be symmetric/,
    );
    bad(
      { kind: 'mode-training', settings: { ...modes, sigmaXX: identity, sigmaYX: identity, steps: 0 } },
      /settings\.steps: must be an integer ≥ 1/,
    );
  });
  it('returns a copy holding the checked values', () => {
    const input = { kind: 'critical-time', settings: { ...critical.settings } };
    const spec = validateRunSpec(input);
    expect(spec).toEqual(input);
    expect(spec.settings).not.toBe(input.settings);
  });
});

describe('executeRun(spec) is the library call of its kind, to the last bit', () => {
  it('critical-time: the closed form (JEPA, L = 1, σ² = ρ = 1, ε = ¼: t* = 2 + ln 3) and criticalTime', () => {
    const r = executeRun({ kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.25 } });
    if (!('status' in r && 'uStar' in r)) throw new Error('not a critical-time result');
    // the closed form written out: ln(u*(ρ−u0)/(u0(ρ−u*))) + 1/u0 − 1/u* with u0 = ¼, u* = ½
    expect(Math.abs((r.t[0] ?? 0) - (2 + Math.log(3))) / (2 + Math.log(3))).toBeLessThan(4e-16);
    const features = [
      { lambda: 1, rho: 3 },
      { sigma2: 2, rho: 0.5 },
      { lambda: -1, rho: -1 },
    ];
    for (const method of ['exact', 'leading-order', 'inverse-ode'] as const) {
      const settings = { objective: 'mae', depth: 3, features, epsilon: 1e-3, fraction: 0.7, method, time: 'paper' } as const;
      const many = executeRun({ kind: 'critical-time', settings });
      features.forEach((f, i) => {
        const one = criticalTime(f, { objective: 'mae', depth: 3, epsilon: 1e-3, fraction: 0.7, method, timeUnit: 'paper' });
        expect('t' in many && many.t[i]).toBe(one.exists ? one.t : null);
      });
      expect('status' in many && many.status).toEqual(['exists', 'exists', 'rho-not-positive']);
    }
  });
  it('trajectory: flowTrajectories', () => {
    const settings = { objective: 'jepa', depth: 3, features: [{ lambda: 1, rho: 2 }], epsilon: 1e-2, tEnd: 30, points: 7 } as const;
    const r = executeRun({ kind: 'trajectory', settings });
    const ref = flowTrajectories(settings.features, { objective: 'jepa', depth: 3, epsilon: 1e-2, tEnd: 30, points: 7, rtol: 1e-10 });
    expect(r).toEqual({ t: Array.from(ref.t), wbar: ref.wbar.map((w) => Array.from(w)) });
  });
  it('training: simulateFeatures with the same seed, and a result that survives JSON', () => {
    const settings = { ...seedStudySettings(2, 400, 2), seed: 9 };
    const r = executeRun({ kind: 'training', settings });
    const ref = simulateFeatures({ ...settings, features: [...settings.features], learningRate: 0.05 });
    expect('maxDeviation' in r && r.maxDeviation).toBe(ref.deviation.max);
    expect('wbar' in r && r.wbar).toEqual(ref.wbar);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(runColumns({ kind: 'training', settings }, r)).toMatchObject({
      status: 'completed',
      stoppedAt: 400,
      orderAgrees: expect.any(Boolean),
    });
  });
  it('matrix-flow: with aligned init and diagonal covariances, diag W̄ follows the per-feature flows (docs/math.md §2)', () => {
    const features = [
      { lambda: 1, rho: 2 },
      { lambda: 0.8, rho: 0.5 },
    ];
    const directions = [
      [1, 0],
      [0.6, 0.8],
    ];
    const settings = { objective: 'mae', depth: 2, features, epsilon: 1e-2, tEnd: 20, points: 5, rtol: 1e-10, directions } as const;
    const r = executeRun(validateRunSpec({ kind: 'matrix-flow', settings }));
    if (!('singularValues' in r)) throw new Error('not a matrix-flow result');
    // W̄ diagonal: ‖W̄u‖ = hypot(u_0 W̄_00, u_1 W̄_11)
    r.diagonal.forEach(([a, b], k) => {
      expect(r.amplitude?.[0][k]).toBe(Math.abs(a ?? Number.NaN));
      expect(Math.abs((r.amplitude?.[1][k] ?? 0) - Math.hypot(0.6 * (a ?? 0), 0.8 * (b ?? 0)))).toBeLessThan(1e-15);
    });
    expect(() => validateRunSpec({ kind: 'matrix-flow', settings: { ...settings, directions: [[1, 0, 0]] } })).toThrow(
      /settings\.directions\[0\]: must hold d = 2 numbers; got 3/,
    );
    const ref = flowTrajectories(features, { objective: 'mae', depth: 2, epsilon: 1e-2, tEnd: 20, points: 5, rtol: 1e-12 });
    // both integrations to rtol ≤ 1e-10 of the same exact solution: 1e-7 relative leaves a margin for the accumulated error of the stiff solver over 20 time units
    for (let k = 0; k < 5; k++) {
      features.forEach((_, i) => expect(Math.abs((r.diagonal[k][i] ?? 0) - ref.wbar[i][k]) / ref.wbar[i][k]).toBeLessThan(1e-7));
      // W̄ is diagonal with positive entries: its singular values are those entries, sorted
      expect(r.singularValues[k]).toEqual([...r.diagonal[k]].sort((a, b) => (b ?? 0) - (a ?? 0)));
    }
  });
  it('mode-training: the result of simulateModes as JSON; with diagonal covariances the modes are the features (ρ-descending), each predicted by its exact t* and learned by training within O(η)', () => {
    // two features (λ, ρ) on the diagonal: σ² = λ/ρ, Σyx = diag(λ); the second has the larger ρ
    const features = [
      { lambda: 0.6, rho: 0.5 },
      { lambda: 1.2, rho: 1.5 },
    ];
    const settings = {
      objective: 'jepa',
      depth: 2,
      sigmaXX: [
        [features[0].lambda / features[0].rho, 0],
        [0, features[1].lambda / features[1].rho],
      ],
      sigmaYX: [
        [features[0].lambda, 0],
        [0, features[1].lambda],
      ],
      epsilon: 1e-2,
      lr: 0.05,
      steps: 20000,
      recordEvery: 10,
    } as const;
    const spec = validateRunSpec({ kind: 'mode-training', settings });
    const r = executeRun(spec);
    if (!('orderTrained' in r)) throw new Error('not a mode-training result');
    const direct = simulateModes({
      objective: 'jepa',
      depth: 2,
      sigmaXX: Float64Array.from(settings.sigmaXX.flat()),
      sigmaYX: Float64Array.from(settings.sigmaYX.flat()),
      init: { kind: 'aligned', epsilon: 1e-2 },
      learningRate: 0.05,
      steps: 20000,
      recordEvery: 10,
      fraction: 0.5,
    });
    expect(r.modes).toEqual(direct.modes);
    expect(r.t).toEqual(direct.t);
    expect(r.status).toBe('completed');
    [features[1], features[0]].forEach((f, k) => {
      const c = criticalTime(f, { objective: 'jepa', depth: 2, epsilon: 1e-2, fraction: 0.5 });
      if (!c.exists) throw new Error(c.message);
      const exact = c.t;
      expect(Math.abs((r.modes[k].predicted ?? 0) / exact - 1)).toBeLessThan(1e-12);
      // t* = 309 and 774 (to t = 1000, records 0.5 apart): explicit Euler at η = 0.05 is a first-order error well under 1 %
      expect(Math.abs((r.modes[k].learnedAt ?? 0) / exact - 1)).toBeLessThan(0.01);
    });
    expect(runColumns(spec, r)).toEqual({
      status: 'completed',
      tTrained_0: r.modes[0].learnedAt,
      tTrained_1: r.modes[1].learnedAt,
      tPredicted_0: r.modes[0].predicted,
      tPredicted_1: r.modes[1].predicted,
      orderAgrees: true,
      maxLeakage: 0,
    });
  });
  it('runOutcome captures a failed computation as data', () => {
    // t* ~ ε^{−3/2} = 1e450 at L = 2: the integration of t(ln u) overflows and ends with a status, which criticalTime throws
    const spec: RunSpec = {
      kind: 'critical-time',
      settings: { objective: 'jepa', depth: 2, lambda: 1, rho: 1, epsilon: 1e-300, method: 'inverse-ode' },
    };
    const outcome = runOutcome(spec);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error).toMatchObject({ name: 'IntegrationError', message: expect.stringMatching(/^criticalTimes: the inverse/) });
  });
});
