/**
 * Small stand-in experiments for the tests of the runners (the real results are checked
 * in reproduce.test.ts and packages/experiments/test): one that computes `units` points
 * of y = x², one that needs a missing capability, one that fails. Shared by
 * packages/experiments/test/runExperiments.test.ts and packages/cli/test (not a test file).
 */
import { UnavailableError, type Experiment } from '@jepa-dynamics/experiments';

/** Data of {@link lineExperiment}. */
export interface LineData {
  rows: { x: number; y: number }[];
}

/**
 * An experiment of `units` units of work, the i-th computing the point (i + 1, (i + 1)²).
 * `onUnit` runs inside each unit, before progress is reported (e.g. to advance a fake clock).
 */
export function lineExperiment(id: string, units: number, onUnit: () => void = () => undefined): Experiment<{ units: number }, LineData> {
  return {
    id,
    title: `stand-in ${id}`,
    settings: () => ({ units }),
    units: (settings) => settings.units,
    async run(settings, progress) {
      const rows: LineData['rows'] = [];
      for (let i = 0; i < settings.units; i++) {
        onUnit();
        rows.push({ x: i + 1, y: (i + 1) ** 2 });
        await progress?.(`point ${i}`);
      }
      return { rows };
    },
    document: (data) => ({ rows: data.rows }),
    table: (data) => ({ columns: ['x', 'y'], rows: data.rows }),
    figure: (data) => ({
      data: { values: data.rows },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    }),
    summary: (data) => `${data.rows.length} points`,
  };
}

/** An experiment whose computation needs a library capability that does not exist. */
export const absentExperiment: Experiment<null, never> = {
  id: 'absent',
  title: 'needs a missing API',
  settings: () => null,
  units: () => 1,
  run: () => Promise.reject(new UnavailableError('needs fooBar from @jepa-dynamics/ode, which does not exist yet')),
  document: () => ({}),
  table: () => ({ columns: [], rows: [] }),
  figure: () => ({}),
  summary: () => '',
};

/** An experiment whose computation throws. */
export const failingExperiment: Experiment<null, never> = {
  ...absentExperiment,
  id: 'failing',
  title: 'throws',
  run: () => Promise.reject(new RangeError('integration ended with status stiff at t = 3')),
};
