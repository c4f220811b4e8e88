/**
 * Figures as vega-lite specifications: plain JSON objects, rendered by whoever shows
 * them (the command line renders them headless to SVG and PNG; a web page can hand
 * them to vega-embed).
 * @module
 */

/**
 * A vega-lite specification as plain JSON (vega-lite's own TypeScript types are too
 * narrow for specifications built from data; vega-lite validates the structure when it
 * compiles one). Figures carry their data inline (`data.values`) and no `config`: the
 * shared look is {@link FIGURE_CONFIG}, merged in by {@link styledFigure}.
 */
export type FigureSpec = Record<string, unknown>;

/**
 * The vega-lite JSON schema every figure declares as its `$schema`.
 * @example
 * ```ts
 * VEGA_LITE_SCHEMA; // => 'https://vega.github.io/schema/vega-lite/v6.json'
 * ```
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
