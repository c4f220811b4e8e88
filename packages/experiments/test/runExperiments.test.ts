/**
 * The runner of `reproduce` (runExperiments) with small stand-in experiments (the real
 * results are checked in test/reproduce.test.ts and test/results/): each
 * experiment computed, absent or failed without costing the others, progress counted
 * honestly, interruption between units of work. The command line's file writing on top
 * of it is checked in packages/cli/test/reproduce/runReproduce.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InterruptedError, runExperiments, toCsv, type ExperimentArtifacts } from '../src/index.js';
import { absentExperiment, failingExperiment, lineExperiment } from '../../../test/support/standInExperiments.js';

/** A progress reporter that records what it was told. */
function recorder(): { events: string[]; progress: { start(total: number): void; advance(label: string): void; stop(): void } } {
  const events: string[] = [];
  return {
    events,
    progress: {
      start: (total) => void events.push(`start ${total}`),
      advance: (label) => void events.push(label),
      stop: () => void events.push('stop'),
    },
  };
}

describe('runExperiments', () => {
  it('computes each experiment and hands its artifacts over; one that throws is failed, one missing a capability absent, and the others still run', async () => {
    const handed: [string, ExperimentArtifacts][] = [];
    const run = await runExperiments([failingExperiment, lineExperiment('a', 3), absentExperiment], {
      mode: 'quick',
      onComputed: (id, artifacts) => void handed.push([id, artifacts]),
    });
    expect(run.outcomes.map((o) => [o.id, o.status])).toEqual([
      ['failing', 'failed'],
      ['a', 'computed'],
      ['absent', 'absent'],
    ]);
    expect(run.outcomes[0].summary).toBe('FAILED, nothing written: RangeError: integration ended with status stiff at t = 3');
    expect(run.outcomes[2].summary).toBe('NOT PRODUCED: needs fooBar from @jepa-dynamics/ode, which does not exist yet');
    expect(run.outcomes.map((o) => o.artifacts === null)).toEqual([true, false, true]);
    expect(handed.map(([id]) => id)).toEqual(['a']);
    const a = handed[0][1];
    expect(a.document).toEqual({
      rows: [
        { x: 1, y: 1 },
        { x: 2, y: 4 },
        { x: 3, y: 9 },
      ],
    });
    expect(toCsv(a.table)).toBe('x,y\n1,1\n2,4\n3,9\n');
    expect(a.summary).toBe('3 points');
    expect(run.outcomes[1].summary).toBe('3 points');
  });

  it('counts every experiment’s units, labels each by its id, and advances the units a failed experiment did not use', async () => {
    const { events, progress } = recorder();
    await runExperiments([lineExperiment('a', 2), failingExperiment, lineExperiment('b', 1)], { mode: 'quick', progress });
    expect(events).toEqual(['start 4', 'a: point 0', 'a: point 1', 'failing: done', 'b: point 0', 'stop']);
  });

  it('a failure in handling the artifacts (rendering, writing) makes the result failed, not the run', async () => {
    const run = await runExperiments([lineExperiment('a', 1), lineExperiment('b', 1)], {
      mode: 'quick',
      onComputed: (id) => {
        if (id === 'a') throw new Error('disk full');
      },
    });
    expect(run.outcomes.map((o) => [o.id, o.status, o.summary])).toEqual([
      ['a', 'failed', 'FAILED, nothing written: Error: disk full'],
      ['b', 'computed', '1 points'],
    ]);
  });

  it('stops at the checkpoint after the unit of work during which it was interrupted, handing over nothing more, and stops the progress', async () => {
    const { events, progress } = recorder();
    const handed: string[] = [];
    let units = 0;
    const checkpoint = (): void => {
      units += 1;
      if (units >= 4) throw new InterruptedError();
    };
    await expect(
      runExperiments([lineExperiment('first', 2), lineExperiment('second', 5)], {
        mode: 'quick',
        progress,
        checkpoint,
        onComputed: (id) => void handed.push(id),
      }),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(handed).toEqual(['first']);
    expect(events).toEqual(['start 7', 'first: point 0', 'first: point 1', 'second: point 0', 'second: point 1', 'stop']);
  });

  it('an InterruptedError thrown while handling the artifacts stops the run too', async () => {
    await expect(
      runExperiments([lineExperiment('a', 1), lineExperiment('b', 1)], {
        mode: 'quick',
        onComputed: () => {
          throw new InterruptedError();
        },
      }),
    ).rejects.toBeInstanceOf(InterruptedError);
  });

  it('times each experiment and the run by the given clock', async () => {
    let ms = 0;
    // each unit of work takes 250 ms of the fake clock
    const tick = (): void => void (ms += 250);
    const run = await runExperiments([lineExperiment('a', 2, tick), lineExperiment('b', 4, tick)], { mode: 'quick', now: () => ms });
    expect(run.outcomes.map((o) => o.seconds)).toEqual([0.5, 1]);
    expect(run.seconds).toBe(1.5);
  });

  it('passes each experiment its own settings for the mode', async () => {
    const seen: string[] = [];
    const base = lineExperiment('m', 1);
    const modal = { ...base, settings: (mode: 'quick' | 'full') => (seen.push(mode), { units: mode === 'quick' ? 1 : 2 }) };
    const run = await runExperiments([modal], { mode: 'full' });
    expect(seen).toEqual(['full']);
    expect(run.outcomes[0].summary).toBe('2 points');
  });

  it('hands every experiment the executor of its options, and none when it has none', async () => {
    const contexts: unknown[] = [];
    const base = lineExperiment('e', 1);
    const recording: typeof base = {
      ...base,
      run: (settings, progress, context) => (contexts.push(context), base.run(settings, progress)),
    };
    const executor = { name: 'stand-in', execute: () => Promise.resolve(), close: () => Promise.resolve() };
    await runExperiments([recording, recording], { mode: 'quick', executor });
    await runExperiments([recording], { mode: 'quick' });
    expect(contexts).toEqual([{ executor }, { executor }, { executor: undefined }]);
  });
});
