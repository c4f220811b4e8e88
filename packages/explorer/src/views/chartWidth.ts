/**
 * The width charts are drawn at: the content width of a results panel, measured by a
 * ResizeObserver and cached, so that drawing never forces a layout of the page (reading
 * `clientWidth` after a DOM change would, once per view and update).
 * @module
 */

let width = 640;

/** The current chart width in px. */
export function chartWidth(): number {
  return width;
}

/**
 * Records a new width.
 * @param px - the content width of a results panel.
 * @returns whether it changed (the charts need redrawing).
 */
export function setChartWidth(px: number): boolean {
  const rounded = Math.round(px);
  if (rounded <= 0 || rounded === width) return false;
  width = rounded;
  return true;
}
