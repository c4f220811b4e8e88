/**
 * Figure of result 4: trained networks (circles) over the per-feature ODE (lines).
 * @module
 */
import { featureLabel } from '../../arrange/featureLabel.js';
import { formatSignificant } from '../../arrange/formatSignificant.js';
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { TheoryVsTrainingData, TrainingRun } from './compute.js';
import type { TheoryVsTrainingSettings } from './setting.js';

/** Circles drawn per curve, at most about this many: every recorded point would hide the line. */
const CIRCLES_PER_CURVE = 40;

function panel(run: TrainingRun, settings: TheoryVsTrainingSettings): FigureSpec {
  const diagonal = run.measure === 'diagonal';
  const labels = diagonal
    ? settings.features.map((f) => featureLabel(f))
    : run.simulated.map((_, i) => `mode ${i + 1} (${i + 1}. largest)`);
  const ode = run.ode.flatMap((w, i) => run.t.map((t, k) => ({ t, w: w[k], curve: labels[i] })));
  const every = Math.max(1, Math.floor(run.t.length / CIRCLES_PER_CURVE));
  const sim = run.simulated.flatMap((w, i) => run.t.flatMap((t, k) => (k % every === 0 ? [{ t, w: w[k], curve: labels[i] }] : [])));
  const color = {
    field: 'curve',
    type: 'nominal',
    title: diagonal ? 'feature (λ, ρ)' : 'mode (random init)',
    sort: labels,
    legend: { orient: 'right' },
  };
  return {
    title: {
      text: `${objectiveLabel(run.objective)}, ${diagonal ? 'aligned init' : 'random orthogonal init'}, η = ${run.learningRate}`,
      subtitle: diagonal
        ? `max |simulated − ODE| = ${formatSignificant(run.maxDeviation, 3)}`
        : `expected to miss: max |simulated − ODE| = ${formatSignificant(run.maxDeviation, 3)}; lines: ODE w̄ᵢ sorted by size`,
    },
    width: 280,
    height: 190,
    layer: [
      {
        data: { values: ode },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x: { field: 't', type: 'quantitative', title: 'gradient-flow time t = kη' },
          y: {
            field: 'w',
            type: 'quantitative',
            title: diagonal ? 'end-to-end weight w̄ᵢ(t)' : 'singular values of W̄',
            scale: { domain: [0, 1.05] },
          },
          color,
        },
      },
      {
        data: { values: sim },
        mark: { type: 'point', size: 18, filled: false },
        encoding: { x: { field: 't', type: 'quantitative' }, y: { field: 'w', type: 'quantitative' }, color },
      },
    ],
  };
}

/**
 * The figure of result 4: one row per objective, aligned and random init side by side
 * (the η/2 runs are in the data, not drawn).
 * @param data - what {@link computeTheoryVsTraining} returned.
 * @returns a vega-lite specification.
 */
export function theoryVsTrainingFigure(data: TheoryVsTrainingData): FigureSpec {
  const { depth, epsilon, objectives } = data.settings;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Gradient descent (population gradients, L = ${depth}, ε = ${epsilon}) vs the per-feature gradient flow`,
      subtitle: [
        'lines: per-feature ODE; circles: the trained network (every few recorded steps)',
        'random-init panels are expected to miss the lines: the per-feature ODE describes the aligned start only (docs/math.md §5.3)',
      ],
    },
    resolve: { scale: { color: 'independent' } },
    vconcat: objectives.map((objective) => ({
      hconcat: data.runs.filter((r) => r.objective === objective).map((r) => panel(r, data.settings)),
      resolve: { scale: { color: 'independent' } },
      spacing: 30,
    })),
  };
}
