/**
 * Several charts as one SVG, one below the other (a view's panels in one exported file).
 * @module
 */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * @param charts - the charts' `<svg>` elements (not modified: copies are nested).
 * @returns one `<svg>` holding them all, as wide as the widest, or null if there is none.
 */
export function stackCharts(charts: readonly SVGSVGElement[]): SVGSVGElement | null {
  if (charts.length === 0) return null;
  if (charts.length === 1) return charts[0];
  const width = Math.max(...charts.map((c) => Number(c.getAttribute('width'))));
  const svg = document.createElementNS(SVG, 'svg');
  let y = 0;
  for (const chart of charts) {
    const copy = chart.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('y', String(y));
    svg.append(copy);
    y += Number(chart.getAttribute('height'));
  }
  for (const [k, v] of Object.entries({ xmlns: SVG, width, height: y, viewBox: `0 0 ${width} ${y}` })) svg.setAttribute(k, String(v));
  return svg;
}
