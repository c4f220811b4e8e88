/**
 * The figure a sweep draws from its table.
 *
 * @module
 */
import { VEGA_LITE_SCHEMA, type FigureSpec } from '../figureSpec.js';
import type { Cell } from './runKind.js';
import type { SweepFigure } from './sweepSpec.js';

/**
 * A vega-lite specification of a sweep's figure (render it like `reproduce`'s figures):
 * - `heatmap`: a rectangle per (x, y) cell, coloured by the mean of `color` over the runs
 *   of the cell (e.g. over seeds); cells without a number stay empty;
 * - `line`: the mean of `y` over the runs that share `x` (and `color`) against `x`, with
 *   points, one line per value of `color`.
 * Rows whose plotted cells are not numbers (a failed run, a critical time that does not
 * exist) are left out, and the subtitle says how many.
 *
 * @param figure - what to draw (as read by `readSweepSpec`).
 * @param rows - the sweep's table rows.
 * @param title - the figure's title (the sweep's name).
 * @returns the vega-lite specification (without the shared look: `styledFigure`).
 * @example
 * ```ts
 * const spec = sweepFigure({ type: 'line', x: 'depth', y: 't' }, [{ depth: 1, t: 2 }, { depth: 2, t: null }], 'critical times');
 * (spec.title as { subtitle: string }).subtitle; // => "1 of 2 runs plotted (the others have no number to plot)"
 * ```
 */
export function sweepFigure(figure: SweepFigure, rows: readonly Record<string, Cell>[], title: string): FigureSpec {
  const numeric = (v: Cell | undefined): boolean => typeof v === 'number' && Number.isFinite(v);
  const plotted = rows.filter((r) => {
    if (figure.type === 'heatmap') return r[figure.x] !== null && r[figure.y] !== null && numeric(r[figure.color ?? '']);
    return numeric(r[figure.x]) && numeric(r[figure.y]);
  });
  const values = plotted.map((r) => {
    const v: Record<string, Cell> = { x: r[figure.x], y: r[figure.y] };
    if (figure.color !== undefined) v.color = r[figure.color];
    return v;
  });
  const subtitle =
    plotted.length === rows.length
      ? `${rows.length} runs`
      : `${plotted.length} of ${rows.length} runs plotted (the others have no number to plot)`;
  const scale = (s: 'linear' | 'log' | undefined): Record<string, unknown> => (s === 'log' ? { type: 'log' } : { zero: false });
  if (figure.type === 'heatmap') {
    return {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle },
      data: { values },
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'x', type: 'ordinal', title: figure.x },
        y: { field: 'y', type: 'ordinal', title: figure.y, sort: 'descending' },
        color: {
          field: 'color',
          type: 'quantitative',
          aggregate: 'mean',
          title: `${figure.color ?? ''} (mean)`,
          scale: scale(figure.yScale),
        },
        tooltip: [
          { field: 'x', type: 'ordinal', title: figure.x },
          { field: 'y', type: 'ordinal', title: figure.y },
          { field: 'color', type: 'quantitative', aggregate: 'mean', title: figure.color },
          { field: 'color', type: 'quantitative', aggregate: 'count', title: 'runs' },
        ],
      },
      width: 480,
      height: 320,
    };
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle },
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: figure.x, scale: scale(figure.xScale) },
      y: { field: 'y', type: 'quantitative', aggregate: 'mean', title: `${figure.y} (mean)`, scale: scale(figure.yScale) },
      ...(figure.color === undefined ? {} : { color: { field: 'color', type: 'nominal', title: figure.color } }),
    },
    width: 480,
    height: 320,
  };
}
