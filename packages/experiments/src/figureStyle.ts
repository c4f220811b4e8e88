/**
 * The look shared by every figure, so that a page and the command line draw the same
 * picture from the same specification.
 * @module
 */
import type { FigureSpec } from './figureSpec.js';

/**
 * The font family every figure uses (named explicitly so that a headless renderer does
 * not depend on which fonts the system happens to find).
 * @example
 * ```ts
 * FIGURE_FONT; // => 'DejaVu Sans'
 * ```
 */
export const FIGURE_FONT = 'DejaVu Sans';

/**
 * The vega-lite `config` shared by every figure: explicit font, readable sizes (in
 * pixels), white background, titles aligned with the plot they head.
 * @example
 * ```ts
 * FIGURE_CONFIG.background; // => 'white'
 * ```
 */
export const FIGURE_CONFIG: Readonly<FigureSpec> = {
  font: FIGURE_FONT,
  background: 'white',
  padding: 8,
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 13 },
  // framed by the plot, not by the axes' labels: the titles of a row of panels start at the same x
  title: { fontSize: 14, anchor: 'start', frame: 'group', subtitleFontSize: 11, subtitlePadding: 3 },
  view: { stroke: '#888' },
};

/**
 * A figure ready to render: the specification with {@link FIGURE_CONFIG} merged under
 * its own `config` (its own settings win), and its top-level title framed by the whole
 * figure (the config frames the panels' titles by their plots). The input is not modified.
 * @param spec - a vega-lite specification, e.g. an experiment's `figure(data)`.
 * @returns a new specification whose `config` holds the shared look.
 * @example
 * ```ts
 * const styled = styledFigure({ mark: 'point', title: 'A', config: { padding: 2 } });
 * styled.title; // => { text: 'A', frame: 'bounds' }
 * styled.config; // => { font: 'DejaVu Sans', background: 'white', padding: 2, axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.35 }, legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 }, header: { labelFontSize: 12, titleFontSize: 13 }, title: { fontSize: 14, anchor: 'start', frame: 'group', subtitleFontSize: 11, subtitlePadding: 3 }, view: { stroke: '#888' } }
 * ```
 */
export function styledFigure(spec: FigureSpec): FigureSpec {
  const own = (spec.config ?? {}) as FigureSpec;
  const styled: FigureSpec = { ...spec, config: { ...FIGURE_CONFIG, ...own } };
  if (spec.title !== undefined) {
    const title =
      typeof spec.title === 'object' && spec.title !== null && !Array.isArray(spec.title)
        ? (spec.title as FigureSpec)
        : { text: spec.title };
    styled.title = { ...title, frame: title.frame ?? 'bounds' };
  }
  return styled;
}
