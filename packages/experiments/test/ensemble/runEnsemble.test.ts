/**
 * runEnsemble and its executors: outputs and reductions in index order whatever the order of
 * completion; the Web Worker pool (on real threads) gives the serial executor's results bit for bit.
 */
import { describe, expect, it } from 'vitest';
import type { EnsembleExecutor } from '../../src/ensemble/ensembleExecutor.js';
import { ensembleRuns } from '../../src/ensemble/ensembleRuns.js';
import { runEnsemble } from '../../src/ensemble/runEnsemble.js';
import { runOutcome, type RunOutcome } from '../../src/ensemble/runOutcome.js';
import type { RunSpec } from '../../src/ensemble/runSpec.js';
import { serialExecutor } from '../../src/ensemble/serialExecutor.js';
import { gridVariations } from '../../src/ensemble/variations.js';
import { webWorkerPoolExecutor } from '../../src/ensemble/webWorkerPoolExecutor.js';
import { InterruptedError } from '../../src/interruptedError.js';
import { seedStudySettings } from '../../../../test/support/seedStudy.js';
import { nodeWebWorker } from './nodeWebWorker.js';

const template: RunSpec = { kind: 'critical-time', settings: { objective: 'jepa', depth: 1, lambda: 1, rho: 1, epsilon: 0.01 } };

/** An executor that reports in reverse index order: the reduction must not notice. */
function reversedExecutor(): EnsembleExecutor {
  return {
    name: 'reversed',
    async execute(runs, report) {
      for (let i = runs.length - 1; i >= 0; i--) await report(i, runOutcome(runs[i]));
    },
    async close() {},
  };
}

const firstTime = (result: unknown): number => (result as { t: (number | null)[] }).t[0] ?? Number.NaN;

describe('runEnsemble(ensemble, options)', () => {
  it('folds outputs in index order whatever order runs finish in; failures are recorded, the rest goes on', async () => {
    // ε = 0.6 ≥ ½ρ: a run without a critical time (a result, not a failure)
    const runs: RunSpec[] = [
      template,
      { kind: 'critical-time', settings: { ...template.settings, epsilon: 0.6 } },
      { kind: 'critical-time', settings: { ...template.settings, depth: 3 } },
    ];
    const ensemble = {
      runs,
      output: (result: unknown, run: RunSpec) => `${run.settings.depth}:${firstTime(result)}`,
      reduce: (acc: string[], out: string, index: number) => [...acc, `${index}=${out}`],
      initial: [] as string[],
    };
    const serial = await runEnsemble(ensemble);
    const reversed = await runEnsemble(ensemble, { executor: reversedExecutor() });
    expect(reversed).toEqual(serial);
    const t = runs.map((run) => firstTime((runOutcome(run) as { result: unknown }).result));
    expect(serial.reduced).toEqual([`0=1:${t[0]}`, '1=1:NaN', `2=3:${t[2]}`]);
    // t* ~ 1e450 by integration: a run that fails (IntegrationError), between two that do not
    const failed: RunSpec = { kind: 'critical-time', settings: { ...template.settings, depth: 2, epsilon: 1e-300, method: 'inverse-ode' } };
    const failing = await runEnsemble({ runs: [template, failed, template] });
    expect(failing.failures.map((f) => [f.index, f.error.name])).toEqual([[1, 'IntegrationError']]);
    expect(failing.outputs.map((o) => o !== undefined)).toEqual([true, false, true]);
  });
  it('template and variations; errors name the run; reduce needs initial; interruption stops between runs', async () => {
    const r = await runEnsemble({ template, variations: gridVariations({ depth: [1, 2, 3] }), output: firstTime });
    expect(r.outputs.map((t) => (t ?? 0) > 0)).toEqual([true, true, true]);
    await expect(runEnsemble({ template, variations: gridVariations({ depth: [1, -1] }) })).rejects.toThrow(/runs\[1\]\.settings\.depth/);
    await expect(runEnsemble({ template, reduce: (a: number) => a })).rejects.toThrow(/ensemble\.initial: is required with reduce/);
    let seen = 0;
    await expect(
      runEnsemble(
        { template, variations: gridVariations({ depth: [1, 2, 3, 4] }) },
        { isInterrupted: () => seen >= 2, onOutcome: () => void seen++ },
      ),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(seen).toBe(2);
  });
});

describe('webWorkerPoolExecutor on real threads (Node worker_threads dressed as Web Workers)', () => {
  it('gives the serial executor’s outcomes bit for bit, for training runs with random init', async () => {
    const runs = ensembleRuns(
      {
        kind: 'training',
        settings: seedStudySettings(2, 300, 2),
      },
      gridVariations({ seed: [0, 1, 2, 3, 4, 5] }),
    );
    const collect = async (executor: EnsembleExecutor): Promise<RunOutcome[]> => {
      const out: RunOutcome[] = [];
      await executor.execute(runs, (i, o) => void (out[i] = o));
      await executor.close();
      return out;
    };
    const serial = await collect(serialExecutor());
    const pooled = await collect(webWorkerPoolExecutor({ create: () => nodeWebWorker(), size: 2 }));
    expect(pooled).toEqual(serial);
    // toEqual treats −0 and 0 alike and every NaN alike: compare the JSON too (results hold neither)
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(serial));
    expect(new Set(serial.map((o) => (o.ok ? JSON.stringify(o.result) : ''))).size).toBe(6);
  });
  it('a worker that dies fails only its run, and is replaced', async () => {
    const runs = ensembleRuns(template, gridVariations({ depth: [1, 2, 3, 4, 5] }));
    const executor = webWorkerPoolExecutor({ create: () => nodeWebWorker({ ENSEMBLE_WORKER_CRASH_ON: '2' }), size: 2 });
    const out: RunOutcome[] = [];
    await executor.execute(runs, (i, o) => void (out[i] = o));
    await executor.close();
    expect(out.map((o) => o.ok)).toEqual([true, true, false, true, true]);
    expect(out[2]).toEqual({ ok: false, error: { name: 'WorkerError', message: 'worker crashed on run 2' } });
  });
  it('a run that is not data a worker accepts comes back as a failed outcome naming the rule', async () => {
    const executor = webWorkerPoolExecutor({ create: () => nodeWebWorker(), size: 1 });
    const out: RunOutcome[] = [];
    const forged = { kind: 'critical-time', settings: { ...template.settings, depth: 'eval("1")' } } as unknown as RunSpec;
    await executor.execute([forged], (i, o) => void (out[i] = o));
    await executor.close();
    expect(out[0]).toEqual({
      ok: false,
      error: {
        name: 'InvalidArgumentError',
        message: 'worker: invalid argument settings.depth: must be an integer ≥ 1; got "eval(\\"1\\")".',
      },
    });
  });
});
