/**
 * Figure of result 8.
 * @module
 */
import { objectiveLabel } from '../../arrange/objectiveLabel.js';
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../../figureSpec.js';
import type { RandomInitData } from './compute.js';

/**
 * The figure of result 8: per feature and cell, the median of t*_train/t*_ODE with its 95 %
 * interval (rule) and the 10–90 % range (faint), with the effective-start prediction (cross);
 * and the proportions of seeds whose order differs and whose weak feature is never learned,
 * with Wilson intervals.
 * @param data - what {@link computeRandomInit} returned.
 * @returns a vega-lite specification.
 */
export function randomInitFigure(data: RandomInitData): FigureSpec {
  const several = data.settings.epsilons.length > 1;
  const cellLabel = (c: RandomInitData['cells'][number]): string =>
    `${objectiveLabel(c.objective)} L=${c.depth} d=${c.d}${several ? ` ε=${c.epsilon}` : ''}`;
  const rows = data.cells.flatMap((c) =>
    c.features.map((f, i) => ({
      label: `${cellLabel(c)}: ${i}`,
      median: f.median,
      low: f.medianInterval[0] ?? f.q10,
      high: f.medianInterval[1] ?? f.q90,
      q10: f.q10,
      q90: f.q90,
      effective: f.effectiveStartMedian,
    })),
  );
  const props = data.cells.flatMap((c) => [
    {
      cell: cellLabel(c),
      what: 'order differs',
      p: c.orderDiffers.estimate,
      low: c.orderDiffers.interval[0],
      high: c.orderDiffers.interval[1],
    },
    {
      cell: cellLabel(c),
      what: 'weak feature never learned',
      p: c.weakNeverLearned.estimate,
      low: c.weakNeverLearned.interval[0],
      high: c.weakNeverLearned.interval[1],
    },
  ]);
  const seeds = data.settings.seeds;
  const y = { field: 'cell', type: 'nominal', sort: null, title: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Random orthogonal initialisation: ${seeds.length} seeds (${seeds[0]}…${seeds[seeds.length - 1]}) per cell against the aligned theory`,
    },
    hconcat: [
      {
        width: 320,
        height: { step: 14 },
        title: 't*_train / t*_ODE: median, its 95 % interval, 10–90 % range; × effective start',
        data: { values: rows },
        encoding: { y: { field: 'label', type: 'nominal', sort: null, title: 'cell: feature i (λ_i, ρ_i in the table)' } },
        layer: [
          {
            mark: { type: 'rule', opacity: 0.3 },
            encoding: { x: { field: 'q10', type: 'quantitative', title: 't*_train / t*_ODE' }, x2: { field: 'q90' } },
          },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
          { mark: { type: 'point', filled: true }, encoding: { x: { field: 'median', type: 'quantitative' } } },
          { mark: { type: 'point', shape: 'cross', color: 'black' }, encoding: { x: { field: 'effective', type: 'quantitative' } } },
        ],
      },
      {
        width: 220,
        height: { step: 16 },
        title: 'proportion of seeds (Wilson 95 %)',
        data: { values: props },
        encoding: { y, color: { field: 'what', type: 'nominal', title: null } },
        layer: [
          {
            mark: { type: 'rule' },
            encoding: { x: { field: 'low', type: 'quantitative', scale: { domain: [0, 1] }, title: 'proportion' }, x2: { field: 'high' } },
          },
          { mark: { type: 'point', filled: true }, encoding: { x: { field: 'p', type: 'quantitative' } } },
        ],
      },
    ],
  };
}
