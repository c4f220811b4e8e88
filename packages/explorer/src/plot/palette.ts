/**
 * Colours of the features: the "tableau10" scheme, vega-lite's default for nominal colours,
 * so that a feature has the colour it has in the figures of `reproduce`. Beyond ten
 * features the colours repeat with a dash pattern.
 * @module
 */

const TABLEAU10 = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3'];

/**
 * The colour of a row of the feature table.
 * @param row - 0-based row.
 * @returns a CSS colour.
 */
export function featureColor(row: number): string {
  return TABLEAU10[row % TABLEAU10.length];
}

/**
 * The dash pattern that tells apart rows sharing a colour (`''` for a solid line).
 * @param row - 0-based row.
 * @returns an SVG `stroke-dasharray`.
 */
export function featureDash(row: number): string {
  return DASHES[Math.floor(row / TABLEAU10.length) % DASHES.length];
}
